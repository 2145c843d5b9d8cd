import Foundation

/// JSON records (objects) taken one by one into runs, by the rules `JSONLinesReader` states.
struct JSONRecords {
    let path: String
    let runColumns: RunColumns
    private var parts = RunParts<Void>(recordsTime: true) {}
    private var seenRunKeys = Set<String>()
    private(set) var count: Int64 = 0
    private var hasTime = false
    /// Whether some record has a step, epoch or time key (a single record without one is not a log).
    private(set) var hasStepOrTime = false
    /// Whether an `epoch` key is the step when there is no step key (see `JSONLinesReader.read`).
    var epochSteps = true
    /// The first value that is not a number, for the message when no record has a number.
    private(set) var ignored: (line: Int, key: String, kind: String)?

    init(path: String, runColumns: RunColumns) { self.path = path; self.runColumns = runColumns }

    /// The decoder for records: JSON5 (comments, trailing commas) and Python's NaN, Infinity, -Infinity.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    var isEmpty: Bool { parts.isEmpty }

    /// Adds one record; `what` names it in messages ("line 3", "record 3 of log_history").
    mutating func add(_ object: [String: JSONValue], line: Int, what: String) throws(RunLogError) {
        var fields: [(String, Double)] = []
        var texts: [(String, String)] = []
        JSONValue.flatten(object, prefix: "", into: &fields, texts: &texts)
        if ignored == nil, let first = JSONValue.firstIgnored(object, prefix: "") { ignored = (line, first.0, first.1) }
        let (step, time, metrics) = try JSONLinesReader.split(fields, texts: &texts, record: count, line: line, path: path,
                                                                    epochSteps: epochSteps)
        if time != nil { hasTime = true }
        if time != nil || metrics.count < fields.count || fields.contains(where: { $0.0 == "epoch" }) { hasStepOrTime = true }
        count += 1
        let run = RunKey(metrics: metrics, texts: texts, runColumns: runColumns)
        seenRunKeys.formUnion(run.columns)
        let p = parts.part(run.key)
        if parts.keys.count > RunParts<Void>.maximum {
            throw RunLogError(file: path, "\(what): key(s) \(run.columns.sorted().map { "'\($0)'" }.joined(separator: ", ")) "
                + "name more than \(RunParts<Void>.maximum) runs; expected a few run names (give --run-column none if they are not runs)")
        }
        let columns = run.texts.filter { RunLogBuilder.splitColumns.contains($0.0.lowercased()) }
            .sorted { $0.0 < $1.0 }.map { (column: $0.0, value: $0.1) }
        for (key, value) in run.metrics {
            let k = parts.builders[p].series(named: key, split: key == "epoch" ? [] : columns)
            parts.builders[p].append(to: k, step: step, value: value, time: time ?? 0)
        }
        if parts.builders[p].splitCount > RunLogBuilder.maximumSplits {
            throw RunLogError(file: path, "\(what): text values (\(columns.map { "'\($0.column)'" }.joined(separator: ", "))) "
                + "take more than \(RunLogBuilder.maximumSplits) different forms; expected numbers, or a text key such as "
                + "phase (train, val) that splits the metrics")
        }
    }

    /// Refuses one record with no step, epoch or time key (a config such as {"lr": 0.1, "model": "resnet"}):
    /// drawn, it would be an invented point at step 0.
    func checkIsLog() throws(RunLogError) {
        guard count == 1, !hasStepOrTime else { return }
        throw RunLogError(file: path, "is one JSON object with no step, epoch or time key, not a training log; "
            + "expected JSON lines with a step such as {\"step\": 1, \"loss\": 0.5}")
    }

    /// The runs read (see `RunParts.build`).
    /// - Throws: `RunLogError` when a run key the user named (`--run-column`) is in no record.
    func build(name: String, labelled: Bool, format: LogFormat, notes: [String]) throws(RunLogError) -> [RunLog] {
        for w in runColumns.names where runColumns.explicit && !seenRunKeys.contains(w) {
            throw RunLogError(file: path, "has no key '\(w)' for --run-column in any record")
        }
        var runs = parts.build(name: name, labelled: labelled, seedsOnly: seenRunKeys == ["seed"], source: path, format: format,
                               notes: notes, stepAxis: epochSteps ? "step" : "row")
        for r in runs.indices where !hasTime {
            for i in runs[r].metrics.indices { runs[r].metrics[i].wallTimes = [] }
        }
        return runs
    }
}
