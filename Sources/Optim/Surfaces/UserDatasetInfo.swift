import RealModule

/// What a figure needs to show `linreg_mse` or `logreg_bce` over the user's examples: the minimum,
/// a view box and a start, worked out from the data.
///
/// - `linreg_mse`: with A = (1/n)Σ fᵢfᵢᵀ and c = (1/n)Σ yᵢfᵢ (fᵢ = (uᵢ, vᵢ), see `ToyDataset`), the
///   loss is L(θ) = L* + (θ − θ*)ᵀA(θ − θ*) with the least-squares minimum θ* = A⁻¹c (the normal
///   equations).
/// - `logreg_bce`: Newton's method (iteratively reweighted least squares) from θ = 0 finds the minimum
///   when the classes overlap; when they are separable there is none (the loss falls towards 0 as the
///   weights grow without bound) and the view runs from the origin to where Newton's iterates bring the
///   loss below 0.1 (from ln 2 ≈ 0.69 at θ = 0), so the way down is on the figure.
/// Both start at θ = (0, 0), the usual zero initialisation, and show the box from the start to the
/// minimum (or that low point) with a margin (see `view(from:reach:moments:)`).
enum UserDatasetInfo {
    /// The most examples a dataset may hold: every point of a 300 × 300 contour grid and every step
    /// costs one pass over the data.
    static let maximumExamples = 10_000

    /// Throws `OptimError` unless the examples suit the loss: 2 to `maximumExamples` examples, arrays of
    /// one length, finite numbers, labels 0 or 1 for `logreg_bce`, and inputs that tell the two
    /// parameters apart (x not all equal; x₂ not a multiple of x₁).
    static func check(_ data: ToyDataset, classification: Bool) throws {
        let n = data.count
        guard n >= 2 else { throw OptimError("\(n) example\(n == 1 ? "" : "s"); expected at least 2") }
        guard n <= maximumExamples else {
            throw OptimError("\(n) examples; expected at most \(maximumExamples) (a random sample draws the same surface)")
        }
        guard data.labels.count == n, (data.secondInputs?.count ?? n) == n else {
            throw OptimError("the columns have different lengths; expected one value of each per example")
        }
        let all = data.inputs + (data.secondInputs ?? []) + data.labels
        guard all.allSatisfy(\.isFinite) else { throw OptimError("a value is not finite; expected finite numbers") }
        if classification, let bad = data.labels.first(where: { $0 != 0 && $0 != 1 }) {
            throw OptimError("label \(bad) is not allowed; expected 0 or 1")
        }
        // The moments square the inputs: past √(largest double) ≈ 1.34×10¹⁵⁴ that overflows, and x = 10²⁰⁰, 2×10²⁰⁰ read
        // as "every x is the same". Said for what it is.
        let columns = [("x" + (data.hasTwoFeatures ? "1" : ""), data.inputs), ("x2", data.secondInputs ?? []), ("y", classification ? [] : data.labels)]
        for (name, values) in columns {
            if let big = values.max(by: { abs($0) < abs($1) }), abs(big) > Double.greatestFiniteMagnitude.squareRoot() {
                throw OptimError("\(name) reaches \(big): its square overflows float64 (above 1.3e+154); expected the data rescaled")
            }
        }
        if moments(data).isSingular {
            throw OptimError(data.hasTwoFeatures
                ? "x2 is a multiple of x1 (or one of them is all zeros): w1 and w2 cannot be told apart, so the loss has no single minimum; expected two independent features"
                : "every x is the same (\(data.inputs[0])): w and b cannot be told apart, so the loss has no single minimum; expected at least two different x")
        }
    }

    /// `linreg_mse` over `data` (checked with `check`).
    static func linreg(_ data: ToyDataset) -> SurfaceInfo {
        let m = moments(data)
        let minimum = m.solve(m.c)
        let all = Array(0..<data.count)
        let gap = DatasetLosses.linregValue(data, 0, 0, all) - DatasetLosses.linregValue(data, minimum.x, minimum.y, all)
        // Gradient descent from 0 first falls across the valley to its floor (the line through θ* along A's
        // flattest direction), then follows it: the view holds that foot too.
        let v = m.flattestDirection
        let along = -minimum.x * v.x - minimum.y * v.y
        let foot = Point2(minimum.x + along * v.x, minimum.y + along * v.y)
        let box = view(from: [minimum, foot], reach: max(gap, 1e-3 * max(m.meanY2, 1e-12)), moments: m)
        let (a, b) = data.parameterSymbols
        let model = data.hasTwoFeatures ? "w_1 x_{i,1} + w_2 x_{i,2}" : "w x_{i} + b"
        return SurfaceInfo(
            displayName: "Linear regression (MSE), " + described(data),
            summary: "mean squared error of the fit over \(data.count) examples; least-squares minimum at \(minimum)",
            formula: "$L(\(a), \(b)) = \\frac{1}{n}\\sum_{i} (\(model) - y_{i})^{2}$",
            minima: [minimum], saddles: [],
            viewBox: box,
            suggestedStart: Point2(0, 0))
    }

    /// `logreg_bce` over `data` (checked with `check`).
    static func logreg(_ data: ToyDataset) -> SurfaceInfo {
        let (end, converged) = newton(data)
        // Near θ = 0 the BCE is ln 2 + gᵀθ + ½θᵀ(A/4)θ: its rise by ln 2 is L − ln 2 = θᵀ(A/8)θ.
        let box = view(from: [end], reach: 8 * Double.log(2.0), moments: moments(data), least: 0.5)
        let (a, b) = data.parameterSymbols
        let model = data.hasTwoFeatures ? "w_1 x_{i,1} + w_2 x_{i,2}" : "w x_{i} + b"
        return SurfaceInfo(
            displayName: "Logistic regression (BCE), " + described(data),
            summary: "mean BCE of the fit over \(data.count) examples; "
                + (converged ? "minimum at \(end)" : "separable, so no finite minimum"),
            formula: "$L(\(a), \(b)) = \\frac{1}{n}\\sum_{i} BCE(\\sigma(\(model)), y_{i})$",
            minima: converged ? [end] : [], saddles: [],
            viewBox: box, suggestedStart: Point2(0, 0))
    }

    /// The box around the origin (the start) and `points` (the minimum, or where the loss is low, and
    /// where the path meets the valley floor), padded on each side by 35 % of its span, and at least by
    /// `least` times the distance along each axis over which the quadratic θᵀAθ grows by `reach` (so a
    /// minimum at the origin, or a symmetric data set's b = 0, still gets a view).
    static func view(from points: [Point2], reach: Double, moments m: Moments, least: Double = 0.1) -> ViewBox {
        let inverse = m.inverseDiagonal
        let xs = points.map(\.x) + [0], ys = points.map(\.y) + [0]
        let (x0, x1) = (xs.min() ?? 0, xs.max() ?? 0), (y0, y1) = (ys.min() ?? 0, ys.max() ?? 0)
        let px = max(0.35 * (x1 - x0), least * (reach * inverse.0).squareRoot())
        let py = max(0.35 * (y1 - y0), least * (reach * inverse.1).squareRoot())
        return ViewBox(xmin: x0 - px, xmax: x1 + px, ymin: y0 - py, ymax: y1 + py)
    }

    /// "12 examples from data.csv".
    static func described(_ data: ToyDataset) -> String {
        "\(data.count) examples" + (data.source.map { " from " + $0 } ?? "")
    }

    /// Newton's method on the full BCE from θ = 0, at most 50 iterations: the minimum and true when the
    /// step becomes negligible, else the first iterate whose loss is below 0.1 (or the last one) and false.
    static func newton(_ data: ToyDataset) -> (Point2, Bool) {
        let all = Array(0..<data.count)
        var p = 0.0, q = 0.0
        for _ in 0..<50 {
            var h00 = 0.0, h01 = 0.0, h11 = 0.0
            for i in all {
                let (u, v) = data.features(i)
                let s = Kernel.sigmoid(p * u + q * v), w = s * (1 - s)
                h00 += w * u * u; h01 += w * u * v; h11 += w * v * v
            }
            let n = Double(data.count)
            h00 /= n; h01 /= n; h11 /= n
            let det = h00 * h11 - h01 * h01
            let (gp, gq) = DatasetLosses.logregGradient(data, p, q, all)
            guard det > 1e-14 * h00 * h11, det.isNormal else { break }
            let dp = (h11 * gp - h01 * gq) / det, dq = (h00 * gq - h01 * gp) / det
            p -= dp; q -= dq
            guard p.isFinite, q.isFinite else { return (Point2(0, 0), false) }
            if (dp * dp + dq * dq).squareRoot() <= 1e-10 * (1 + (p * p + q * q).squareRoot()) {
                return (Point2(p, q), true)
            }
            if DatasetLosses.logregValue(data, p, q, all) < 0.1 { break }
        }
        return (Point2(p, q), false)
    }

    /// The second moments A = (1/n)Σ fᵢfᵢᵀ and c = (1/n)Σ yᵢfᵢ of the examples.
    struct Moments {
        var a00 = 0.0, a01 = 0.0, a11 = 0.0
        var c = Point2(0, 0)
        var meanY2 = 0.0
        var det: Double { a00 * a11 - a01 * a01 }
        /// A is (numerically) singular: the two parameters act alike.
        var isSingular: Bool { !(det > 1e-12 * a00 * a11) || !det.isNormal }
        /// A⁻¹r.
        func solve(_ r: Point2) -> Point2 {
            Point2((a11 * r.x - a01 * r.y) / det, (a00 * r.y - a01 * r.x) / det)
        }
        /// The unit eigenvector of A's smaller eigenvalue: the direction along which the loss rises least.
        var flattestDirection: Point2 {
            // For the symmetric [[a, c], [c, d]]: λ = (a + d)/2 − √(((a − d)/2)² + c²), vector (c, λ − a) or (λ − d, c).
            let half = (a00 - a11) / 2
            let lambda = (a00 + a11) / 2 - (half * half + a01 * a01).squareRoot()
            let (vx, vy) = abs(a01) < 1e-300 ? (a00 <= a11 ? (1.0, 0.0) : (0.0, 1.0))
                : (abs(lambda - a00) > abs(lambda - a11) ? (a01, lambda - a00) : (lambda - a11, a01))
            let norm = (vx * vx + vy * vy).squareRoot()
            return Point2(vx / norm, vy / norm)
        }
        /// The diagonal of A⁻¹.
        var inverseDiagonal: (Double, Double) { (a11 / det, a00 / det) }
    }

    static func moments(_ data: ToyDataset) -> Moments {
        var m = Moments()
        for i in 0..<data.count {
            let (u, v) = data.features(i), y = data.labels[i]
            m.a00 += u * u; m.a01 += u * v; m.a11 += v * v
            m.c.x += y * u; m.c.y += y * v
            m.meanY2 += y * y
        }
        let n = Double(data.count)
        m.a00 /= n; m.a01 /= n; m.a11 /= n; m.c.x /= n; m.c.y /= n; m.meanY2 /= n
        return m
    }
}
