import ArgumentParser
import Figures
import Optim
import Viz

extension DLPlot {
    /// `dlplot surface NAME`: optimizer paths on a 2-D loss surface.
    struct SurfaceCommand: AnimatedFigureCommand {
        static let configuration = CommandConfiguration(
            commandName: "surface",
            abstract: "Draw optimizer paths on a 2-D loss surface.",
            discussion: """
                The surface is drawn as filled contours with thin labelled level lines (log-spaced when its \
                values span decades, as Rosenbrock's and Beale's do), with a colorbar; minima (stars), saddles \
                (crossed diamonds) and the start are labelled. Every optimizer starts at the same point and takes \
                the same number of steps (torch.optim's update rules, see `dlplot trace`). The legend gives each \
                run's settings, where it ended and its final loss. A run is drawn wherever it is in the view: \
                where it leaves, its path ends at the edge in an arrowhead; where it comes back, it starts again \
                at the edge with a hollow arrowhead (a step between two points outside is not drawn). The legend \
                and the note say what happened: "leaves the view at step 4" (it never comes back), "leaves the \
                view at step 4, returns at step 9", "outside the view at steps 4–8 and 12", each followed by where \
                the run ended; a run whose numbers overflow says "diverged at step k". The view is never \
                rescaled to follow a run.
                Learning rates: --opt NAME:lr=… for one optimizer, else --lr for all, else each optimizer's rate \
                is chosen for the figure from 1, 2, 5 × 10^k (1e-4 … 50), each tried for the step budget (at most \
                2000 steps): among the rates whose run stays in the view, the smallest that brings the distance \
                to the nearest minimum down 1000-fold, or by at least 60 % of the decades the best rate achieves \
                (without known minima, or when no run gets half a decade closer, the gap between f and the \
                lowest final f instead); when no rate keeps its run in the view, the largest smaller rate down \
                to 1e-8 that does, else the start's Armijo rate. Other settings keep PyTorch's defaults.
                Steps: --steps 1 to \(SurfaceCommand.maxSteps) (default \(SurfaceCommand.defaultSteps)); long paths are thinned to the output resolution before drawing.
                Surfaces: \(Surface.allNames.joined(separator: ", ")).
                Optimizers: \(OptimizerConfig.allNames.joined(separator: ", ")).
                Examples:
                  dlplot surface rosenbrock --optimizers gd,momentum,adam --steps 300 \\
                      -o rosenbrock.png
                  dlplot surface saddle --optimizers gd --lr 0.1 --start=2,3
                  dlplot surface beale --opt adam:lr=0.05,beta1=0.8 --with-curves
                  dlplot surface himmelblau --view 3d --azimuth -50 --elevation 40
                  dlplot surface rosenbrock --path mine.csv --optimizers adam
                Your own paths: --path FILE draws a trajectory from a CSV or JSON lines file (x,y per row, or w,b \
                on linreg_mse and logreg_bce; optional step, loss and label columns) with the same rules as a \
                computed run: every piece in the view drawn, with arrowheads where it leaves and comes back and \
                the note; ended at its \
                first NaN or infinite row with "diverged at step k"; hollow circle at its start, dot at its end.
                Your own data: --dataset FILE.csv puts your examples behind linreg_mse or logreg_bce, with the same \
                losses (mean squared error; mean binary cross-entropy with logits) and options (--batch-size, --seed). \
                Columns x and y (or label) fit the model w·x + b, and the surface is over (w, b) as for the built-in \
                data; columns x1, x2 and y (or label) fit w1·x1 + w2·x2 with no bias, over (w1, w2) (add a column of \
                ones as x2 for a bias). Labels for logreg_bce are 0 or 1; at most 10000 rows. The view runs from the \
                start (0, 0) to the least-squares minimum (linreg_mse), or to logreg_bce's minimum when the classes \
                overlap, else to where the loss falls below 0.1 (separable classes have no finite minimum).
                  dlplot surface linreg_mse --dataset points.csv --batch-size 4
                """)

        @Argument(help: ArgumentHelp("The surface: a built-in name (see `dlplot list surfaces`) or a formula in x and y such as 'x^2 - y^2' (parameters with --param).", valueName: "name"), completion: .surfaceNames)
        var name: String

        @OptionGroup var optimizerOptions: OptimizerListOptions

        @OptionGroup var run: SurfaceRunOptions

        @OptionGroup var userPaths: UserPathOptions

        @Option(help: ArgumentHelp(
            "filled (colour bands with thin level lines), heatmap (continuous colour with level lines) or lines (coloured level lines only).",
            valueName: "style"), completion: .list(["filled", "heatmap", "lines"]))
        var style = "filled"

        @Option(parsing: .unconditional, help: ArgumentHelp("Samples per side of the grid the surface is drawn from, 20-2000.", valueName: "n"))
        var grid = 300

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Contour levels: a count from 1 to 60 (about n nice levels, log-spaced when the values span decades) or a comma-separated list of at most 100 values, e.g. 0.1,1,10,100 (default: 12).",
            valueName: "n|list"))
        var levels: String?

        @Flag(help: "Draw arrows of the descent direction −∇f on a grid (log-scaled lengths when the levels are log-spaced).")
        var arrows = false

        @Flag(help: "Draw streamlines of −∇f (the paths of gradient flow).")
        var streamlines = false

        @Option(help: ArgumentHelp("plane (contours seen from above) or 3d (the surface in perspective, paths lifted onto it).", valueName: "view"), completion: .views)
        var view = "plane"

        @Option(parsing: .unconditional, help: ArgumentHelp("3-D view (with --view 3d): azimuth in degrees (default: -60).", valueName: "deg"),
            transform: NumberArguments.finiteTransform(option: "--azimuth"))
        var azimuth: Double?

        @Option(parsing: .unconditional, help: ArgumentHelp("3-D view (with --view 3d): elevation in degrees, -90 to 90 (default: 30).", valueName: "deg"),
            transform: NumberArguments.finiteTransform(option: "--elevation"))
        var elevation: Double?

        @Flag(name: .customLong("with-curves"), help: "Add a panel of the loss against the step (log scale) beside the surface.")
        var withCurves = false

        @OptionGroup(title: "Animation") var animation: AnimationOptions

        @Option(parsing: .unconditional, help: ArgumentHelp("Animation of the 3-D view: degrees the view turns (azimuth) over the animation, -720 to 720, ending at --azimuth so the last frame is the still figure.", valueName: "deg"),
            transform: NumberArguments.finiteTransform(option: "--orbit"))
        var orbit: Double?

        @OptionGroup var figureOptions: FigureOptions

        static let defaultOptimizers = ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam"]
        static let defaultSteps = 300
        static let maxSteps = 100_000

        var defaultFileName: String { "surface-" + DefaultFileName.stem(name, params: run.params) }
        /// No output may replace the data set or a path file this command reads.
        var inputFiles: [(what: String, path: String)] {
            (run.dataset.map { [("--dataset", $0)] } ?? []) + userPaths.paths.map { ("--path", $0) }
        }

        /// With --path and no optimizer named, only the files' paths are drawn.
        var computesRuns: Bool {
            userPaths.paths.isEmpty || optimizerOptions.optimizers != nil || !optimizerOptions.opt.isEmpty
        }

        mutating func validate() throws {
            try userPaths.checkStandardInput(dataset: run.dataset)
            if !computesRuns, optimizerOptions.lr != nil || optimizerOptions.schedule != nil {
                let (option, typed) = optimizerOptions.lr.map { ("--lr", $0) } ?? ("--schedule", optimizerOptions.schedule ?? "")
                throw ArgumentRefusal.invalid(option, typed, "it applies to computed runs; with --path, "
                    + "name them with --optimizers or --opt (or leave it out to draw only the files' paths)")
            }
            _ = try optimizerOptions.choices(default: Self.defaultOptimizers, steps: try plan(readingDataset: false).steps)
            _ = try recipeSettings()
            if let orbit {
                let typed = TypedText.number("--orbit", orbit)
                guard animation.animate, view == "3d" else { throw ArgumentRefusal.invalid("--orbit", typed, "it turns an animated 3-D view; add --view 3d --animate") }
                guard orbit.isFinite, (-720...720).contains(orbit) else { throw ArgumentRefusal.invalid("--orbit", typed, "expected -720 to 720 degrees") }
                // A turning view draws the whole surface again in every frame: about a megabyte a frame as SVG.
                if orbit != 0, animation.framesDir == nil, let o = figureOptions.output, AnimationFormat(path: o) == .svg {
                    throw ArgumentRefusal.invalid("-o", o, "with --orbit every frame draws the whole surface again (about 1 MB a frame "
                        + "as SVG); write .gif, .webp or .mp4, or leave out --orbit")
                }
            }
            if animation.animate, let path = userPaths.paths.first {
                throw ArgumentRefusal.invalid("--path", path, "paths from files are not animated yet; leave out --animate for the still figure, "
                    + "or animate computed runs with --optimizers")
            }
            if animation.animate, withCurves { throw ArgumentRefusal.flag("--with-curves", "not available with --animate; animate the surface alone") }
            try validateAnimation()
        }

        /// The animation of the figure: `frames` frames, steps spaced by `spacing`.
        func makeAnimation(frames: Int, spacing: FrameTiming) throws -> (Animation, [DataTable]) {
            let p = try plan()
            let (s, l, angles) = try recipeSettings()
            let runs = try SurfaceRuns.runNamingOptions(try optimizerOptions.choices(default: Self.defaultOptimizers), plan: p)
            let figure = try figureOptions.makeFigure()
            var recipe = SurfaceFigure(plan: p, runs: runs)
            recipe.style = s; recipe.grid = grid; recipe.levels = l
            recipe.arrows = arrows; recipe.streamlines = streamlines
            recipe.view3D = angles.map { (azimuth: $0.0, elevation: $0.1) }
            var (animation, tables) = try SurfaceAnimation(recipe: recipe, frames: frames, timing: spacing, orbit: orbit ?? 0).build(into: figure)
            if let title = figureOptions.title { animation.still.title = title }
            try figureOptions.layout.apply(to: &animation.still, yAxis: false)
            return (animation, tables)
        }

        func plan(readingDataset: Bool = true) throws -> SurfacePlan {
            try run.plan(surfaceName: name, option: "surface", defaultSteps: Self.defaultSteps, maxSteps: Self.maxSteps,
                         readingDataset: readingDataset)
        }

        /// The drawing settings, checked.
        func recipeSettings() throws -> (SurfaceFigure.Style, ContourLevels, (Double, Double)?) {
            guard let s = SurfaceFigure.Style(rawValue: style) else {
                throw ArgumentRefusal.invalid("--style", style, "expected filled, heatmap or lines")
            }
            guard (20...2000).contains(grid) else { throw ArgumentRefusal.invalid("--grid", grid, "expected 20 to 2000 samples per side") }
            let l = try levels.map { try ContourLevelArgument.parse($0, option: "--levels") } ?? .count(12)
            var angles: (Double, Double)?
            switch view {
            case "plane":
                try ViewAngles.refuseOnPlane(azimuth: azimuth.map { TypedText.number("--azimuth", $0) },
                                             elevation: elevation.map { TypedText.number("--elevation", $0) })
                angles = nil
            case "3d":
                let azimuth = azimuth ?? -60, elevation = elevation ?? 30
                guard azimuth.isFinite else { throw ArgumentRefusal.invalid("--azimuth", TypedText.number("--azimuth", azimuth), "expected a finite angle in degrees") }
                guard elevation.isFinite, (-90...90).contains(elevation) else {
                    throw ArgumentRefusal.invalid("--elevation", TypedText.number("--elevation", elevation), "expected -90 to 90 degrees")
                }
                angles = (azimuth, elevation)
            default: throw ArgumentRefusal.invalid("--view", view, "expected plane or 3d")
            }
            return (s, l, angles)
        }

        func makeFigure() throws -> (Figure, [DataTable]) {
            let p = try plan()
            let (s, l, angles) = try recipeSettings()
            let runs = computesRuns
                ? try SurfaceRuns.runNamingOptions(try optimizerOptions.choices(default: Self.defaultOptimizers), plan: p) : []
            let paths = try userPaths.read(over: p.surface, name: name)
            var figure = try figureOptions.makeFigure(rows: 1, columns: withCurves ? 2 : 1)
            var recipe = SurfaceFigure(plan: p, runs: runs)
            recipe.style = s; recipe.grid = grid; recipe.levels = l
            recipe.arrows = arrows; recipe.streamlines = streamlines; recipe.withCurves = withCurves
            recipe.view3D = angles.map { (azimuth: $0.0, elevation: $0.1) }
            recipe.userPaths = UserPathRun.prepare(paths, after: runs, surface: p.surface, plan: p)
            UserPathOptions.noteLosses(recipe.userPaths, surface: p.surface, name: name)
            let tables = try recipe.build(into: &figure)
            return (figure, tables)
        }
    }
}

/// `--levels`: a count or an explicit list of contour levels.
enum ContourLevelArgument {
    /// The most values a list of levels may hold.
    static let maxLevels = 100

    static func parse(_ text: String, option: String) throws -> ContourLevels {
        if !text.contains(","), let n = Int(text.trimmingSpaces) {
            guard (1...60).contains(n) else { throw ArgumentRefusal.invalid(option, text, "expected a count from 1 to 60, or a list such as 0.1,1,10") }
            return .count(n)
        }
        let values = try NumberArguments.list(text, option: option)
        // Each level costs a pass over the grid (and a label): 100 already fills a view with lines.
        guard values.count <= maxLevels else {
            throw ArgumentRefusal.invalid(option, text, "\(values.count) levels is too many; give at most \(maxLevels) values, or a count from 1 to 60")
        }
        guard Set(values).count == values.count else { throw ArgumentRefusal.invalid(option, text, "a level is repeated; expected distinct values") }
        return .values(values.sorted())
    }
}
