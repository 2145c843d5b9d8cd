import XCTest
@testable import Optim

/// The buffer-based backpropagation gives bit for bit what the textbook loops give (same sums in the
/// same order), on deep and shallow networks and both losses.
final class BackpropReferenceTests: XCTestCase {
    /// Backpropagation written plainly: one array per layer input, pre-activation and delta.
    private func textbook(_ net: MLP, _ inputs: [[Double]], _ targets: [[Double]], _ loss: NetworkLoss) -> (Double, [[Double]]) {
        var grads = net.layers.map { [Double](repeating: 0, count: $0.weights.count + $0.outputs) }
        let count = Double(inputs.count * net.outputCount)
        var total = 0.0
        for (x, y) in zip(inputs, targets) {
            var ins: [[Double]] = [], zs: [[Double]] = []
            var a = x
            for layer in net.layers {
                var z = layer.biases
                for o in 0..<layer.outputs { for i in 0..<layer.inputs { z[o] += layer.weight(o, i) * a[i] } }
                ins.append(a); zs.append(z)
                a = z.map(layer.activation.value)
            }
            var delta = a.indices.map { k -> Double in
                switch loss {
                case .mse: total += RegressionLoss.squared(a[k], y[k]); return RegressionLoss.squaredGradient(a[k], y[k]) / count
                case .bce: total += BinaryCrossEntropy.probability(a[k], y[k]); return BinaryCrossEntropy.probabilityGradient(a[k], y[k]) / count
                }
            }
            for l in stride(from: net.layers.count - 1, through: 0, by: -1) {
                let layer = net.layers[l]
                for o in 0..<layer.outputs { delta[o] *= layer.activation.derivative(zs[l][o]) }
                for o in 0..<layer.outputs {
                    grads[l][layer.weights.count + o] += delta[o]
                    for i in 0..<layer.inputs { grads[l][o * layer.inputs + i] += delta[o] * ins[l][i] }
                }
                var previous = [Double](repeating: 0, count: layer.inputs)
                for o in 0..<layer.outputs { for i in 0..<layer.inputs { previous[i] += layer.weight(o, i) * delta[o] } }
                delta = previous
            }
        }
        return (total / count, grads)
    }

    func testBuffersAgreeBitForBitWithTheTextbookLoops() throws {
        let sigmoid = try Activation(name: "sigmoid"), relu = try Activation(name: "relu"), identity = try Activation(name: "identity")
        let cases: [(widths: [Int], acts: [Activation], loss: NetworkLoss)] = [
            ([8, 16, 16, 16, 16, 1], [sigmoid, relu, sigmoid, relu, sigmoid], .bce),
            ([5, 7, 3], [relu, identity], .mse),
            ([2, 1], [identity], .mse),
        ]
        var g = GaussianSampler(seed: 11)
        for c in cases {
            let net = try MLP(widths: c.widths, activations: c.acts, initialization: .glorotUniform, seed: 3)
            let xs = (0..<9).map { _ in (0..<c.widths[0]).map { _ in g.next() } }
            let ys = (0..<9).map { _ in (0..<c.widths[c.widths.count - 1]).map { _ in c.loss == .bce ? (g.next() > 0 ? 1.0 : 0.0) : g.next() } }
            let (loss, grads) = net.lossAndGradients(inputs: xs, targets: ys, loss: c.loss)
            let (refLoss, refGrads) = textbook(net, xs, ys, c.loss)
            XCTAssertEqual(loss, refLoss)
            for (l, gr) in grads.enumerated() { XCTAssertEqual(gr.weights + gr.biases, refGrads[l], "layer \(l) of \(c.widths)") }
        }
    }
}
