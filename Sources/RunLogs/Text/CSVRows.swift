import Foundation

/// The rows of a CSV log taken one by one into a `RunLogBuilder` (see `CSVLogReader` for the rules).
struct CSVRows {
    let layout: CSVLayout
    let path: String
    /// The runs the rows go to (one for a log without run columns), each with its builder's series of
    /// each column, once it has one.
    var parts: RunParts<[Int?]>
    var kinds: [CSVLogReader.ColumnKind]
    var rowNumber: Int64 = 0
    /// Each run's steps, when the step column starts again at each epoch (see `EpochCountedSteps`).
    private var counters: [Int: EpochCountedSteps] = [:]
    /// Columns not yet known to be numbers or text; whether any is text.
    var undecided: Int
    var hasText = false
    /// The first number too large for a double (1e400), read as ±inf: line, column, cell.
    var overflow: (line: Int, column: String, cell: String)?

    init(layout: CSVLayout, path: String) {
        undecided = layout.metrics.count
        self.layout = layout
        self.path = path
        let columns = layout.names.count
        parts = RunParts(recordsTime: layout.time != nil) { Array(repeating: nil, count: columns) }
        kinds = Array(repeating: .unknown, count: layout.names.count)
    }

    /// The run of a row: its run columns' cells joined by spaces ("" without run columns).
    private mutating func run(of row: [String], line: Int) throws(RunLogError) -> Int {
        guard !layout.runColumns.isEmpty else { return parts.part("") }
        let cells = layout.runColumns.map { c -> String in
            let cell = c < row.count ? CSVLogReader.trimmed(row[c]) : ""
            return CSVLogReader.isMissing(cell) ? "" : RunColumns.part(column: layout.names[c], cell: cell)
        }
        let p = parts.part(cells.filter { !$0.isEmpty }.joined(separator: " "), cells: cells)
        if parts.keys.count > RunParts<[Int?]>.maximum {
            throw RunLogError(file: path, "line \(line): column(s) \(layout.runColumns.map { "'\(layout.names[$0])'" }.joined(separator: ", ")) "
                + "name more than \(RunParts<[Int?]>.maximum) runs; expected a few run names (give --run-column none if they are not runs)")
        }
        return p
    }

    mutating func take(_ row: [String], line: Int) throws(RunLogError) {
        if row.count == 1 && CSVLogReader.trimmed(row[0]).isEmpty { return }
        guard row.count <= layout.names.count else {
            if let prose = layout.proseProblem { throw RunLogError(file: path, prose) }
            throw RunLogError(file: path, "line \(line) has \(row.count) cells but the header has "
                + "\(layout.names.count); expected at most one cell per column")
        }
        let logged = try layout.step(in: row, rowNumber: rowNumber, line: line, path: path)
        rowNumber += 1
        let time = layout.time(in: row)
        let split = undecided > 0 || hasText ? try texts(in: row, line: line) : []
        let p = try run(of: row, line: line)
        let step = position(of: logged, in: row, run: p)
        if let long = layout.long {
            try takeLong(row, long: long, part: p, step: step, time: time, split: split, line: line)
            return
        }
        for k in layout.metrics where k < row.count && kinds[k] != .text {
            // A W&B chart export's column belongs to the run its header names.
            let p = layout.chartRuns.isEmpty ? p : layout.chartRuns[k].map { parts.part($0) } ?? p
            let cell = CSVLogReader.trimmed(row[k])
            if CSVLogReader.isMissing(cell) { continue }
            guard let v = Double(cell) else {
                throw RunLogError(file: path, "line \(line), column '\(layout.names[k])': '\(cell)' is not a "
                    + "number; expected a number, empty, nan or inf")
            }
            if kinds[k] == .unknown { kinds[k] = .number; undecided -= 1 }
            if v.isInfinite, overflow == nil, !cell.lowercased().contains("inf") { overflow = (line, layout.names[k], String(cell)) }
            let m: Int
            if split.isEmpty || layout.names[k] == "epoch" {
                m = parts.extras[p][k] ?? parts.builders[p].series(named: layout.names[k])
                parts.extras[p][k] = m
            } else {
                m = parts.builders[p].series(named: layout.names[k], split: split)
            }
            parts.builders[p].append(to: m, step: step, value: v, time: time)
        }
    }

    /// The place of a row's logged step in its run: past the earlier epochs' steps when the step column
    /// starts again at each epoch (see `EpochCountedSteps`; not when the epoch is the step).
    private mutating func position(of step: Int64, in row: [String], run p: Int) -> Int64 {
        guard let e = layout.epochColumn, let s = layout.stepColumn, s != e else { return step }
        let epoch = e < row.count ? Double(CSVLogReader.trimmed(row[e])) : nil
        return counters[p, default: EpochCountedSteps()].position(step: step, epoch: epoch)
    }

    /// The note for runs whose step column starts again at each epoch.
    var epochCountNote: String? {
        counters.values.compactMap { $0.note(stepName: layout.stepName) }.first
    }

    /// A row of a long table: its value to the metric its metric cell names (an `epoch` column stays the epoch axis).
    private mutating func takeLong(_ row: [String], long: (metric: Int, value: Int), part p: Int, step: Int64, time: Double,
                                   split: [(column: String, value: String)], line: Int) throws(RunLogError) {
        if let e = layout.epochColumn, e < row.count, let v = Double(CSVLogReader.trimmed(row[e])) {
            let m = parts.extras[p][e] ?? parts.builders[p].series(named: "epoch")
            parts.extras[p][e] = m
            // Each metric's rows list the epochs again: only a step past the last one adds to the epoch axis.
            if parts.builders[p].lastStep(of: m).map({ step > $0 }) ?? true {
                parts.builders[p].append(to: m, step: step, value: v, time: time)
            }
        }
        let name = long.metric < row.count ? CSVLogReader.trimmed(row[long.metric]) : ""
        let cell = long.value < row.count ? CSVLogReader.trimmed(row[long.value]) : ""
        if name.isEmpty || CSVLogReader.isMissing(cell) { return }
        guard let v = Double(cell) else {
            throw RunLogError(file: path, "line \(line), column '\(layout.names[long.value])': '\(cell)' is not a "
                + "number; expected a number, empty, nan or inf")
        }
        let m = parts.builders[p].series(named: String(name), split: split)
        parts.builders[p].append(to: m, step: step, value: v, time: time)
    }

    /// Whether column `k` is text that splits the metrics (see `RunLogBuilder.splitColumns`).
    func splits(_ k: Int) -> Bool { RunLogBuilder.splitColumns.contains(layout.names[k].lowercased()) }

    /// The row's text cells, which split its metrics (see `RunLogBuilder`); a column is text when its
    /// first filled cell is not a number.
    private mutating func texts(in row: [String], line: Int) throws(RunLogError) -> [(column: String, value: String)] {
        var split: [(column: String, value: String)] = []
        for k in layout.metrics where k < row.count && kinds[k] != .number {
            let cell = CSVLogReader.trimmed(row[k])
            if CSVLogReader.isMissing(cell) { continue }
            if kinds[k] == .unknown {
                if Double(cell) != nil { continue }
                if Double(cell.replacingOccurrences(of: ",", with: ".")) != nil, cell.filter({ $0 == "," }).count == 1 {
                    // A European spreadsheet's export (`0,5` with `;` between columns) is numbers, not text.
                    throw RunLogError(file: path, "line \(line), column '\(layout.names[k])': '\(cell)' is not a number "
                        + "(a decimal comma? write \(cell.replacingOccurrences(of: ",", with: ".")))")
                }
                kinds[k] = .text; undecided -= 1; hasText = true
            }
            if splits(k) { split.append((layout.names[k], String(cell))) }
        }
        if parts.builders.contains(where: { $0.splitCount > RunLogBuilder.maximumSplits }) {
            let columns = layout.metrics.filter { kinds[$0] == .text }.map { "'\(layout.names[$0])'" }.joined(separator: ", ")
            throw RunLogError(file: path, "column(s) \(columns) hold more than \(RunLogBuilder.maximumSplits) different "
                + "texts; expected numbers, or a text column such as phase (train, val) that splits the metrics")
        }
        return split
    }
}
