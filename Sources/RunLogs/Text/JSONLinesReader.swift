import Foundation

/// Reads JSON lines logs: one JSON object per line, as many training scripts print them.
///
/// Rules:
/// - Numbers are metrics; nested objects are flattened with `/` (`{"train": {"loss": 1}}` gives
///   `train/loss`); strings split the metrics (`{"phase": "val", "loss": 1}` gives `val/loss` when
///   the phase differs between records, see `RunLogBuilder`); booleans, nulls and arrays are ignored. Python's `NaN`, `Infinity` and
///   `-Infinity` (what `json.dumps` writes for non-finite floats) are read as such.
/// - The step is the first of `step`, `global_step`, `_step`, `iteration`, `iter`, else `epoch` (while
///   every epoch is whole: a fractional one makes the record's number the step), else the record's
///   number from 0; `epoch` also maps steps to epochs, and a time key (as for CSV) gives
///   `--x time`. A key missing from a line is no observation (joined by step, as for CSV).
/// - Run keys (`run`, `model`, `seed`, … or `--run-column`) split the records into runs, and a long
///   table's `metric`/`tag`/`key` names the metric of a record's `value` (see `RunColumns`).
/// - Blank lines are skipped, and so are lines of console output printed between the records (a line
///   not starting with `{` that is not JSON, see `ConsoleLines`), counted in one note. A last line
///   without its newline that does not parse (a writer cut off) is skipped with a note; any other line
///   that is not a JSON object is an error.
enum JSONLinesReader {
    /// - Parameter epochSteps: whether an `epoch` key is the step when no step key is there (else the
    ///   record number is, and the epochs are kept as logged).
    static func read(path: String, name: String, labelled: Bool = false, runColumns: RunColumns = .automatic,
                     epochSteps: Bool = true) throws(RunLogError) -> [RunLog] {
        var lines = try LineReader(path: path)
        let decoder = JSONRecords.decoder()
        var records = JSONRecords(path: path, runColumns: runColumns)
        records.epochSteps = epochSteps
        var notes: [String] = []
        var console = ConsoleLines()
        while let bytes = try lines.next() {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            var object: [String: JSONValue]
            do { object = try decoder.decode([String: JSONValue].self, from: Data(bytes)) } catch {
                // A JSON array document whose first line is `[` alone or `[{…`; else console output printed
                // between the records (`python train.py | dlplot runs -`).
                if records.count == 0, console.count == 0, bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "["),
                   let runs = try JSONDocumentReader.readIfDocument(path: path, name: name, labelled: labelled, runColumns: runColumns) {
                    return runs
                }
                if console.skip(bytes, line: lines.line) { continue }
                // A JSON document ({ on its own line, or an array): Hugging Face's trainer_state.json and the like.
                if records.count == 0, let runs = try JSONDocumentReader.readIfDocument(path: path, name: name, labelled: labelled,
                                                                                      runColumns: runColumns) {
                    return runs
                }
                if !lines.terminated {
                    notes.append("the last line (\(lines.line)) is cut short: skipped, as for a file still being written")
                    break
                }
                throw RunLogError(file: path, "line \(lines.line) " + JSONLineProblem.describe(Array(bytes))
                    + "; expected one object per line such as {\"step\": 1, \"loss\": 0.5}")
            }
            // One JSON document on one line (a minified trainer_state.json): its log_history array holds the
            // records; the top-level counters (global_step, max_steps) are not metrics.
            if records.count == 0, JSONValue.isArray(object["log_history"]),
               let runs = try JSONDocumentReader.readIfDocument(path: path, name: name, labelled: labelled, runColumns: runColumns) {
                return runs
            }
            if JSONValue.hasNumberBeyondFloat64(object), let clamped = JSONNumberLiterals.clamped(Array(bytes)),
               let again = try? decoder.decode([String: JSONValue].self, from: Data(clamped)) {
                object = again  // 1e999 read as inf and 1e-999 as 0, as the CSV reader reads them
            }
            try records.add(object, line: lines.line, what: "line \(lines.line)")
        }
        if let note = console.note { notes.insert(note, at: 0) }
        if records.isEmpty {
            throw RunLogError(file: path, lines.line == 0 ? "empty file; expected JSON lines such as {\"step\": 1, \"loss\": 0.5}"
                : "has no numeric values" + (records.ignored.map { " (line \($0.line): '\($0.key)' is \($0.kind))" } ?? "")
                + "; expected JSON objects with numbers such as {\"step\": 1, \"loss\": 0.5}")
        }
        try records.checkIsLog()
        return try records.build(name: name, labelled: labelled, format: .jsonLines, notes: notes)
    }
}

extension JSONLinesReader {
    /// Separates the step and time keys from the metrics of one record (metrics sorted by key).
    /// A text time (ISO-8601, see `Timestamp`) is taken out of `texts`.
    static func split(_ fields: [(String, Double)], texts: inout [(String, String)], record: Int64, line: Int, path: String,
                      epochSteps: Bool = true) throws(RunLogError) -> (Int64, Double?, [(String, Double)]) {
        var keys = Dictionary(fields, uniquingKeysWith: { a, _ in a })
        let names = fields.map(\.0)
        let stepKey = CSVLogReader.stepIndex(names).map { names[$0] } ?? (epochSteps && keys["epoch"] != nil ? "epoch" : nil)
        var timeKey = CSVLogReader.timeNames.first { keys[$0] != nil }
        if timeKey == nil, let k = texts.firstIndex(where: { CSVLogReader.timeNames.contains($0.0) }) {
            timeKey = texts[k].0
            keys[texts[k].0] = Timestamp.seconds(texts[k].1[...]) ?? .nan  // NaN: --x time refuses it
            texts.remove(at: k)
        }
        var step = record
        if let k = stepKey, let v = keys[k] {
            guard v.rounded() == v, abs(v) < 9.0e15 else {
                let message = v.rounded() == v && v.isFinite
                    ? "line \(line): '\(k)' is \(String(format: "%.0f", v)), too large for a step; expected an integer step "
                        + "below 9×10¹⁵ (a JSON number holds every integer only up to 2⁵³)"
                    : "line \(line): '\(k)' is \(NumberShown.text(v)); expected an integer step"
                throw k == "epoch" && v.isFinite ? .fractionalEpoch(file: path, message) : RunLogError(file: path, message)
            }
            step = Int64(v)
        }
        let metrics = fields.filter { $0.0 != stepKey && $0.0 != timeKey }.sorted { $0.0 < $1.0 }
        return (step, timeKey.flatMap { keys[$0] }.map(Timestamp.fromEpochNumber), metrics)
    }
}

/// A JSON value as far as a log needs it.
enum JSONValue: Decodable {
    /// `other` says what the value is ("an array", "true or false", "null"), for messages.
    case number(Double), text(String), object([String: JSONValue]), other(String)

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .other("null"); return }
        if (try? c.decode(Bool.self)) != nil { self = .other("true or false"); return }
        do { self = .number(try c.decode(Double.self)); return } catch is DecodingError {} catch {
            self = .other(JSONValue.beyondFloat64)  // 1e999, 1e-999: see JSONNumberLiterals
            return
        }
        if let t = try? c.decode(String.self) { self = JSONNumberLiterals.value(of: t).map { .number($0) } ?? .text(t); return }
        if let o = try? c.decode([String: JSONValue].self) { self = .object(o); return }
        self = .other("an array")
    }

    /// What a number literal beyond float64's range (`1e999`) decodes to before `JSONNumberLiterals` reads it.
    static let beyondFloat64 = "a number beyond float64's range"

    /// Whether `value` is a JSON array.
    static func isArray(_ value: JSONValue?) -> Bool {
        if case .other(let kind)? = value { return kind == "an array" }
        return false
    }

    /// Whether the record holds a number literal that the decoder could not represent (see `beyondFloat64`).
    static func hasNumberBeyondFloat64(_ object: [String: JSONValue]) -> Bool {
        object.values.contains { value in
            switch value {
            case .other(let kind): return kind == beyondFloat64
            case .object(let o): return hasNumberBeyondFloat64(o)
            default: return false
            }
        }
    }

    /// The first key (in key order, nested keys joined with `/`) whose value is not a number or an object.
    static func firstIgnored(_ object: [String: JSONValue], prefix: String) -> (String, String)? {
        for key in object.keys.sorted() {
            switch object[key] {
            case .other(let kind): return (prefix + key, kind)
            case .text: return (prefix + key, "a string")
            case .object(let o): if let found = firstIgnored(o, prefix: prefix + key + "/") { return found }
            default: continue
            }
        }
        return nil
    }

    static func flatten(_ object: [String: JSONValue], prefix: String, into out: inout [(String, Double)],
                        texts: inout [(String, String)]) {
        for (key, value) in object {
            switch value {
            case .number(let v): out.append((prefix + key, v))
            case .text(let t): texts.append((prefix + key, t))
            case .object(let o): flatten(o, prefix: prefix + key + "/", into: &out, texts: &texts)
            case .other: break
            }
        }
    }
}

/// The run a JSON lines record belongs to (its run keys' values joined by spaces, see `RunColumns`), and
/// its metrics once the run keys are taken out and a long table's `metric`/`value` pair is made one metric.
struct RunKey {
    var key = ""
    /// The run keys the record has (lower-case).
    var columns: [String] = []
    var metrics: [(String, Double)]
    var texts: [(String, String)]

    init(metrics: [(String, Double)], texts: [(String, String)], runColumns: RunColumns) {
        var parts: [(String, String)] = []
        self.metrics = metrics.filter { m in
            guard runColumns.names.contains(RunColumns.normalized(m.0)) else { return true }
            let text = m.1.rounded() == m.1 && abs(m.1) < 1e15 ? String(Int64(m.1)) : String(m.1)
            parts.append((m.0, RunColumns.part(column: m.0, cell: text[...])))
            return false
        }
        self.texts = texts.filter { t in
            guard runColumns.names.contains(RunColumns.normalized(t.0)) else { return true }
            parts.append((t.0, t.1))
            return false
        }
        parts.sort { $0.0 < $1.0 }
        key = parts.map(\.1).joined(separator: " ")
        columns = parts.map { RunColumns.normalized($0.0) }
        // A long table: {"metric": "loss", "value": 0.5} is the metric loss.
        if let m = self.texts.firstIndex(where: { RunColumns.metricNames.contains($0.0.lowercased()) }),
           let v = self.metrics.firstIndex(where: { $0.0.lowercased() == "value" }) {
            let name = self.texts[m].1
            let value = self.metrics[v].1
            self.texts.remove(at: m)
            self.metrics = self.metrics.filter { $0.0.lowercased() == "epoch" } + [(name, value)]
        }
    }
}
