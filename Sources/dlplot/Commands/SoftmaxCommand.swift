import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot softmax`: softmax probabilities at several temperatures, with their entropy.
    struct SoftmaxCommand: FigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "softmax",
            abstract: "Show how temperature reshapes softmax: grouped probability bars and the entropy H(T).",
            discussion: """
                Left: the probabilities softmax(z/T) as grouped bars labelled with their values. By default \
                there is one group per class and one bar per temperature, so the eye follows each class as T \
                changes (the winner shrinks, the others grow); --group-by temperature makes each group one \
                whole distribution instead. The legend gives each temperature's entropy.
                Right: the entropy H(T) = −Σ sᵢ log sᵢ against T (log scale), the given temperatures marked, \
                and its maximum log n (the uniform distribution) dashed.
                Examples:
                  dlplot softmax --logits 2,1,0.1 --temperature 0.5,1,2 -o softmax.png
                  dlplot softmax --logits 3,1,0.2,-1 --classes cat,dog,fox,owl \\
                      --temperature 0.25,1,4
                """)

        @Option(parsing: .unconditional, help: ArgumentHelp("Comma-separated logits z, one per class (2 to 12 classes).", valueName: "list"))
        var logits = "2,1,0.1"

        @Option(parsing: .unconditional, help: ArgumentHelp("Comma-separated temperatures T, each > 0 and at most 1e6 (1 to 6 of them).", valueName: "list"))
        var temperature = "0.5,1,2"

        @Option(parsing: .unconditional, help: ArgumentHelp("Comma-separated class names, one per logit (default: z₁, z₂, …).", valueName: "list"))
        var classes: String?

        @Option(name: .customLong("group-by"), parsing: .unconditional, help: ArgumentHelp(
            "Bars grouped by 'class' (one bar per temperature in each class) or 'temperature' (one bar per class).",
            valueName: "class|temperature"), completion: .list(["class", "temperature"]))
        var groupBy = "class"

        @OptionGroup var figureOptions: FigureOptions

        var defaultFileName: String { "softmax" }

        func parsedLogits() throws -> [Double] {
            let z = try NumberArguments.list(logits, option: "--logits")
            guard (2...12).contains(z.count) else {
                throw ArgumentRefusal.invalid("--logits", logits, "expected 2 to 12 comma-separated numbers, got \(z.count)")
            }
            return z
        }

        func parsedTemperatures() throws -> [Double] {
            let ts = try NumberArguments.list(temperature, option: "--temperature")
            guard (1...6).contains(ts.count) else {
                throw ArgumentRefusal.invalid("--temperature", temperature, "expected 1 to 6 comma-separated temperatures, got \(ts.count)")
            }
            for t in ts where !(t > 0) {
                throw ArgumentRefusal.invalid("--temperature", temperature, "'\(TypedText.item(of: temperature, t))' is not > 0; temperatures must be > 0")
            }
            // The temperature axis is logarithmic and padded around the values: keep it within doubles.
            for t in ts where t > 1e6 {
                throw ArgumentRefusal.invalid("--temperature", temperature, "'\(TypedText.item(of: temperature, t))' is too large; expected temperatures of at most 1e6")
            }
            try RepeatedItems.check(numbers: ts, option: "--temperature", typed: temperature)
            return ts
        }

        func parsedClasses(count: Int) throws -> [String]? {
            guard let classes else { return nil }
            let names = classes.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            guard names.count == count, !names.contains(where: \.isEmpty) else {
                throw ArgumentRefusal.invalid("--classes", classes, "expected \(count) non-empty comma-separated names, one per logit")
            }
            return names
        }

        func grouping() throws -> SoftmaxFigure.Grouping {
            guard let g = SoftmaxFigure.Grouping(rawValue: groupBy) else {
                throw ArgumentRefusal.invalid("--group-by", groupBy, "expected class or temperature")
            }
            return g
        }

        mutating func validate() throws {
            if let classes { try PrintableText.check("--classes", classes) }
            let z = try parsedLogits()
            _ = try parsedTemperatures()
            _ = try parsedClasses(count: z.count)
            _ = try grouping()
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            var figure = try figureOptions.makeFigure(rows: 1, columns: 3)
            let z = try parsedLogits()
            let recipe = SoftmaxFigure(logits: z, temperatures: try parsedTemperatures(), classNames: try parsedClasses(count: z.count),
                                       grouping: try grouping())
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
