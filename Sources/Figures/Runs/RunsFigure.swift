import RunLogs
import Viz

/// Training curves from logs (`dlplot runs`): one panel per metric, one line per run (or per group of
/// runs), the best value (`BestValue`: min for losses, max for scores) and the final value in the legend, a cross
/// where a run diverged.
///
/// - Smoothing is TensorBoard's debiased EMA (`Smoothing.debiasedEMA`), drawn over the raw curve in
///   the same colour, faint.
/// - Groups (runs that differ only by seed) are drawn as the mean across runs at every x any of them
///   logged, each run interpolated linearly inside its own range (`RunGroupSummary`), with a band from
///   the minimum to the maximum or of ±1 standard deviation.
/// - Series longer than about four points per pixel column are thinned for drawing to the first,
///   smallest, largest and last point of each column (every extreme stays visible); the data table
///   keeps every logged point.
/// Grid: `panelGrid(count:)` panels, row-major, in metric order.
public struct RunsFigure: FigureRecipe {
    public var runs: [RunLog]
    /// The metrics to draw, one panel each (see `RunCurves.selectMetrics`).
    public var metrics: [String]
    public var x: RunCurves.XAxis
    /// TensorBoard's smoothing weight w in [0, 1); nil draws the logged values only.
    public var smoothing: Double?
    public var logY: Bool
    /// Runs grouped by a regular expression (the text it matches is removed from the run names).
    public var groupPattern: (source: String, regex: Regex<AnyRegexOutput>)?
    public var band: RunCurves.Band
    /// Overrides of the best-value guess, by metric glob, first match wins (`--best 'top*=max'`).
    public var best: [(pattern: String, value: BestValue)] = []
    /// Made for an animation: the curves (and bands) grow along x, the legend gives each run's latest step
    /// and value, and a divergence's cross appears at its x (`TimedMark`s; the still figure is the same).
    public var animated = false
    /// Whether a panel whose values run away gets a clipped view (`RunawayView`); false when the y range is
    /// the user's (`--y-range`).
    public var clipsRunaways = true

    public init(runs: [RunLog], metrics: [String], x: RunCurves.XAxis = .step, smoothing: Double? = nil, logY: Bool = false,
                groupPattern: (source: String, regex: Regex<AnyRegexOutput>)? = nil, band: RunCurves.Band = .minmax) {
        self.runs = runs; self.metrics = metrics; self.x = x; self.smoothing = smoothing
        self.logY = logY; self.groupPattern = groupPattern; self.band = band
    }

    /// Rows and columns for `count` panels: one row up to two panels, then two or three columns; `columns`
    /// (1 or more) overrides the number of columns.
    public static func panelGrid(count: Int, columns given: Int? = nil) -> (rows: Int, columns: Int) {
        let columns = given.map { min(max($0, 1), max(count, 1)) } ?? (count <= 2 ? max(count, 1) : (count == 4 ? 2 : 3))
        return ((count + columns - 1) / columns, columns)
    }

    /// The number of panels: one per metric, two for a metric drawn by step and by epoch (see `RunsPanelAxes`).
    public var panelCount: Int { panelTitles.count }

    /// The panels' titles, in panel order: the metrics, "loss (by step)" and "loss (by epoch)" for a split one.
    public var panelTitles: [String] {
        RunsPanelAxes.plan(runs: runs, metrics: metrics, axis: x, label: "").map(\.title)
    }

    /// The number of panel columns, when not `panelGrid(count:)`'s choice (legends right of their plots
    /// may need wider panels).
    public var columns: Int?

    public func build(into figure: inout Figure) throws -> [DataTable] {
        let theme = figure.theme
        let grid = Self.panelGrid(count: panelCount, columns: columns)
        let columnPixels = figure.size.width / Double(grid.columns)
        var dropped = false, spansDecades = false, interpolated = false
        var runaways: [RunawayView] = [], moments = Set<Double>(), coverage: [(group: String, places: [String])] = []
        var bandCuts: [(group: String, from: String)] = [], linear: [String] = []
        let seconds = try PanelLimits.xRange(runs: runs, metrics: metrics, axis: x)
        // Time in the unit its span reads in: "71.5 h", not "2.57×10⁵ s".
        let unit = x == .time ? TimeUnit.pick(span: seconds.map { $0.1 - $0.0 } ?? 0) : .seconds
        let xRange = seconds.map { ($0.0 / unit.rawValue, $0.1 / unit.rawValue) }
        var points = RunsTables(smoothing: smoothing, x: x)
        var groupRows = RunsTables.groupTable(x: x, smoothing: smoothing != nil)
        // One run (still figure): no legend, its numbers beside the end of its line (see `labelEnd`).
        let lone = runs.count == 1 && groupPattern == nil && !animated
        let axes = try RunsPanelAxes(runs: runs, metrics: metrics, axis: x, range: xRange, label: try xLabel(unit))
        let groups = groupPattern.map { RunCurves.groups(runs.map(\.name), pattern: $0.regex, source: $0.source) }
        for (k, panel) in axes.panels.enumerated() {
            let metric = panel.metric
            var ax = Axes(title: panel.title, xLabel: panel.label, yLabel: nil)
            if animated { ax.animatedTitle = try frameTitle(panel.title, unit: unit) }
            ax.yQuantity = metric  // "loss (×10³⁰⁸)", not a bare "×10³⁰⁸"
            ax.zeroLines = false
            let best = bestValue(metric)
            let curves = try self.curves(of: panel, unit: unit, points: &points, moments: &moments)
            // A panel with no positive value has nothing to draw on a log axis: it keeps a linear one (footnote).
            let logY = logY && curves.contains { c in c.series.values.prefix(c.series.drawnCount).contains { $0 > 0 && $0.isFinite } }
            if self.logY && !logY { linear.append(panel.title) }
            if logY { ax.yScale = .log; ax.minorTicks = true }
            var lines: [(x: (Int) -> Double, values: ArraySlice<Double>, style: Int)] = []
            var loneText: (curve: RunCurve, text: String)?
            if let groups {
                for (g, group) in groups.enumerated() {
                    let members = curves.filter { group.members.contains($0.run) }
                    guard !members.isEmpty else { continue }
                    var summary = GroupCurve(key: group.key, members: members, names: members.map { runs[$0.run].name }, x: panel.axis)
                    summary.timeUnit = unit.rawValue
                    groupRows.add(group: group.key, metric: metric, curve: summary)
                    interpolated = interpolated || summary.summary.interpolated > 0
                    let gx = summary.x
                    lines.append(({ gx[$0] }, (summary.smoothed ?? summary.summary).mean[...], g))
                    let drawn = summary.draw(into: &ax, style: g, band: band, logY: logY, best: best,
                                             theme: theme, pixels: columnPixels,
                                             place: XPlace(axis: panel.axis, stepWord: Self.stepWord(runs[group.members[0]]), timeUnit: unit),
                                             animated: animated)
                    dropped = drawn.dropped || dropped
                    if !drawn.coverage.isEmpty { coverage.append((group.key, drawn.coverage)) }
                    if let cut = drawn.bandCut, !bandCuts.contains(where: { $0.group == cut.group }) { bandCuts.append(cut) }
                }
            } else {
                for c in curves {
                    let cx = c.x
                    lines.append(({ cx[$0] }, (c.smoothed ?? c.series.values).prefix(c.series.drawnCount), c.run))
                    let label = runs.count == 1 ? metric : runs[c.run].name
                    let drawn = c.draw(into: &ax, label: label, style: c.run, logY: logY, best: best,
                                       theme: theme, pixels: columnPixels,
                                       place: XPlace(axis: panel.axis, stepWord: Self.stepWord(runs[c.run]), timeUnit: unit),
                                       animated: animated, legend: !lone)
                    dropped = drawn.dropped || dropped
                    if lone { loneText = (c, drawn.text) }
                }
            }
            ax.legend = lone ? .none : (groups?.count ?? curves.count) <= 3 ? .best : (axes.panels.count == 1 ? .outsideRight : .below)
            var recipe = self
            recipe.logY = logY
            let limits = recipe.finishPanel(&ax, curves: curves, lines: lines, loneText: loneText, metric: metric,
                                            xRange: panel.range, wholeX: panel.wholeX, theme: theme)
            if let view = limits.runaway { runaways.append(view) }
            spansDecades = spansDecades || limits.spansDecades
            figure.add(ax, row: k / grid.columns, column: k % grid.columns)
        }
        (figure.title, figure.subtitle) = (title(), subtitle())
        // The logged x values: log time picks its frames among them (no two frames showing one step's data).
        if animated, moments.count <= Self.maxMoments { figure.revealMoments = moments.filter(\.isFinite).sorted() }
        figure.footnote = footnote(interpolated: interpolated, dropped: dropped, spansDecades: spansDecades, runaways: runaways,
                                   coverage: Self.coverageNote(coverage), units: axes.note, bandCuts: bandCuts, linear: linear)
        if !animated { Self.shareLegend(&figure, metrics: axes.panels.map(\.title)) }
        return groups == nil ? [points.table] : [points.table, groupRows]
    }

    /// The curves of `panel`'s runs, each added to the points table (and its x to an animation's moments).
    private func curves(of panel: RunsPanelAxes.Panel, unit: TimeUnit, points: inout RunsTables,
                        moments: inout Set<Double>) throws -> [RunCurve] {
        var curves: [RunCurve] = []
        for i in panel.runs {
            let run = runs[i]
            guard let series = run.metric(panel.metric) else { continue }
            let xs = try RunCurves.xColumn(series, of: run, axis: panel.axis, timeUnit: unit.rawValue)
            let smoothed = smoothing.map { Smoothing.debiasedEMA(series, weight: $0) }
            points.add(run: run.name, series: series, x: xs, smoothed: smoothed)
            if animated, moments.count <= Self.maxMoments { moments.formUnion(xs.prefix(series.drawnCount)) }
            curves.append(RunCurve(run: i, series: series, x: xs, smoothed: smoothed))
        }
        return curves
    }

    /// A panel's limits once its curves are drawn: y limits from what is shown (a runaway's view, when one
    /// leaves), a lone run's numbers at its line's end, the x limits and whole-number ticks.
    private func finishPanel(_ ax: inout Axes, curves: [RunCurve], lines: [(x: (Int) -> Double, values: ArraySlice<Double>, style: Int)],
                             loneText: (curve: RunCurve, text: String)?, metric: String, xRange: (Double, Double)?,
                             wholeX: Bool, theme: Theme) -> (runaway: RunawayView?, spansDecades: Bool) {
        // The arrays themselves (shared, not copied): a 10⁷-point run costs no second copy here.
        let shown = curves.flatMap { c in
            [(c.smoothed ?? c.series.values).prefix(c.series.drawnCount), c.series.values.prefix(c.series.drawnCount)]
        }
        let runaway = setYLimits(&ax, shown: shown, lines: lines, theme: theme)
        if let (c, text) = loneText { Self.labelEnd(of: c, text: text, metric: metric, logY: logY, theme: theme, in: &ax) }
        if let limits = PanelLimits.x(xRange) { ax.xLimits = limits; ax.xPadding = 0 }
        if wholeX, let ticks = PanelLimits.integerTicks(xRange) { ax.xTickLabels = ticks }
        return (runaway, !logY && PanelLimits.decades(shown) > 6)
    }

    /// The figure's notes on what it shows (at most four). What the reader skipped or replaced goes to
    /// standard error only (see RunsCommand), never on the figure.
    func footnote(interpolated: Bool, dropped: Bool, spansDecades: Bool, runaways: [RunawayView] = [], coverage: String? = nil,
                  units: String? = nil, bandCuts: [(group: String, from: String)] = [], linear: [String] = []) -> String? {
        var notes: [String] = []
        if let units { notes.append(units) }
        if let coverage { notes.append(coverage) }
        if interpolated {
            notes.append("Runs of a group logged at different \(x == .step ? "steps" : x.rawValue + "s") are averaged at every "
                + "\(x == .time ? "time" : x.rawValue) any of them logged, each interpolated linearly between its own points and left out beyond its first and last.")
        }
        if dropped { notes.append("Values ≤ 0 cannot be drawn on the log y axis and leave gaps.") }
        if !linear.isEmpty {
            let one = linear.count == 1
            notes.append(RunsPanelAxes.names(linear) + (one ? " has" : " have") + " no positive value to draw on a log axis: "
                + (one ? "its panel keeps a linear" : "their panels keep linear") + " y ax\(one ? "i" : "e")s.")
        }
        if !bandCuts.isEmpty {
            // The lower edge of a ±1 sd band (mean − sd) at or below 0, not a logged value.
            let one = bandCuts.first.flatMap { bandCuts.count == 1 ? $0 : nil }
            notes.append(one.map { "The ±1 sd band of \($0.group) reaches ≤ 0 from \($0.from) and is cut at the bottom of the log y axis." }
                ?? "The ±1 sd bands of " + RunsPanelAxes.names(bandCuts.map { "\($0.group) (from \($0.from))" })
                + " reach ≤ 0 and are cut at the bottom of the log y axis.")
        }
        if let note = RunawayView.note(runaways) { notes.append(note) } else if spansDecades { notes.append("The values span more than six decades: --log-y shows them all.") }
        return notes.isEmpty ? nil : notes.prefix(4).joined(separator: " ")
    }

    /// The most logged x values an animation picks its log-time frames among (more: frames on any x).
    static let maxMoments = 1_000_000

    /// What a run's steps are called in its legend on a step axis: "epoch index" for a Keras log's 0-based
    /// epochs (on a panel shared with runs that count steps; alone they are drawn by epochs completed).
    static func stepWord(_ run: RunLog) -> String {
        RunsPanelAxes.countsEpochs(run) ? "epoch index" : run.stepAxis
    }

    /// Whether larger is better for a metric ("acc", "auc", "f1", "precision", "recall", "iou", "bleu", "map", "score").
    /// The best value of `metric` for its legend: the first of `best` whose glob matches, else the guess
    /// from its name (`BestValue.guess`).
    public func bestValue(_ metric: String) -> BestValue {
        best.first { Glob.matches($0.pattern, metric) }?.value ?? BestValue.guess(metric)
    }

    /// Each frame's step (epoch, time) in the panel's title, "loss · step 640"; the last frame says "loss".
    private func frameTitle(_ metric: String, unit: TimeUnit) throws -> @Sendable (Double) -> String {
        x == .time ? FrameTitle.at(metric, word: nil, unit: unit.symbol) : FrameTitle.at(metric, word: try xLabel(unit))
    }

    private func xLabel(_ unit: TimeUnit) throws -> String {
        switch x {
        case .step: runs.allSatisfy { $0.stepAxis == "epoch" } ? "epoch" : (runs.allSatisfy { $0.stepAxis == "row" } ? "row" : "step")
        case .epoch: "epoch"
        case .time: "time since the first record (\(unit.symbol))"
        }
    }

    private func title() -> String {
        if runs.count == 1 { return "Training curves: " + runs[0].name }
        if let g = groupPattern.map({ RunCurves.groups(runs.map(\.name), pattern: $0.regex, source: $0.source) }) {
            return "Training curves: \(g.count) group\(g.count == 1 ? "" : "s") of runs (\(runs.count) runs)"
        }
        return "Training curves: \(runs.count) runs"
    }

    private func subtitle() -> String? {
        var parts: [String] = []
        if let w = smoothing { parts.append("smoothed: TensorBoard's debiased EMA, weight \(TickFormat.short(w, significant: 3)) (raw curve faint)") }
        if let g = groupPattern {
            parts.append("runs grouped by /\(g.source)/: mean, band " + (band == .minmax ? "min–max" : "±1 sd")
                + (x == .time ? " by each run's time since its own first record" : ""))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
