/// XOR, the classic problem a single layer cannot solve: a 2-2-1 sigmoid network trained by plain
/// (full-batch) gradient descent.
public enum XOR {
    /// The four inputs (0,0), (0,1), (1,0), (1,1).
    public static let inputs: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
    /// Their labels 0, 1, 1, 0.
    public static let targets: [[Double]] = [[0], [1], [1], [0]]

    /// A trained network and its loss curve.
    public struct Training: Sendable {
        /// The network after training.
        public let network: MLP
        /// The mean loss before each epoch (one full-batch step per epoch).
        public let losses: [Double]

        /// The network's output for each of the four inputs.
        public var outputs: [Double] { XOR.inputs.map { network.forward($0)[0] } }

        /// Whether every input is classified correctly (output > 0.5 ⇔ label 1).
        public var classifiesAll: Bool {
            zip(outputs, XOR.targets).allSatisfy { ($0 > 0.5) == ($1[0] == 1) }
        }
    }

    /// Trains a 2-2-1 sigmoid network (Glorot uniform from `seed`) with BCE by `epochs` full-batch
    /// gradient-descent steps of `learningRate`. The defaults reach all four points correctly.
    public static func train(seed: UInt64 = 1, learningRate: Double = 2, epochs: Int = 5000) throws -> Training {
        guard learningRate.isFinite, learningRate > 0 else {
            throw OptimError("learning rate = \(learningRate) is not allowed; expected a finite number > 0")
        }
        guard epochs >= 0 else { throw OptimError("epochs = \(epochs) is not allowed; expected >= 0") }
        let sigmoid = try Activation(name: "sigmoid")
        var net = try MLP(widths: [2, 2, 1], activations: [sigmoid, sigmoid], initialization: .glorotUniform, seed: seed)
        var losses: [Double] = []
        losses.reserveCapacity(epochs)
        for _ in 0..<epochs {
            let (loss, gradients) = net.lossAndGradients(inputs: inputs, targets: targets, loss: .bce)
            losses.append(loss)
            net.descend(along: gradients, learningRate: learningRate)
        }
        return Training(network: net, losses: losses)
    }
}
