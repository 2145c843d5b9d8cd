import ArgumentParser
import Figures
import Optim

/// `dlplot eval loss NAME --prediction LIST --target LIST [--param k=v]...` → CSV `i,loss,grad`.
struct EvalLoss: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loss",
        abstract: "Print a loss and its gradient per example: CSV columns i,loss,grad; JSON adds \"loss_mean\" and \"grad_mean\".",
        discussion: """
            NAME is one of: \(Loss.allNames.joined(separator: ", ")) (see `dlplot list losses`). \
            For cce and cce_logits each example is a row of class scores: separate rows with ';' \
            (second example below); the grad column then holds \
            each row's gradient joined by ';' (JSON: one array per row). The mean is over examples (rows), \
            as PyTorch's reduction='mean'; grad_mean is its gradient (grad / n). bce takes probabilities in [0, 1]; \
            bce_logits and cce_logits take logits. Parameter: delta (huber, default 1).

            Examples:
              dlplot eval loss huber --prediction 0.5,3 --target 0,0 --param delta=1
              dlplot eval loss cce --prediction '0.8,0.1,0.1;0.2,0.7,0.1' \\
                  --target '1,0,0;0,1,0' --format json
            """
    )

    @Argument(help: "The loss name.", completion: .lossNames)
    var name: String

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Predictions: comma-separated numbers, rows separated by ';' for cce/cce_logits (required).",
                               valueName: "list"))
    var prediction: String

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Targets, same shape as --prediction (required).", valueName: "list"))
    var target: String

    @Option(name: .customLong("param"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A parameter as name=value (repeatable): delta for huber (default 1).", valueName: "name=value"))
    var parameters: [String] = []

    @OptionGroup var output: NumberOutputOptions

    /// The loss and gradient per example, with the means as JSON-only fields.
    func table() throws -> (table: DataTable, fields: [(name: String, value: DataCell)]) {
        let given = try NumberArguments.parameters(parameters, option: "--param")
        if let specs = try? Loss.parameterSpecs(for: name) {
            try ParameterDomainRefusal.check(given.sorted { $0.key < $1.key }.map { ($0.key, [$0.value]) }, specs: specs, owner: name,
                                             params: parameters)
        }
        let loss = try OptimError.asValidation { try Loss(name: name, parameters: given) }
        var table = DataTable(name: "loss", columns: [], cells: [])
        var fields: [(name: String, value: DataCell)] = []
        let pair = "--prediction '\(CommandLineErrors.shown(prediction))' with --target '\(CommandLineErrors.shown(target))'"
        try OptimError.asValidation(option: pair) {
            if loss.isRowWise {
                let p = try NumberArguments.rows(prediction, option: "--prediction")
                let y = try NumberArguments.rows(target, option: "--target")
                let r = try loss.rowValues(prediction: p, target: y)
                // The −0 of −tᵢ/pᵢ for tᵢ = 0 prints as 0.0 (NumberText.shortest drops a zero's sign).
                table = DataTable(name: "loss", columns: [("i", [DataCell](integers: Array(r.loss.indices))),
                                                          ("loss", [DataCell](reals: r.loss)), ("grad", r.gradient.map(DataCell.reals))])
                fields = [("loss_mean", .real(r.lossMean)), ("grad_mean", .list(r.gradientMean.map(DataCell.reals)))]
            } else {
                if prediction.contains(";") || target.contains(";") {
                    let (option, typed) = prediction.contains(";") ? ("--prediction", prediction) : ("--target", target)
                    throw ArgumentRefusal.invalid(option, typed, "\(name) is element-wise: give one comma-separated list, without ';' (rows are for cce and cce_logits)")
                }
                let p = try NumberArguments.list(prediction, option: "--prediction")
                let y = try NumberArguments.list(target, option: "--target")
                let r = try loss.values(prediction: p, target: y)
                // +0.0 turns a −0 (bce's −(1·log 1) at p = y = 1, a zero gradient times −1) into 0.
                let values = r.loss.map { $0 + 0.0 }, grad = r.gradient.map { $0 + 0.0 }
                table = DataTable(name: "loss", columns: [("i", [DataCell](integers: Array(r.loss.indices))),
                                                          ("loss", [DataCell](reals: values)), ("grad", [DataCell](reals: grad))])
                fields = [("loss_mean", .real(r.lossMean + 0.0)), ("grad_mean", .reals(r.gradientMean.map { $0 + 0.0 }))]
            }
        }
        return (table, fields)
    }

    func validate() throws {
        _ = try table()
    }

    func run() throws {
        let (table, fields) = try table()
        print(table.text(output.format, fields: fields), terminator: "")
    }
}
