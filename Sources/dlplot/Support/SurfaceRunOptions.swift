import ArgumentParser
import Figures
import Foundation
import Optim
import RunLogs
import Viz

/// Options shared by the figures that run optimizers on a surface: start, step budget, view, and the
/// mini-batch settings of the dataset surfaces.
struct SurfaceRunOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Start point x,y; negative numbers work as --start=-1.5,2 or --start -1.5,2 (default: the surface's suggested start, see `dlplot list surfaces`).",
        valueName: "x,y"))
    var start: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Optimizer steps per run, the same for every optimizer.", valueName: "n"))
    var steps: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("The x range shown as a:b (default: the surface's view box).", valueName: "a:b"))
    var xrange: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The y range shown as c:d (default: the surface's view box).", valueName: "c:d"))
    var yrange: String?

    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: ArgumentHelp(
        "linreg_mse, logreg_bce only: examples per step: 1 = SGD, fewer than the data set's examples = mini-batch, all of them (12 for the built-in data) = full batch (default: full batch).",
        valueName: "n"))
    var batchSize: Int?

    @Option(name: .customLong("dataset"), help: ArgumentHelp(
        "linreg_mse, logreg_bce only: your own examples, a CSV file with a header: x,y (the model w·x + b) or x1,x2 with y or label (w1·x1 + w2·x2, no bias); logreg_bce labels are 0 or 1; at most 10000 rows; - reads standard input.",
        valueName: "file.csv"))
    var dataset: String?

    @Option(name: .customLong("param"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "A parameter of a typed surface expression as name=value (repeatable).", valueName: "name=value"))
    var params: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the mini-batch shuffling (SplitMix64) for --batch-size, a whole number from 0 to 2^64-1.", valueName: "n"))
    var seed: UInt64 = 0

    /// The run options as typed.
    var texts: SurfaceRunTexts {
        SurfaceRunTexts(start: start, xrange: xrange, yrange: yrange, batchSize: batchSize, dataset: dataset, params: params, seed: seed)
    }

    /// Everything a run needs, checked: the surface, start, step budget (`steps`, else `defaultSteps`, in
    /// 1...`maxSteps`) and view. `--dataset` is read only with `readingDataset` (at run time, so that a bad
    /// file is one line without the usage).
    func plan(surfaceName: String, option: String, defaultSteps: Int, maxSteps: Int, readingDataset: Bool = true) throws -> SurfacePlan {
        try texts.plan(surfaceName: surfaceName, option: option, steps: steps ?? defaultSteps, allowed: 1...maxSteps,
                       readingDataset: readingDataset)
    }
}

/// The options of a run on a surface as typed (`trace` has no view or data set options): checked into a
/// `SurfacePlan` by one function, so every command that runs optimizers on a surface says the same.
struct SurfaceRunTexts {
    var start: String?
    var xrange: String?
    var yrange: String?
    var batchSize: Int?
    var dataset: String?
    var params: [String]
    var seed: UInt64
    /// False for a command without --xrange and --yrange (`trace`): a surface undefined on its whole view
    /// asks for a --start instead.
    var rangeOptions = true

    /// The surface named or typed as `surfaceName` (`option` names it in messages), the start, `steps`
    /// (refused outside `allowed`) and the view, checked. `--dataset` is read only with `readingDataset`.
    func plan(surfaceName: String, option: String, steps n: Int, allowed: ClosedRange<Int>, readingDataset: Bool = true) throws -> SurfacePlan {
        // A typed expression's view is --xrange/--yrange (default [-3, 3]²) and its start --start.
        let givenX = try xrange.map { try NumberArguments.interval($0, option: "--xrange") }
        let givenY = try yrange.map { try NumberArguments.interval($0, option: "--yrange") }
        let givenStart = try start.map { try NumberArguments.pair($0, option: "--start") }
        // Without either range the expression's own default view (holding its minima) is used.
        let view = givenX == nil && givenY == nil ? nil
            : ViewBox(xmin: givenX?.lower ?? -3, xmax: givenX?.upper ?? 3, ymin: givenY?.lower ?? -3, ymax: givenY?.upper ?? 3)
        if readingDataset, dataset != nil, let p = params.first {
            throw ArgumentRefusal.invalid("--param", p, "it applies to typed expressions, not to --dataset")
        }
        let surface = try dataset.flatMap { readingDataset ? try SurfaceRunOptions.datasetSurface(surfaceName, file: $0) : nil }
            ?? FunctionArguments.surface(surfaceName, params: dataset == nil ? params : [], option: option, view: view,
                                         start: givenStart.map { Point2($0[0], $0[1]) })
        guard allowed.contains(n) else {
            throw ArgumentRefusal.invalid("--steps", n, "expected \(allowed.lowerBound) to \(allowed.upperBound)")
        }
        let startPoint = givenStart ?? [surface.suggestedStart.x, surface.suggestedStart.y]
        try FunctionArguments.checkDefined(surface, at: startPoint, typedStart: start, rangeOptions: rangeOptions, option: option)
        let box = surface.viewBox
        let x = givenX ?? Interval(box.xmin, box.xmax)
        let y = givenY ?? Interval(box.ymin, box.ymax)
        if let batchSize {
            guard surface.dataset != nil else {
                throw ArgumentRefusal.invalid("--batch-size", batchSize, "it applies only to the dataset surfaces linreg_mse and logreg_bce, not \(surfaceName)")
            }
            guard batchSize >= 1 else { throw ArgumentRefusal.invalid("--batch-size", batchSize, "expected 1 or more") }
            // A batch cannot hold more examples than the set has (checked once the set is the one used).
            if let data = surface.dataset, readingDataset || dataset == nil, batchSize > data.count {
                let set = data.source.map { "\($0) has" } ?? "the built-in data has"
                throw ArgumentRefusal.invalid("--batch-size", batchSize,
                                              "\(set) \(data.count) examples; expected 1 to \(data.count)")
            }
        }
        return SurfacePlan(surface: surface, start: Point2(startPoint[0], startPoint[1]), steps: n, x: x, y: y,
                           batchSize: batchSize, seed: seed)
    }
}

extension SurfaceRunOptions {
    /// `linreg_mse` or `logreg_bce` over the examples of `--dataset file`.
    /// - Throws: `ValidationError` "invalid --dataset 'FILE': line N, column 'c': …" (exit 64).
    static func datasetSurface(_ name: String, file: String) throws -> Surface {
        guard name == "linreg_mse" || name == "logreg_bce" else {
            throw ArgumentRefusal.invalid("--dataset", file, "it applies only to the dataset surfaces linreg_mse and logreg_bce, not \(name)")
        }
        let columns: DatasetColumns
        do { columns = try DatasetFileReader.read(file, binaryLabels: name == "logreg_bce") } catch {
            throw ArgumentRefusal.file("--dataset", file, error)
        }
        let examples = ToyDataset(inputs: columns.inputs, secondInputs: columns.secondInputs, labels: columns.targets,
                                  source: file == "-" ? "stdin" : (file as NSString).lastPathComponent)
        do { return try Surface(named: name, examples: examples) } catch {
            throw ArgumentRefusal.file("--dataset", file, error)
        }
    }
}

extension NumberArguments {
    /// "a:b" with a < b, both finite.
    /// `logAxis`: the range is drawn on a log axis, so what must be wide enough is log₁₀ of it (10⁻³²⁰…10⁻³¹⁰
    /// spans ten decades, though only 10⁻³¹⁰ wide).
    static func interval(_ text: String, option: String, logAxis: Bool = false) throws -> Interval {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw ArgumentRefusal.invalid(option, text, "expected a range a:b with a < b, e.g. \(option)=-2:2")
        }
        let a = try finite(String(parts[0]), option: option, in: text), b = try finite(String(parts[1]), option: option, in: text)
        guard a < b else { throw ArgumentRefusal.invalid(option, text, "the lower end must be below the upper end") }
        // Grids, ticks and steps are computed from the span: it must be a finite number too.
        guard (b - a).isFinite, max(abs(a), abs(b)) <= 1e150 else {
            throw ArgumentRefusal.invalid(option, text, "expected ends within ±1e150")
        }
        if logAxis, a > 0 {
            // Doubles counted as such (subnormals included): 10⁻³²⁰…10⁻³¹⁰ holds 2×10¹³ of them.
            if b.bitPattern - a.bitPattern < UInt64(NumberArguments.minimumSteps) {
                throw ArgumentRefusal.invalid(option, text, "too narrow to draw on a log axis; give ends further apart (e.g. \(option)=\(parts[0]):\(String(format: "%g", a * 10)))")
            }
            return Interval(a, b)
        }
        if let why = NumberArguments.tooNarrow(a, b) { throw ArgumentRefusal.invalid(option, text, why) }
        return Interval(a, b)
    }
}
