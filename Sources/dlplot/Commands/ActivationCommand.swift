// Commands: one subcommand a file: the figure commands and the number commands (`eval`, `trace`, `list`).

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
                formula in the title. Kinks are sampled exactly; jumps are drawn as jumps with open and closed dots. \
                The subtitle states the range and whether f is monotonic, zero-centred (odd: f(−x) = −f(x)) and bounded.
                Names: see `dlplot list activations`.
                Examples:
                  dlplot activation sigmoid -o sigmoid.png
                  dlplot activation relu leaky_relu elu --range -3:3 -o rectifiers.svg
                  dlplot activation elu --param alpha=0.5 --saturation-rel 0.1 -o elu.pdf
                  dlplot activation 'x*sigmoid(beta*x)' --param beta=0.5,1,2 -o swish.png
                Anything that is not a single name is a typed expression of x: numbers, pi, e, + - * / ^, \
                exp log log1p expm1 sqrt abs sin cos tan sinh cosh tanh asinh atan erf erfc sigmoid softplus relu, \
                max(a, b), min(a, b), every activation by name, and parameters given with --param.
                """)

        @Argument(help: ArgumentHelp("One to 12 activation names or expressions of x (an expression starting with '-' goes after --).",
                                     valueName: "name"), completion: .activationNames)
        var names: [String]

        @Option(name: .customLong("param"), help: ArgumentHelp(
            "A parameter as name=value (PyTorch's names for built-ins, or an expression's own; a value is a number or a constant such as pi/4 or 1/3), or name=v1,v2,v3 for a family; repeatable.",
            valueName: "k=v"))
        var params: [String] = []

        @Option(parsing: .unconditional, help: ArgumentHelp("The x range as a:b (default: -6:6, widened to show every kink).", valueName: "a:b"))
        var range: String?

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Shade where |f′| < τ (absolute threshold; default 0.05, the same for a typed function unless its largest |f′| is "
            + "below sigmoid's 0.25: then 0.05·max|f′|/0.25, so 0.01·tanh(x) gets 0.002; --saturation-rel for a fraction of max|f′|).",
            valueName: "τ"),
            transform: NumberArguments.finiteTransform(option: "--saturation"))
        var saturation: Double?

        @Option(name: .customLong("saturation-rel"), parsing: .unconditional, help: ArgumentHelp(
            "Shade where |f′| < r·max|f′| instead (relative threshold, e.g. 0.1).", valueName: "r"),
            transform: NumberArguments.finiteTransform(option: "--saturation-rel"))
        var saturationRelative: Double?

        @Flag(name: .customLong("no-zones"), help: "Do not shade saturation and dead zones.")
        var noZones = false

        @Flag(name: .customLong("no-derivative"), help: "Draw f only.")
        var noDerivative = false

        @Flag(name: .customLong("derivative-only"), help: "Draw f′ only.")
        var derivativeOnly = false

        @OptionGroup var figureOptions: FigureOptions

        var defaultFileName: String {
            "activation-" + DefaultFileName.joined(names.map { DefaultFileName.stem($0, params: params) })
        }

        mutating func validate() throws {
            guard !names.isEmpty else { throw ValidationError("give at least one activation name; see `dlplot list activations`") }
            // Checked before any name is parsed, so thousands of names cost nothing.
            guard names.count <= Self.maxCurves else {
                throw ValidationError("\(names.count) activations is too many for one figure; give at most \(Self.maxCurves) (`dlplot activations` draws up to 48 as a grid)")
            }
            try Self.refuseCommaLists(names)
            try RepeatedItems.check(functions: names, option: "activation", typed: nil, params: params)
            if noDerivative && derivativeOnly { throw ArgumentRefusal.flag("--derivative-only", "it excludes --no-derivative; give one of them") }
            if let saturation, !(saturation.isFinite && saturation >= 0) {
                throw ArgumentRefusal.invalid("--saturation", TypedText.number("--saturation", saturation), "expected a number ≥ 0")
            }
            if let r = saturationRelative, !(r.isFinite && r >= 0 && r <= 1) {
                throw ArgumentRefusal.invalid("--saturation-rel", TypedText.number("--saturation-rel", r), "expected a number from 0 to 1")
            }
            if let range { _ = try NumberArguments.range(range, option: "--range") }
            let curves = try activations()
            guard curves.count <= Self.maxCurves else {
                throw ParameterFamilyCount.refusal(names, params: params, count: curves.count, limit: Self.maxCurves, noun: "curves")
            }
            try checkParametersKeepValuesFinite(curves)
            try checkExpressionsDefinedSomewhere(curves)
        }

        /// Refuses a comma list of names given as one argument (`sigmoid,tanh`), which was read as a formula and
        /// refused as one ("'sigmoid' is a function (column 1)" over a caret line): the names go as separate arguments.
        /// `sigmoid, tanh` (a comma after a name, the shell splitting at the space) is one too.
        static func refuseCommaLists(_ names: [String]) throws {
            let items = names.map { ListItems.topLevel($0).map(\.trimmingSpaces).filter { !$0.isEmpty } }
            for (text, parts) in zip(names, items) {
                guard text.contains(","), !parts.isEmpty, ListItems.topLevel(text).count > 1, parts.allSatisfy(FunctionArguments.isName) else { continue }
                let once = items.joined().filter(FunctionArguments.isName).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                throw ArgumentRefusal.invalid("activation", text, "a comma list of names; give the names as separate arguments without "
                    + "commas, e.g. dlplot activation " + once.joined(separator: " "))
            }
        }

        /// A typed function undefined (NaN or ±∞) at every one of 241 points of the view
        /// (`sqrt(-1)+x`) has nothing to draw: one line naming it as typed, exit 64.
        func checkExpressionsDefinedSomewhere(_ curves: [Activation]) throws {
            let r = try range.map { try NumberArguments.range($0, option: "--range") } ?? -6...6
            let xs = (0...240).map { r.lowerBound + (r.upperBound - r.lowerBound) * Double($0) / 240 }
            for f in curves where f.expression != nil {
                var values: [Double] = []
                f.values(xs, into: &values)
                // Two neighbouring finite samples make a piece of curve; isolated points (√x on −2…0 is defined at 0
                // alone) draw nothing.
                let finite = values.map(\.isFinite)
                guard !zip(finite, finite.dropFirst()).contains(where: { $0 && $1 }) else { continue }
                let what = values.contains(where: \.isNaN) ? "undefined (NaN)" : "infinite"
                let except = finite.contains(true) ? " (except at isolated points)" : ""
                // A member of a family is named by its values, and the lists they come from (X13-37: 'sqrt(x-a)' with
                // a=0,100 is defined for a = 0; only a = 100 is undefined on the view).
                let family = curves.filter { $0.expression?.source == f.expression?.source }.count > 1
                let own = family ? f.expression?.parameters ?? [:] : [:]
                let member = own.isEmpty ? "" : " for " + own.keys.sorted().map { "\($0) = " + TypedText.shortest(own[$0] ?? 0) }
                    .joined(separator: ", ")
                let lists = own.keys.sorted().compactMap { name in params.first { $0.hasPrefix(name + "=") && $0.contains(",") } }
                    .map { "--param '\($0)'" }
                let advice = range != nil ? "; give another --range"
                    : lists.isEmpty ? "; give a --range where it is defined"
                    : "; drop that value from " + lists.joined(separator: " and ") + ", or give a --range where it is defined"
                throw ValidationError((range.map { "invalid --range '\($0)': " } ?? "activation: ") + "'\(f.name)' is \(what) everywhere on the view \(TypedText.shortest(r.lowerBound))…\(TypedText.shortest(r.upperBound))"
                                      + member + except + advice)
            }
        }

        /// A built-in activation is finite everywhere for sensible parameters; a parameter so large that f
        /// or f′ exceeds 1e150 on the range (negative_slope=1e308 gives f(−6) = −inf) is refused here, naming
        /// it, instead of failing later on the plot's limits. Typed expressions may have poles: not checked.
        func checkParametersKeepValuesFinite(_ curves: [Activation]) throws {
            let r = try range.map { try NumberArguments.range($0, option: "--range") } ?? -6...6
            let xs = (0...64).map { r.lowerBound + (r.upperBound - r.lowerBound) * Double($0) / 64 }
            for f in curves where f.expression == nil && !f.parameters.isEmpty {
                guard let x = xs.first(where: { !(abs(f.value($0)) <= 1e150 && abs(f.derivative($0)) <= 1e150) }) else { continue }
                let given = f.parameters.keys.sorted().filter { key in params.contains { $0.hasPrefix(key + "=") } }
                let shown = given.isEmpty ? f.parameters.keys.sorted() : given
                let typed = shown.map { key in params.last { $0.hasPrefix(key + "=") } ?? "\(key)=\(TypedText.shortest(f.parameters[key] ?? .nan))" }
                throw ArgumentRefusal.invalid("--param", typed.joined(separator: ","), "\(f.name) reaches |f| or |f′| > 1e150 at x = \(TypedText.shortest(x)), "
                                      + "beyond what a plot can show; give a smaller value")
            }
        }

        /// The most curves one figure overlays (each needs a colour and a line style a reader can tell apart).
        static let maxCurves = 12

        /// The activations with their parameters (names or typed expressions; a list of values is a
        /// family, one curve each); a parameter must belong to at least one of them.
        func activations() throws -> [Activation] {
            try FunctionArguments.activations(names, params: params, option: "activation")
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            var figure = try figureOptions.makeFigure()
            var recipe = ActivationFigure(activations: try activations())
            recipe.range = try range.map { try NumberArguments.range($0, option: "--range") }
            recipe.curves = noDerivative ? .valueOnly : derivativeOnly ? .derivativeOnly : .both
            recipe.saturation = saturation ?? 0.05
            recipe.saturationScalesTypedFunctions = saturation == nil
            recipe.saturationRelative = saturationRelative
            recipe.zones = !noZones
            recipe.logY = figureOptions.layout.logY
            let tables = recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
