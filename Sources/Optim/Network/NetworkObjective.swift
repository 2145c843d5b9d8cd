/// A network's mean training loss as a function of all its parameters, flattened layer by layer
/// (each layer's weights row-major, then its biases), for the optimizers and the landscape.
public struct NetworkObjective: Objective, Sendable {
    /// The architecture (its own parameters are ignored; `parameters` are used instead).
    public let network: MLP
    /// The training inputs, one vector per example.
    public let inputs: [[Double]]
    /// The targets, one vector per example.
    public let targets: [[Double]]
    /// The loss averaged over examples and outputs.
    public let loss: NetworkLoss

    /// The mean `loss` of `network`'s architecture on (inputs, targets).
    public init(network: MLP, inputs: [[Double]], targets: [[Double]], loss: NetworkLoss) {
        self.network = network; self.inputs = inputs; self.targets = targets; self.loss = loss
    }

    /// The number of parameters.
    public var dimension: Int { network.layers.reduce(0) { $0 + $1.weights.count + $1.biases.count } }

    /// The network's current parameters, flattened.
    public static func flatten(_ net: MLP) -> [Double] { net.layers.flatMap { $0.weights + $0.biases } }

    /// `network` with `parameters` in place of its own.
    public func network(with parameters: [Double]) -> MLP {
        var net = network
        var k = 0
        for l in net.layers.indices {
            for i in net.layers[l].weights.indices { net.layers[l].weights[i] = parameters[k]; k += 1 }
            for i in net.layers[l].biases.indices { net.layers[l].biases[i] = parameters[k]; k += 1 }
        }
        return net
    }

    /// Mean loss at `parameters`.
    public func value(_ parameters: [Double]) -> Double {
        network(with: parameters).loss(inputs: inputs, targets: targets, loss: loss)
    }

    /// Its gradient (backpropagation), flattened like the parameters.
    public func gradient(_ parameters: [Double], into gradient: inout [Double]) {
        let grads = network(with: parameters).lossAndGradients(inputs: inputs, targets: targets, loss: loss).gradients
        var k = 0
        for g in grads {
            for v in g.weights { gradient[k] = v; k += 1 }
            for v in g.biases { gradient[k] = v; k += 1 }
        }
    }
}
