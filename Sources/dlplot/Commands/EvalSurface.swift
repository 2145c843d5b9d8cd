import ArgumentParser
import Optim

/// `dlplot eval surface NAME --points x:y,...` → CSV `x,y,f,dfdx,dfdy`.
struct EvalSurface: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "surface",
        abstract: "Print a surface's value and gradient: CSV columns x,y,f,dfdx,dfdy.",
        discussion: """
            NAME is one of: \(Surface.allNames.joined(separator: ", ")) (see `dlplot list surfaces`). \
            For linreg_mse and logreg_bce, x and y are the model's w and b and f is the mean loss over the built-in dataset. \
            Example: dlplot eval surface rosenbrock --points 1:1,-1.5:2
            """
    )

    @Argument(help: "The surface name.")
    var name: String

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Points as x:y pairs separated by commas, e.g. 1:1,-1.5:2 (required).", valueName: "points"))
    var points: String

    @OptionGroup var output: NumberOutputOptions

    func parsed() throws -> (Surface, [(x: Double, y: Double)]) {
        let s: Surface
        do {
            s = try Surface(named: name)
        } catch let error as OptimError {
            throw ValidationError(error.description)
        }
        return (s, try NumberArguments.points(points, option: "--points"))
    }

    func validate() throws {
        _ = try parsed()
    }

    func run() throws {
        let (s, p) = try parsed()
        let g = p.map { s.gradient($0.x, $0.y) }
        var table = NumberTable()
        table.columns = [("x", .numbers(p.map(\.x))), ("y", .numbers(p.map(\.y))), ("f", .numbers(p.map { s.value($0.x, $0.y) })),
                         ("dfdx", .numbers(g.map(\.dx))), ("dfdy", .numbers(g.map(\.dy)))]
        print(table.render(output.format), terminator: "")
    }
}
