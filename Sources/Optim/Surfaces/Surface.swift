/// A 2-D loss surface f(x, y) with its analytic gradient and what a figure needs: display name,
/// formula (math-label syntax), global minima (all of them), saddle points, a view box and a
/// suggested start.
///
///     let s = try Surface(named: "rosenbrock")
///     s.value(-1.5, 2)      // 12.5
///     s.gradient(-1.5, 2)   // (dx: -155, dy: -50)
///
/// `linreg_mse` and `logreg_bce` are losses over the parameters (w, b) of a model of
/// `ToyDataset.standard`, or of the user's examples (`init(named:examples:)`);
/// `gradient(_:_:indices:)` gives their mini-batch gradients.
public struct Surface: Sendable, Hashable {
    /// The canonical name, e.g. `six_hump_camel`.
    public let name: String
    let kind: Kind
    /// The typed expression and its analysis, for `kind == .expression`.
    let typed: ExpressionSurface?
    /// The user's examples for `linreg_mse` / `logreg_bce` (nil: `ToyDataset.standard`).
    let examples: ToyDataset?
    /// Minimum, view and names worked out once from `examples` (see `UserDatasetInfo`).
    let examplesInfo: SurfaceInfo?

    enum Kind: String, Sendable, Hashable, CaseIterable {
        case saddle, bowl, ellipse, rosenbrock, beale, himmelblau, booth, matyas, rastrigin, ackley
        case sixHumpCamel = "six_hump_camel"
        case monkeySaddle = "monkey_saddle"
        case styblinskiTang = "styblinski_tang"
        case linregMSE = "linreg_mse"
        case logregBCE = "logreg_bce"
        /// A typed expression (not a name).
        case expression = "(expression)"
    }

    /// Every surface name, in listing order.
    public static var allNames: [String] { Kind.allCases.filter { $0 != .expression }.map(\.rawValue) }

    /// The surface called `name`; throws `OptimError` (suggesting the closest, listing all) if unknown.
    public init(named name: String) throws {
        guard let kind = Kind(rawValue: name), kind != .expression else {
            throw OptimError.unknown("surface", name, allowed: Surface.allNames)
        }
        self.name = name
        self.kind = kind
        typed = nil
        examples = nil
        examplesInfo = nil
    }

    /// `linreg_mse` or `logreg_bce` over the user's examples: the same losses (mean squared error,
    /// mean BCE with logits) of the same linear model, z = w·x + b for one feature or w₁·x₁ + w₂·x₂ for
    /// two (see `ToyDataset`), with a minimum, view box and start (0, 0) worked out from the data (see
    /// `UserDatasetInfo`). Throws `OptimError` for another surface, fewer than 2 or more than 10 000
    /// examples, non-finite values, labels other than 0 and 1 for `logreg_bce`, or inputs that do not
    /// tell the two parameters apart.
    public init(named name: String, examples: ToyDataset) throws {
        let kind = try Surface(named: name).kind
        guard kind == .linregMSE || kind == .logregBCE else {
            throw OptimError("a dataset applies only to the dataset surfaces linreg_mse and logreg_bce, not \(name)")
        }
        try UserDatasetInfo.check(examples, classification: kind == .logregBCE)
        self.name = name
        self.kind = kind
        typed = nil
        self.examples = examples
        examplesInfo = kind == .linregMSE ? UserDatasetInfo.linreg(examples) : UserDatasetInfo.logreg(examples)
    }

    /// A typed 2-D expression as a surface (see `ExpressionSurface` for its view, start and
    /// critical points). Its name is the expression as typed.
    init(typed: ExpressionSurface) {
        name = typed.expression.source
        kind = .expression
        self.typed = typed
        examples = nil
        examplesInfo = nil
    }

    var info: SurfaceInfo {
        switch kind {
        case .saddle: return Quadratics.saddle
        case .bowl: return Quadratics.bowl
        case .ellipse: return Quadratics.ellipse
        case .rosenbrock: return Rosenbrock.info
        case .beale: return Beale.info
        case .himmelblau: return Himmelblau.info
        case .booth: return Quadratics.booth
        case .matyas: return Quadratics.matyas
        case .rastrigin: return Rastrigin.info
        case .ackley: return Ackley.info
        case .sixHumpCamel: return SixHumpCamel.info
        case .monkeySaddle: return Quadratics.monkeySaddle
        case .styblinskiTang: return StyblinskiTang.info
        case .linregMSE: return examplesInfo ?? DatasetLosses.linreg
        case .logregBCE: return examplesInfo ?? DatasetLosses.logreg
        case .expression: return typed?.info ?? Quadratics.bowl
        }
    }

    /// The display name, e.g. "Six-hump camel".
    public var displayName: String { info.displayName }
    /// One line for `dlplot list surfaces`.
    public var summary: String { info.summary }
    /// The formula in math-label syntax.
    public var formula: String { info.formula }
    /// Every global minimum (empty when f is unbounded below or has no finite minimiser).
    public var minima: [Point2] { info.minima }
    /// The local minima that are not global, where few and known (six-hump camel's four,
    /// Styblinski–Tang's three); empty for rastrigin and ackley, which have many.
    public var localMinima: [Point2] { info.localMinima }
    /// Global minima that are no points but curves (f = 0 on the circle of a typed (x² + y² − 4)², on the line
    /// x = 0 of x²), each as points along it; empty for every built-in surface.
    public var minimumCurves: [MinimumCurve] { info.minimumCurves }
    /// The saddle points, where few and known (empty for rastrigin and ackley, which have many).
    public var saddles: [Point2] { info.saddles }
    /// A good rectangle for a figure.
    public var viewBox: ViewBox { info.viewBox }
    /// A start that shows the surface's character.
    public var suggestedStart: Point2 { info.suggestedStart }
    /// f at the global minimum, or nil when there is none. For a typed expression, whose minimum is
    /// found numerically, a value within rounding of 0 — below 10⁻¹² of the largest |f| at the view's
    /// corners and centre — is 0 (typed Himmelblau's 1.004×10⁻²⁶ is rounding, not a minimum value).
    public var minimumValue: Double? {
        guard let m = minima.first ?? minimumCurves.first?.points.first else { return nil }
        let v = value(m.x, m.y)
        guard typed != nil else { return v }
        let b = viewBox, cx = (b.xmin + b.xmax) / 2, cy = (b.ymin + b.ymax) / 2
        let scale = [value(b.xmin, b.ymin), value(b.xmin, b.ymax), value(b.xmax, b.ymin), value(b.xmax, b.ymax), value(cx, cy)]
            .map(abs).filter(\.isFinite).max() ?? 0
        return abs(v) <= 1e-12 * scale ? 0 : v
    }

    /// The names of the two coordinates as plain column names: `x`, `y`; `w`, `b` on the dataset
    /// surfaces; `w1`, `w2` on a two-feature dataset.
    public var parameterNames: (String, String) { dataset?.parameterNames ?? ("x", "y") }

    /// The dataset behind `linreg_mse` / `logreg_bce`, nil for the analytic surfaces.
    public var dataset: ToyDataset? {
        kind == .linregMSE || kind == .logregBCE ? examples ?? DatasetLosses.standard : nil
    }

    /// f(x, y) (for dataset losses: the mean over the whole dataset).
    public func value(_ x: Double, _ y: Double) -> Double {
        switch kind {
        case .saddle: return x * x - y * y
        case .bowl: return x * x + y * y
        case .ellipse: return 0.1 * x * x + 2 * y * y
        case .rosenbrock: return Rosenbrock.value(x, y)
        case .beale: return Beale.value(x, y)
        case .himmelblau: return Himmelblau.value(x, y)
        case .booth: return Quadratics.booth(x, y)
        case .matyas: return Quadratics.matyas(x, y)
        case .rastrigin: return Rastrigin.value(x, y)
        case .ackley: return Ackley.value(x, y)
        case .sixHumpCamel: return SixHumpCamel.value(x, y)
        case .monkeySaddle: return x * x * x - 3 * x * y * y
        case .styblinskiTang: return StyblinskiTang.value(x, y)
        case .linregMSE: return DatasetLosses.linregValue(data, x, y, data.inputs.indices)
        case .logregBCE: return DatasetLosses.logregValue(data, x, y, data.inputs.indices)
        case .expression: return typed?.expression.value(x, y) ?? .nan
        }
    }

    /// f(xs[i], y) into `out[i]` for every i (`out` has `xs.count` slots): one row of a grid. A typed
    /// surface evaluates the row through its compiled tape at once, without derivatives (point by point
    /// it computed ∇f too and set up per point: a 2000² grid took 4–7× the built-in's time); the values
    /// are the same bits as `value`.
    public func values(_ xs: [Double], y: Double, into out: UnsafeMutableBufferPointer<Double>) {
        if let e = typed?.expression {
            var f: [Double] = [], gx: [Double] = [], gy: [Double] = []
            e.evaluate(xs: xs, ys: [Double](repeating: y, count: xs.count), values: &f, dfdx: &gx, dfdy: &gy, gradients: false)
            for i in xs.indices { out[i] = f[i] }
            return
        }
        for i in xs.indices { out[i] = value(xs[i], y) }
    }

    /// ∇f(x, y), analytic (for dataset losses: over the whole dataset).
    public func gradient(_ x: Double, _ y: Double) -> (dx: Double, dy: Double) {
        switch kind {
        case .saddle: return (2 * x, -2 * y)
        case .bowl: return (2 * x, 2 * y)
        case .ellipse: return (0.2 * x, 4 * y)
        case .rosenbrock: return Rosenbrock.gradient(x, y)
        case .beale: return Beale.gradient(x, y)
        case .himmelblau: return Himmelblau.gradient(x, y)
        case .booth: return Quadratics.boothGradient(x, y)
        case .matyas: return Quadratics.matyasGradient(x, y)
        case .rastrigin: return Rastrigin.gradient(x, y)
        case .ackley: return Ackley.gradient(x, y)
        case .sixHumpCamel: return SixHumpCamel.gradient(x, y)
        case .monkeySaddle: return (3 * x * x - 3 * y * y, -6 * x * y)
        case .styblinskiTang: return StyblinskiTang.gradient(x, y)
        case .linregMSE: return DatasetLosses.linregGradient(data, x, y, data.inputs.indices)
        case .logregBCE: return DatasetLosses.logregGradient(data, x, y, data.inputs.indices)
        case .expression: return typed?.expression.gradient(x, y) ?? (.nan, .nan)
        }
    }

    /// The gradient of the mean loss over the examples `indices` of `dataset` (a mini-batch); the
    /// plain gradient for analytic surfaces. Empty `indices` give the full gradient.
    public func gradient<C: Collection>(_ x: Double, _ y: Double, indices: C) -> (dx: Double, dy: Double)
    where C.Element == Int {
        if indices.isEmpty { return gradient(x, y) }
        switch kind {
        case .linregMSE: return DatasetLosses.linregGradient(data, x, y, indices)
        case .logregBCE: return DatasetLosses.logregGradient(data, x, y, indices)
        default: return gradient(x, y)
        }
    }

    /// f at a point.
    public func value(_ p: Point2) -> Double { value(p.x, p.y) }

    /// The examples of a dataset surface (the user's, else the standard ones).
    var data: ToyDataset { examples ?? DatasetLosses.standard }
}
