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
                Example:
                  dlplot pitfalls --starts -4.2,-1.8,3.2 --rates 0.05 -o pitfalls.png
                """)

        @Option(parsing: .unconditional, help: ArgumentHelp("The loss curve: \(Curve1D.allNames.joined(separator: ", ")), or a formula in x (or w, as the figure names the weight) such as 'x^4 - 2*x^2', 'w^4 - 2*w^2' or '-x^2' (the value after --function is always the curve, even when it starts with '-').", valueName: "name"),
                completion: .curveNames)
        var function = "pitfalls"

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Comma-separated starts w₀, 1 to 7 (default: -4.2,-2.4,0.8,3.2,3.4 on the built-in curve; five starts spread over the view where f is defined for any other).",
            valueName: "list"))
        var starts: String?

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "One learning rate for all runs, or one per start (default: 0.05, and 0.18 from 3.4, on the built-in curve; for any other, the rate that makes good progress from each start and stays in view).",
            valueName: "list"))
        var rates: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Gradient-descent steps per run, 1 to 100000.", valueName: "n"))
        var steps = 40

        @Option(name: .customLong("param"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
            "A parameter of a typed --function as name=value (repeatable), e.g. --param a=2 for 'a*x^2'; one value each (a list draws a family in activation and activations only).",
            valueName: "name=value"))
        var params: [String] = []

        @OptionGroup var figureOptions: FigureOptions

        var optionsInFileName: Set<String> { ["--param", "--function"] }
        var defaultFileName: String { function == "pitfalls" ? "pitfalls" : "pitfalls-" + DefaultFileName.stem(function, params: params) }

        /// The starts as given, or the curve's defaults; with `checked`, each must be where f is defined
        /// (checked while making the figure, so a refusal is one line).
        func startList(_ curve: Curve1D, checked: Bool = true) throws -> [Double] {
            guard let starts else {
                let s = PitfallsFigure.defaultStarts(for: curve)
                guard !s.isEmpty else { throw ArgumentRefusal.invalid("--function", function, "f is undefined everywhere on its view; give --starts") }
                return s
            }
            let s = try NumberArguments.list(starts, option: "--starts")
            guard !s.isEmpty, s.count <= 7 else { throw ArgumentRefusal.invalid("--starts", starts, "expected 1 to 7 starts") }
            try RepeatedItems.check(numbers: s, option: "--starts", typed: starts)
            let typed = starts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for (k, v) in s.enumerated() where checked {
                let shown = k < typed.count ? typed[k] : NumberText.shortest(v)
                guard let problem = FunctionArguments.startProblem(curve, at: v, shown: shown) else { continue }
                throw ArgumentRefusal.invalid("--starts", starts, "\(problem); give starts where f and f′ are finite")
            }
            return s
        }

        /// The given rates (validated against the starts' count); nil when --rates is not given.
        func rateList(count: Int) throws -> [Double]? {
            guard let rates else { return nil }
            let r = try NumberArguments.list(rates, option: "--rates")
            guard r.count == 1 || r.count == count else {
                throw ArgumentRefusal.invalid("--rates", rates, "\(r.count) values for \(count) starts; give one rate, or one per start")
            }
            for v in r where v <= 0 { throw ArgumentRefusal.invalid("--rates", rates, "'\(TypedText.item(of: rates, v))' is not a learning rate; expected numbers > 0") }
            return r
        }

        func pairs() throws -> [(start: Double, rate: Double)] {
            let curve = try FunctionArguments.curve(function, params: params)
            let s = try startList(curve)
            guard let r = try rateList(count: s.count) else {
                return try s.map { ($0, try PitfallsFigure.defaultRate(for: curve, start: $0, steps: steps)) }
            }
            return s.enumerated().map { ($0.element, r.count == 1 ? r[0] : r[$0.offset]) }
        }

        mutating func validate() throws {
            let curve = try FunctionArguments.curve(function, params: params)
            _ = try rateList(count: try startList(curve, checked: false).count)
            guard steps >= 1, steps <= 100_000 else { throw ArgumentRefusal.invalid("--steps", steps, "expected 1 to 100000") }
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            var figure = try figureOptions.makeFigure()
            var recipe = PitfallsFigure(curve: try FunctionArguments.curve(function, params: params), runs: try pairs(), steps: steps)
            recipe.yView = try figureOptions.layout.linearYRange()
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
