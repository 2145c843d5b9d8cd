import XCTest
@testable import Optim

final class NetworkTests: XCTestCase {
    /// Backpropagation agrees with finite differences of the loss for every weight and bias.
    func testBackpropagationMatchesFiniteDifferences() throws {
        let tanh = try Activation(name: "tanh"), sigmoid = try Activation(name: "sigmoid")
        let softplus = try Activation(name: "softplus")
        for loss in NetworkLoss.allCases {
            let net = try MLP(widths: [3, 4, 2], activations: [tanh, loss == .bce ? sigmoid : softplus],
                              initialization: .glorotUniform, seed: 7)
            let xs: [[Double]] = [[0.5, -1, 2], [1, 0.3, -0.7]]
            let ys: [[Double]] = [[1, 0], [0.2, 0.9]]
            let (_, grads) = net.lossAndGradients(inputs: xs, targets: ys, loss: loss)
            for l in net.layers.indices {
                for i in net.layers[l].weights.indices {
                    var plus = net, minus = net
                    plus.layers[l].weights[i] += 1e-6
                    minus.layers[l].weights[i] -= 1e-6
                    let fd = (plus.lossAndGradients(inputs: xs, targets: ys, loss: loss).loss
                        - minus.lossAndGradients(inputs: xs, targets: ys, loss: loss).loss) / 2e-6
                    XCTAssertEqual(grads[l].weights[i], fd, accuracy: 1e-7, "\(loss) layer \(l) weight \(i)")
                }
                for o in net.layers[l].biases.indices {
                    var plus = net, minus = net
                    plus.layers[l].biases[o] += 1e-6
                    minus.layers[l].biases[o] -= 1e-6
                    let fd = (plus.lossAndGradients(inputs: xs, targets: ys, loss: loss).loss
                        - minus.lossAndGradients(inputs: xs, targets: ys, loss: loss).loss) / 2e-6
                    XCTAssertEqual(grads[l].biases[o], fd, accuracy: 1e-7, "\(loss) layer \(l) bias \(o)")
                }
            }
        }
    }

    func testInitialisationIsSeededAndScaled() throws {
        let relu = try Activation(name: "relu")
        let a = try MLP(widths: [200, 300], activations: [relu], initialization: .heNormal, seed: 42)
        let b = try MLP(widths: [200, 300], activations: [relu], initialization: .heNormal, seed: 42)
        let c = try MLP(widths: [200, 300], activations: [relu], initialization: .heNormal, seed: 43)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        // He normal: variance 2/fan_in.
        let w = a.layers[0].weights
        let mean = w.reduce(0, +) / Double(w.count)
        let variance = w.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(w.count)
        XCTAssertEqual(variance, 2.0 / 200, accuracy: 0.05 * 2.0 / 200)
        // Glorot uniform: within ±√(6/(fan_in + fan_out)), variance a²/3.
        let g = try MLP(widths: [200, 300], activations: [relu], initialization: .glorotUniform, seed: 1).layers[0].weights
        let limit = (6.0 / 500).squareRoot()
        XCTAssertTrue(g.allSatisfy { abs($0) <= limit })
        let gv = g.reduce(0) { $0 + $1 * $1 } / Double(g.count)
        XCTAssertEqual(gv, limit * limit / 3, accuracy: 0.05 * limit * limit / 3)
        XCTAssertThrowsError(try MLP(widths: [2, 0, 1], activations: [relu, relu], initialization: .heNormal, seed: 0))
        XCTAssertThrowsError(try MLP(widths: [2, 1], activations: [], initialization: .heNormal, seed: 0))
    }

    /// Sigmoid (Glorot): early layers get vanishing gradients, smaller the deeper the network.
    /// ReLU (He): every hidden layer's gradient stays of the same order.
    func testVanishingGradients() throws {
        let sigmoid = try Activation(name: "sigmoid"), relu = try Activation(name: "relu")
        var firstLayer: [Double] = []
        for depth in [5, 10, 20] {
            let s = try Vanishing.measure(depth: depth, width: 64, activation: sigmoid, initialization: .glorotUniform,
                                          batchSize: 32, seed: 3)
            XCTAssertEqual(s.count, depth)
            let hidden = Array(s.dropLast())
            // Decreasing from the last hidden layer back to the first.
            for l in 1..<hidden.count { XCTAssertLessThan(hidden[l - 1], hidden[l], "sigmoid depth \(depth) layer \(l)") }
            firstLayer.append(hidden[0])

            let r = try Vanishing.measure(depth: depth, width: 64, activation: relu, initialization: .heNormal,
                                          batchSize: 32, seed: 3)
            let rh = Array(r.dropLast())
            let ratio = (rh.max() ?? 0) / (rh.min() ?? 1)
            XCTAssertLessThan(ratio, 10, "relu depth \(depth): hidden-layer gradients spread by \(ratio)")
            XCTAssertGreaterThan(rh[0] / rh[rh.count - 1], 0.1, "relu depth \(depth)")
        }
        XCTAssertGreaterThan(firstLayer[0], 1e3 * firstLayer[1])
        XCTAssertGreaterThan(firstLayer[1], 1e3 * firstLayer[2])
        XCTAssertThrowsError(try Vanishing.measure(depth: 1, width: 8, activation: relu, initialization: .heNormal))
    }

    func testXORIsLearnedByGradientDescent() throws {
        let t = try XOR.train()
        XCTAssertTrue(t.classifiesAll, "outputs \(t.outputs)")
        XCTAssertLessThan(t.losses.last ?? 1, 0.01)
        XCTAssertGreaterThan(t.losses.first ?? 0, 0.5)
        // Decision-region helper agrees with forward().
        XCTAssertEqual(t.network.evaluate(0, 1), t.network.forward([0, 1])[0])
        XCTAssertGreaterThan(t.network.evaluate(1, 0), 0.5)
        XCTAssertLessThan(t.network.evaluate(1, 1), 0.5)
        // Deterministic for a seed.
        XCTAssertEqual(try XOR.train().network, t.network)
        XCTAssertThrowsError(try XOR.train(learningRate: 0))
    }
}
