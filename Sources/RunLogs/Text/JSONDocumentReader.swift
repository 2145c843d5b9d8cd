import Foundation

/// Reads logs that are one JSON document rather than JSON lines:
///
/// - Hugging Face's `trainer_state.json` (what `Trainer` saves in every `checkpoint-N/`): the records of
///   its `log_history` array, each with `step` and `epoch` (fractional, used as logged) and the values
///   logged then: `loss`, `grad_norm`, `learning_rate` every `logging_steps`; `eval_loss` and the other
///   `eval_*` metrics at each evaluation. The last record, the run's summary (`train_runtime`,
///   `train_loss` averaged over the run, `total_flos`), is not a curve: it is left out, with a note.
/// - A JSON array of records (`json.dump(history, f)`, `df.to_json(orient="records")`).
///
/// Records follow the JSON lines rules (`JSONLinesReader`, `JSONRecords`). Documents are read whole:
/// at most `maximumBytes`.
enum JSONDocumentReader {
    /// The largest document read (a `log_history` of 10⁶ records is about 150 MB).
    static let maximumBytes = 512 << 20

    private struct TrainerState: Decodable {
        let logHistory: [[String: JSONValue]]
        enum CodingKeys: String, CodingKey { case logHistory = "log_history" }
    }

    /// The runs of the document at `path`, or nil when it is not a JSON document of records (the caller
    /// then reports its own error).
    static func readIfDocument(path: String, name: String, labelled: Bool, runColumns: RunColumns) throws(RunLogError) -> [RunLog]? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumBytes, let raw = FileManager.default.contents(atPath: path) else { return nil }
        // 1e999 read as inf and 1e-999 as 0, as the CSV reader reads them (see JSONNumberLiterals).
        let data = JSONNumberLiterals.clamped(Array(raw)).map { Data($0) } ?? raw
        let decoder = JSONRecords.decoder()
        var notes: [String] = []
        let records: [[String: JSONValue]]
        let place: String
        if let state = try? decoder.decode(TrainerState.self, from: data) {
            var history = state.logHistory
            if let last = history.last, last["train_runtime"] != nil {
                history.removeLast()
                notes.append("the run's summary record (train_loss averaged over the run, train_runtime, total_flos) is not drawn")
            }
            records = history
            place = "log_history"
        } else if let array = try? decoder.decode([[String: JSONValue]].self, from: data) {
            records = array
            place = "the array"
        } else if (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) is [String: Any] {
            throw RunLogError(file: path, "is one JSON document without a log_history array; expected JSON lines (one object "
                + "per line), a JSON array of records, or Hugging Face's trainer_state.json")
        } else {
            return nil
        }
        guard !records.isEmpty else {
            throw RunLogError(file: path, "holds no records in \(place); expected objects such as {\"step\": 1, \"loss\": 0.5}")
        }
        var reader = JSONRecords(path: path, runColumns: runColumns)
        for (i, object) in records.enumerated() {
            try reader.add(object, line: i + 1, what: "record \(i + 1) of \(place)")
        }
        if reader.isEmpty {
            throw RunLogError(file: path, "has no numeric values in \(place); expected objects with numbers such as {\"step\": 1, \"loss\": 0.5}")
        }
        try reader.checkIsLog()
        return try reader.build(name: name, labelled: labelled, format: place == "log_history" ? .trainerState : .jsonLines, notes: notes)
    }
}
