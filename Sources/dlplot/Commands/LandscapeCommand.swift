import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot landscape`: the loss landscape of a small trained MLP.
    struct LandscapeCommand: FigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "landscape",
            abstract: "Train a small MLP with SGD and Adam and draw its loss landscape and training paths (Li et al. 2018).",
            discussion: """
                A 2-16-16-1 tanh network (sigmoid output for xor and spirals, linear for regression), initialised \
                from --seed, is trained on a data set generated in code with SGD and with Adam from the same \
                initialisation. Left: the loss on the plane of two filter-normalised random directions around \
                Adam's trained weights (the centre is the trained loss). Right: each training path projected on \
                the top two PCA directions of that path, with their shares of the variance on the axes.
                Examples:
                  dlplot landscape --task spirals
                  dlplot landscape --task xor --steps 500 --seed 3
                  dlplot landscape --task regression --view 3d --azimuth -40
                """)

        @Option(help: ArgumentHelp("The task the network learns: xor, spirals or regression (see `dlplot list tasks`).", valueName: "task"),
                completion: .taskNames)
        var task = "spirals"

        @Option(parsing: .unconditional, help: ArgumentHelp("Training steps (full batch), 2-20000.", valueName: "n"))
        var steps = 1000

        @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the data, the initial weights and the directions, a whole number from 0 to 2^64-1.", valueName: "n"))
        var seed: UInt64 = 0

        @Option(parsing: .unconditional, help: ArgumentHelp("Samples per side of the random plane, 11-401.", valueName: "n"))
        var grid = 101

        @Option(name: .customLong("sgd-lr"), parsing: .unconditional, help: ArgumentHelp(
            "SGD's learning rate > 0 (default: 0.5 for xor and spirals, 0.2 for regression, whose linear output diverges at 0.5).",
            valueName: "lr"))
        var sgdLR: String?

        @Option(name: .customLong("adam-lr"), parsing: .unconditional, help: ArgumentHelp("Adam's learning rate > 0.", valueName: "lr"))
        var adamLR = "0.01"

        @Option(help: ArgumentHelp("The random plane as plane (contours seen from above) or 3d (the surface in perspective).",
                                   valueName: "view"), completion: .views)
        var view = "plane"

        @Option(parsing: .unconditional, help: ArgumentHelp("3-D view (with --view 3d): azimuth in degrees (default: -60).", valueName: "deg"))
        var azimuth: String?

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "3-D view (with --view 3d): elevation in degrees, -90 to 90 (default: 45, which looks into the basin around the trained weights).",
            valueName: "deg"))
        var elevation: String?

        @OptionGroup var figureOptions: FigureOptions

        var defaultFileName: String { "landscape-" + task }

        mutating func validate() throws {
            _ = try settings()
            _ = try ViewAngles.parse(view: view, azimuth: azimuth, elevation: elevation, defaultElevation: "45")
        }

        func settings() throws -> (LandscapeTask, Double, Double) {
            guard let t = LandscapeTask(rawValue: task) else {
                throw ArgumentRefusal.invalid("--task", task, "expected xor, spirals or regression")
            }
            guard (2...20_000).contains(steps) else { throw ArgumentRefusal.invalid("--steps", steps, "expected 2 to 20000") }
            guard (11...401).contains(grid) else { throw ArgumentRefusal.invalid("--grid", grid, "expected 11 to 401") }
            let a = try sgdLR.map { try NumberArguments.finite($0, option: "--sgd-lr") } ?? (t == .regression ? 0.2 : 0.5)
            let b = try NumberArguments.finite(adamLR, option: "--adam-lr")
            guard a > 0 else { throw ArgumentRefusal.invalid("--sgd-lr", sgdLR ?? "", "expected a learning rate > 0") }
            guard b > 0 else { throw ArgumentRefusal.invalid("--adam-lr", adamLR, "expected a learning rate > 0") }
            return (t, a, b)
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            let (t, sgd, adam) = try settings()
            let (x, y) = t.data(seed: seed)
            let out = try Activation(name: t == .regression ? "identity" : "sigmoid")
            let tanh = try Activation(name: "tanh")
            let net = try MLP(widths: [2, 16, 16, 1], activations: [tanh, tanh, out], initialization: .glorotUniform, seed: seed)
            let objective = NetworkObjective(network: net, inputs: x, targets: y, loss: t.loss)
            let start = NetworkObjective.flatten(net)
            let record = max(1, steps / 400)
            var runs: [(label: String, run: Trajectory)] = []
            for (name, lr) in [("sgd", sgd), ("adam", adam)] {
                let run = try runTrajectory(objective: objective, optimizer: try Optimizer(name: name, settings: ["lr": .number(lr)]),
                                            start: start, options: TrajectoryOptions(steps: steps, recordEvery: record, recordGradients: false))
                runs.append(("\(name) lr=" + TickFormat.exact(lr), run))
            }
            var figure = try figureOptions.makeFigure(rows: 2, columns: 2)
            var recipe = LandscapeFigure(task: t, objective: objective, runs: runs, grid: grid, seed: seed)
            recipe.view3D = try ViewAngles.parse(view: view, azimuth: azimuth, elevation: elevation, defaultElevation: "45")
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
