import RunLogs

/// The tidy tables behind a runs figure: one row per logged point, and one per group and step.
struct RunsTables {
    private(set) var table: DataTable
    /// The smoothing weight (for the `smoothed` column of long series, smoothed row by row).
    private let weight: Double

    /// `run,metric,step,value` (+ `smoothed` when smoothing, + `epoch` or `time` for those x axes; time
    /// in seconds, whatever unit the axis draws).
    init(smoothing: Double?, x: RunCurves.XAxis) {
        weight = smoothing ?? 0
        var columns = ["run", "metric", "step", "value"]
        if smoothing != nil { columns.append("smoothed") }
        if x != .step { columns.append(x.rawValue) }
        table = DataTable(name: "points", columns: columns, cells: [])
    }

    /// Adds every point of `series`; values are printed in the precision they were logged with. The
    /// rows are made when the table is written (from the series' own arrays, shared, not copied).
    mutating func add(run: String, series: MetricSeries, x: XColumn, smoothed: [Double]?) {
        let hasX = table.columns.count > (smoothed == nil ? 4 : 5)
        if let full = series.full {
            // A long series: every logged point, read back in order from its temporary file.
            let name = series.name, float32 = series.precision == .float32, smoothing = smoothed != nil
            let cursor = full.cursor(smoothing: smoothing ? weight : nil)
            table.appendRows(count: full.count) { i in
                let p = cursor.point(i)
                var row: [DataCell] = [.text(run), .text(name), .integer(p.step), float32 ? .real32(Float(p.value)) : .real(p.value)]
                if smoothing { row.append(.real(cursor.smoothed(i))) }
                if hasX { row.append(.real(x.logged(step: p.step, time: p.time))) }
                return row
            }
            return
        }
        let name = series.name, steps = series.steps, values = series.values, float32 = series.precision == .float32
        table.appendRows(count: series.count) { i in
            var row: [DataCell] = [.text(run), .text(name), .integer(steps[i]),
                                   float32 ? .real32(Float(values[i])) : .real(values[i])]
            if let smoothed { row.append(.real(smoothed[i])) }
            if hasX { row.append(.real(x.logged(i))) }
            return row
        }
    }

    /// `group,metric,X,mean,min,max,sd,runs` (+ `smoothed` when smoothing: the mean of the smoothed runs,
    /// the bold line), X the x axis: step, epoch or time.
    static func groupTable(x: RunCurves.XAxis, smoothing: Bool) -> DataTable {
        DataTable(name: "groups", columns: ["group", "metric", x.rawValue, "mean", "min", "max", "sd", "runs"]
                  + (smoothing ? ["smoothed"] : []), cells: [])
    }
}

extension DataTable {
    /// Adds one row per x of a group's summary (a step on a step axis); min and max as logged (float32 for
    /// float32 logs, where they are logged values).
    mutating func add(group: String, metric: String, curve: GroupCurve) {
        let s = curve.summary
        // A minimum or maximum that is a float32 value (a logged one, not interpolated) prints as logged: 1.9043152.
        func logged(_ v: Double) -> DataCell { curve.float32 && v.isFinite && Double(Float(v)) == v ? .real32(Float(v)) : .real(v) }
        for i in s.x.indices {
            let x = curve.axis == .time ? s.x[i] * curve.timeUnit : s.x[i]
            var row: [DataCell] = [.text(group), .text(metric), curve.axis == .step ? .integer(curve.step(i)) : .real(x),
                                   .real(s.mean[i]), logged(s.minimum[i]), logged(s.maximum[i]), .real(s.standardDeviation[i]),
                                   .integer(Int64(s.count[i]))]
            if columns.count > 8 { row.append(.real(curve.smoothed.map { $0.mean[i] } ?? .nan)) }
            cells.append(row)
        }
    }
}
