import ArgumentParser
import Figures
import Optim

/// `dlplot eval surface NAME --points x:y,...` → CSV `x,y,f,dfdx,dfdy`.
struct EvalSurface: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "surface",
        abstract: "Print a surface's value and gradient: CSV columns x,y,f,dfdx,dfdy.",
        discussion: """
            NAME is one of: \(Surface.allNames.joined(separator: ", ")) (see `dlplot list surfaces`). \
            For linreg_mse and logreg_bce, x and y are the model's w and b and f is the mean loss over the built-in dataset. \
            A typed expression of x and y is accepted too, with its parameters as --param name=value.

            Examples:
              dlplot eval surface rosenbrock --points 1:1,-1.5:2
              dlplot eval surface 'a*x^2 + y^2' --param a=0.1 --points 1:2
            """
    )

    @Argument(help: "The surface name, or an expression of x and y such as 'x^2 - y^2' (after -- when it starts with '-').", completion: .surfaceNames)
    var name: String

    @Option(name: .customLong("param"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A parameter of the expression as name=value (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Points as x:y pairs separated by commas, e.g. 1:1,-1.5:2 (required).", valueName: "points"))
    var points: String

    @OptionGroup var output: NumberOutputOptions

    func parsed() throws -> (Surface, [(x: Double, y: Double)]) {
        let s = try FunctionArguments.surface(name, params: parameters, option: "eval surface", analyse: false)
        // A typed -0 keeps its sign, as in torch.tensor(-0.0): 1/x there is −∞ and the row says -0.0 beside it.
        return (s, try NumberArguments.points(points, option: "--points"))
    }

    func validate() throws {
        _ = try parsed()
    }

    func run() throws {
        let (s, p) = try parsed()
        let g = p.map { s.gradient($0.x, $0.y) }
        let table = DataTable(name: "surface", columns: [
            ("x", [DataCell](signedReals: p.map(\.x))), ("y", [DataCell](signedReals: p.map(\.y))),
            ("f", [DataCell](signedReals: p.map { s.value($0.x, $0.y) })),
            ("dfdx", [DataCell](signedReals: g.map(\.dx))), ("dfdy", [DataCell](signedReals: g.map(\.dy))),
        ])
        print(table.text(output.format), terminator: "")
    }
}
