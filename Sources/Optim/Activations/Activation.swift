// Activations: activation functions with their derivatives, shapes and zones, and softmax.

/// An activation function f: ℝ → ℝ with its analytic derivative and a description of its shape
/// for plotting. Built by name with PyTorch's parameter names:
///
///     let f = try Activation(name: "leaky_relu", parameters: ["negative_slope": 0.1])
///     f.value(-2)       // -0.2
///     f.derivative(-2)  // 0.1
///
/// `value` and `derivative` are finite for every finite input (no overflow in the tails). At a
/// kink the derivative is PyTorch's choice (e.g. relu′(0) = 0). Evaluation is a `switch` over a
/// small enum: no dictionary lookup or existential per call; the batch forms `values(_:into:)` and
/// `derivatives(_:into:)` avoid any allocation.
public struct Activation: Sendable, Hashable {
    /// The canonical name, e.g. `leaky_relu` (an alias such as `swish_beta` resolves to `swish`).
    public let name: String
    /// Every parameter by PyTorch's name, defaults filled in (empty when it has none).
    public let parameters: [String: Double]
    /// The evaluated function with its parameters.
    let function: Function

    /// The function with its parameter values, for the evaluation `switch`.
    enum Function: Sendable, Hashable {
        case identity, binaryStep, sigmoid, tanh, relu
        case leaky(slope: Double)
        case elu(alpha: Double)
        case selu
        case celu(alpha: Double)
        case gelu, geluTanh
        case swish(beta: Double)
        case mish, lisht
        case softplus(beta: Double, threshold: Double)
        case softsign
        case hardtanh(lo: Double, hi: Double)
        case hardsigmoid, hardswish, relu6, logSigmoid
        /// A typed expression with its numerically found shape.
        case expression(ExpressionActivation)
    }

    /// Every canonical name, in the order galleries show them.
    public static var allNames: [String] { ActivationCatalog.entries.map(\.name) }

    /// The parameters `name` accepts (PyTorch's names and defaults); throws for an unknown name.
    public static func parameterSpecs(for name: String) throws -> [ParameterSpec] {
        try ActivationCatalog.entry(named: name).parameters
    }

    /// The activation called `name` (or an alias of it) with the given parameters; missing ones take
    /// PyTorch's defaults. Throws `OptimError` for an unknown name, an unknown or misspelled
    /// parameter (suggesting the closest and listing the allowed ones) or a value out of range.
    public init(name: String, parameters: [String: Double] = [:]) throws {
        let entry = try ActivationCatalog.entry(named: name)
        let resolved = try resolveParameters(parameters, specs: entry.parameters, owner: entry.name)
        self.name = entry.name
        self.parameters = resolved
        function = entry.make(resolved)
        if case .hardtanh(let lo, let hi) = function, !(lo < hi) {
            throw OptimError("hardtanh: min_val = \(lo) must be less than max_val = \(hi)")
        }
    }

    /// f(x).
    public func value(_ x: Double) -> Double {
        switch function {
        case .identity: return x
        case .binaryStep: return Kernel.binaryStep(x)
        case .sigmoid: return Kernel.sigmoid(x)
        case .tanh: return Double.tanh(x)
        case .relu: return Kernel.relu(x)
        case .leaky(let slope): return Kernel.leaky(x, slope: slope)
        case .elu(let alpha): return Kernel.elu(x, alpha: alpha)
        case .selu: return Kernel.selu(x)
        case .celu(let alpha): return Kernel.celu(x, alpha: alpha)
        case .gelu: return Kernel.gelu(x)
        case .geluTanh: return Kernel.geluTanh(x)
        case .swish(let beta): return Kernel.swish(x, beta: beta)
        case .mish: return Kernel.mish(x)
        case .lisht: return Kernel.lisht(x)
        case .softplus(let beta, let threshold): return Kernel.softplus(x, beta: beta, threshold: threshold)
        case .softsign: return Kernel.softsign(x)
        case .hardtanh(let lo, let hi): return Kernel.hardtanh(x, lo: lo, hi: hi)
        case .hardsigmoid: return Kernel.hardsigmoid(x)
        case .hardswish: return Kernel.hardswish(x)
        case .relu6: return Kernel.relu6(x)
        case .logSigmoid: return Kernel.logSigmoid(x)
        case .expression(let e): return e.expression.value(x)
        }
    }

    /// f′(x), analytic; at a kink PyTorch's one-sided choice, at a jump 0.
    public func derivative(_ x: Double) -> Double {
        switch function {
        case .identity: return 1
        case .binaryStep: return 0
        case .sigmoid: return Kernel.sigmoidDerivative(x)
        case .tanh: return Kernel.tanhDerivative(x)
        case .relu: return x > 0 ? 1 : 0
        case .leaky(let slope): return Kernel.leakyDerivative(x, slope: slope)
        case .elu(let alpha): return Kernel.eluDerivative(x, alpha: alpha)
        case .selu: return Kernel.seluDerivative(x)
        case .celu(let alpha): return Kernel.celuDerivative(x, alpha: alpha)
        case .gelu: return Kernel.geluDerivative(x)
        case .geluTanh: return Kernel.geluTanhDerivative(x)
        case .swish(let beta): return Kernel.swishDerivative(x, beta: beta)
        case .mish: return Kernel.mishDerivative(x)
        case .lisht: return Kernel.lishtDerivative(x)
        case .softplus(let beta, let threshold): return Kernel.softplusDerivative(x, beta: beta, threshold: threshold)
        case .softsign: return Kernel.softsignDerivative(x)
        case .hardtanh(let lo, let hi): return Kernel.hardtanhDerivative(x, lo: lo, hi: hi)
        case .hardsigmoid: return Kernel.hardsigmoidDerivative(x)
        case .hardswish: return Kernel.hardswishDerivative(x)
        case .relu6: return Kernel.relu6Derivative(x)
        case .logSigmoid: return Kernel.logSigmoidDerivative(x)
        case .expression(let e): return e.expression.derivative(x)
        }
    }

    /// f at every element of `xs`, written to `output` (resized to `xs.count` if needed).
    public func values(_ xs: [Double], into output: inout [Double]) {
        if case .expression(let e) = function {
            var unused: [Double] = []
            e.expression.evaluate(xs, values: &output, derivatives: &unused)
            return
        }
        if output.count != xs.count { output = [Double](repeating: 0, count: xs.count) }
        xs.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                for i in 0..<src.count { dst[i] = value(src[i]) }
            }
        }
    }

    /// f′ at every element of `xs`, written to `output` (resized to `xs.count` if needed).
    public func derivatives(_ xs: [Double], into output: inout [Double]) {
        if case .expression(let e) = function {
            var unused: [Double] = []
            e.expression.evaluate(xs, values: &unused, derivatives: &output)
            return
        }
        if output.count != xs.count { output = [Double](repeating: 0, count: xs.count) }
        xs.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                for i in 0..<src.count { dst[i] = derivative(src[i]) }
            }
        }
    }

    /// The display name, e.g. "Leaky ReLU".
    public var displayName: String {
        if let expression { return expression.displayLabel }
        return ActivationCatalog.entry(function: self).displayName
    }

    /// One line for `dlplot list activations`.
    public var summary: String {
        if let expression { return "typed expression " + expression.source }
        return ActivationCatalog.entry(function: self).summary
    }

    /// The formula in dlplot's math-label syntax, with parameter values written in,
    /// e.g. `$\sigma(x) = \frac{1}{1+e^{-x}}$`.
    public var formula: String { expression?.formula ?? ActivationCatalog.formula(of: self) }

    /// "Leaky ReLU (negative_slope=0.01)": the display name and the parameters, for legends.
    public var label: String {
        if parameters.isEmpty { return displayName }
        if let expression { return displayName + " (" + expression.parameterLabel + ")" }
        let list = parameters.keys.sorted().map { "\($0)=\(parameters[$0] ?? 0)" }
        return displayName + " (" + list.joined(separator: ", ") + ")"
    }
}
