import ArgumentParser
import Foundation
import Figures
import RunLogs
import Viz

extension DLPlot {
    /// `dlplot runs FILE...`: training curves from logs.
    struct RunsCommand: AnimatedFigureCommand {
        /// With `--time log` the step axis is drawn in log(1 + step), where the log-time frames move evenly.
        static var logTimeAxis: Bool { true }

        static let configuration = CommandConfiguration(
            commandName: "runs",
            abstract: "Plot training curves from logs: CSV, Lightning or Keras CSVLogger, JSON lines, Hugging Face trainer_state.json, TensorBoard event files.",
            discussion: """
                Each FILE is a log, recognised by its content: a CSV file with a header (generic, Lightning's \
                metrics.csv, Keras' CSVLogger), JSON lines (one object per line, or a JSON array of them), \
                Hugging Face's trainer_state.json (its log_history: loss, grad_norm, learning_rate, eval_loss, … \
                by step and fractional epoch), a TensorBoard event file \
                (events.out.tfevents.*), or a directory of event files (each subdirectory holding event files is \
                a run, as in TensorBoard). FILE - reads standard input (a run named stdin), as do pipes such as \
                <(zcat log.csv.gz). One panel per metric, one line per run; the legend gives each run's \
                best value with its step (the minimum; the maximum for scores: acc, top1, top5, auc, f1, \
                precision, recall, iou, bleu, map, …; none for settings and spreads: lr, momentum, std, \
                grad_norm; --best overrides) and its final value. A run whose \
                values become NaN or infinite to its end is drawn up to that point, ends with a cross and says \
                "diverged at step k"; NaN or inf values followed by finite ones (a step an AMP loss scaler \
                skipped) leave a gap marked with a ring, and the legend says "non-finite at step k". A group's \
                mean stops where its first run diverged, naming that run.
                Reading rules: values are joined by step, never by row position (sparse rows are fine); an empty \
                cell or missing key is no observation; a row shorter than the header misses its last cells; a \
                step logged again replaces the earlier value, and a step going back (a resumed run) replaces the \
                points from there on; a truncated last record or line (a file still being written) is skipped \
                with a note (a whole last line without its line break is kept). A text column or key named phase, split, stage, mode, subset, set, fold or \
                partition (train, val) splits the metrics into train/loss, val/loss, …; other text is ignored. \
                Times are seconds since 1970 or ISO-8601 (2024-05-01T12:00:00Z; no offset: UTC); numbers of \
                10¹¹ and more are epoch milliseconds, from 10¹⁴ microseconds, from 10¹⁷ nanoseconds. TensorBoard's \
                Download CSV (Wall time,Step,Value) is one metric, named by the tag in run-RUN-tag-TAG.csv. \
                One file can hold several runs: a column or key named run, run_name, run_id, name, model, \
                experiment, exp_name, trial, job or seed (any case) splits its rows into runs named by its values \
                (a number in a seed column as seed0); --run-column names other columns, or none. A long table \
                (run,metric,step,value as TensorBoard's get_scalars(), MLflow or dlplot's own --data write \
                them; metric, tag or key names each row's metric, value holds it) is read as the runs it lists.
                Anything else that is not a log is an error naming the file and what was expected.
                Many runs or metrics: until every plot keeps at least 45 % of its row, the panels go in more \
                columns (up to 6) and the default page grows keeping its shape (up to twice as wide and high, as \
                for every command), and only where that is not enough grows taller (up to 4 times); a note names \
                the page drawn. On a page given with --size the legends keep each run's numbers where they can be \
                laid out (a note names the --size and --dpi that gives the plots their room); where they cannot, they \
                name the runs only (in a free corner of the plot, beside or below it, or in one row under the panels) \
                and the minimum and final values go to the footnote, with a note naming the --size or --font-scale \
                that keeps them in the legend; only then is the page refused, naming every way that draws it. A run whose values run away (over 10⁶ times the largest first value) does not \
                flatten the others: the linear view keeps values up to 3 times that first value, and each line \
                leaving it is marked with a triangle on the frame (--log-y shows every value).
                --smooth w is TensorBoard's smoothing: a debiased exponential moving average (last = w·last + \
                (1 − w)·v, shown as last / (1 − wⁿ) after n values), drawn over the raw curve, which stays faint \
                behind. 0 is no smoothing; 0.6 is TensorBoard's default; 0.9 and above for noisy per-step losses. \
                The legend's numbers stay the logged values (a smoothed line lags: a sparse validation curve's best \
                would show nowhere), followed by where the smoothed line ends ("min 0.345 at step 799 · final 0.345 · \
                smoothed final 0.767"); --data has both.
                --x epoch counts the epochs completed when a value was logged, for every log alike: on a log with \
                an epoch per step (Lightning's metrics.csv) step s of epoch e is at e + (s − first step of e + 1) / \
                (steps in e), an epoch spanning the steps after the previous epoch's last logged step through its \
                own, so the end-of-epoch-0 validation is at 1; Keras' epoch e (printed as Epoch e+1/N) is at \
                e + 1; fractional epochs (Hugging Face) are used as logged. A log whose only x is its epochs (Keras, or \
                fractional epochs with no step) is drawn against epochs completed by default. With --x step, a \
                panel whose runs are all Keras logs is drawn by epochs completed too (a note says so); a metric \
                that a Keras log shares with logs that count steps is drawn by epochs completed when each of those \
                logs has an epoch column, else in two panels, by step and by epoch (the footnote says which).
                --group REGEX draws runs whose names are the same once REGEX's match is removed (e.g. seeds: \
                'seed[0-9]+') as one mean line with a band (min–max, or ±1 sd with --band sd). The statistics are \
                taken at every x (step, epoch, or with --x time each run's time since its own start) that any run \
                of the group logged, each run interpolated linearly between its own neighbouring points and left \
                out before its first and after its last (never extrapolated); the legend says where fewer runs \
                than all enter ("2 runs before step 5", "1 run after step 285") and a footnote says when values \
                were interpolated.
                --data FILE.csv writes every logged point as run,metric,step,value (+ smoothed, + epoch or time), \
                values exactly as logged; with --group, the group statistics at each x go to FILE-2.csv \
                (group,metric,step|epoch|time,mean,min,max,sd,runs, + smoothed: the mean of the smoothed runs).
                Examples:
                  dlplot runs lightning_logs/version_0/metrics.csv --y 'val_*' -o val.png
                  dlplot runs runs/ --y '*loss' --smooth 0.9 --log-y
                  dlplot runs runs/ --group 'seed[0-9]+' --y 'val/*'
                  dlplot runs a.jsonl b.jsonl --label baseline --label 'warm-up' --x time
                  python train.py | dlplot runs - -o - > curves.png
                """)

        @Argument(help: ArgumentHelp("Log files or TensorBoard run directories; - for standard input.", valueName: "file"))
        var files: [String] = []

        @Option(parsing: .singleValue, help: ArgumentHelp(
            "Metrics or tags to draw, one panel each; globs allowed ('*loss', 'val/*'); repeat or separate with commas (default: every metric whose name contains 'loss', else all).",
            valueName: "metric"))
        var y: [String] = []

        @Option(help: ArgumentHelp("The x axis: step, epoch (epochs completed, fractional, from an epoch column or tag) or time (seconds since the run's first record; times in seconds since 1970 or ISO-8601) (default: step; epoch for logs whose only x is their epochs: Keras, or fractional epochs).", valueName: "axis"),
                completion: .list(["step", "epoch", "time"]))
        var x: String?

        /// The x axis: --x, else epoch when every run's only x is its epochs (fractional, or Keras' one row
        /// per epoch), else step.
        func xAxis(_ runs: [RunLog]) -> RunCurves.XAxis {
            if let x { return RunCurves.XAxis(rawValue: x) ?? .step }
            // Keras' 0-based epoch column is drawn by epochs completed (e + 1), as --x epoch draws it.
            return !runs.isEmpty && runs.allSatisfy({ $0.stepAxis == "row" && $0.epochs != nil || $0.stepAxis == "epoch" }) ? .epoch : .step
        }

        /// `--x step` on Keras logs, which record no step: what their panels are drawn by.
        func kerasStepNote(_ runs: [RunLog]) -> String? {
            let keras = runs.filter { $0.stepAxis == "epoch" }.map(\.name)
            guard x == "step", !keras.isEmpty else { return nil }
            return "\(keras.joined(separator: ", ")) record\(keras.count == 1 ? "s" : "") no step: "
                + (keras.count == runs.count ? "drawn" : "their panels are drawn") + " by epochs completed (Keras' epoch e at e + 1), as by default"
        }

        @Option(parsing: .unconditional, help: ArgumentHelp("TensorBoard's smoothing weight w, 0 ≤ w < 1 (raw curve faint behind).", valueName: "w"))
        var smooth: String?

        /// `--smooth` as a number (nil when not given or not a number; `validate` refuses the latter).
        var smoothing: Double? { smooth.flatMap { NumberArguments.decimal($0) } }

        /// `--log-y` (the shared layout option): values ≤ 0 leave gaps, with a note.
        var logY: Bool { figureOptions.layout.logY }

        @Option(parsing: .singleValue, help: ArgumentHelp("A name for each FILE, in order (default: a short name: the file name without extension, the directory for metrics.csv and event files, each run's subdirectory in a directory of runs).", valueName: "text"))
        var label: [String] = []

        @Option(help: ArgumentHelp("Group runs whose names are equal once this regular expression's match is removed (e.g. 'seed[0-9]+').", valueName: "regex"))
        var group: String?

        @Option(parsing: .singleValue, help: ArgumentHelp(
            "Which value of the metrics matching GLOB the legend calls best: min, max or none (e.g. 'top*=max', 'lr=none'; repeatable, first match wins; default: guessed from the name).",
            valueName: "glob=min|max|none"))
        var best: [String] = []

        @Option(help: ArgumentHelp(
            "The column(s) naming the run of each row of a CSV or JSON lines log, comma-separated, or none (default: run, run_name, run_id, name, model, experiment, exp_name, trial, job, seed).",
            valueName: "column"))
        var runColumn: String?

        /// `--run-column`: the columns that split a log into runs.
        var runColumns: RunColumns {
            guard let runColumn else { return .automatic }
            if runColumn.trimmingCharacters(in: .whitespaces).lowercased() == "none" { return RunColumns(names: [], explicit: true) }
            return RunColumns(names: runColumn.split(separator: ",").map { String($0) }, explicit: true)
        }

        @Option(help: ArgumentHelp("The band around a group's mean: minmax or sd (±1 population standard deviation, dividing by the number of runs as numpy's default ddof=0 does).", valueName: "kind"),
                completion: .list(["minmax", "sd"]))
        var band = "minmax"

        @OptionGroup(title: "Animation") var animation: AnimationOptions

        @OptionGroup var figureOptions: FigureOptions

        var defaultFileName: String { "runs" }

        mutating func validate() throws {
            guard !files.isEmpty else { throw ValidationError("missing FILE: give one or more training logs (see dlplot runs --help)") }
            // A stream can be read once: "runs - -" would draw one log twice, or half of it twice.
            if files.filter({ $0 == "-" }).count > 1 {
                throw ArgumentRefusal.invalid("file", "-", "standard input is given \(files.filter { $0 == "-" }.count) times; "
                    + "a stream can be read once: give - once, or save the log to a file")
            }
            if let x, RunCurves.XAxis(rawValue: x) == nil { throw ArgumentRefusal.invalid("--x", x, "expected step, epoch or time") }
            guard RunCurves.Band(rawValue: band) != nil else { throw ArgumentRefusal.invalid("--band", band, "expected minmax or sd") }
            if let text = smooth, !(smoothing.map { $0 >= 0 && $0 < 1 } ?? false) {
                throw ArgumentRefusal.invalid("--smooth", text, "expected a weight w with 0 ≤ w < 1 (TensorBoard's default is 0.6)")
            }
            guard label.count <= files.count else {
                throw ArgumentRefusal.invalid("--label", label[files.count], "\(label.count) labels for \(files.count) file(s); give at most one per FILE")
            }
            for text in label where text.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ArgumentRefusal.invalid("--label", text, "expected a non-empty name for the run in the legend")
            }
            if let group { _ = try regex(group) }
            // `--y ''` or `--y 'loss,'`: an empty name is a mistake, not "every metric".
            for v in y where v.split(separator: ",", omittingEmptySubsequences: false).contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ArgumentRefusal.invalid("--y", v, "expected metric names or globs separated by commas, none empty")
            }
            // `--y loss,loss` (or `--y loss --y loss`): one panel, drawn once; a glob overlapping a name is allowed.
            for v in y { try RepeatedItems.check(v.split(separator: ",").map(String.init), option: "--y", typed: v) }
            try RepeatedItems.check(y.flatMap { $0.split(separator: ",").map(String.init) }, option: "--y", typed: nil)
            _ = try bestOverrides()
            if let runColumn, runColumn.split(separator: ",", omittingEmptySubsequences: false)
                .contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ArgumentRefusal.invalid("--run-column", runColumn, "expected column names separated by commas, or none")
            }
            try validateAnimation()
        }

        /// `--best GLOB=min|max|none`, in order.
        func bestOverrides() throws -> [(pattern: String, value: BestValue)] {
            try best.map { text in
                let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty,
                      let value = BestValue(rawValue: parts[1].trimmingCharacters(in: .whitespaces).lowercased()) else {
                    throw ArgumentRefusal.invalid("--best", text, "expected GLOB=min, GLOB=max or GLOB=none (e.g. 'top*=max')")
                }
                return (parts[0].trimmingCharacters(in: .whitespaces), value)
            }
        }

        var patterns: [String] { y.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } }

        func regex(_ text: String) throws -> Regex<AnyRegexOutput> {
            do { return try Regex(text) } catch { throw ArgumentRefusal.invalid("--group", text, "not a regular expression (\(error))") }
        }

        /// Every run of every FILE, named by --label (directories append their run subpaths).
        func readRuns() throws -> [RunLog] {
            var runs: [RunLog] = []
            for (i, file) in files.enumerated() {
                do { runs += try LogReader.read(file, name: i < label.count ? label[i] : nil, runColumns: runColumns) } catch {
                    throw ValidationError(error.description)
                }
            }
            // Short names (see LogReader.shortName) can meet: files of one name in different directories are
            // named by the directories that tell them apart ("x1/run/log", "x2/run/log"); others are numbered,
            // "metrics (2)".
            if label.isEmpty { Self.distinguish(&runs) }
            var seen: [String: Int] = [:]
            for k in runs.indices {
                let n = (seen[runs[k].name] ?? 0) + 1
                seen[runs[k].name] = n
                if n > 1 {
                    if !label.isEmpty { PendingNotes.add("two runs are named '\(runs[k].name)'; the later is drawn as '\(runs[k].name) (\(n))'") }
                    runs[k].name += " (\(n))"
                }
            }
            return runs
        }

        /// Refuses a --group pattern that matches only empty text (nothing is removed, so nothing groups);
        /// a note when every group still holds one run.
        func groupCheck(_ runs: [RunLog], pattern: (String, Regex<AnyRegexOutput>)) throws -> String? {
            let (text, regex) = pattern
            if !runs.contains(where: { $0.name.firstMatch(of: regex).map { !$0.range.isEmpty } ?? false }) {
                throw ArgumentRefusal.invalid("--group", text, "it matches only empty text, so every run would be a group of "
                    + "its own; expected a pattern for the part that differs between seeds, such as 'seed[0-9]+'")
            }
            let groups = RunCurves.groups(runs.map(\.name), pattern: regex, source: text)
            guard runs.count > 1, groups.allSatisfy({ $0.members.count == 1 }) else { return nil }
            return "--group '\(text)' leaves every run in a group of its own: once the match is removed the names still differ ("
                + RunCurves.listing(groups.map(\.key)) + "); another pattern or --run-column can make them equal"
        }

        /// Says that a group's statistics over a long series (see `MetricSeries.full`) are taken at the points its
        /// plot keeps, not at every logged one.
        static func longGroupNote(_ runs: [RunLog], metrics: [String]) -> String? {
            let long = runs.flatMap { run in run.metrics.filter { $0.full != nil && metrics.contains($0.name) }.map { (run.name, $0) } }
            guard let (name, first) = long.first else { return nil }
            return "\(name) logs \(first.loggedCount) points of \(first.name)\(long.count > 1 ? " (and \(long.count - 1) more long series)" : ""); "
                + "group statistics use the \(first.count) points kept for the plot (first, last, smallest and largest of each "
                + "step range); --data's first table has every point"
        }

        /// Renames runs of one name read from files in different directories by the nearest directory that
        /// tells them apart: x1/run/log.csv and x2/run/log.csv are "x1/log" and "x2/log".
        static func distinguish(_ runs: inout [RunLog]) {
            let byName = Dictionary(grouping: runs.indices, by: { runs[$0].name })
            for (name, members) in byName where members.count > 1 {
                let dirs = members.map { URL(fileURLWithPath: runs[$0].source).standardized.deletingLastPathComponent().pathComponents }
                guard Set(dirs).count == members.count, let deepest = dirs.map(\.count).max() else { continue }
                for k in 1...deepest {
                    let parts = dirs.map { $0.count >= k ? $0[$0.count - k] : "" }
                    if Set(parts).count == members.count, !parts.contains("") {
                        for (m, i) in members.enumerated() { runs[i].name = parts[m] + "/" + name }
                        break
                    }
                }
            }
        }

        func makeFigure() throws -> (Figure, [DataTable]) { try makeFigure(animated: false) }

        var inputFiles: [(what: String, path: String)] { files.map { ("the log", $0) } }

        func makeAnimatedFigure() throws -> (Figure, [DataTable]) { try makeFigure(animated: true) }

        /// The figure; `animated` makes the curves grow along x (see `RunsFigure.animated`).
        func makeFigure(animated: Bool) throws -> (Figure, [DataTable]) {
            let runs = try readRuns()
            let metrics: [String]
            do { metrics = try RunCurves.selectMetrics(patterns, in: runs) } catch { throw ValidationError(error.description) }
            // One panel per metric, and a figure holds at most 400 (a 200 000-column CSV ended in an internal grid error).
            guard metrics.count <= 400 else {
                throw ValidationError("too many metrics to plot: \(metrics.count) (one panel each, at most 400); "
                    + "choose some with --y, e.g. --y '\(metrics[0])' or a glob such as --y '*loss*'")
            }
            let pattern = try group.map { ($0, try regex($0)) }
            // A pattern that matches no run name would make one "group" per run: a typo, not a grouping.
            if let (text, regex) = pattern, !runs.contains(where: { $0.name.firstMatch(of: regex) != nil }) {
                throw ArgumentRefusal.invalid("--group", text, "it matches no run name; the runs are "
                    + RunCurves.listing(runs.map(\.name)))
            }
            let groupNote = try pattern.flatMap { try groupCheck(runs, pattern: $0) }
            let longNote = pattern == nil ? nil : Self.longGroupNote(runs, metrics: metrics)
            var recipe = RunsFigure(runs: runs, metrics: metrics, x: xAxis(runs),
                                    smoothing: smoothing, logY: logY, groupPattern: pattern,
                                    band: RunCurves.Band(rawValue: band) ?? .minmax)
            recipe.animated = animated
            recipe.clipsRunaways = figureOptions.layout.yRange == nil
            recipe.best = try bestOverrides()
            // The default page of many panels is larger; a page given with --size in pixels sets its text by the standard
            // page's (not 1600x900's: a third metric made the text of a 1280x720 slide smaller, and 6 runs of 3 metrics fit
            // where 6 runs of 2 were refused).
            let defaultSize = recipe.panelCount > 2 && figureOptions.size == nil ? "1600x900" : FigureOptions.standardSize
            do {
                var (figure, tables) = try build(recipe, defaultSize: defaultSize)
                let stacked = try legendsBeside(&figure, tables: &tables, recipe: recipe, defaultSize: defaultSize)
                let room = figureOptions.size == nil
                    ? try growDefaultPage(&figure, tables: &tables, recipe: recipe, defaultSize: defaultSize)
                    : try makeRoom(&figure, rows: figure.rows, metrics: recipe.panelTitles, animated: animated)
                // Said once the figure is written (see PendingNotes).
                for note in runs.flatMap(\.notes) + [groupNote, longNote, stacked, room, kerasStepNote(runs)].compactMap({ $0 }) {
                    PendingNotes.add(note)
                }
                return (figure, tables)
            } catch let error as RunLogError { throw ValidationError(error.description) }
        }
    }
}
