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
                """)

        @Argument(help: ArgumentHelp("One or more activation names.", valueName: "name"))
        var names: [String]

        @Option(name: .customLong("param"), help: ArgumentHelp(
            "A parameter as name=value, with PyTorch's names (negative_slope, a, alpha, beta, threshold, min_val, max_val); repeatable.",
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

        var defaultFileName: String { "activation-" + names.joined(separator: "-") }

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

        /// The activations with their parameters; a parameter must belong to at least one of them.
        func activations() throws -> [Activation] {
            let given = try ArgumentText.keyValues(params, option: "--param")
            var used = Set<String>()
            var out: [Activation] = []
            for name in names {
                let specs: [ParameterSpec]
                do { specs = try Activation.parameterSpecs(for: name) } catch { throw ValidationError(String(describing: error)) }
                let mine = given.filter { k, _ in specs.contains { $0.name == k } }
                used.formUnion(mine.keys)
                do { out.append(try Activation(name: name, parameters: mine)) } catch { throw ValidationError(String(describing: error)) }
            }
            for k in given.keys.sorted() where !used.contains(k) {
                let allowed = Set(try names.flatMap { try Activation.parameterSpecs(for: $0).map(\.name) }).sorted()
                throw ValidationError("unknown --param '\(k)' for \(names.joined(separator: ", ")); allowed: "
                                      + (allowed.isEmpty ? "(none: these activations have no parameters)" : allowed.joined(separator: ", ")))
            }
            return out
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
