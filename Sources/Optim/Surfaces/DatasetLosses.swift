import RealModule

/// Losses over the parameters (w, b) of a 1-D model fitted to `ToyDataset.standard`; each is the
/// mean over a set of example indices, so the full set gives the true loss and a subset a
/// mini-batch (stochastic) estimate.
enum DatasetLosses {
    static let data = ToyDataset.standard

    /// Least squares w* = 6/53, b* = 1/53 (normal equations of the fixed data, exact fractions).
    static let linregMinimum = Point2(6.0 / 53.0, 1.0 / 53.0)

    static let linreg = SurfaceInfo(
        displayName: "Linear regression (MSE)",
        summary: "mean (w x + b - y)^2 over the 12-point dataset; minimum at (6/53, 1/53); stochastic with --batch-size",
        formula: "$L(w, b) = \\frac{1}{n}\\sum_{i} (w x_{i} + b - y_{i})^{2}$",
        minima: [linregMinimum], saddles: [],
        viewBox: ViewBox(xmin: -0.5, xmax: 0.7, ymin: -2, ymax: 2), suggestedStart: Point2(-0.3, 1.5))

    static let logreg = SurfaceInfo(
        displayName: "Logistic regression (BCE)",
        summary: "mean BCE of sigmoid(w x + b) over the 12-point dataset; separable, so no finite minimum",
        formula: "$L(w, b) = \\frac{1}{n}\\sum_{i} BCE(\\sigma(w x_{i} + b), y_{i})$",
        minima: [], saddles: [],
        viewBox: ViewBox(xmin: -1, xmax: 3, ymin: -10, ymax: 4), suggestedStart: Point2(0, 0))

    /// Mean squared residual of w·x + b over `indices`.
    static func linregValue<C: Collection>(_ w: Double, _ b: Double, _ indices: C) -> Double where C.Element == Int {
        var sum = 0.0
        for i in indices {
            let r = w * data.inputs[i] + b - data.labels[i]
            sum += r * r
        }
        return sum / Double(indices.count)
    }

    /// (2/n)Σ rᵢxᵢ, (2/n)Σ rᵢ.
    static func linregGradient<C: Collection>(_ w: Double, _ b: Double, _ indices: C) -> (Double, Double) where C.Element == Int {
        var gw = 0.0
        var gb = 0.0
        for i in indices {
            let r = w * data.inputs[i] + b - data.labels[i]
            gw += r * data.inputs[i]
            gb += r
        }
        let scale = 2 / Double(indices.count)
        return (scale * gw, scale * gb)
    }

    /// Mean BCE with logits zᵢ = w·xᵢ + b over `indices`.
    static func logregValue<C: Collection>(_ w: Double, _ b: Double, _ indices: C) -> Double where C.Element == Int {
        var sum = 0.0
        for i in indices {
            sum += BinaryCrossEntropy.logit(w * data.inputs[i] + b, data.labels[i])
        }
        return sum / Double(indices.count)
    }

    /// (1/n)Σ (σ(zᵢ) − yᵢ)xᵢ, (1/n)Σ (σ(zᵢ) − yᵢ).
    static func logregGradient<C: Collection>(_ w: Double, _ b: Double, _ indices: C) -> (Double, Double) where C.Element == Int {
        var gw = 0.0
        var gb = 0.0
        for i in indices {
            let e = BinaryCrossEntropy.logitGradient(w * data.inputs[i] + b, data.labels[i])
            gw += e * data.inputs[i]
            gb += e
        }
        let n = Double(indices.count)
        return (gw / n, gb / n)
    }
}
