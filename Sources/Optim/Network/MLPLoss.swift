extension MLP {
    /// The mean loss over the batch without gradients: the forward half of `lossAndGradients`, with
    /// the same sums in the same order, so the two agree bit for bit. For loss surfaces, where only
    /// values are needed (about half the cost of the backward pass and no activation derivatives).
    ///
    /// - Parameters: `inputs` and `targets` are one vector per example (`inputCount` and `outputCount`
    ///   long); `loss` is averaged over every output of every example (PyTorch's reduction 'mean').
    public func loss(inputs: [[Double]], targets: [[Double]], loss: NetworkLoss) -> Double {
        let widest = layers.reduce(inputCount) { max($0, $1.inputs, $1.outputs) }
        var a = [Double](repeating: 0, count: widest), b = [Double](repeating: 0, count: widest)
        let count = Double(inputs.count * outputCount)
        var total = 0.0
        a.withUnsafeMutableBufferPointer { current in
        b.withUnsafeMutableBufferPointer { next in
            var input = current, output = next
            for (x, y) in zip(inputs, targets) {
                for i in 0..<inputCount { input[i] = x[i] }
                for layer in layers {
                    layer.weights.withUnsafeBufferPointer { w in
                        for o in 0..<layer.outputs {
                            var s = layer.biases[o]
                            let row = o * layer.inputs
                            for i in 0..<layer.inputs { s += w[row + i] * input[i] }
                            output[o] = layer.activation.value(s)
                        }
                    }
                    swap(&input, &output)
                }
                for k in 0..<outputCount {
                    switch loss {
                    case .mse: total += RegressionLoss.squared(input[k], y[k])
                    case .bce: total += BinaryCrossEntropy.probability(input[k], y[k])
                    }
                }
            }
        }
        }
        return total / count
    }
}
