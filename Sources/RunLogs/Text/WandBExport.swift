/// Weights & Biases' chart "Export CSV": a step column and, per run shown in the chart, a column
/// `RUN - METRIC` with two more, `RUN - METRIC__MIN` and `RUN - METRIC__MAX`, the smallest and largest
/// logged value among the points W&B merged into each exported one when it samples a long run down
/// (equal to the value when nothing was merged). The header tells the file (every column but the step
/// is `RUN - METRIC`), so it is recognised by its content, whatever its name.
///
/// Each `RUN - METRIC` column becomes metric METRIC of run RUN (one panel, a line per run, and
/// `--group 'seed[0-9]+'` groups the seeds); the `__MIN`/`__MAX` columns are not a spread across runs
/// or seeds and are left out, with a note.
enum WandBChartExport {
    /// The run and metric of each column of a chart export's header (nil for the step column and for
    /// the `__MIN`/`__MAX` columns, listed in `ranges`); nil when the header is not a chart export.
    /// - Parameter step: the index of the step column.
    static func columns(_ names: [String], step: Int?) -> (runs: [(run: String, metric: String)?], ranges: [Int])? {
        guard let step, names.count >= 2 else { return nil }
        var runs: [(run: String, metric: String)?] = Array(repeating: nil, count: names.count)
        var ranges: [Int] = []
        for (i, name) in names.enumerated() where i != step {
            guard let cut = name.range(of: " - "), cut.lowerBound > name.startIndex, cut.upperBound < name.endIndex else { return nil }
            if name.hasSuffix("__MIN") || name.hasSuffix("__MAX") {
                ranges.append(i)
                continue
            }
            runs[i] = (String(name[..<cut.lowerBound]), String(name[cut.upperBound...]))
        }
        guard runs.contains(where: { $0 != nil }) else { return nil }
        return (runs, ranges)
    }

    /// The note for the left-out `__MIN`/`__MAX` columns.
    static func rangesNote(_ count: Int) -> String {
        "W&B chart export: its \(count) __MIN/__MAX column\(count == 1 ? "" : "s") (the range of the points W&B merged into "
            + "each exported one, not a spread across runs) left out; --group draws a band across runs"
    }
}
