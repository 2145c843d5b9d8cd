/// The small built-in 1-D dataset behind the dataset losses: twelve inputs x with label P (1) for
/// x ≥ 5 and N (0) otherwise. It is linearly separable (threshold between 4 and 5).
public struct ToyDataset: Sendable, Hashable {
    /// The inputs, in their fixed order: −2, 6, 7, 3, 2, −1, 0, 5, 10, 4, 9, 8.
    public let inputs: [Double]
    /// The labels (1 = P for x ≥ 5, 0 = N otherwise), also the regression targets.
    public let labels: [Double]

    /// The built-in dataset.
    public static let standard: ToyDataset = {
        let xs: [Double] = [-2, 6, 7, 3, 2, -1, 0, 5, 10, 4, 9, 8]
        return ToyDataset(inputs: xs, labels: xs.map { $0 >= 5 ? 1 : 0 })
    }()

    /// The number of examples.
    public var count: Int { inputs.count }
}
