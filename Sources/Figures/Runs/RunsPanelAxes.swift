import RunLogs

/// Each panel's own x axis when the runs count different things on `--x step` (a Keras log counts
/// epochs, a TensorBoard or Lightning log counts steps): a panel whose runs all count epochs is drawn
/// against epochs completed (Keras' epoch e at e + 1, as `--x epoch` and the Keras log alone draw it),
/// a panel whose runs all count steps against steps, each over the range of the panels of its unit; only
/// a panel holding both keeps one step axis, which its footnote names.
struct RunsPanelAxes {
    struct Panel {
        var axis: RunCurves.XAxis
        var range: (Double, Double)?
        var label: String
        /// Whole steps (or a Keras log's whole epochs): whole-number ticks on a short axis.
        var wholeX: Bool
    }

    private(set) var panels: [String: Panel] = [:]
    /// The figure's shared axis, for a metric not in `panels`.
    private let shared: Panel

    /// The panel of `metric`.
    func panel(_ metric: String) -> Panel { panels[metric] ?? shared }
    /// Footnote on the units, when the runs count different things.
    private(set) var note: String?

    /// Whether the run's steps are a Keras log's 0-based epoch index.
    static func countsEpochs(_ run: RunLog) -> Bool { run.stepAxis == "epoch" }

    /// - Parameters: `range` is the x range of every panel when `axis` is not `.step` or the runs count one
    ///   thing (the figure's shared axis), `label` the shared axis title.
    init(runs: [RunLog], metrics: [String], axis: RunCurves.XAxis, range: (Double, Double)?, label: String) throws(RunLogError) {
        shared = Panel(axis: axis, range: range, label: label, wholeX: axis == .step)
        let having = { (m: String) in runs.filter { $0.metric(m) != nil } }
        if axis == .step, !runs.isEmpty, runs.allSatisfy(Self.countsEpochs) {
            // Keras logs only (--x step): their epochs completed, as by default, never a second epoch number.
            let epochs = try PanelLimits.xRange(runs: runs, metrics: metrics, axis: .epoch)
            for m in metrics { panels[m] = Panel(axis: .epoch, range: epochs, label: "epoch", wholeX: true) }
                return
        }
        let mixedFigure = axis == .step && Set(runs.map(Self.countsEpochs)).count > 1
        guard mixedFigure else {
            let whole = axis == .step || (axis == .epoch && runs.allSatisfy { $0.stepAxis == "epoch" })
            for m in metrics { panels[m] = Panel(axis: axis, range: range, label: label, wholeX: whole) }
            return
        }
        let epochPanels = metrics.filter { m in having(m).allSatisfy(Self.countsEpochs) }
        let stepPanels = metrics.filter { m in !having(m).contains(where: Self.countsEpochs) }
        let mixedPanels = metrics.filter { !epochPanels.contains($0) && !stepPanels.contains($0) }
        let epochRange = try PanelLimits.xRange(runs: runs, metrics: epochPanels, axis: .epoch)
        let stepRange = try PanelLimits.xRange(runs: runs, metrics: stepPanels, axis: .step)
        let mixedRange = try PanelLimits.xRange(runs: runs, metrics: mixedPanels, axis: .step)
        for m in epochPanels { panels[m] = Panel(axis: .epoch, range: epochRange, label: "epoch", wholeX: true) }
        for m in stepPanels {
            let rows = having(m).allSatisfy { $0.stepAxis == "row" }
            panels[m] = Panel(axis: .step, range: stepRange, label: rows ? "row" : "step", wholeX: true)
        }
        for m in mixedPanels { panels[m] = Panel(axis: .step, range: mixedRange, label: "step", wholeX: true) }
        note = Self.note(runs: runs, epochPanels: epochPanels, mixedPanels: mixedPanels, all: metrics.count)
    }

    /// "The x axis mixes units: training counts epochs, adam steps." for panels holding both (whose legends
    /// say "epoch index" for the 0-based epochs);
    /// "Keras log training counts epochs: loss and val_loss are drawn by epochs completed, the other panels by step."
    private static func note(runs: [RunLog], epochPanels: [String], mixedPanels: [String], all: Int) -> String {
        let epochs = runs.filter(countsEpochs).map(\.name), steps = runs.filter { !countsEpochs($0) }.map(\.name)
        let counting = "\(epochs.joined(separator: ", ")) count\(epochs.count == 1 ? "s" : "") epochs"
        guard mixedPanels.isEmpty else {
            let which = mixedPanels.count == all ? "The x axis" : "The x axis of " + names(mixedPanels)
            // Logs that all know their epochs can share an epoch axis.
            let fix = runs.allSatisfy { countsEpochs($0) || $0.epochs != nil } ? " --x epoch draws them all by epochs completed." : ""
            return "\(which) mixes units: \(counting), \(steps.joined(separator: ", ")) steps." + fix
        }
        return "Keras log\(epochs.count == 1 ? "" : "s") \(epochs.joined(separator: ", ")) count\(epochs.count == 1 ? "s" : "") epochs: " + names(epochPanels) + (epochPanels.count == 1 ? " is" : " are")
            + " drawn by epochs completed, the other panels by step."
    }

    private static func names(_ metrics: [String]) -> String {
        metrics.count <= 1 ? metrics.joined() : metrics.dropLast().joined(separator: ", ") + " and " + (metrics.last ?? "")
    }
}
