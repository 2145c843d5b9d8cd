import RealModule

/// Losses over the two parameters θ = (θ₀, θ₁) of a linear model of a `ToyDataset`,
/// zᵢ = θ₀·uᵢ + θ₁·vᵢ with (uᵢ, vᵢ) = (xᵢ, 1) (θ = (w, b)) or (x₁ᵢ, x₂ᵢ) (θ = (w₁, w₂)). Each is the
/// mean over a set of example indices, so the full set gives the true loss and a subset a mini-batch
/// (stochastic) estimate, as `torch.nn.MSELoss()` and `torch.nn.BCEWithLogitsLoss()` (mean reduction)
/// give them.
enum DatasetLosses {
    static let standard = ToyDataset.standard

    /// Least squares w* = 6/53, b* = 1/53 (normal equations of the fixed data, exact fractions).
    static let linregMinimum = Point2(6.0 / 53.0, 1.0 / 53.0)

    static let linreg = SurfaceInfo(
        displayName: "Linear regression (MSE)",
        summary: "mean (w x + b - y)^2 over the 12-point dataset; minimum at (6/53, 1/53); stochastic with --batch-size; your own data with --dataset",
        formula: "$L(w, b) = \\frac{1}{n}\\sum_{i} (w x_{i} + b - y_{i})^{2}$",
        minima: [linregMinimum], saddles: [],
        viewBox: ViewBox(xmin: -0.5, xmax: 0.7, ymin: -2, ymax: 2), suggestedStart: Point2(-0.3, 1.5))

    static let logreg = SurfaceInfo(
        displayName: "Logistic regression (BCE)",
        summary: "mean BCE of sigmoid(w x + b) over the 12-point dataset; separable, so no finite minimum; your own data with --dataset",
        formula: "$L(w, b) = \\frac{1}{n}\\sum_{i} BCE(\\sigma(w x_{i} + b), y_{i})$",
        minima: [], saddles: [],
        viewBox: ViewBox(xmin: -1, xmax: 3, ymin: -10, ymax: 4), suggestedStart: Point2(0, 0))

    /// Mean squared residual (1/n)Σ (θ₀uᵢ + θ₁vᵢ − yᵢ)² over `indices`.
    static func linregValue<C: Collection>(_ data: ToyDataset, _ p: Double, _ q: Double, _ indices: C) -> Double
    where C.Element == Int {
        var sum = 0.0
        for i in indices {
            let (u, v) = data.features(i)
            let r = p * u + q * v - data.labels[i]
            sum += r * r
        }
        return sum / Double(indices.count)
    }

    /// (2/n)Σ rᵢuᵢ, (2/n)Σ rᵢvᵢ with rᵢ = θ₀uᵢ + θ₁vᵢ − yᵢ.
    static func linregGradient<C: Collection>(_ data: ToyDataset, _ p: Double, _ q: Double, _ indices: C) -> (Double, Double)
    where C.Element == Int {
        var gp = 0.0
        var gq = 0.0
        for i in indices {
            let (u, v) = data.features(i)
            let r = p * u + q * v - data.labels[i]
            gp += r * u
            gq += r * v
        }
        let scale = 2 / Double(indices.count)
        return (scale * gp, scale * gq)
    }

    /// Mean BCE with logits zᵢ = θ₀uᵢ + θ₁vᵢ over `indices` (torch's `BCEWithLogitsLoss`).
    static func logregValue<C: Collection>(_ data: ToyDataset, _ p: Double, _ q: Double, _ indices: C) -> Double
    where C.Element == Int {
        var sum = 0.0
        for i in indices {
            let (u, v) = data.features(i)
            sum += BinaryCrossEntropy.logit(p * u + q * v, data.labels[i])
        }
        return sum / Double(indices.count)
    }

    /// (1/n)Σ (σ(zᵢ) − yᵢ)uᵢ, (1/n)Σ (σ(zᵢ) − yᵢ)vᵢ.
    static func logregGradient<C: Collection>(_ data: ToyDataset, _ p: Double, _ q: Double, _ indices: C) -> (Double, Double)
    where C.Element == Int {
        var gp = 0.0
        var gq = 0.0
        for i in indices {
            let (u, v) = data.features(i)
            let e = BinaryCrossEntropy.logitGradient(p * u + q * v, data.labels[i])
            gp += e * u
            gq += e * v
        }
        let n = Double(indices.count)
        return (gp / n, gq / n)
    }
}
