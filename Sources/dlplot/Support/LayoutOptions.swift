import ArgumentParser
import Viz

/// Overrides for when the automatic layout is not what the user wants, and the layout report; shared
/// by every figure command through `FigureOptions`.
struct LayoutOptions: ParsableArguments {
    @Option(name: .customLong("layout-report"), help: ArgumentHelp(
        "Also writes where every text landed as JSON: {width, height, elements: [{kind, text, box: [x, y, w, h], panel, covers}], frames: [{panel, box}]}, in output pixels from the top left; covers counts data points under the box. For checking figures in CI.",
        valueName: "file.json"))
    var layoutReport: String?

    @Option(help: ArgumentHelp(
        "Where legends go: best (inside, over the least data; outside when nothing is free), outside (right of the plot, an entry's numbers on lines of their own if need be; below it only when even so it would take more than half the panel's width, as on a portrait page or narrow panels), below, none, or a corner: upper-right, upper-left, lower-left, lower-right.",
        valueName: "where"), completion: .legendPlaces)
    var legend: String?

    @Flag(name: .customLong("no-subtitle"), help: "Leave out the subtitle under the title.")
    var noSubtitle = false

    @Option(help: ArgumentHelp(
        "Series colours in order, comma-separated: names (black, grey, white, and the colour-blind-safe Okabe–Ito hues blue, orange, green, purple, skyblue, yellow, and red = vermilion #D55E00) or hex (#ff0000 for pure red, #f80); cycled when there are more series.",
        valueName: "list"))
    var colors: String?

    @Option(name: .customLong("y-range"), parsing: .unconditional, help: ArgumentHelp(
        "Fixes the y axis to a:b on every plot of y against a continuous x.", valueName: "a:b"))
    var yRange: String?

    @Flag(name: .customLong("log-y"), help: "A logarithmic y axis on every plot of y against a continuous x.")
    var logY = false

    /// The legend placements `--legend` accepts.
    static let placements: [(String, LegendPlacement)] = [
        ("best", .best), ("outside", .outsideRight), ("below", .below), ("none", .none),
        ("upper-right", .upperRight), ("upper-left", .upperLeft), ("lower-left", .lowerLeft), ("lower-right", .lowerRight),
    ]

    func validate() throws {
        _ = try legendPlacement()
        _ = try palette()
        let y = try yRange.map { try NumberArguments.range($0, option: "--y-range") }
        if logY, let y, y.lowerBound <= 0 {
            throw ArgumentRefusal.invalid("--y-range", yRange ?? "", "with --log-y both ends must be above 0")
        }
        if let r = layoutReport, !r.lowercased().hasSuffix(".json") {
            throw ArgumentRefusal.invalid("--layout-report", r, "expected a file name ending in .json")
        }
    }

    func legendPlacement() throws -> LegendPlacement? {
        guard let legend else { return nil }
        guard let hit = Self.placements.first(where: { $0.0 == legend.lowercased() }) else {
            throw ArgumentRefusal.invalid("--legend", legend, "expected one of " + Self.placements.map(\.0).joined(separator: ", "))
        }
        return hit.1
    }

    func palette() throws -> [Color]? {
        guard let colors else { return nil }
        let parts = colors.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        var out: [Color] = []
        for p in parts {
            do { out.append(try Color(parsing: p)) } catch {
                throw ArgumentRefusal.invalid("--colors", colors, "'\(p)' is not a colour name or #rgb/#rrggbb hex")
            }
        }
        return out
    }

    /// `--y-range` as an interval when the axis stays linear (no `--log-y`), for a figure that judges where its
    /// runs leave the view by the range shown; nil otherwise.
    func linearYRange() throws -> Interval? {
        guard !logY, let y = try yRange.map({ try NumberArguments.range($0, option: "--y-range") }) else { return nil }
        return Interval(y.lowerBound, y.upperBound)
    }

    /// Applies the overrides to a built figure. Throws when `--y-range`/`--log-y` is given for a figure
    /// with no plot of y against a continuous x.
    func apply(to figure: inout Figure, yAxis: Bool = true) throws {
        if noSubtitle { figure.subtitle = nil }
        if let placement = try legendPlacement() {
            // A legend the user asks for names the curves: the names a recipe wrote beside them instead
            // (loss's MSE, MAE, Huber) go, or the plot names each curve twice and a name lands on the data.
            for k in figure.panels.indices {
                figure.modifyAxes(k) { a in
                    if placement != .none { a.removeMarks { ($0 as? TextMark)?.curve != nil } }
                    a.legend = placement
                }
            }
        }
        guard yAxis, yRange != nil || logY else { return }
        let y = try yRange.map { try NumberArguments.range($0, option: "--y-range") }
        let eligible = figure.panels.indices.filter { Self.plotsYAgainstContinuousX(figure.panels[$0].axes) }
        guard !eligible.isEmpty else {
            let reason = "this figure has no plot of y against a continuous x"
            throw yRange.map { ArgumentRefusal.invalid("--y-range", $0, reason) } ?? ArgumentRefusal.flag("--log-y", reason)
        }
        let linear = logY && y == nil ? try fitLogLimits(&figure, panels: eligible) : []
        for k in eligible where !linear.contains(k) {
            figure.modifyAxes(k) { a in
                if let y { a.yLimits = Interval(y.lowerBound, y.upperBound) }
                if logY { a.yScale = .log }
            }
        }
    }

    /// `--log-y` without `--y-range` on limits a figure fitted for a linear axis: limits reaching 0 or
    /// below are dropped, so the log axis fits the positive data (a plot of x² − 5 with limits −5.5…31
    /// was an internal error, exit 1), and a footnote says that values ≤ 0 are not drawn. A plot with
    /// nothing above 0 cannot have a log axis: one line naming --log-y, exit 64; a panel with nothing above 0
    /// beside panels with positive values keeps its linear axis (returned), which the footnote says.
    private func fitLogLimits(_ figure: inout Figure, panels: [Int]) throws -> Set<Int> {
        var hidesSome = false
        let nonPositive = Set(panels.filter { k in figure.panels[k].axes.dataBounds().map { !$0.y.isEmpty && $0.y.upper <= 0 } ?? false })
        guard nonPositive.count < panels.count || nonPositive.isEmpty else {
            throw ArgumentRefusal.flag("--log-y", "no value on the y axis is above 0; drop --log-y, or plot a function with positive values")
        }
        for k in panels where !nonPositive.contains(k) {
            let a = figure.panels[k].axes
            guard let data = a.dataBounds(), !data.y.isEmpty else { continue }
            if let lim = a.yLimits, lim.lower <= 0 { figure.modifyAxes(k) { $0.yLimits = nil } }
            if data.y.lower <= 0 { hidesSome = true }
        }
        if !nonPositive.isEmpty, !(figure.footnote ?? "").contains("linear y ax") {
            let titles = nonPositive.sorted().map { figure.panels[$0].axes.title ?? "a panel" }
            figure.footnote = [figure.footnote, titles.joined(separator: ", ") + ": no value above 0, drawn on a linear y axis"]
                .compactMap { $0 }.joined(separator: " · ")
        }
        if hidesSome, !(figure.footnote ?? "").contains("log axis") {
            figure.footnote = [figure.footnote, "values ≤ 0 are not drawn on the log axis"].compactMap { $0 }.joined(separator: " · ")
        }
        return nonPositive
    }

    /// A plot with its own frame, a continuous x (no category ticks), and a y axis that is a value (not a
    /// second coordinate of an equal-aspect map, nor categories, nor a field with a colorbar).
    static func plotsYAgainstContinuousX(_ a: Axes) -> Bool {
        a.showAxes && !a.equalAspect && (a.xTickLabels.map(numbersAtTheirValues) ?? true) && a.yTickLabels == nil
            && a.sideGuides.isEmpty && !a.marks.isEmpty
    }

    /// True when fixed tick labels only name their own values (whole steps 0, 1, 2 on a short log's x axis):
    /// the axis is still continuous; category names (softmax's classes) are not.
    static func numbersAtTheirValues(_ ticks: [(value: Double, label: String)]) -> Bool {
        ticks.allSatisfy { t in Double(t.label.replacingOccurrences(of: "\u{2212}", with: "-")) == t.value }
    }
}
