// Network: small multilayer perceptrons: initialisation, loss, XOR, vanishing gradients and loss landscapes.

import RealModule

/// How a dense layer's weights are drawn (biases start at 0).
public enum Initialization: String, Sendable, Hashable, CaseIterable {
    /// Glorot/Xavier uniform: U(−a, a), a = √(6/(fan_in + fan_out)); keeps variance for tanh/sigmoid-like units.
    case glorotUniform = "glorot_uniform"
    /// He/Kaiming normal: N(0, 2/fan_in); keeps variance through ReLU units.
    case heNormal = "he_normal"

    /// `count` = fanIn·fanOut weights from `sampler` (uniforms from its generator, or normals).
    func weights(fanIn: Int, fanOut: Int, sampler: inout GaussianSampler) -> [Double] {
        let count = fanIn * fanOut
        switch self {
        case .glorotUniform:
            let a = (6.0 / Double(fanIn + fanOut)).squareRoot()
            return (0..<count).map { _ in (2 * sampler.generator.nextUnit() - 1) * a }
        case .heNormal:
            let sd = (2.0 / Double(fanIn)).squareRoot()
            return (0..<count).map { _ in sampler.next() * sd }
        }
    }
}
