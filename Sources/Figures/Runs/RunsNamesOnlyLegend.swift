import Viz

/// The small-page form of a runs figure's legends: one line per run (its line sample and name), and the
/// numbers that followed each name (min, final, the runs' spread, smoothed final, divergence) as the
/// figure's footnote, one line per metric ("train_loss: sgd min 0.0390 at step 284 · final 0.147; adam …";
/// without the metric's name when there is one).
/// A one-column paper figure (3.5x2.5in, 8.5x6cm) has room for two names in a free corner of its plot,
/// not for two lines of numbers under each (see `RunsCommand.makeRoom`).
extension RunsFigure {
    /// `figure` with every legend naming its runs only, the panels' legends at `placement` (`.best`: a free
    /// corner of the plot, else beside or below it), and the numbers moved to the footnote; nil when no
    /// legend of `figure` has numbers to move (nothing would change). Still figures only (an animation's
    /// legend lines change from frame to frame).
    ///
    /// - Parameters:
    ///   - metrics: the panels' metrics, in panel order (names the footnote's lines).
    ///   - placement: where each panel's legend goes (a page legend stays at the page's foot).
    ///   - row: one legend for the page instead, the names in one row under the panels (when every panel names
    ///     the same runs), for a plot with no free corner.
    public static func namesOnly(_ figure: Figure, metrics: [String], placement: LegendPlacement = .best, row: Bool = false) -> Figure? {
        var f = figure
        let theme = figure.theme
        // Each run's numbers, by metric, in legend order.
        var numbers: [(run: String, metrics: [(metric: String, text: String)])] = []
        func add(_ run: String, _ metric: String, _ text: String) {
            let name = shortName(run)
            if let i = numbers.firstIndex(where: { $0.run == name }) {
                if let j = numbers[i].metrics.firstIndex(where: { $0.metric == metric }) { numbers[i].metrics[j].text += " · " + text }
                else { numbers[i].metrics.append((metric, text)) }
            } else {
                numbers.append((name, [(metric, text)]))
            }
        }
        if !f.pageLegend.isEmpty {
            // The shared legend: a run's first line of a metric starts "metric: "; its later lines continue it.
            var run = "", current: String?
            for e in f.pageLegend {
                guard e.continuesPrevious else { run = e.label; current = nil; continue }
                if let m = metrics.first(where: { e.label.hasPrefix($0 + ": ") }) {
                    current = m
                    add(run, m, String(e.label.dropFirst(m.count + 2)))
                } else if let m = current {
                    add(run, m, e.label)
                }
            }
            f.pageLegend = f.pageLegend.filter { !$0.continuesPrevious }
        } else {
            for (k, panel) in figure.panels.enumerated() where panel.axes.legend != .none {
                let metric = k < metrics.count ? metrics[k] : (panel.axes.title ?? "")
                var run: String?, moved = false
                for e in panel.axes.marks.flatMap({ $0.legendEntries(theme: theme) }) {
                    if !e.continuesPrevious { run = e.label } else if let run { add(run, metric, e.label); moved = true }
                }
                guard moved else { continue }
                f.modifyAxes(k) {
                    $0.removeMarks { $0 is LegendLine }
                    $0.legend = placement
                }
            }
        }
        guard !numbers.isEmpty else { return nil }
        if row, f.pageLegend.isEmpty {
            let named = f.panels.map { p in p.axes.legend == .none ? [] : p.axes.marks.flatMap { $0.legendEntries(theme: theme) } }.filter { !$0.isEmpty }
            guard let first = named.first, named.allSatisfy({ $0.map(\.label) == first.map(\.label) }) else { return nil }
            f.pageLegend = first
            for k in f.panels.indices { f.modifyAxes(k) { $0.legend = .none } }
        }
        // One panel: its metric titles the y axis (beside the plot) rather than a line above it, so the plot keeps the height.
        if f.panels.count == 1, let title = f.panels[0].axes.title, f.panels[0].axes.yLabel == nil {
            f.modifyAxes(0) { $0.yLabel = title; $0.title = nil }
        }
        // One line per metric, each run's numbers after its name: "train_loss: sgd min 0.0390 at step 284 · final
        // 0.147; adam …" (the metric left out when there is one: the panel's title says it).
        let order = metrics.filter { m in numbers.contains { $0.metrics.contains { $0.metric == m } } }
        let lines = order.map { m in
            (order.count > 1 ? m + ": " : "") + numbers.compactMap { n in n.metrics.first { $0.metric == m }.map { n.run + " " + $0.text } }
                .joined(separator: "; ") + "."
        }
        f.footnote = ([f.footnote].compactMap { $0 } + lines).joined(separator: "\n")
        return f
    }

    /// A legend's name without the count a group's entry adds ("sgd (mean of 3 runs)" is "sgd"): the
    /// subtitle says how runs are grouped.
    static func shortName(_ label: String) -> String {
        guard let r = label.range(of: " (mean of ", options: .backwards), label.hasSuffix(")") else { return label }
        return String(label[..<r.lowerBound])
    }
}
