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
    ///
    /// Every intermediate lives in one block allocated per call (layer inputs, pre-activations and
    /// deltas of one example, all gradients, the transposed weights), so nothing is allocated per example
    /// or per layer; every sum runs in the textbook order (see `DenseKernels`), so the result does not
    /// depend on how the loops are vectorised.
    public func lossAndGradients(inputs: [[Double]], targets: [[Double]], loss: NetworkLoss) -> (loss: Double, gradients: [LayerGradient]) {
        // Offsets of each layer's input and pre-activation in `state`, and of its gradients in `grad`.
        var stateOffset: [Int] = [0], zOffset: [Int] = [], gradOffset: [Int] = [0]
        var size = inputCount
        for layer in layers { stateOffset.append(size); size += layer.outputs }
        for layer in layers { zOffset.append(size); size += layer.outputs }
        for layer in layers { gradOffset.append(gradOffset[gradOffset.count - 1] + layer.weights.count + layer.outputs) }
        let widest = layers.reduce(inputCount) { max($0, $1.inputs, $1.outputs) }
        let gradCount = gradOffset[gradOffset.count - 1]
        let block = UnsafeMutablePointer<Double>.allocate(capacity: size + gradCount + 2 * widest)
        block.initialize(repeating: 0, count: size + gradCount + 2 * widest)
        let (wt, wtOffset) = DenseKernels.transposedWeights(layers)
        defer { block.deallocate(); wt.deallocate() }
        let st = block, gr = block + size, dl = gr + gradCount, pv = dl + widest
        let count = Double(inputs.count * outputCount)
        var total = 0.0
        for (x, y) in zip(inputs, targets) {
            for i in 0..<inputCount { st[i] = x[i] }
            // Forward: layer l reads st[stateOffset[l]...] and writes its output after it.
            for (l, layer) in layers.enumerated() {
                let a = st + stateOffset[l], out = a + layer.inputs, z = st + zOffset[l]
                DenseKernels.preActivation(layer, wt: wt + wtOffset[l], input: a, into: z)
                for o in 0..<layer.outputs { out[o] = layer.activation.value(z[o]) }
            }
            // dL/da at the output.
            let out = st + stateOffset[layers.count - 1] + layers[layers.count - 1].inputs
            for k in 0..<outputCount {
                let ak = out[k], yk = y[k]
                switch loss {
                case .mse:
                    total += RegressionLoss.squared(ak, yk)
                    dl[k] = RegressionLoss.squaredGradient(ak, yk) / count
                case .bce:
                    total += BinaryCrossEntropy.probability(ak, yk)
                    dl[k] = BinaryCrossEntropy.probabilityGradient(ak, yk) / count
                }
            }
            for l in stride(from: layers.count - 1, through: 0, by: -1) {
                backward(layers[l], input: st + stateOffset[l], z: st + zOffset[l], grad: gr + gradOffset[l],
                         delta: dl, scratch: pv, first: l == 0)
            }
        }
        let gradients = layers.enumerated().map { l, layer in
            let g = gr + gradOffset[l], gb = g + layer.weights.count
            return LayerGradient(weights: Array(UnsafeBufferPointer(start: g, count: layer.weights.count)),
                                 biases: Array(UnsafeBufferPointer(start: gb, count: layer.outputs)))
        }
        return (total / count, gradients)
    }

    /// One layer of the backward pass for one example: δ ← δ ⊙ f′(z); ∂L/∂b += δ; ∂L/∂W[o][i] += δ[o]·a[i];
    /// then, unless this is the first layer, δ ← Wᵀδ (summed over o in order, through `scratch`).
    private func backward(_ layer: DenseLayer, input a: UnsafeMutablePointer<Double>, z: UnsafeMutablePointer<Double>,
                          grad g: UnsafeMutablePointer<Double>, delta dl: UnsafeMutablePointer<Double>,
                          scratch pv: UnsafeMutablePointer<Double>, first: Bool) {
        let gb = g + layer.weights.count
        for o in 0..<layer.outputs { dl[o] *= layer.activation.derivative(z[o]) }
        for o in 0..<layer.outputs {
            gb[o] += dl[o]
            DenseKernels.addScaledLeft(g + o * layer.inputs, dl[o], a, layer.inputs)
        }
        guard !first else { return }
        layer.weights.withUnsafeBufferPointer { w in
            guard let base = w.baseAddress else { return }
            pv.update(repeating: 0, count: layer.inputs)
            for o in 0..<layer.outputs { DenseKernels.addScaled(pv, base + o * layer.inputs, dl[o], layer.inputs) }
            dl.update(from: pv, count: layer.inputs)
        }
    }

    /// One plain gradient-descent step: every weight and bias −= learningRate·gradient.
    public mutating func descend(along gradients: [LayerGradient], learningRate: Double) {
        for l in layers.indices {
            for i in layers[l].weights.indices { layers[l].weights[i] -= learningRate * gradients[l].weights[i] }
            for o in layers[l].biases.indices { layers[l].biases[o] -= learningRate * gradients[l].biases[o] }
        }
    }
}
