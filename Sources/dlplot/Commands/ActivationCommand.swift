import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot activation NAME…`: one activation (or several, overlaid) with its derivative.
    struct ActivationCommand: FigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "activation",
            abstract: "Plot activation functions and their derivatives.",
            discussion: """
                f is drawn solid and f′ dashed. For one activation the figure also shades saturation zones \
                (|f′| < τ) and dead zones (f′ = 0), marks the steepest slope, draws asymptotes, and shows the \
                formula in the title. Kinks are sampled exactly; jumps are drawn as jumps with open and closed dots.
                Names: see `dlplot list activations`.
                Examples:
                  dlplot activation sigmoid -o sigmoid.png
                  dlplot activation relu leaky_relu elu --range -3:3 -o rectifiers.svg
                  dlplot activation elu --param alpha=0.5 --saturation-rel 0.1 -o elu.pdf
                  dlplot activation 'x*sigmoid(beta*x)' --param beta=0.5,1,2 -o swish-family.png
                Anything that is not a single name is a typed expression of x: numbers, pi, e, + - * / ^, \
                exp log log1p expm1 sqrt abs sin cos tan sinh cosh tanh asinh atan erf erfc sigmoid softplus relu, \
                max(a, b), min(a, b), every activation by name, and parameters given with --param.
                """)

        @Argument(help: ArgumentHelp("One or more activation names or expressions of x (an expression starting with '-' goes after --).",
                                     valueName: "name"))
        var names: [String]

        @Option(name: .customLong("param"), help: ArgumentHelp(
            "A parameter as name=value (PyTorch's names for built-ins, or an expression's own), or name=v1,v2,v3 for a family; repeatable.",
            valueName: "k=v"))
        var params: [String] = []

        @Option(parsing: .unconditional, help: ArgumentHelp("The x range as a:b (default: -6:6, widened to show every kink).", valueName: "a:b"))
        var range: String?

        @Option(help: ArgumentHelp("Shade where |f′| < τ (absolute threshold).", valueName: "τ"))
        var saturation: Double = 0.05

        @Option(name: .customLong("saturation-rel"), help: ArgumentHelp(
            "Shade where |f′| < r·max|f′| instead (relative threshold, e.g. 0.1).", valueName: "r"))
        var saturationRelative: Double?

        @Flag(name: .customLong("no-zones"), help: "Do not shade saturation and dead zones.")
        var noZones = false

        @Flag(name: .customLong("no-derivative"), help: "Draw f only.")
        var noDerivative = false

        @Flag(name: .customLong("derivative-only"), help: "Draw f′ only.")
        var derivativeOnly = false

        @OptionGroup var figureOptions: FigureOptions

        var defaultFileName: String {
            "activation-" + names.map { FunctionArguments.isName($0) ? $0 : "expression" }.joined(separator: "-")
        }

        mutating func validate() throws {
            guard !names.isEmpty else { throw ValidationError("give at least one activation name; see `dlplot list activations`") }
            if noDerivative && derivativeOnly { throw ValidationError("--no-derivative and --derivative-only exclude each other") }
            guard saturation.isFinite, saturation >= 0 else { throw ValidationError("invalid --saturation '\(saturation)': expected a number ≥ 0") }
            if let r = saturationRelative, !(r.isFinite && r >= 0 && r <= 1) {
                throw ValidationError("invalid --saturation-rel '\(r)': expected a number from 0 to 1")
            }
            if let range { _ = try ArgumentText.range(range, option: "--range") }
            _ = try activations()
        }

        /// The activations with their parameters (names or typed expressions; a list of values is a
        /// family, one curve each); a parameter must belong to at least one of them.
        func activations() throws -> [Activation] {
            try FunctionArguments.activations(names, params: params)
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            var figure = try figureOptions.makeFigure()
            var recipe = ActivationFigure(activations: try activations())
            recipe.range = try range.map { try ArgumentText.range($0, option: "--range") }
            recipe.curves = noDerivative ? .valueOnly : derivativeOnly ? .derivativeOnly : .both
            recipe.saturation = saturation
            recipe.saturationRelative = saturationRelative
            recipe.zones = !noZones
            let tables = recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
