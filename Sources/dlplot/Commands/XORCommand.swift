import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot xor`: why XOR needs a hidden layer.
    struct XORCommand: FigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "xor",
            abstract: "Show why XOR needs a hidden layer: single lines for AND, OR, XOR, and a 2-2-1 network's decision regions.",
            discussion: """
                Top row: for AND, OR and XOR, the best single line (a perceptron's decision boundary), found \
                over 720 directions with every threshold: AND and OR are separated, XOR always leaves a point \
                on the wrong side (circled). Bottom row: the output of a 2-2-1 sigmoid network over \
                [−0.5, 1.5]², with the 0.5 contour and each hidden unit's line — first the hand-set network \
                σ(20x₁+20x₂−10), σ(−20x₁−20x₂+30) → σ(20h₁+20h₂−30), then one trained by full-batch gradient \
                descent on BCE from a seeded Glorot initialisation — and that training's loss curve.
                The default size is 1920x1200.
                Example:
                  dlplot xor --seed 1 -o xor.png
                """)

        @Option(parsing: .unconditional, help: ArgumentHelp("Random seed of the trained network's initial weights, a whole number from 0 to 2^64-1.", valueName: "n"))
        var seed: UInt64 = 1

        @Option(parsing: .unconditional, help: ArgumentHelp("Training epochs (full-batch gradient-descent steps), 1 to 100000.", valueName: "n"))
        var epochs = 5000

        @Option(name: .customLong("lr"), parsing: .unconditional, help: ArgumentHelp("Learning rate of the training (> 0, at most 100).", valueName: "α"))
        var learningRate = 2.0

        @OptionGroup var figureOptions: FigureOptions

        var defaultFileName: String { "xor" }

        mutating func validate() throws {
            guard (1...100_000).contains(epochs) else { throw ArgumentRefusal.invalid("--epochs", epochs, "expected 1 to 100000") }
            guard learningRate.isFinite, learningRate > 0, learningRate <= 100 else {
                throw ArgumentRefusal.invalid("--lr", TypedText.number("--lr", learningRate), "expected a number > 0 and at most 100")
            }
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            var figure = try figureOptions.makeFigure(rows: 2, columns: 3, defaultSize: "1920x1200")
            let recipe = XORFigure(seed: seed, learningRate: learningRate, epochs: epochs)
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
