import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot vanishing`: gradient magnitude against depth.
    struct VanishingCommand: FigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "vanishing",
            abstract: "Show vanishing gradients: the bound ∏ max|f′| and the measured gradient per layer of a deep network.",
            discussion: """
                Left: the largest factor by which n layers can scale a gradient, (max |f′|)ⁿ — 0.25ⁿ for sigmoid. \
                Right: the mean |∂L/∂W| of each layer of a randomly initialised MLP (seeded), measured by \
                backpropagation. With sigmoid the early layers receive orders of magnitude less gradient; with \
                ReLU and He initialisation they do not.
                Example:
                  dlplot vanishing --depth 30 --width 64 -o vanishing.png
                """)

        @Option(help: ArgumentHelp("Comma-separated activations, 1 to 7: names or formulas of x such as 'x*sigmoid(1.702*x)'.", valueName: "list"),
                completion: .activationNames)
        var activations = "sigmoid,tanh,relu,gelu"

        @Option(parsing: .unconditional, help: ArgumentHelp("Number of layers (5 to 50).", valueName: "n"))
        var depth = 20

        @Option(parsing: .unconditional, help: ArgumentHelp("Units per layer (32 to 256).", valueName: "n"))
        var width = 64

        @Option(name: .customLong("init"), help: ArgumentHelp(
            "Weight initialisation: glorot, he, or auto (He for rectifier-like units, Glorot otherwise).", valueName: "name"),
                completion: .list(["glorot", "he", "auto"]))
        var initialization = "auto"

        @Option(parsing: .unconditional, help: ArgumentHelp("Random seed for weights and data, a whole number from 0 to 2^64-1.", valueName: "n"))
        var seed: UInt64 = 1

        @Option(name: .customLong("param"), parsing: .singleValue, help: ArgumentHelp(
            "A parameter of a formula in --activations (or a built-in's, by PyTorch's name) as name=value, or name=v1,v2 for one "
                + "curve per value (7 curves at most); repeatable.", valueName: "name=value"))
        var params: [String] = []

        @OptionGroup var figureOptions: FigureOptions

        var defaultFileName: String { "vanishing" }

        func parsedActivations() throws -> [Activation] {
            // Names or typed formulas (commas inside a call's parentheses stay with it: max(x, 0)).
            let names = ListItems.topLevel(activations).map { $0.trimmingSpaces }
            guard !names.isEmpty, names.count <= 7 else { throw ArgumentRefusal.invalid("--activations", activations, "expected 1 to 7 names") }
            try RepeatedItems.check(names, option: "--activations", typed: activations)
            let found = try FunctionArguments.activations(names, params: params, option: "--activations")
            guard found.count <= 7 else {
                throw ArgumentRefusal.invalid("--param", params.joined(separator: " "), "\(found.count) curves (activations × parameter values) is too many for this figure; give at most 7")
            }
            return found
        }

        func parsedInitialization() throws -> Initialization? {
            switch initialization {
            case "auto": return nil
            case "glorot", "glorot_uniform", "xavier": return .glorotUniform
            case "he", "he_normal", "kaiming": return .heNormal
            default: throw ArgumentRefusal.invalid("--init", initialization, "expected glorot, he or auto")
            }
        }

        mutating func validate() throws {
            _ = try parsedActivations()
            _ = try parsedInitialization()
            guard (5...50).contains(depth) else { throw ArgumentRefusal.invalid("--depth", depth, "expected 5 to 50") }
            guard (32...256).contains(width) else { throw ArgumentRefusal.invalid("--width", width, "expected 32 to 256") }
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            var figure = try figureOptions.makeFigure(rows: 1, columns: 2)
            let recipe = VanishingFigure(activations: try parsedActivations(), depth: depth, width: width,
                                         initialization: try parsedInitialization(), seed: seed)
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
