/// A training loss with its gradient with respect to the prediction, per example and averaged
/// (PyTorch's `reduction='none'` and `'mean'`). Built by name:
///
///     let huber = try Loss(name: "huber", parameters: ["delta": 0.5])
///     let r = try huber.values(prediction: [2.5, 0], target: [3, 0])   // r.loss, r.gradient, r.lossMean, r.gradientMean
///
/// Element-wise losses (`mse`, `mae`, `huber`, `bce`, `bce_logits`) take one prediction per
/// example; the categorical ones (`cce`, `cce_logits`) take one row (a vector over classes) per
/// example, through `rowValues`.
public struct Loss: Sendable, Hashable {
    /// The canonical name, e.g. `bce_logits`.
    public let name: String
    /// Every parameter by PyTorch's name with its value (only `huber` has one: `delta`).
    public let parameters: [String: Double]
    let kind: Kind

    enum Kind: Sendable, Hashable {
        case mse, mae
        case huber(delta: Double)
        case bce, bceLogits, cce, cceLogits
    }

    struct Entry: Sendable {
        let name: String
        let displayName: String
        let summary: String
        let formula: String
        let parameters: [ParameterSpec]
        let make: @Sendable ([String: Double]) -> Kind
    }

    static let entries: [Entry] = [
        Entry(name: "mse", displayName: "Mean squared error", summary: "(p - y)^2; gradient 2(p - y)",
              formula: "$(p - y)^{2}$", parameters: []) { _ in .mse },
        Entry(name: "mae", displayName: "Mean absolute error", summary: "|p - y|; gradient sign(p - y), 0 at p = y",
              formula: "$|p - y|$", parameters: []) { _ in .mae },
        Entry(name: "huber", displayName: "Huber",
              summary: "0.5(p - y)^2 if |p - y| < delta, else delta(|p - y| - 0.5 delta) (delta 1)",
              formula: "$\\frac{1}{2}(p - y)^{2}$ if $|p - y| < \\delta$, else $\\delta(|p - y| - \\frac{\\delta}{2})$",
              parameters: [ParameterSpec("delta", default: 1, .positive)]) { .huber(delta: $0["delta"] ?? 1) },
        Entry(name: "bce", displayName: "Binary cross-entropy",
              summary: "-(y log p + (1-y) log(1-p)) on probabilities p, each log clamped at -100",
              formula: "$-(y \\log p + (1 - y)\\log(1 - p))$", parameters: []) { _ in .bce },
        Entry(name: "bce_logits", displayName: "Binary cross-entropy (logits)",
              summary: "BCE of sigmoid(z) computed stably from the logit z; gradient sigmoid(z) - y",
              formula: "$-(y \\log \\sigma(z) + (1 - y)\\log(1 - \\sigma(z)))$", parameters: []) { _ in .bceLogits },
        Entry(name: "cce", displayName: "Categorical cross-entropy",
              summary: "-sum_k y_k log p_k per row of probabilities (rows separated by ';')",
              formula: "$-\\sum_{k} y_{k} \\log p_{k}$", parameters: []) { _ in .cce },
        Entry(name: "cce_logits", displayName: "Categorical cross-entropy (logits)",
              summary: "-sum_k y_k log_softmax(z)_k per row of logits; gradient softmax(z) sum(y) - y",
              formula: "$-\\sum_{k} y_{k} \\log softmax(z)_{k}$", parameters: []) { _ in .cceLogits },
    ]

    /// Every loss name, in listing order.
    public static var allNames: [String] { entries.map(\.name) }

    /// The parameters `name` accepts; throws for an unknown name.
    public static func parameterSpecs(for name: String) throws -> [ParameterSpec] {
        try entry(named: name).parameters
    }

    static func entry(named name: String) throws -> Entry {
        if let e = entries.first(where: { $0.name == name }) { return e }
        throw OptimError.unknown("loss", name, allowed: allNames)
    }

    private var entry: Entry { Loss.entries.first { $0.name == name } ?? Loss.entries[0] }

    /// The loss called `name` with the given parameters (PyTorch's names; missing ones take the
    /// defaults). Throws `OptimError` for an unknown name or parameter or a value out of range.
    public init(name: String, parameters: [String: Double] = [:]) throws {
        let e = try Loss.entry(named: name)
        let resolved = try resolveParameters(parameters, specs: e.parameters, owner: e.name)
        self.name = e.name
        self.parameters = resolved
        kind = e.make(resolved)
    }

    /// The display name, e.g. "Binary cross-entropy".
    public var displayName: String { entry.displayName }
    /// One line for `dlplot list losses`.
    public var summary: String { entry.summary }
    /// The per-example formula in math-label syntax (p prediction, y target, z logit).
    public var formula: String { entry.formula }

    /// Whether each example is a row over classes (`cce`, `cce_logits`) rather than one number.
    public var isRowWise: Bool {
        switch kind {
        case .cce, .cceLogits: return true
        default: return false
        }
    }

    /// The loss of one element-wise example (NaN for a row-wise loss: use `rowValues`).
    public func value(prediction p: Double, target y: Double) -> Double {
        switch kind {
        case .mse: return RegressionLoss.squared(p, y)
        case .mae: return RegressionLoss.absolute(p, y)
        case .huber(let delta): return RegressionLoss.huber(p, y, delta: delta)
        case .bce: return BinaryCrossEntropy.probability(p, y)
        case .bceLogits: return BinaryCrossEntropy.logit(p, y)
        case .cce, .cceLogits: return .nan
        }
    }

    /// ∂loss/∂prediction of one element-wise example (NaN for a row-wise loss).
    public func derivative(prediction p: Double, target y: Double) -> Double {
        switch kind {
        case .mse: return RegressionLoss.squaredGradient(p, y)
        case .mae: return RegressionLoss.absoluteGradient(p, y)
        case .huber(let delta): return RegressionLoss.huberGradient(p, y, delta: delta)
        case .bce: return BinaryCrossEntropy.probabilityGradient(p, y)
        case .bceLogits: return BinaryCrossEntropy.logitGradient(p, y)
        case .cce, .cceLogits: return .nan
        }
    }

    /// Per-example losses and gradients of an element-wise loss, and their mean (the gradient of
    /// the mean is gradient/n). Throws for a row-wise loss, empty or mismatched inputs, non-finite
    /// numbers, or values outside the loss's domain (probabilities outside [0, 1]).
    public func values(prediction: [Double], target: [Double]) throws -> LossValues {
        guard !isRowWise else {
            throw OptimError("\(name) takes rows of class scores: use rowValues(prediction:target:)")
        }
        try checkShapes(prediction.count, target.count, what: "values")
        for i in prediction.indices { try check(prediction[i], target[i], at: "\(i)") }
        let loss = prediction.indices.map { value(prediction: prediction[$0], target: target[$0]) }
        let gradient = prediction.indices.map { derivative(prediction: prediction[$0], target: target[$0]) }
        let n = Double(prediction.count)
        return LossValues(loss: loss, gradient: gradient, lossMean: loss.reduce(0, +) / n,
                          gradientMean: gradient.map { $0 / n })
    }

    /// Per-row losses and gradients of a row-wise loss (`cce`, `cce_logits`) and their mean over
    /// rows. Throws for an element-wise loss, empty or ragged rows, mismatched shapes, non-finite
    /// numbers or probabilities outside [0, 1].
    public func rowValues(prediction: [[Double]], target: [[Double]]) throws -> RowLossValues {
        guard isRowWise else {
            throw OptimError("\(name) is element-wise: use values(prediction:target:)")
        }
        try checkShapes(prediction.count, target.count, what: "rows")
        for r in prediction.indices {
            guard !prediction[r].isEmpty, prediction[r].count == target[r].count else {
                throw OptimError("\(name): row \(r) has \(prediction[r].count) predictions but \(target[r].count) targets; each row needs one target per class")
            }
            guard prediction[r].count == prediction[0].count else {
                throw OptimError("\(name): row \(r) has \(prediction[r].count) classes but row 0 has \(prediction[0].count)")
            }
            for k in prediction[r].indices { try check(prediction[r][k], target[r][k], at: "\(r),\(k)") }
        }
        var loss: [Double] = []
        var gradient: [[Double]] = []
        for r in prediction.indices {
            let (l, g) = kind == .cce
                ? CategoricalCrossEntropy.probabilities(prediction[r], target[r])
                : CategoricalCrossEntropy.logits(prediction[r], target[r])
            loss.append(l)
            gradient.append(g)
        }
        let n = Double(prediction.count)
        return RowLossValues(loss: loss, gradient: gradient, lossMean: loss.reduce(0, +) / n,
                             gradientMean: gradient.map { $0.map { $0 / n } })
    }

    private func checkShapes(_ p: Int, _ t: Int, what: String) throws {
        guard p > 0 else { throw OptimError("\(name): no predictions given") }
        guard p == t else {
            throw OptimError("\(name): \(p) predictions but \(t) targets; the lengths must match")
        }
    }

    private func check(_ p: Double, _ y: Double, at index: String) throws {
        guard p.isFinite else { throw OptimError("\(name): prediction[\(index)] = \(p) is not a finite number") }
        guard y.isFinite else { throw OptimError("\(name): target[\(index)] = \(y) is not a finite number") }
        switch kind {
        case .bce, .cce:
            guard p >= 0, p <= 1 else {
                throw OptimError("\(name): prediction[\(index)] = \(p) is not a probability; expected a value in [0, 1] (use \(name)_logits for logits)")
            }
            fallthrough
        case .bceLogits, .cceLogits:
            guard y >= 0, y <= 1 else {
                throw OptimError("\(name): target[\(index)] = \(y) is not allowed; expected a value in [0, 1]")
            }
        default: break
        }
    }
}

/// Per-example losses and gradients of an element-wise loss, with the mean and its gradient.
public struct LossValues: Sendable, Hashable {
    /// loss[i] for each example (reduction 'none').
    public let loss: [Double]
    /// ∂loss[i]/∂prediction[i].
    public let gradient: [Double]
    /// The mean loss (reduction 'mean').
    public let lossMean: Double
    /// ∂(mean loss)/∂prediction = gradient/n.
    public let gradientMean: [Double]
}

/// Per-row losses and gradients of a categorical loss, with the mean over rows and its gradient.
public struct RowLossValues: Sendable, Hashable {
    /// loss[r] for each row.
    public let loss: [Double]
    /// ∂loss[r]/∂prediction[r][k].
    public let gradient: [[Double]]
    /// The mean over rows.
    public let lossMean: Double
    /// ∂(mean loss)/∂prediction = gradient/rows.
    public let gradientMean: [[Double]]
}
