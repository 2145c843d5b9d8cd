/// One fully-connected layer: y = f(W·x + b), W stored row-major (`outputs` rows of `inputs`).
public struct DenseLayer: Sendable, Hashable {
    /// Input width.
    public let inputs: Int
    /// Output width.
    public let outputs: Int
    /// The weights, W[o][i] at index o·inputs + i.
    public var weights: [Double]
    /// The biases, one per output.
    public var biases: [Double]
    /// The element-wise activation f.
    public let activation: Activation

    /// W[o][i].
    public func weight(_ o: Int, _ i: Int) -> Double { weights[o * inputs + i] }
}

/// The gradient of a loss with respect to one layer's weights and biases (same layout).
public struct LayerGradient: Sendable, Hashable {
    /// ∂L/∂W, row-major like `DenseLayer.weights`.
    public var weights: [Double]
    /// ∂L/∂b.
    public var biases: [Double]

    /// The mean of |∂L/∂W| over the layer's weights.
    public var meanAbsWeightGradient: Double {
        weights.isEmpty ? 0 : weights.reduce(0) { $0 + abs($1) } / Double(weights.count)
    }
}

/// The loss a network is trained with, averaged over every output of every example
/// (PyTorch's reduction 'mean').
public enum NetworkLoss: String, Sendable, Hashable, CaseIterable {
    /// (a − y)².
    case mse
    /// Binary cross-entropy on outputs in [0, 1] (logs clamped at −100 as PyTorch).
    case bce
}

/// A small fully-connected network (multi-layer perceptron) with analytic backpropagation.
///
///     var net = try MLP(widths: [2, 2, 1], activations: [sigmoid, sigmoid], initialization: .glorotUniform, seed: 1)
///     let y = net.forward([0, 1])
///     let (loss, grads) = net.lossAndGradients(inputs: xs, targets: ys, loss: .bce)
///     net.descend(along: grads, learningRate: 0.5)
public struct MLP: Sendable, Hashable {
    /// The layers, input side first.
    public var layers: [DenseLayer]

    /// A network with `widths[0]` inputs, layers of `widths[1...]` units and one activation per
    /// layer, initialised from `seed` (deterministic). Throws when there are fewer than two widths,
    /// a width < 1, or the number of activations is not `widths.count − 1`.
    public init(widths: [Int], activations: [Activation], initialization: Initialization, seed: UInt64) throws {
        guard widths.count >= 2 else {
            throw OptimError("an MLP needs at least an input and an output width, got \(widths)")
        }
        if let bad = widths.first(where: { $0 < 1 }) {
            throw OptimError("MLP width \(bad) is not allowed; every width must be >= 1")
        }
        guard activations.count == widths.count - 1 else {
            throw OptimError("an MLP with widths \(widths) needs \(widths.count - 1) activations, got \(activations.count)")
        }
        var sampler = GaussianSampler(seed: seed)
        layers = (1..<widths.count).map { l in
            DenseLayer(inputs: widths[l - 1], outputs: widths[l],
                       weights: initialization.weights(fanIn: widths[l - 1], fanOut: widths[l], sampler: &sampler),
                       biases: [Double](repeating: 0, count: widths[l]), activation: activations[l - 1])
        }
    }

    /// The input width.
    public var inputCount: Int { layers.first?.inputs ?? 0 }
    /// The output width.
    public var outputCount: Int { layers.last?.outputs ?? 0 }

    /// The output for one input vector (of length `inputCount`).
    public func forward(_ x: [Double]) -> [Double] {
        var a = x
        for layer in layers {
            a = MLP.apply(layer, to: a).activation
        }
        return a
    }

    /// The first output for the input (x1, x2): for decision-region plots of 2-input networks.
    public func evaluate(_ x1: Double, _ x2: Double) -> Double {
        forward([x1, x2]).first ?? .nan
    }

    /// z = W·a + b and f(z) for one layer.
    static func apply(_ layer: DenseLayer, to a: [Double]) -> (preActivation: [Double], activation: [Double]) {
        var z = layer.biases
        for o in 0..<layer.outputs {
            var s = z[o]
            let row = o * layer.inputs
            for i in 0..<layer.inputs { s += layer.weights[row + i] * a[i] }
            z[o] = s
        }
        return (z, z.map(layer.activation.value))
    }

    /// The mean loss over the batch and the gradient of that mean for every layer, by
    /// backpropagation with each activation's analytic derivative.
    public func lossAndGradients(inputs: [[Double]], targets: [[Double]], loss: NetworkLoss) -> (loss: Double, gradients: [LayerGradient]) {
        var gradients = layers.map {
            LayerGradient(weights: [Double](repeating: 0, count: $0.weights.count),
                          biases: [Double](repeating: 0, count: $0.outputs))
        }
        let count = Double(inputs.count * outputCount)
        var total = 0.0
        for (x, y) in zip(inputs, targets) {
            // Forward, keeping every layer's input and pre-activation.
            var layerInputs: [[Double]] = []
            var preActivations: [[Double]] = []
            var a = x
            for layer in layers {
                let (z, next) = MLP.apply(layer, to: a)
                layerInputs.append(a)
                preActivations.append(z)
                a = next
            }
            // dL/da at the output.
            var delta = [Double](repeating: 0, count: a.count)
            for k in a.indices {
                switch loss {
                case .mse:
                    total += RegressionLoss.squared(a[k], y[k])
                    delta[k] = RegressionLoss.squaredGradient(a[k], y[k]) / count
                case .bce:
                    total += BinaryCrossEntropy.probability(a[k], y[k])
                    delta[k] = BinaryCrossEntropy.probabilityGradient(a[k], y[k]) / count
                }
            }
            // Backward.
            for l in stride(from: layers.count - 1, through: 0, by: -1) {
                let layer = layers[l]
                for o in 0..<layer.outputs { delta[o] *= layer.activation.derivative(preActivations[l][o]) }
                let input = layerInputs[l]
                for o in 0..<layer.outputs {
                    gradients[l].biases[o] += delta[o]
                    let row = o * layer.inputs
                    for i in 0..<layer.inputs { gradients[l].weights[row + i] += delta[o] * input[i] }
                }
                if l > 0 {
                    var previous = [Double](repeating: 0, count: layer.inputs)
                    for o in 0..<layer.outputs {
                        let row = o * layer.inputs
                        for i in 0..<layer.inputs { previous[i] += layer.weights[row + i] * delta[o] }
                    }
                    delta = previous
                }
            }
        }
        return (total / count, gradients)
    }

    /// One plain gradient-descent step: every weight and bias −= learningRate·gradient.
    public mutating func descend(along gradients: [LayerGradient], learningRate: Double) {
        for l in layers.indices {
            for i in layers[l].weights.indices { layers[l].weights[i] -= learningRate * gradients[l].weights[i] }
            for o in layers[l].biases.indices { layers[l].biases[o] -= learningRate * gradients[l].biases[o] }
        }
    }
}
