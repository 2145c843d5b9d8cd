/// The vanishing-gradient experiment: how large ∂L/∂W is in each layer of a deep random network.
public enum Vanishing {
    /// The mean |∂L/∂W| of every layer (input side first) of a random network of `depth` layers,
    /// all `width` wide with `activation` (the last layer maps to one linear output), initialised
    /// with `initialization` from `seed`, for the MSE of its output against random N(0, 1) targets
    /// on a batch of `batchSize` random N(0, 1) inputs (from `seed` too).
    ///
    /// With sigmoid units (Glorot init) the early layers' gradients are orders of magnitude smaller
    /// than the late ones' and shrink further as depth grows; with ReLU and He init they stay of the
    /// same order. Throws for depth < 2, width < 1 or batchSize < 1.
    public static func measure(depth: Int, width: Int, activation: Activation, initialization: Initialization,
                               batchSize: Int = 64, seed: UInt64 = 0) throws -> [Double] {
        guard depth >= 2 else { throw OptimError("depth = \(depth) is not allowed; expected depth >= 2") }
        guard batchSize >= 1 else { throw OptimError("batch size = \(batchSize) is not allowed; expected >= 1") }
        let identity = try Activation(name: "identity")
        let widths = [Int](repeating: width, count: depth) + [1]
        let activations = [Activation](repeating: activation, count: depth - 1) + [identity]
        let net = try MLP(widths: widths, activations: activations, initialization: initialization, seed: seed)
        var gaussian = GaussianSampler(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        let inputs = (0..<batchSize).map { _ in (0..<width).map { _ in gaussian.next() } }
        let targets = (0..<batchSize).map { _ in [gaussian.next()] }
        return net.lossAndGradients(inputs: inputs, targets: targets, loss: .mse).gradients.map(\.meanAbsWeightGradient)
    }
}
