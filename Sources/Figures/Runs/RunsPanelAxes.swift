import RunLogs

/// The panels of a runs figure and each one's x axis. One panel per metric, except when the runs count
/// different things on `--x step` (a Keras log counts epochs, a TensorBoard or Lightning log counts steps):
/// - a metric whose runs all count epochs is drawn against epochs completed (Keras' epoch e at e + 1, as
///   `--x epoch` and the Keras log alone draw it), one whose runs all count steps against steps;
/// - a metric logged both by a Keras log and by logs that count steps is drawn against epochs completed
///   when every one of those logs has an epoch column or tag (their steps placed at their epochs, see
///   `EpochMap`), else in two panels, one by step for the logs that count steps and one by epoch for the
///   Keras logs: a curve never shrinks to a few epochs at the left of an axis of hundreds of steps.
/// Panels of one unit share the x range of all of them. The footnote (`note`) says which panel is drawn how.
struct RunsPanelAxes {
    struct Panel {
        var metric: String
        /// The metric, or "loss (by step)" and "loss (by epoch)" for the two panels of one metric.
        var title: String
        /// The runs drawn in the panel (indices into the figure's runs).
        var runs: [Int]
        var axis: RunCurves.XAxis
        var range: (Double, Double)?
        var label: String
        /// Whole steps (or a Keras log's whole epochs): whole-number ticks on a short axis.
        var wholeX: Bool
    }

    /// The panels, in the order they fill the grid.
    private(set) var panels: [Panel]
    /// Footnote on the units, when the runs count different things.
    private(set) var note: String?

    /// Whether the run's steps are a Keras log's 0-based epoch index.
    static func countsEpochs(_ run: RunLog) -> Bool { run.stepAxis == "epoch" }

    /// The panels of `metrics` with their runs, axes and titles but no ranges yet (cheap: the page's grid
    /// is known before the figure is built).
    static func plan(runs: [RunLog], metrics: [String], axis: RunCurves.XAxis, label: String) -> [Panel] {
        let mixed = axis == .step && Set(runs.map(countsEpochs)).count > 1
        let allEpochs = axis == .step && !runs.isEmpty && runs.allSatisfy(countsEpochs)
        var out: [Panel] = []
        for m in metrics {
            let having = runs.indices.filter { runs[$0].metric(m) != nil }
            if allEpochs {
                // Keras logs only (--x step): their epochs completed, as by default, never a second epoch number.
                out.append(Panel(metric: m, title: m, runs: having, axis: .epoch, range: nil, label: "epoch", wholeX: true))
                continue
            }
            guard mixed else {
                let whole = axis == .step || (axis == .epoch && runs.allSatisfy(countsEpochs))
                out.append(Panel(metric: m, title: m, runs: having, axis: axis, range: nil, label: label, wholeX: whole))
                continue
            }
            let keras = having.filter { countsEpochs(runs[$0]) }, steps = having.filter { !countsEpochs(runs[$0]) }
            func stepPanel(_ members: [Int], title: String) -> Panel {
                let rows = members.allSatisfy { runs[$0].stepAxis == "row" }
                return Panel(metric: m, title: title, runs: members, axis: .step, range: nil, label: rows ? "row" : "step", wholeX: true)
            }
            if keras.isEmpty {
                out.append(stepPanel(steps, title: m))
            } else if steps.allSatisfy({ runs[$0].epochs != nil }) {
                out.append(Panel(metric: m, title: m, runs: having, axis: .epoch, range: nil, label: "epoch", wholeX: steps.isEmpty))
            } else {
                out.append(stepPanel(steps, title: m + " (by step)"))
                out.append(Panel(metric: m, title: m + " (by epoch)", runs: keras, axis: .epoch, range: nil, label: "epoch", wholeX: true))
            }
        }
        return out
    }

    /// - Parameters: `range` is the x range of every panel when `axis` is not `.step` or the runs count one
    ///   thing (the figure's shared axis), `label` the shared axis title.
    init(runs: [RunLog], metrics: [String], axis: RunCurves.XAxis, range: (Double, Double)?, label: String) throws(RunLogError) {
        panels = Self.plan(runs: runs, metrics: metrics, axis: axis, label: label)
        let mixed = axis == .step && Set(runs.map(Self.countsEpochs)).count > 1
        let allEpochs = axis == .step && !runs.isEmpty && runs.allSatisfy(Self.countsEpochs)
        guard mixed || allEpochs else {
            for k in panels.indices { panels[k].range = range }
            return
        }
        // Panels of one unit share one range: the extent of every curve drawn against it.
        var ranges: [RunCurves.XAxis: (Double, Double)] = [:]
        for p in panels {
            guard let r = try PanelLimits.xRange(runs: p.runs.map { runs[$0] }, metrics: [p.metric], axis: p.axis) else { continue }
            let old = ranges[p.axis] ?? r
            ranges[p.axis] = (min(old.0, r.0), max(old.1, r.1))
        }
        for k in panels.indices { panels[k].range = ranges[panels[k].axis] }
        if mixed { note = Self.note(runs: runs, panels: panels) }
    }

    /// "Keras log training counts epochs: loss and val_loss are drawn by epochs completed, the other panels by step.";
    /// "…: loss is drawn by epochs completed (lightning's steps at its logged epochs)"; "…: loss has a panel by step
    /// for runA and runB, which log no epoch, and one by epoch for keras".
    private static func note(runs: [RunLog], panels: [Panel]) -> String {
        let epochs = runs.filter(countsEpochs).map(\.name)
        let split = unique(panels.filter { $0.title != $0.metric }.map(\.metric))
        let byEpoch = unique(panels.filter { $0.axis == .epoch && $0.title == $0.metric }.map(\.metric))
        let placed = unique(panels.filter { $0.axis == .epoch && $0.title == $0.metric }.flatMap(\.runs)
            .filter { !countsEpochs(runs[$0]) }.map { runs[$0].name })
        var parts: [String] = []
        if !byEpoch.isEmpty {
            parts.append(names(byEpoch) + (byEpoch.count == 1 ? " is" : " are") + " drawn by epochs completed"
                + (placed.isEmpty ? "" : " (\(names(placed))'s steps at \(placed.count == 1 ? "its" : "their") logged epochs)"))
        }
        if !split.isEmpty {
            let stepOnly = unique(panels.filter { $0.axis == .step && $0.title != $0.metric }.flatMap(\.runs)
                .filter { runs[$0].epochs == nil }.map { runs[$0].name })
            parts.append(names(split) + (split.count == 1 ? " has" : " have") + " a panel by step for " + names(stepOnly)
                + (stepOnly.count == 1 ? ", which logs" : ", which log") + " no epoch, and one by epoch for " + names(epochs))
        } else if panels.contains(where: { $0.axis == .step }) {
            parts.append("the other panels by step")
        }
        return "Keras log\(epochs.count == 1 ? "" : "s") \(names(epochs)) count\(epochs.count == 1 ? "s" : "") epochs: "
            + parts.joined(separator: split.isEmpty ? ", " : "; ") + "."
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    static func names(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
}
