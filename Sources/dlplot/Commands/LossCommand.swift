import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot loss`: binary cross-entropy and the regression losses, optionally with gradients.
    struct LossCommand: FigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "loss",
            abstract: "Plot binary cross-entropy against p, and MSE, MAE and Huber against the error.",
            discussion: """
                Left: binary cross-entropy against the predicted probability p, for y = 1 (−log p) and \
                y = 0 (−log(1 − p)), with the textbook values marked (y = 1, p = 0.9 → 0.105; p = 0.5 → \
                log 2 = 0.693; p = 0.1 → 2.303). Right: MSE, MAE and Huber against the error e = p − y, \
                with ±δ marked where Huber turns linear. --gradients adds a row with ∂L/∂p of each loss \
                (MAE's gradient jumps at 0, drawn as a jump). Values come from the same code as \
                `dlplot eval loss` (PyTorch's definitions). With --gradients the default size is 1280x1100.
                Examples:
                  dlplot loss -o losses.png
                  dlplot loss --gradients --delta 0.5 -o loss-gradients.png
                """)

        @Option(parsing: .unconditional, help: ArgumentHelp("Comma-separated probabilities in (0, 1) whose BCE values are marked (up to 6).", valueName: "list"))
        var probabilities = "0.1,0.5,0.9"

        @Option(parsing: .unconditional, help: ArgumentHelp("Huber's δ (> 0).", valueName: "δ"))
        var delta = 1.0

        @Option(name: .customLong("error-range"), parsing: .unconditional, help: ArgumentHelp(
            "The error range of the regression panel as a:b, a < b, spanning at most 1e6.", valueName: "a:b"))
        var errorRange = "-3:3"

        @Flag(help: "Add a row with the gradients ∂L/∂p.")
        var gradients = false

        @OptionGroup var figureOptions: FigureOptions

        var defaultFileName: String { gradients ? "loss-gradients" : "loss" }

        func parsedProbabilities() throws -> [Double] {
            let ps = try NumberArguments.list(probabilities, option: "--probabilities")
            guard (1...6).contains(ps.count) else {
                throw ArgumentRefusal.invalid("--probabilities", probabilities, "expected 1 to 6 comma-separated probabilities, got \(ps.count)")
            }
            for p in ps where !(p > 0 && p < 1) {
                throw ArgumentRefusal.invalid("--probabilities", probabilities, "'\(TypedText.item(of: probabilities, p))' is not a probability; expected numbers strictly between 0 and 1")
            }
            return ps
        }

        mutating func validate() throws {
            _ = try parsedProbabilities()
            guard delta.isFinite, delta > 0 else { throw ArgumentRefusal.invalid("--delta", TypedText.number("--delta", delta), "expected a number > 0") }
            let r = try NumberArguments.range(errorRange, option: "--error-range")
            guard r.upperBound - r.lowerBound <= 1e6 else {
                throw ArgumentRefusal.invalid("--error-range", errorRange, "expected a span of at most 1e6")
            }
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            var figure = try figureOptions.makeFigure(rows: gradients ? 2 : 1, columns: 2, defaultSize: gradients ? "1280x1100" : FigureOptions.standardSize)
            let recipe = LossFigure(marked: try parsedProbabilities(), delta: delta,
                                    errorRange: try NumberArguments.range(errorRange, option: "--error-range"), gradients: gradients)
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
