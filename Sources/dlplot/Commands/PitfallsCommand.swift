import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot pitfalls`: gradient descent from several starts on a non-convex 1-D loss.
    struct PitfallsCommand: FigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "pitfalls",
            abstract: "Show gradient descent trapped in a local minimum, stuck on a plateau, or overshooting.",
            discussion: """
                Runs plain gradient descent from each start (one run per start; --rates gives one rate for all \
                or one per start) on a 1-D loss with a local minimum and a plateau, and labels where each run ends.
                Example: dlplot pitfalls --starts -4.2,-1.8,3.2 --rates 0.05 -o pitfalls.png
                """)

        @Option(help: ArgumentHelp("The loss curve: \(Curve1D.allNames.joined(separator: ", ")).", valueName: "name"))
        var function = "pitfalls"

        @Option(parsing: .unconditional, help: ArgumentHelp("Comma-separated starts w₀.", valueName: "list"))
        var starts = "-4.2,-2.4,0.8,3.2,3.4"

        @Option(parsing: .unconditional, help: ArgumentHelp("One learning rate for all runs, or one per start.", valueName: "list"))
        var rates = "0.05,0.05,0.05,0.05,0.18"

        @Option(parsing: .unconditional, help: ArgumentHelp("Gradient-descent steps per run.", valueName: "n"))
        var steps = 40

        @OptionGroup var figureOptions: FigureOptions

        var defaultFileName: String { "pitfalls" }

        func pairs() throws -> [(start: Double, rate: Double)] {
            let s = try ArgumentText.numbers(starts, option: "--starts")
            let r = try ArgumentText.numbers(rates, option: "--rates")
            guard !s.isEmpty, s.count <= 7 else { throw ValidationError("invalid --starts '\(starts)': expected 1 to 7 starts") }
            guard r.count == 1 || r.count == s.count else {
                throw ValidationError("--rates has \(r.count) values but --starts has \(s.count): give one rate, or one per start")
            }
            for v in r where v <= 0 { throw ValidationError("invalid learning rate '\(TypedText.item(of: rates, v))' in --rates: expected numbers > 0") }
            return s.enumerated().map { ($0.element, r.count == 1 ? r[0] : r[$0.offset]) }
        }

        mutating func validate() throws {
            _ = try FunctionArguments.curve(function)
            _ = try pairs()
            guard steps >= 1, steps <= 100_000 else { throw ValidationError("invalid --steps '\(steps)': expected 1 to 100000") }
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            var figure = try figureOptions.makeFigure()
            let recipe = PitfallsFigure(curve: try FunctionArguments.curve(function), runs: try pairs(), steps: steps)
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
