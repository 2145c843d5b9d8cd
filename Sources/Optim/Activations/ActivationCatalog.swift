/// The table of activations: names, aliases, display names, one-line summaries, PyTorch parameters
/// and formulas.
enum ActivationCatalog {
    struct Entry: Sendable {
        let name: String
        let displayName: String
        let summary: String
        let parameters: [ParameterSpec]
        let make: @Sendable ([String: Double]) -> Activation.Function
    }

    /// Other accepted spellings → canonical name.
    static let aliases: [String: String] = ["swish_beta": "swish"]

    static let entries: [Entry] = [
        Entry(name: "identity", displayName: "Identity", summary: "f(x) = x (linear; no non-linearity)",
              parameters: []) { _ in .identity },
        Entry(name: "binary_step", displayName: "Binary step",
              summary: "1 for x >= 0, else 0; derivative 0 (jump at 0)", parameters: []) { _ in .binaryStep },
        Entry(name: "sigmoid", displayName: "Sigmoid", summary: "logistic 1/(1+e^-x), range (0, 1); max slope 0.25",
              parameters: []) { _ in .sigmoid },
        Entry(name: "tanh", displayName: "Tanh", summary: "hyperbolic tangent, range (-1, 1), zero-centred",
              parameters: []) { _ in .tanh },
        Entry(name: "relu", displayName: "ReLU", summary: "max(0, x); kink at 0 (relu'(0) = 0 as PyTorch)",
              parameters: []) { _ in .relu },
        Entry(name: "leaky_relu", displayName: "Leaky ReLU",
              summary: "x for x > 0, negative_slope*x otherwise (negative_slope 0.01)",
              parameters: [ParameterSpec("negative_slope", default: 0.01)]) { .leaky(slope: $0["negative_slope"] ?? 0.01) },
        Entry(name: "prelu", displayName: "PReLU",
              summary: "x for x > 0, a*x otherwise (a 0.25, learnable in a network)",
              parameters: [ParameterSpec("a", default: 0.25)]) { .leaky(slope: $0["a"] ?? 0.25) },
        Entry(name: "elu", displayName: "ELU", summary: "x for x > 0, alpha*(e^x - 1) otherwise (alpha 1)",
              parameters: [ParameterSpec("alpha", default: 1, .nonNegative)]) { .elu(alpha: $0["alpha"] ?? 1) },
        Entry(name: "selu", displayName: "SELU",
              summary: "scaled ELU, scale 1.0507 and alpha 1.6733 (self-normalising)", parameters: []) { _ in .selu },
        Entry(name: "celu", displayName: "CELU",
              summary: "max(0,x) + min(0, alpha*(e^(x/alpha) - 1)), C1 for every alpha (alpha 1)",
              parameters: [ParameterSpec("alpha", default: 1, .positive)]) { .celu(alpha: $0["alpha"] ?? 1) },
        Entry(name: "gelu", displayName: "GELU", summary: "x*Phi(x), the exact (erf) Gaussian error linear unit",
              parameters: []) { _ in .gelu },
        Entry(name: "gelu_tanh", displayName: "GELU (tanh)",
              summary: "tanh approximation 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))",
              parameters: []) { _ in .geluTanh },
        Entry(name: "gelu_sigmoid", displayName: "GELU (sigmoid)", summary: "sigmoid approximation x*sigmoid(1.702x)",
              parameters: []) { _ in .swish(beta: 1.702) },
        Entry(name: "silu", displayName: "SiLU", summary: "x*sigmoid(x) (swish with beta 1)",
              parameters: []) { _ in .swish(beta: 1) },
        Entry(name: "swish", displayName: "Swish", summary: "x*sigmoid(beta*x) (beta 1 = SiLU)",
              parameters: [ParameterSpec("beta", default: 1, .positive)]) { .swish(beta: $0["beta"] ?? 1) },
        Entry(name: "mish", displayName: "Mish", summary: "x*tanh(softplus(x))", parameters: []) { _ in .mish },
        Entry(name: "lisht", displayName: "LiSHT", summary: "x*tanh(x), non-negative and even",
              parameters: []) { _ in .lisht },
        Entry(name: "softplus", displayName: "Softplus",
              summary: "log(1 + e^(beta*x))/beta, x itself once beta*x > threshold (beta 1, threshold 20)",
              parameters: [ParameterSpec("beta", default: 1, .positive), ParameterSpec("threshold", default: 20)]) {
            .softplus(beta: $0["beta"] ?? 1, threshold: $0["threshold"] ?? 20)
        },
        Entry(name: "softsign", displayName: "Softsign", summary: "x/(1 + |x|), range (-1, 1)",
              parameters: []) { _ in .softsign },
        Entry(name: "hardtanh", displayName: "Hardtanh", summary: "clamp x to [min_val, max_val] (-1 and 1)",
              parameters: [ParameterSpec("min_val", default: -1), ParameterSpec("max_val", default: 1)]) {
            .hardtanh(lo: $0["min_val"] ?? -1, hi: $0["max_val"] ?? 1)
        },
        Entry(name: "hardsigmoid", displayName: "Hardsigmoid", summary: "piecewise-linear sigmoid relu6(x + 3)/6",
              parameters: []) { _ in .hardsigmoid },
        Entry(name: "hardswish", displayName: "Hardswish", summary: "x*relu6(x + 3)/6", parameters: []) { _ in .hardswish },
        Entry(name: "relu6", displayName: "ReLU6", summary: "min(max(0, x), 6)", parameters: []) { _ in .relu6 },
        Entry(name: "log_sigmoid", displayName: "Log-sigmoid", summary: "log(sigmoid(x)) = -softplus(-x)",
              parameters: []) { _ in .logSigmoid },
    ]

    /// The entry for `name` or an alias; throws listing every name when unknown.
    static func entry(named name: String) throws -> Entry {
        let canonical = aliases[name] ?? name
        if let e = entries.first(where: { $0.name == canonical }) { return e }
        throw OptimError.unknown("activation", name, allowed: entries.map(\.name))
    }

    /// The entry of a constructed activation (always present).
    static func entry(function activation: Activation) -> Entry {
        entries.first { $0.name == activation.name } ?? entries[0]
    }

    /// The formula in math-label syntax with parameter values written in.
    static func formula(of a: Activation) -> String {
        func n(_ v: Double) -> String {
            v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
        }
        // A coefficient written before a factor: nothing for 1, "−" for −1 (no "1(e^{x} − 1)").
        func times(_ v: Double) -> String { v == 1 ? "" : v == -1 ? "-" : n(v) }
        switch a.name {
        case "identity": return "$f(x) = x$"
        case "binary_step": return "$f(x) = 1$ if $x ≥ 0$, else $0$"
        case "sigmoid": return "$\\sigma(x) = \\frac{1}{1+e^{-x}}$"
        case "tanh": return "$tanh(x) = \\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}$"
        case "relu": return "$f(x) = \\max(0, x)$"
        case "leaky_relu":
            return "$f(x) = \\max(0, x) + \(n(a.parameters["negative_slope"] ?? 0.01)) \\cdot \\min(0, x)$"
        case "prelu": return "$f(x) = \\max(0, x) + \(n(a.parameters["a"] ?? 0.25)) \\cdot \\min(0, x)$"
        case "elu":
            return "$f(x) = x$ if $x > 0$, else $\(times(a.parameters["alpha"] ?? 1))(e^{x} - 1)$"
        case "selu": return "$f(x) = \\lambda x$ if $x > 0$, else $\\lambda\\alpha(e^{x} - 1)$"
        case "celu":
            let alpha = a.parameters["alpha"] ?? 1
            let exponent = alpha == 1 ? "x" : "x/\(n(alpha))"
            let body = "e^{\(exponent)} - 1"
            return "$f(x) = \\max(0, x) + \\min(0, " + (alpha == 1 ? body : "\(n(alpha))(\(body))") + ")$"
        case "gelu": return "$f(x) = x \\cdot \\Phi(x)$"
        case "gelu_tanh": return "$f(x) = \\frac{x}{2}(1 + tanh(0.7979(x + 0.044715x^{3})))$"
        case "gelu_sigmoid": return "$f(x) = x \\cdot \\sigma(1.702x)$"
        case "silu": return "$f(x) = x \\cdot \\sigma(x)$"
        case "swish": return "$f(x) = x \\cdot \\sigma(\(times(a.parameters["beta"] ?? 1))x)$"
        case "mish": return "$f(x) = x \\cdot tanh(\\log(1 + e^{x}))$"
        case "lisht": return "$f(x) = x \\cdot tanh(x)$"
        case "softplus":
            let b = a.parameters["beta"] ?? 1
            return b == 1
                ? "$f(x) = \\log(1 + e^{x})$"
                : "$f(x) = \\frac{1}{\(n(b))}\\log(1 + e^{\(n(b))x})$"
        case "softsign": return "$f(x) = \\frac{x}{1 + |x|}$"
        case "hardtanh":
            return "$f(x) = \\max(\(n(a.parameters["min_val"] ?? -1)), \\min(\(n(a.parameters["max_val"] ?? 1)), x))$"
        case "hardsigmoid": return "$f(x) = \\max(0, \\min(1, \\frac{x+3}{6}))$"
        case "hardswish": return "$f(x) = x \\cdot \\max(0, \\min(1, \\frac{x+3}{6}))$"
        case "relu6": return "$f(x) = \\min(\\max(0, x), 6)$"
        case "log_sigmoid": return "$f(x) = \\log \\sigma(x) = -\\log(1 + e^{-x})$"
        default: return "$f(x)$"
        }
    }
}
