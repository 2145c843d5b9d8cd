import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot lr`: gradient descent with several learning rates on a 1-D loss.
    struct LearningRateCommand: AnimatedFigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "lr",
            abstract: "Compare learning rates: gradient-descent steps on a 1-D loss, one panel per rate.",
            discussion: """
                Each panel draws the loss curve and the iterates w₀, w₁, … of plain gradient descent \
                (w ← w − α f′(w)) as points joined in order, and names what happened: too small, good, \
                oscillates, diverges. "good" means the last iterate is within 2.5 % of the curve's own view \
                width of a minimum (0.2 on the square's −4…4), whatever the start; "too small" that it is not \
                yet. All panels share one view (taking in the start and, for a start outside the curve's view, \
                its mirror image about the minimum); a run that leaves it is clipped and marked.
                Curves: \(Curve1D.allNames.joined(separator: ", ")).
                Example:
                  dlplot lr --rates 0.05,0.2,1.1 -o lr.png
                """)

        @Option(parsing: .unconditional, help: ArgumentHelp("The loss curve: \(Curve1D.allNames.joined(separator: ", ")), or a formula in x (or w, as the figure names the weight) such as 'x^4 - 2*x^2', 'w^4 - 2*w^2' or '-x^2' (the value after --function is always the curve, even when it starts with '-').", valueName: "name"),
                completion: .curveNames)
        var function = "square"

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Comma-separated learning rates, 1 to 8, one panel each (default: 0.05,0.2,1.1 on the built-in curves; for a formula, three rates whose runs are checked to be too small, good and diverging: the good one nearest the rate whose one step lands on the minimum, a fifth of it or less, and the smallest that diverges; where no candidate does each, 0.1/L and 1/L with L the largest curvature f″ between the start and its minimum, and 2.2/f″ at that minimum).",
            valueName: "list"))
        var rates: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("The start w₀ (default: the curve's suggested start).", valueName: "w"),
            transform: NumberArguments.finiteTransform(option: "--start"))
        var start: Double?

        @Option(parsing: .unconditional, help: ArgumentHelp("Gradient-descent steps per panel, 1 to 1000.", valueName: "n"))
        var steps = 12

        @Option(name: .customLong("param"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
            "A parameter of a typed --function as name=value (repeatable), e.g. --param a=2 for 'a*x^2'; one value each (a list draws a family in activation and activations only).",
            valueName: "name=value"))
        var params: [String] = []

        @OptionGroup(title: "Animation") var animation: AnimationOptions

        @OptionGroup var figureOptions: FigureOptions

        var optionsInFileName: Set<String> { ["--param", "--function"] }
        var defaultFileName: String { "lr-" + DefaultFileName.stem(function, params: params) }

        mutating func validate() throws {
            _ = try FunctionArguments.curve(function, params: params)
            if let rates {
                let r = try NumberArguments.list(rates, option: "--rates")
                guard !r.isEmpty, r.count <= 8 else { throw ArgumentRefusal.invalid("--rates", rates, "expected 1 to 8 rates") }
                for v in r where v <= 0 { throw ArgumentRefusal.invalid("--rates", rates, "'\(TypedText.item(of: rates, v))' is not a learning rate; expected numbers > 0") }
                try RepeatedItems.check(numbers: r, option: "--rates", typed: rates)
            }
            guard steps >= 1, steps <= 1000 else { throw ArgumentRefusal.invalid("--steps", steps, "expected 1 to 1000") }
            // f(w₀) and the view around w₀ must be finite numbers: |w₀| ≤ 1e6 keeps them so on every curve.
            if let start, !(start.isFinite && abs(start) <= 1e6) {
                throw ArgumentRefusal.invalid("--start", TypedText.number("--start", start), "expected a number from -1e6 to 1e6")
            }
            if let start, let problem = FunctionArguments.startProblem(try FunctionArguments.curve(function, params: params), at: start,
                                                                        shown: TypedText.number("--start", start)) {
                throw ArgumentRefusal.invalid("--start", TypedText.number("--start", start), "\(problem); give a start where f and f′ are finite")
            }
            try validateAnimation()
        }

        func makeFigure() throws -> (Figure, [DataTable]) { try makeFigure(animated: false) }

        func makeAnimatedFigure() throws -> (Figure, [DataTable]) { try makeFigure(animated: true) }

        /// The figure; `animated` makes the iterates appear step by step (see `LearningRateFigure.animated`).
        func makeFigure(animated: Bool) throws -> (Figure, [DataTable]) {
            let curve = try FunctionArguments.curve(function, params: params)
            let w0 = start ?? curve.suggestedStart
            // A typed curve's default rates are checked by running them (its curvature's alone, where the check
            // finds no three); the built-ins keep their classic three.
            let r = try rates.map { try NumberArguments.list($0, option: "--rates") }
                ?? (curve.expression == nil ? nil : try LearningRateFigure.checkedRates(curve: curve, start: w0, steps: steps)
                    ?? curve.suggestedRates(from: w0)) ?? [0.05, 0.2, 1.1]
            var figure = try figureOptions.makeFigure(rows: 1, columns: r.count)
            figure.shareY = true
            var recipe = LearningRateFigure(curve: curve, rates: r, start: w0, steps: steps)
            recipe.animated = animated
            recipe.yView = try figureOptions.layout.linearYRange()
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
