import Optim

/// The catalogues of built-in names and the command that takes each, so that a name typed where another
/// catalogue's is expected is told where it belongs: `dlplot activation himmelblau` gets "'himmelblau' is a
/// surface, not an activation: dlplot surface himmelblau" (it was offered 'x*sigmoid(himmelblau*x)').
enum NameCatalogue: CaseIterable {
    case activation, surface, curve, loss, optimizer

    /// "an activation", "a surface", …
    var noun: String {
        switch self {
        case .activation: "an activation"
        case .surface: "a surface"
        case .curve: "a loss curve of lr and pitfalls"
        case .loss: "a loss"
        case .optimizer: "an optimizer"
        }
    }

    /// The built-in names of this catalogue.
    var names: [String] {
        switch self {
        case .activation: Activation.allNames
        case .surface: Surface.allNames
        case .curve: Curve1D.allNames
        case .loss: Loss.allNames
        case .optimizer: OptimizerConfig.allNames
        }
    }

    /// A command that takes `name` of this catalogue; with `eval`, the one that prints its numbers where there is one.
    func command(for name: String, eval: Bool = false) -> String {
        switch (self, eval) {
        case (.activation, true): return "dlplot eval activation \(name) --x …"
        case (.surface, true): return "dlplot eval surface \(name) --points …"
        case (.optimizer, true): return "dlplot trace --surface rosenbrock --optimizer \(name)"
        default: break
        }
        return switch self {
        case .activation: "dlplot activation \(name)"
        case .surface: "dlplot surface \(name)"
        case .curve: "dlplot lr --function \(name)"
        case .loss: "dlplot eval loss \(name) --prediction … --target …"
        case .optimizer: "dlplot surface rosenbrock --optimizers \(name)"
        }
    }

    /// "'himmelblau' is a surface, not an activation: dlplot surface himmelblau" when `name` is a built-in of
    /// another catalogue than `expected`, else nil; `eval` names the eval command (asked in `dlplot eval`).
    static func elsewhere(_ name: String, expected: NameCatalogue, eval: Bool = false) -> String? {
        guard let owner = allCases.first(where: { $0 != expected && $0.names.contains(name) }) else { return nil }
        return "'\(name)' is \(owner.noun), not \(expected.noun): \(owner.command(for: name, eval: eval))"
    }
}
