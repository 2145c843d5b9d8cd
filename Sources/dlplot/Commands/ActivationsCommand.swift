import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot activations`: every activation (or a chosen few) as small multiples, or as a property table.
    struct ActivationsCommand: FigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "activations",
            abstract: "Compare activation functions: small multiples on shared axes, or a property table (--table).",
            discussion: """
                One panel per activation: f solid, f′ dashed, saturation zones (|f′| < τ) and dead zones \
                (f′ = 0) shaded, kinks sharp, jumps drawn as jumps with open and closed dots, asymptotes dotted, \
                the largest |f′| marked ◆. Every panel has the same x range and, so shapes and slopes compare \
                across the grid, the same y range, except a panel whose function would flatten the others (over \
                12 times the median panel's span, or a tail cut off) and, with typed formulas, every panel when \
                one would fill under a quarter of the shared axis: those get their own y scale, and the subtitle \
                says so. --y-range A:B gives every panel that one y range. The grid is chosen from the panel \
                count and the page (24 → 4 rows of 6).
                --table draws a table instead: range, monotonic, zero-centred, bounded, max |f′|, f′(0) and \
                whether |f′| → 0 in the tails, all computed from the kernels. Zero-centred means odd, \
                f(−x) = −f(x), so inputs symmetric about 0 give outputs centred on 0: tanh and softsign are; \
                ReLU, Leaky ReLU, PReLU, ELU and SELU are not (their negative side is not the positive side mirrored).
                The default size is 1920x1280 (a table of a few rows: as tall as they need, at least 1920x540).
                Names: see `dlplot list activations`.
                Examples:
                  dlplot activations -o activations.png
                  dlplot activations --names sigmoid,tanh,relu,gelu -o four.png
                  dlplot activations --table -o activation-table.png
                  dlplot activations --names 'x*sigmoid(b*x),tanh' --param b=1,2 -o f.png
                """)

        @Option(parsing: .unconditional, help: ArgumentHelp("Comma-separated activation names or formulas in x, 1 to 48 (default: all \(Activation.allNames.count), in catalogue order).", valueName: "list"), completion: .activationNames)
        var names: String?

        @Option(name: .customLong("param"), parsing: .singleValue, help: ArgumentHelp(
            "A parameter of a formula in --names (or a built-in's, by PyTorch's name) as name=value, or name=v1,v2,v3 for one panel (or table row) per value; repeatable.",
            valueName: "name=value"))
        var params: [String] = []

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "The shared x range as a:b (default: symmetric, at least -4:4, wide enough to show every kink with room).", valueName: "a:b"))
        var range: String?

        /// `--y-range` is the shared layout option (one y range for every panel).
        var yRange: String? { figureOptions.layout.yRange }

        @Option(parsing: .unconditional, help: ArgumentHelp("Shade where |f′| < τ (absolute threshold). (default: 0.05)", valueName: "τ"),
            transform: NumberArguments.finiteTransform(option: "--saturation"))
        var saturation: Double = 0.05

        @Flag(name: .customLong("no-zones"), help: "Do not shade saturation and dead zones.")
        var noZones = false

        @Option(parsing: .unconditional, help: ArgumentHelp("Panels per row, 1 to 12 (default: chosen from the count and the page shape).", valueName: "n"))
        var columns: Int?

        @Flag(help: "Draw the property table instead of the plots.")
        var table = false

        @OptionGroup var figureOptions: FigureOptions

        static let defaultSize = "1920x1280"

        /// The default page of a table of `rows` activations: 1920 wide, the title, header and rows tall
        /// (about 57 pixels a row), from 540 to 1280 pixels.
        static func tableSize(rows: Int) -> String { "1920x\(min(1280, max(540, 220 + 57 * (rows + 1))))" }

        /// `activations` (or `activation-table`), followed by the `--names` given (as `DefaultFileName` names
        /// each, with the `--param` values): a grid of two formulas wrote `activations.png`, the default grid's name.
        var defaultFileName: String {
            let base = table ? "activation-table" : "activations"
            guard let names else { return base }
            let list = ListItems.topLevel(names).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            return base + "-" + DefaultFileName.joined(list.map { DefaultFileName.stem($0, params: params) })
        }

        func parsedActivations() throws -> [Activation] {
            guard let names else { return try Activation.allNames.map { try Activation(name: $0) } }
            let list = ListItems.topLevel(names).map { $0.trimmingSpaces }
            guard !list.contains(where: \.isEmpty) else {
                throw ArgumentRefusal.invalid("--names", names, "expected comma-separated activation names, e.g. relu,gelu,tanh; see `dlplot list activations`")
            }
            guard list.count <= 48 else { throw ArgumentRefusal.invalid("--names", names, "at most 48 activations") }
            try RepeatedItems.check(functions: list, option: "--names", typed: names, params: params)
            let acts: [Activation]
            do { acts = try FunctionArguments.activations(list, params: params, option: nil) } catch let e as ValidationError {
                // A --param's own fault is said as it is; a name's or formula's names --names.
                if ["--param", "invalid --param", "unknown --param"].contains(where: { e.message.hasPrefix($0) }) { throw e }
                throw ArgumentRefusal.invalid("--names", names, e.message)
            }
            guard acts.count <= 48 else {
                throw ParameterFamilyCount.refusal(list, params: params, count: acts.count, limit: 48, noun: "panels")
            }
            return acts
        }

        mutating func validate() throws {
            _ = try parsedActivations()
            if let range { _ = try NumberArguments.range(range, option: "--range") }
            if let yRange { _ = try NumberArguments.range(yRange, option: "--y-range") }
            guard saturation.isFinite, saturation >= 0 else {
                throw ArgumentRefusal.invalid("--saturation", TypedText.number("--saturation", saturation), "expected a number ≥ 0")
            }
            if let columns, !(1...12).contains(columns) { throw ArgumentRefusal.invalid("--columns", columns, "expected 1 to 12") }
            if table {
                let reason = "--table draws no plots; leave out --range, --y-range, --columns and --no-zones"
                if let range { throw ArgumentRefusal.invalid("--range", range, reason) }
                if let yRange { throw ArgumentRefusal.invalid("--y-range", yRange, reason) }
                if let columns { throw ArgumentRefusal.invalid("--columns", columns, reason) }
                if noZones { throw ArgumentRefusal.flag("--no-zones", reason) }
            }
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            let acts = try parsedActivations()
            if table {
                // A table of three rows left two-thirds of a 1920x1280 page blank: without --size the page is as
                // tall as the rows need (24 rows fill 1280).
                var figure = try figureOptions.makeFigure(defaultSize: figureOptions.size == nil ? Self.tableSize(rows: acts.count) : Self.defaultSize)
                let tables = ActivationTableFigure(activations: acts).build(into: &figure)
                return (figure, tables)
            }
            let (w, h) = try figureOptions.pixelSize(defaultSize: Self.defaultSize)
            let grid = ActivationGridFigure.grid(count: acts.count, width: w, height: h, columns: columns)
            var figure = try figureOptions.makeFigure(rows: grid.rows, columns: grid.columns, defaultSize: Self.defaultSize)
            var recipe = ActivationGridFigure(activations: acts)
            recipe.range = try range.map { try NumberArguments.range($0, option: "--range") }
            recipe.yRange = try yRange.map { try NumberArguments.range($0, option: "--y-range") }
            recipe.saturation = saturation
            recipe.zones = !noZones
            recipe.logY = figureOptions.layout.logY
            let tables = recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
