import CSV
import Foundation

/// Reads CSV training logs (a header row, then one row per record) with CSV.swift's parser, a block at a time
/// (see `CSVBlocks`).
///
/// Rules, shared by generic CSV, Lightning's and Keras' `CSVLogger`:
/// - **Columns.** The step is the first of `step`, `global_step`, `_step`, `iteration`, `iter`; else
///   `epoch` (Keras); else the row number from 0. `epoch` also maps steps to epochs (`--x epoch`); a
///   time column (`wall_time`, `walltime`, `time`, `timestamp`, `_timestamp`; seconds since 1970 or
///   ISO-8601, see `Timestamp`) gives `--x time`. Names match in any case, a space as `_`, so
///   TensorBoard's "Download CSV" (`Wall time,Step,Value`) is one metric, named by the tag in the
///   file name (see `TensorBoardExport`). Every other named column is a metric. Unnamed columns
///   (pandas' index) are ignored. A column whose first filled cell is text splits the metrics when it
///   is named as `RunLogBuilder.splitColumns` says (`phase`: train/loss, val/loss); else it is ignored
///   (a note says so).
/// - **Missing cells** (empty, or `None`, `null`, `NA`, `N/A`) are no observation: the metric has no
///   point at that step (Lightning's sparse rows). Values are joined by step, never by row position.
/// - **Ragged rows.** A row shorter than the header has its last cells missing; a longer row is an error.
/// - **Non-finite values** (`nan`, `inf`, `-inf`, `NaN`, `Infinity`) are kept as logged.
/// - **A last line without its line break** is a record still being written: skipped with a note
///   (kept when it is the only row).
/// - Steps going back, and repeated steps, follow `RunLogBuilder`'s rules (a resumed run).
/// - **Several runs in one file**: a run column (`run`, `model`, `seed`, … or `--run-column`) splits the
///   rows into runs, and a long table's `metric`/`tag`/`key` column names each row's metric, its
///   `value` column the value (see `RunColumns`).
enum CSVLogReader {
    static let stepNames = ["step", "global_step", "_step", "iteration", "iter", "step_num", "it"]

    /// The step column among `names` (lower-case, a space as `_`): the first of `stepNames`, else the first
    /// name ending in `/global_step` or `/step` (`trainer/global_step`, Lightning's key in W&B exports).
    static func stepIndex(_ names: [String]) -> Int? {
        stepNames.lazy.compactMap { names.firstIndex(of: $0) }.first
            ?? names.firstIndex { $0.hasSuffix("/global_step") } ?? names.firstIndex { $0.hasSuffix("/step") }
    }
    static let timeNames = ["wall_time", "walltime", "time", "timestamp", "_timestamp"]
    /// Rows read before the columns are sized for the whole file.
    static let sampleRows = 1000

    /// - Parameter epochSteps: whether the `epoch` column is the step when there is no step column (else
    ///   the row number is, and the epochs are kept as logged: fractional epochs).
    static func read(path: String, name: String, labelled: Bool = false, runColumns: RunColumns = .automatic,
                     epochSteps: Bool = true) throws(RunLogError) -> [RunLog] {
        var reader = try CSVBlocks(path: path, delimiter: CSVDelimiter.of(path))
        let layout = try CSVLayout(header: reader.header, path: path, runColumns: runColumns, epochSteps: epochSteps)
        var rows = CSVRows(layout: layout, path: path)
        var line = 1
        // The file's size over the bytes of the first rows estimates the rows, to size the columns once.
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var sampledBytes = 0
        // One row behind the reader: the last row is taken only once it is known to end with a line break.
        var pending: (row: [String], line: Int)?
        while let row = reader.next() {
            line += 1
            if line <= Self.sampleRows + 1 {
                sampledBytes += row.reduce(row.count) { $0 + $1.utf8.count }
                if line == Self.sampleRows + 1, sampledBytes > 0 {
                    let estimate = Int(Double(fileSize) / Double(sampledBytes) * Double(Self.sampleRows))
                    for k in rows.parts.builders.indices { rows.parts.builders[k].reserve(rows: estimate, seen: Self.sampleRows) }
                }
            }
            if let p = pending { try rows.take(p.row, line: p.line) }
            pending = (row, line)
        }
        if let problem = reader.problem {
            throw RunLogError(file: path, "is not readable as UTF-8 CSV (\(problem)); expected a text log")
        }
        var notes: [String] = []
        if let p = pending {
            // A last line without its line break is a record still being written (unless it is the only one),
            // except when it is whole: every column's cell there, each a number (or empty), none cut after a
            // point, a sign or an exponent mark (scripts that join rows with "\n" leave no final line break).
            if rows.parts.isEmpty || Self.endsWithLineBreak(path) || Self.isWhole(p.row, columns: layout.names.count) {
                try rows.take(p.row, line: p.line)
            } else {
                notes.append("the last line (\(p.line)) has no line break, as in a file still being written; skipped")
            }
        }
        let ignored = layout.metrics.filter { rows.kinds[$0] == .text && !rows.splits($0) && $0 != layout.long?.metric }.map { "'\(layout.names[$0])'" }
        if !ignored.isEmpty {
            notes.insert("column(s) \(ignored.joined(separator: ", ")) hold text; ignored (text splits the metrics "
                + "only in a column named phase, split, stage, mode, subset, set, fold or partition; runs in one named run, model, "
                + "name, seed, … or by --run-column)", at: 0)
        }
        if !layout.ignoredByLongTable.isEmpty {
            notes.append("column(s) \(layout.ignoredByLongTable.map { "'\(layout.names[$0])'" }.joined(separator: ", ")) ignored: "
                + "in a long table the values are in 'value', named by '\(layout.names[layout.long?.metric ?? 0])'")
        }
        if rows.parts.isEmpty {
            if let prose = layout.proseProblem { throw RunLogError(file: path, prose) }
            throw RunLogError(file: path, line == 1
                ? "has a header but no rows; expected at least one row of numbers"
                : "has no numeric metric values; expected numbers under \(layout.metricNames)")
        }
        if epochSteps, layout.stepColumn != nil, layout.stepColumn == layout.epochColumn,
           rows.parts.builders.contains(where: { $0.repeatedValues > 0 }) {
            // Several rows per epoch (`epoch,batch,loss`): the epoch is no step; read again by row.
            throw .fractionalEpoch(file: path, "repeats epochs over rows; expected one row per epoch")
        }
        if let note = rows.epochCountNote { notes.append(note) }
        if layout.stepColumn == nil { notes.append(layout.rowStepNote) }
        if !layout.chartRanges.isEmpty { notes.append(WandBChartExport.rangesNote(layout.chartRanges.count)) }
        if let o = rows.overflow {
            notes.append("line \(o.line), column '\(o.column)': \(o.cell) is beyond the largest double (about 1.8e308); read as "
                + (o.cell.hasPrefix("-") ? "-inf" : "inf"))
        }
        rows.parts.shortenNames(columns: layout.runColumns.map { layout.names[$0] })
        let seedsOnly = layout.chartRuns.isEmpty && layout.runColumns.allSatisfy { RunColumns.normalized(layout.names[$0]) == "seed" }
        return rows.parts.build(name: name, labelled: labelled, seedsOnly: seedsOnly, source: path, format: layout.format, notes: notes,
                                stepAxis: layout.stepName)
    }

    /// Whether a last row without its line break is complete (see `read`).
    static func isWhole(_ row: [String], columns: Int) -> Bool {
        guard row.count == columns, let last = row.last.map(trimmed), !last.isEmpty,
              let end = last.last, !".eE+-".contains(end) else { return false }
        return row.allSatisfy { cell in
            let c = trimmed(cell)
            return c.isEmpty || isMissing(c) || Double(c) != nil || Double(c) == nil && !c.contains(where: \.isNumber)
        }
    }

    /// Whether the file's last byte is a line break.
    static func endsWithLineBreak(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        guard let end = try? handle.seekToEnd(), end > 0 else { return true }
        try? handle.seek(toOffset: end - 1)
        guard let last = try? handle.read(upToCount: 1)?.first else { return true }
        return last == 0x0A || last == 0x0D
    }

    enum ColumnKind { case unknown, number, text }

    /// An empty cell, or a placeholder for no value as loggers write it: Python's `None`, JSON's `null`,
    /// R's and pandas' `NA`, `N/A` (any case). `nan` is a value (a divergence), not a placeholder.
    static func isMissing(_ cell: Substring) -> Bool {
        guard !cell.isEmpty else { return true }
        guard cell.utf8.count <= 4 else { return false }
        switch cell.lowercased() {
        case "none", "null", "na", "n/a": return true
        default: return false
        }
    }

    /// A cell without surrounding spaces and tabs (the cell itself when it has none, the common case:
    /// no new string per cell).
    static func trimmed(_ cell: String) -> Substring {
        let u = cell.utf8
        guard let first = u.first, let last = u.last else { return cell[...] }
        if first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return cell[...] }
        return cell.trimmingCharacters(in: .whitespaces)[...]
    }
}

/// The roles of a CSV log's columns, decided from its header.
struct CSVLayout {
    let names: [String]
    let format: LogFormat
    let stepColumn: Int?
    let stepName: String
    let time: Int?
    let metrics: [Int]
    /// The columns that name each row's run (see `RunColumns`).
    let runColumns: [Int]
    /// A long table's metric-name and value columns (see `RunColumns`).
    let long: (metric: Int, value: Int)?
    let epochColumn: Int?
    /// A W&B chart export's run of each column (see `WandBChartExport`; empty for other logs), and its
    /// `__MIN`/`__MAX` columns, left out.
    let chartRuns: [String?]
    let chartRanges: [Int]

    var metricNames: String { metrics.map { names[$0] }.joined(separator: ",") }
    /// The numeric columns a long table leaves unused (its values are in `value`).
    var ignoredByLongTable: [Int] {
        long == nil ? [] : metrics.filter { $0 != epochColumn && $0 != long?.metric && $0 != long?.value }
    }

    init(header: [String], path: String, runColumns wanted: RunColumns = .automatic, epochSteps: Bool = true) throws(RunLogError) {
        var names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        guard !names.isEmpty, names.contains(where: { !$0.isEmpty }) else {
            throw RunLogError(file: path, "has an empty header row; expected column names such as step,loss")
        }
        if names.count == 1, names[0].contains("|") {
            throw RunLogError(file: path, "separates its columns with '|' ('\(names[0])'); expected values separated by "
                + "commas, tabs or semicolons: tr '|' , < FILE | dlplot runs - reads it")
        }
        if names.count == 1, names[0].contains(" "), names[0].contains(where: \.isNumber) {
            // Keras' model.fit printout ("Epoch 1/10", then progress bars) saved to a file: not a table.
            let shown = names[0].count > 40 ? String(names[0].prefix(40)) + "…" : names[0]
            throw RunLogError(file: path, "starts with '\(shown)', a line of console output, not a header; expected a CSV log "
                + "with column names such as epoch,loss (Keras: keras.callbacks.CSVLogger)")
        }
        if names.allSatisfy({ $0.isEmpty || Double($0) != nil }) {
            throw RunLogError(file: path, "starts with numbers ('\(names.joined(separator: ","))'), not a header; "
                + "expected column names such as step,loss in the first row")
        }
        var seen = Set<String>()
        for n in names where !n.isEmpty {
            guard seen.insert(n).inserted else {
                throw RunLogError(file: path, "names the column '\(n)' twice; expected each column once")
            }
        }
        // Roles by name, any case, a space as an underscore (TensorBoard's export says "Wall time").
        let lower = names.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
        if lower == ["wall_time", "step", "value"] {
            // TensorBoard's "Download CSV": one tag of one run, named in the file name when it is the UI's.
            names[2] = TensorBoardExport.names(path)?.tag ?? names[2]
        }
        let chart = WandBChartExport.columns(names, step: CSVLogReader.stepIndex(lower))
        for (i, c) in (chart?.runs ?? []).enumerated() { if let c { names[i] = c.metric } }
        chartRuns = chart?.runs.map { $0?.run } ?? []
        chartRanges = chart?.ranges ?? []
        self.names = names
        let step = CSVLogReader.stepIndex(lower)
        let epoch = lower.firstIndex(of: "epoch")
        if lower == ["wall_time", "step", "value"] {
            format = .tensorBoardCSV
        } else if step != nil, epoch != nil, names == names.sorted() {
            format = .lightningCSV
        } else if step == nil, epoch == 0, epochSteps {
            format = .kerasCSV
        } else {
            format = .csv
        }
        stepColumn = step ?? (epochSteps ? epoch : nil)
        // W&B's internal `_step` reads as "step" in legends.
        stepName = stepColumn.map { lower[$0] == "step" || lower[$0] == "_step" ? "step" : names[$0] } ?? "row"
        time = CSVLogReader.timeNames.lazy.compactMap { lower.firstIndex(of: $0) }.first
        let timeColumn = time
        epochColumn = epoch
        for w in wanted.names where wanted.explicit && !lower.contains(w) {
            throw RunLogError(file: path, "has no column '\(w)' for --run-column; its columns are \(names.joined(separator: ","))")
        }
        let runs = names.indices.filter { wanted.names.contains(lower[$0]) && $0 != step && $0 != timeColumn }
        runColumns = runs
        let metricColumn = RunColumns.metricNames.lazy.compactMap { lower.firstIndex(of: $0) }.first
        if let m = metricColumn, let v = lower.firstIndex(of: "value"), !runs.contains(m) { long = (m, v) } else { long = nil }
        let (stepAt, ranges) = (stepColumn, chartRanges)
        let found = names.indices.filter { i in
            !names[i].isEmpty && i != stepAt && i != timeColumn && !runs.contains(i) && !ranges.contains(i)
        }
        metrics = found
        guard long != nil || found.contains(where: { lower[$0] != "epoch" }) else {
            throw RunLogError(file: path, "has no metric columns (header '\(names.joined(separator: ","))'); "
                + "expected at least one column besides step, epoch and time")
        }
    }

    /// Why a header of one cell with spaces in it (`import torch`, `Starting training...`) is text, not a
    /// column name, when no row under it holds a number or a row has more cells than it.
    var proseProblem: String? {
        guard names.count == 1, names[0].contains(" ") else { return nil }
        let shown = names[0].count > 40 ? String(names[0].prefix(40)) + "…" : names[0]
        return "starts with '\(shown)', not a header; expected a training log (CSV with a header, JSON lines, or a TensorBoard event file)"
    }

    /// Why the steps are row numbers (the log has no step column, and its epochs are no steps).
    var rowStepNote: String {
        "no step column (\(CSVLogReader.stepNames.prefix(5).joined(separator: ", ")), …)"
            + (epochColumn != nil ? ", and 'epoch' repeats over rows or is fractional: the step is the row number from 0, drawn "
                + "by epochs completed" : ": x is the row number from 0")
    }

    /// The wall time of a row (see `Timestamp`; 0 when the log has no time column or the cell is empty,
    /// NaN when it is not a time, which `--x time` refuses).
    func time(in row: [String]) -> Double {
        guard let t = time, t < row.count else { return 0 }
        let cell = CSVLogReader.trimmed(row[t])
        if cell.isEmpty { return 0 }
        return Timestamp.seconds(cell) ?? .nan
    }

    /// The step of a row: its step cell (an integer, or a float with no fraction), or the row number.
    func step(in row: [String], rowNumber: Int64, line: Int, path: String) throws(RunLogError) -> Int64 {
        guard let c = stepColumn else { return rowNumber }
        let cell = c < row.count ? CSVLogReader.trimmed(row[c]) : ""
        if let s = Int64(cell) { return s }
        if let d = Double(cell), d.rounded() == d, abs(d) < 9.0e15 { return Int64(d) }
        if cell == names[c] {
            throw RunLogError(file: path, "line \(line) repeats the header ('\(names[c])' where a step belongs): two logs "
                + "appended into one file? give each run its own file")
        }
        if c != epochColumn, let d = Double(cell), d.isFinite, d.rounded() == d {
            let digits = cell.drop { $0 == "-" || $0 == "+" }.allSatisfy { $0.isASCII && $0.isNumber }
            throw RunLogError(file: path, "line \(line), column '\(names[c])': '\(cell)' is too large for a step; expected an integer "
                + (digits ? "step of at most \(Int64.max)" : "step below 9×10¹⁵ when written with a point or an exponent"))
        }
        if c == epochColumn, let d = Double(cell), d.isFinite {
            throw .fractionalEpoch(file: path, "line \(line), column '\(names[c])': '\(cell)' is not an integer step")
        }
        throw RunLogError(file: path, cell.isEmpty
            ? "line \(line) has no '\(names[c])' value; expected an integer step on every row"
            : "line \(line), column '\(names[c])': '\(cell)' is not an integer step")
    }
}
