import ArgumentParser
import Figures
import Optim

/// `dlplot list activations|losses|surfaces|optimizers`: names with a one-line description.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the activations, losses, surfaces or optimizers, one name and description per line."
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case activations, losses, surfaces, optimizers
    }

    @Argument(help: "What to list: activations, losses, surfaces or optimizers.")
    var what: What

    func rows() throws -> [(String, String)] {
        switch what {
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
