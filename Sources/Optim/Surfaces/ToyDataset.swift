/// The examples behind the dataset losses `linreg_mse` and `logreg_bce`: the small built-in 1-D
/// dataset, or the user's own (`dlplot surface … --dataset FILE.csv`).
///
/// The model is linear in its two parameters θ = (θ₀, θ₁), the two axes of the surface:
/// - one feature x (`secondInputs == nil`): z = w·x + b, θ = (w, b), as for the built-in data;
/// - two features x₁, x₂: z = w₁·x₁ + w₂·x₂ with no bias, θ = (w₁, w₂) (a bias can be had by a
///   column of ones as x₂).
///
/// `linreg_mse` fits z to the targets `labels`; `logreg_bce` takes σ(z) as the probability of label 1.
public struct ToyDataset: Sendable, Hashable {
    /// The inputs x (or x₁), one per example.
    public let inputs: [Double]
    /// The second inputs x₂ of a two-feature dataset (no bias); nil for one feature with a bias.
    public let secondInputs: [Double]?
    /// The targets y (`linreg_mse`), or the labels 0 and 1 (`logreg_bce`).
    public let labels: [Double]
    /// Where the examples came from (a file name), nil for the built-in data.
    public let source: String?

    /// The built-in dataset: twelve inputs x with label P (1) for x ≥ 5 and N (0) otherwise, in the
    /// fixed order −2, 6, 7, 3, 2, −1, 0, 5, 10, 4, 9, 8. It is linearly separable (threshold between
    /// 4 and 5); the labels are also the regression targets.
    public static let standard: ToyDataset = {
        let xs: [Double] = [-2, 6, 7, 3, 2, -1, 0, 5, 10, 4, 9, 8]
        return ToyDataset(inputs: xs, labels: xs.map { $0 >= 5 ? 1 : 0 })
    }()

    /// Examples (xᵢ, yᵢ), or (x₁ᵢ, x₂ᵢ, yᵢ) with `secondInputs`; every array holds one value per
    /// example (the caller checks the lengths; see `Surface(named:examples:)`).
    public init(inputs: [Double], secondInputs: [Double]? = nil, labels: [Double], source: String? = nil) {
        self.inputs = inputs
        self.secondInputs = secondInputs
        self.labels = labels
        self.source = source
    }

    /// The number of examples.
    public var count: Int { inputs.count }

    /// Whether the model has two weights and no bias (two features).
    public var hasTwoFeatures: Bool { secondInputs != nil }

    /// The names of the two parameters, in math-label syntax: `w`, `b` or `w_1`, `w_2`.
    public var parameterSymbols: (String, String) { hasTwoFeatures ? ("w_1", "w_2") : ("w", "b") }

    /// The names of the two parameters as plain column names: `w`, `b` or `w1`, `w2`.
    public var parameterNames: (String, String) { hasTwoFeatures ? ("w1", "w2") : ("w", "b") }

    /// The multipliers (uᵢ, vᵢ) of the parameters in zᵢ = θ₀·uᵢ + θ₁·vᵢ: (xᵢ, 1) or (x₁ᵢ, x₂ᵢ).
    @inline(__always)
    func features(_ i: Int) -> (Double, Double) {
        (inputs[i], secondInputs?[i] ?? 1)
    }
}
