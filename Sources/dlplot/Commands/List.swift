import ArgumentParser
import Figures
import Optim
import Viz

/// `dlplot list activations|losses|surfaces|optimizers|curves|tasks|themes`: names with a one-line description.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the names an option takes, one name and description per line.",
        discussion: """
            Where the names go: activations to activation, activations --names, vanishing --activations and \
            eval activation; losses to eval loss; surfaces to surface, basins, stability, eval surface and the \
            --surface of curves, steps and trace; optimizers to --optimizer and --optimizers; curves to the \
            --function of lr and pitfalls; tasks to landscape --task; themes to every figure command's --theme.
            """
    )

    /// What `list` lists.
    enum What: String, CaseIterable {
        case activations, losses, surfaces, optimizers, curves, tasks, themes
    }

    /// "activations, losses, …, tasks or themes".
    static var whatNames: String {
        let names = What.allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    @Argument(help: ArgumentHelp("What to list: \(List.whatNames).", valueName: "what"),
              completion: .list(What.allCases.map(\.rawValue)))
    var what: String

    func validate() throws {
        _ = try kind()
    }

    /// The list asked for; a word that names none is refused in the one form, with the closest name.
    func kind() throws -> What {
        if let w = What(rawValue: what.lowercased()) { return w }
        var reason = "expected \(List.whatNames)"
        if let near = closestName(to: what, in: What.allCases.map(\.rawValue)) { reason += "; did you mean '\(near)'?" }
        throw ArgumentRefusal.invalid("list", what, reason)
    }

    func rows() throws -> [(String, String)] {
        switch try kind() {
        case .activations:
            return try Activation.allNames.map { ($0, try Activation(name: $0).summary) }
        case .losses:
            return try Loss.allNames.map { ($0, try Loss(name: $0).summary) }
        case .surfaces:
            // The start the figures use by default, as `--start` documents.
            return try Surface.allNames.map { name in
                let s = try Surface(named: name)
                let start = "(" + NumberText.shortest(s.suggestedStart.x) + ", " + NumberText.shortest(s.suggestedStart.y) + ")"
                return (name, s.summary + "; start " + start)
            }
        case .optimizers:
            return try OptimizerConfig.allNames.map { ($0, try OptimizerConfig.summary(for: $0)) }
        case .curves:
            return Curve1D.Kind.allCases.compactMap { k in List.summary(of: k).map { (k.rawValue, $0) } }
        case .tasks:
            return LandscapeTask.allCases.map { ($0.rawValue, List.summary(of: $0)) }
        case .themes:
            return Theme.all.map { ($0.name, List.summary(ofTheme: $0.name)) }
        }
    }

    /// The loss curve `kind` in one line (nil for a typed expression, which is not a name).
    static func summary(of kind: Curve1D.Kind) -> String? {
        switch kind {
        case .square: "w²: the simplest bowl; gradient descent multiplies w by 1 − 2α each step (lr's default)"
        case .quartic: "w⁴/4: flat near the minimum, steep far from it"
        case .doubleWell: "(w² − 1)² + 0.3w: two minima of different depth"
        case .pitfalls: "a local minimum near w = −1, the global one near w = 2, a plateau for w < −2.5 (pitfalls' default)"
        case .expression: nil
        }
    }

    /// The landscape task `task` in one line.
    static func summary(of task: LandscapeTask) -> String {
        switch task {
        case .xor: "XOR's four points, binary cross-entropy"
        case .spirals: "two interleaved spirals, 2 × 48 points, binary cross-entropy (default)"
        case .regression: "y = sin(πx₁)·cos(πx₂)/2 + noise at 64 points, mean squared error"
        }
    }

    /// The theme called `name` in one line.
    static func summary(ofTheme name: String) -> String {
        switch name {
        case "light": "dark text on white: documents and light slides (default)"
        case "dark": "light text on a dark background: dark slides"
        case "print": "greyscale-safe: black text, thicker lines, series told apart by dash and marker first"
        default: "a theme"
        }
    }

    func run() throws {
        let r = try rows()
        let width = (r.map(\.0.count).max() ?? 0) + 2
        var out = ""
        for (name, summary) in r {
            out += name + String(repeating: " ", count: width - name.count) + summary + "\n"
        }
        print(out, terminator: "")
    }
}
