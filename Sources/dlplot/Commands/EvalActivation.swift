import ArgumentParser
import Figures
import Optim

/// `dlplot eval activation NAME --x LIST [--param k=v]...` → CSV `x,y,dy`.
struct EvalActivation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activation",
        abstract: "Print an activation's value and derivative: CSV columns x,y,dy.",
        discussion: """
            NAME is one of: \(Activation.allNames.joined(separator: ", ")) (see `dlplot list activations`). \
            Parameters use PyTorch's names: negative_slope (leaky_relu, 0.01), a (prelu, 0.25), alpha (elu, celu: 1), \
            beta (swish 1, softplus 1), threshold (softplus, 20), min_val and max_val (hardtanh, -1 and 1). \
            A typed expression of x is accepted too (exact derivatives by automatic differentiation), with its \
            parameters as --param name=value; one that starts with a minus sign goes after --.

            Examples:
              dlplot eval activation leaky_relu --param negative_slope=0.1 --x -2,0,2
              dlplot eval activation 'x*sigmoid(beta*x)' --param beta=2 --x -1,0,1
              dlplot eval activation --x 1,2 -- '-x^2'
            """
    )

    @Argument(help: "The activation name, or an expression of x such as 'x*sigmoid(beta*x)' (after -- when it starts with '-').", completion: .activationNames)
    var name: String

    @Option(name: .customLong("param"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A parameter as name=value (repeatable); unspecified parameters take PyTorch's defaults.",
                               valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .customLong("x"), parsing: .unconditional,
            help: ArgumentHelp("Comma-separated finite x values, e.g. -2,-0.5,0,1e-3 (required).", valueName: "list"))
    var xs: String

    @OptionGroup var output: NumberOutputOptions

    func parsed() throws -> (Activation, [Double]) {
        let families = try FunctionArguments.parameterFamilies(parameters)
        if let f = families.first(where: { $0.values.count != 1 }) {
            throw ArgumentRefusal.invalid("--param", FunctionArguments.typed(f.name, in: parameters), "eval takes one value per parameter, not a list")
        }
        guard let f = try FunctionArguments.activations([name], params: parameters, option: "eval activation").first else {
            throw ValidationError("no activation given")
        }
        // A typed -0 keeps its sign, as in torch.tensor(-0.0): 1/x there is −∞ and the row says -0.0 beside it.
        return (f, try NumberArguments.list(xs, option: "--x"))
    }

    func validate() throws {
        _ = try parsed()
    }

    func run() throws {
        let (f, x) = try parsed()
        let table = DataTable(name: "activation", columns: [("x", [DataCell](signedReals: x)), ("y", [DataCell](signedReals: x.map(f.value))),
                                                            ("dy", [DataCell](signedReals: x.map(f.derivative)))])
        print(table.text(output.format), terminator: "")
    }
}
