import RunLogs

/// The tidy tables behind a runs figure: one row per logged point, and one per group and step.
struct RunsTables {
    private(set) var table: DataTable

    /// `run,metric,step,value` (+ `smoothed` when smoothing, + `epoch` or `time` for those x axes).
    init(smoothing: Bool, x: RunCurves.XAxis) {
        var columns = ["run", "metric", "step", "value"]
        if smoothing { columns.append("smoothed") }
        if x != .step { columns.append(x.rawValue) }
        table = DataTable(name: "points", columns: columns, cells: [])
    }

    /// Adds every point of `series`; values are printed in the precision they were logged with. The
    /// rows are made when the table is written (from the series' own arrays, shared, not copied).
    mutating func add(run: String, series: MetricSeries, x: XColumn, smoothed: [Double]?) {
        let hasX = table.columns.count > (smoothed == nil ? 4 : 5)
        let name = series.name, steps = series.steps, values = series.values, float32 = series.precision == .float32
        table.appendRows(count: series.count) { i in
            var row: [DataCell] = [.text(run), .text(name), .integer(steps[i]),
                                   float32 ? .real32(Float(values[i])) : .real(values[i])]
            if let smoothed { row.append(.real(smoothed[i])) }
            if hasX { row.append(.real(x[i])) }
            return row
        }
    }

    /// `group,metric,step,mean,min,max,sd,runs`.
    static func groupTable() -> DataTable {
        DataTable(name: "groups", columns: ["group", "metric", "step", "mean", "min", "max", "sd", "runs"], cells: [])
    }
}

extension DataTable {
    /// Adds one row per step of a group summary.
    mutating func add(group: String, metric: String, summary s: RunGroupSummary) {
        for i in s.steps.indices {
            cells.append([.text(group), .text(metric), .integer(s.steps[i]), .real(s.mean[i]), .real(s.minimum[i]),
                          .real(s.maximum[i]), .real(s.standardDeviation[i]), .integer(Int64(s.count[i]))])
        }
    }
}
