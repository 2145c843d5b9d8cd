import ArgumentParser
import Figures
import Optim

/// `dlplot eval softmax --logits LIST [--temperature T] [--log]` → CSV `i,input,output`.
struct EvalSoftmax: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "softmax",
        abstract: "Print softmax(logits/T): CSV columns i,input,output; JSON adds \"jacobian\" (rows).",
        discussion: """
            The maximum logit is subtracted first, so large logits (1000, 999, 0) are fine. \
            jacobian[i][j] = d output_i / d input_j = s_i (delta_ij - s_j) / T (with --log: (delta_ij - s_j) / T).
            CSV takes any number of logits; JSON, which adds the n×n Jacobian, takes at most \(EvalSoftmax.maxJacobianLogits).

            Examples:
              dlplot eval softmax --logits 2,1,0.1
              dlplot eval softmax --logits 1000,999,0 --temperature 0.5 --log --format json
            """
    )

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Comma-separated finite logits, e.g. 2,1,0.1 (required).", valueName: "list"))
    var logits: String

    @Option(parsing: .unconditional, help: "Temperature T > 0.")
    var temperature: String = "1"

    @Flag(help: "Print log-softmax (and its Jacobian) instead of softmax (default: off).")
    var log = false

    @OptionGroup var output: NumberOutputOptions

    func parsed() throws -> ([Double], Double) {
        let t = try NumberArguments.finite(temperature, option: "--temperature")
        try OptimError.asValidation(option: "--temperature", value: temperature) { try Softmax.validate(temperature: t) }
        return (try NumberArguments.list(logits, option: "--logits"), t)
    }

    /// The most logits whose Jacobian JSON prints (10⁶ entries, about 20 MB of text).
    static let maxJacobianLogits = 1000

    func validate() throws {
        let (x, _) = try parsed()
        if output.format == .json, x.count > Self.maxJacobianLogits {
            throw ArgumentRefusal.invalid("--logits", logits, "\(x.count) logits with --format json is too many; its Jacobian would have "
                                  + "\(x.count)×\(x.count) entries; give at most \(Self.maxJacobianLogits), or use --format csv (no Jacobian)")
        }
    }

    func run() throws {
        let (x, t) = try parsed()
        let out = log ? Softmax.logProbabilities(x, temperature: t) : Softmax.probabilities(x, temperature: t)
        let table = DataTable(name: "softmax", columns: [("i", [DataCell](integers: Array(x.indices))),
                                                         ("input", [DataCell](reals: x)), ("output", [DataCell](reals: out))])
        var fields: [(name: String, value: DataCell)] = []
        if output.format == .json {  // CSV does not print the Jacobian: it is not built (n² numbers)
            let jacobian = log ? Softmax.logJacobian(x, temperature: t) : Softmax.jacobian(x, temperature: t)
            fields = [("jacobian", .list(jacobian.map(DataCell.reals)))]
        }
        print(table.text(output.format, fields: fields), terminator: "")
    }
}
