import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot steps`: a comic strip of single optimizer steps, for slides.
    struct StepsCommand: AnimatedFigureCommand {
        /// Its frames reveal one panel after another: there are no steps to spread in log time.
        static var logTimeRefusal: String? { "steps reveals one panel after another, which log time cannot spread" }

        static let configuration = CommandConfiguration(
            commandName: "steps",
            abstract: "Show single optimizer steps as a comic strip: what each step is made of.",
            discussion: """
                Each panel zooms on one step from the current point and draws as arrows: the step taken \
                (black), the gradient part (for sgd-type optimizers exactly −lr·∇f, for adaptive ones the \
                direction −∇f drawn at the step's length) and, for momentum methods, the velocity carried over \
                (sgd: step + lr·∇f exactly; Adam family: the direction of −m, the first moment). For adagrad \
                and rmsprop two squares show √(accumulated g²) per coordinate: the larger square is the coordinate \
                whose steps are shrunk most. The optimizer state is read from the optimizer after each step.
                Learning rate: --opt NAME:lr=… or --lr, else the rate `dlplot surface` would choose for a run of \
                200 steps from the same start. A run that blows up is said in the subtitle ("diverges: f grows at \
                every step …", "step k overflows float64") and each panel keeps its own scale, named on its axes.
                Examples:
                  dlplot steps --optimizer momentum --surface ellipse --panels 4
                  dlplot steps --optimizer rmsprop --surface ellipse --every 3
                  dlplot steps --optimizer 'SGD(lr=0.4)' \\
                      --schedule 'StepLR(step_size=2, gamma=0.5)'
                """)

        @Option(help: ArgumentHelp("The optimizer (see `dlplot list optimizers`).", valueName: "name"), completion: .optimizerNames)
        var optimizer = "momentum"

        @Option(parsing: .unconditional, help: ArgumentHelp("The surface: a built-in name (see `dlplot list surfaces`) or a formula in x and y such as 'x^2 - y^2' or '-cos(x)*cos(y)' (parameters with --param).", valueName: "name"), completion: .surfaceNames)
        var surface = "ellipse"

        @Option(name: .customLong("opt"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
            "Settings as name:k=v,k=v with PyTorch's names, e.g. momentum:lr=0.05,momentum=0.8 (the name must be --optimizer).",
            valueName: "name:k=v,…"))
        var opt: [String] = []

        @Option(parsing: .unconditional, help: ArgumentHelp("Learning rate > 0 (default: chosen as `dlplot surface` chooses it, for a run of 200 steps from the same start).", valueName: "lr"))
        var lr: String?

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "A torch.optim.lr_scheduler schedule in torch's syntax without the optimizer, e.g. 'StepLR(step_size=2, gamma=0.5)'; "
                + "one scheduler.step() after each optimizer step; each panel then names the lr its step used (default: none).",
            valueName: "Class(...)"))
        var schedule: String?

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Start point x,y, e.g. --start=-1.5,2 (default: the surface's suggested start).", valueName: "x,y"))
        var start: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Number of panels, 1-8.", valueName: "k"))
        var panels = 4

        @Option(parsing: .unconditional, help: ArgumentHelp("Steps between panels, 1-1000 (1: consecutive steps).", valueName: "n"))
        var every = 1

        @Option(name: .customLong("param"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
            "A parameter of a typed --surface expression as name=value (repeatable), e.g. --param a=2 for 'a*x^2+y^2'.",
            valueName: "name=value"))
        var params: [String] = []

        @OptionGroup(title: "Animation") var animation: AnimationOptions

        @OptionGroup var figureOptions: FigureOptions

        var optionsInFileName: Set<String> { ["--param", "--surface", "--optimizer"] }
        var defaultFileName: String { "steps-\(optimizer)-\(DefaultFileName.stem(surface, params: params))" }

        mutating func validate() throws {
            guard (1...8).contains(panels) else { throw ArgumentRefusal.invalid("--panels", panels, "expected 1 to 8") }
            guard (1...1000).contains(every) else { throw ArgumentRefusal.invalid("--every", every, "expected 1 to 1000") }
            _ = try recipe()
            try validateAnimation()
        }

        func recipe() throws -> StepsFigure {
            var list = try OptimizerListOptions.parse([])
            list.optimizers = optimizer
            list.opt = opt
            list.lr = lr
            list.schedule = schedule
            try OptimizerListOptions.checkOne(optimizer, option: "--optimizer")
            let choices: [OptimizerRequest]
            do { choices = try list.choices(default: [optimizer], steps: (panels - 1) * every + 1) } catch let e as ValidationError {
                // The list holds --optimizer's text alone: its refusals name the option typed, not --optimizers.
                let prefix = ArgumentRefusal.message("--optimizers", optimizer, "")
                guard e.message.hasPrefix(prefix) else { throw e }
                throw ArgumentRefusal.invalid("--optimizer", optimizer, String(e.message.dropFirst(prefix.count)))
            }
            guard choices.count == 1, let choice = choices.first else {
                throw ArgumentRefusal.invalid("--opt", opt.first { !$0.hasPrefix(optimizer + ":") } ?? opt.joined(separator: " "),
                                              "settings must be for --optimizer \(optimizer), not \(choices.dropFirst().map(\.name).joined(separator: ", "))")
            }
            var run = try SurfaceRunOptions.parse([])
            run.params = params
            run.start = start
            run.steps = (panels - 1) * every + 1
            let plan = try run.plan(surfaceName: surface, option: "--surface", defaultSteps: 1, maxSteps: 10_000)
            var tuning = plan
            tuning.steps = 200
            let rate = choice.hasLearningRate ? nil : try tuning.learningRate(for: choice)
            return StepsFigure(surface: plan.surface, config: try choice.config(lr: rate), start: plan.start, panels: panels, every: every,
                               schedule: choice.schedule)
        }

        func makeFigure() throws -> (Figure, [DataTable]) { try makeFigure(animated: false) }

        func makeAnimatedFigure() throws -> (Figure, [DataTable]) { try makeFigure(animated: true) }

        /// The figure; `animated` makes the panels' arrows grow one panel after another (see `StepsFigure.animated`).
        func makeFigure(animated: Bool) throws -> (Figure, [DataTable]) {
            // More than four panels wrap into a second row, so each stays large enough to read.
            let grid = StepsFigure.grid(panels: panels)
            var figure = try figureOptions.makeFigure(rows: grid.rows * grid.span + 1, columns: grid.columns)
            var recipe = try recipe()
            recipe.animated = animated
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}
