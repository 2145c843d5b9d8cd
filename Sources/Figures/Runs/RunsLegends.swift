import Viz

/// Where a runs figure says which line is which, so that the plots keep the page:
/// - panels that show the same runs (or groups) in the same styles share ONE legend under them
///   (`Figure.pageLegend`): each run's name once, then one line of numbers per metric ("loss: min 0.602 at
///   step 280 · final 0.647"), in as many columns as the page's width holds;
/// - a single run has no legend: its numbers are a note beside the end of its line (said in the footnote when
///   no spot there is free);
/// - where fewer runs than all enter a group's mean (rings on the mean) is one footnote for every group.
extension RunsFigure {
    /// Moves the legends of `figure`'s panels into one `pageLegend` when there are at least two panels and
    /// two entries and every panel's legend names the same entries in the same order (a metric some run did
    /// not log keeps its panels' own legends). Each metric's numbers are prefixed by its name.
    /// The panels' own legends (when not shared) are set in one size (three sizes side by side read as three kinds of text).
    static func shareLegend(_ figure: inout Figure, metrics: [String]) {
        figure.legendsShareOneSize = true
        let theme = figure.theme
        guard figure.panels.count > 1, figure.panels.count == metrics.count else { return }
        let panels = figure.panels.map { p in p.axes.legend == .none ? [] : p.axes.marks.flatMap { $0.legendEntries(theme: theme) } }
        func heads(_ entries: [LegendEntry]) -> [String] { entries.filter { !$0.continuesPrevious }.map(\.label) }
        let names = heads(panels[0])
        guard names.count > 1, panels.allSatisfy({ heads($0) == names }) else { return }
        // Each panel's entries as (head, further lines), in order.
        func split(_ entries: [LegendEntry]) -> [(head: LegendEntry, lines: [String])] {
            var out: [(head: LegendEntry, lines: [String])] = []
            for e in entries {
                if e.continuesPrevious, !out.isEmpty { out[out.count - 1].lines.append(e.label) } else { out.append((e, [])) }
            }
            return out
        }
        let perPanel = panels.map(split)
        var shared: [LegendEntry] = []
        for (i, entry) in perPanel[0].enumerated() {
            shared.append(LegendEntry(label: entry.head.label, sample: entry.head.sample))
            for (k, metric) in metrics.enumerated() where i < perPanel[k].count {
                for (j, line) in perPanel[k][i].lines.enumerated() {
                    shared.append(LegendEntry(label: j == 0 ? metric + ": " + line : line, sample: .patch(.clear, edge: nil), continuesPrevious: true))
                }
            }
        }
        figure.pageLegend = shared
        for k in figure.panels.indices { figure.modifyAxes(k) { $0.legend = .none } }
    }

    /// The note of a lone run's numbers (`text`, "min 0.264 at step 659 · final 0.264"), put above the end of its
    /// line (the layout moves it to the nearest spot free of data), in the legend's font; the footnote says
    /// "loss: min …" when no spot is free.
    static func labelEnd(of curve: RunCurve, text: String, metric: String, logY: Bool, theme: Theme, in ax: inout Axes) {
        let end = curve.endPoints(logY: logY)
        guard !text.isEmpty else { return }
        // A run with no point to draw (NaN from its first step) says it in the middle of its empty panel.
        let middle = ax.yLimits.map { Point(curve.x.first ?? 0, logY ? ($0.lower * $0.upper).squareRoot() : ($0.lower + $0.upper) / 2) }
        guard let at = end.first ?? middle else { return }
        var note = TextMark(text, at: at, anchor: end.isEmpty ? TextAnchor(0, .middle) : TextAnchor(1, .bottom), offset: Point(0, 4),
                            font: theme.legendFont)
        note.footnote = metric + ": " + text
        // Wider than half its plot (small multiples): on two lines at its " · ", so that every panel's note finds
        // a spot in its panel (one panel's, a little wider, went to the footnote while the others stayed in theirs).
        note.wrapsBeyond = 0.5
        ax.add(note)
    }

    /// "Rings mark where fewer runs enter a group's mean: 2 runs before step 5, 2 runs after step 275 (every
    /// group)", or each group's places ("sgd: …; adam: …") when they differ; nil when every run enters
    /// everywhere.
    static func coverageNote(_ coverage: [(group: String, places: [String])]) -> String? {
        guard !coverage.isEmpty else { return nil }
        var byGroup: [(group: String, places: [String])] = []
        for c in coverage {
            if let i = byGroup.firstIndex(where: { $0.group == c.group }) {
                for p in c.places where !byGroup[i].places.contains(p) { byGroup[i].places.append(p) }
            } else {
                byGroup.append(c)
            }
        }
        let lead = "Rings on a mean mark where fewer runs than all enter it: "
        if byGroup.count > 1, Set(byGroup.map { $0.places.joined(separator: ", ") }).count == 1 {
            return lead + byGroup[0].places.joined(separator: ", ") + " (every group)."
        }
        return lead + byGroup.map { "\($0.group): " + $0.places.joined(separator: ", ") }.joined(separator: "; ") + "."
    }
}
