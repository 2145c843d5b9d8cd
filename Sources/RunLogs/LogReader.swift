import Foundation

/// Reads training logs, recognising the format by content, not by extension.
///
/// - A directory is read as TensorBoard runs: its own event files (`*tfevents*`) form one run, read
///   in name order (a resumed run continues in a new file); each subdirectory holding event files is a
///   run of its own, named by its relative path (as TensorBoard lists `train/` and `validation/`).
///   A directory without event files but with `metrics.csv` files (Lightning's `lightning_logs/`) has
///   one run per `metrics.csv`, named by its directory (`version_0`).
/// - A file whose first 12 bytes are a TFRecord header with a valid length check is an event file.
/// - A file whose first non-blank character is `{` is JSON lines, or one JSON document when its first
///   line is not a whole object or is an object with a `log_history` array (Hugging Face's
///   `trainer_state.json`, pretty-printed or on one line); `[` is a JSON array of records, on any lines.
///   Console output with a JSON object on a line of its own in its first 64 KiB is JSON lines too (its
///   other lines are skipped with a note, see `ConsoleLines`).
/// - Any other text file is CSV with a header (generic, Lightning or Keras, told apart by the header).
///
/// Errors (`RunLogError`) name the file and what was expected: an empty or binary file, a bad check in
/// the middle of an event file, a ragged or non-numeric row, a log without a metric.
public enum LogReader {
    /// Every run in `path` (one for a file; one or more for a directory).
    /// - Parameter name: the run's name (directory runs append their subpath: `name/adam-seed0`). By
    ///   default a short name, as TensorBoard lists runs: a file's name without its extension, the
    ///   directory's name for files whose names say nothing of the run (`metrics.csv`, event files), and
    ///   for a directory of runs each run's subpath (`adam-seed0`).
    ///   `-` is standard input (`stdin`), copied first as `InputSpool` says, like a pipe or FIFO.
    /// - Parameter runColumns: the columns or keys that split a text log into runs (see `RunColumns`).
    public static func read(_ path: String, name: String? = nil, runColumns: RunColumns = .automatic) throws(RunLogError) -> [RunLog] {
        try InputSpool.reading(path) { (file) throws(RunLogError) in
            // A copy has a meaningless name: name the run after the input ("stdin" for `-`).
            let copied = file == path ? nil : path == "-" ? "stdin" : shortName(path)
            let options = Options(runColumns: runColumns, labelled: name != nil)
            var runs = try read(file: file, name: name ?? copied, options: options)
            if file != path { for k in runs.indices { runs[k].source = InputSpool.displayName(path) } }
            return runs
        }
    }

    /// How the files of one argument are read.
    struct Options {
        var runColumns: RunColumns
        /// Whether the user named the argument (`--label`): runs split from one file are `label/run`.
        var labelled: Bool
    }

    private static func read(file path: String, name: String?, options: Options) throws(RunLogError) -> [RunLog] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RunLogError(file: path, "no such file or directory; expected a training log")
        }
        if isDirectory.boolValue { return try readDirectory(path, name: name, options: options) }
        return try readFile(path, name: name ?? shortName(path), options: options)
    }

    /// "metrics" for `runs/metrics.jsonl`, "version_3" for `lightning_logs/version_3/metrics.csv` and for
    /// `version_3/events.out.tfevents.…`, the directory's own name for a directory.
    public static func shortName(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let file = url.lastPathComponent
        let parent = url.deletingLastPathComponent().lastPathComponent
        let generic = file == "metrics.csv" || file == "hparams.yaml" || file.contains("tfevents") || file == "trainer_state.json"
        // Hugging Face saves trainer_state.json in output_dir/checkpoint-N/: the run is output_dir.
        let grandparent = url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
        if file == "trainer_state.json", parent.hasPrefix("checkpoint-"), !grandparent.isEmpty, grandparent != "/" { return grandparent }
        if generic, !parent.isEmpty, parent != "/" { return parent }
        if let export = TensorBoardExport.names(path), export.run != "." { return export.run }
        let stem = (file as NSString).deletingPathExtension
        return stem.isEmpty ? file : stem
    }

    /// The format of the file at `path`, from its first bytes.
    public static func format(of path: String) throws(RunLogError) -> LogFormat {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RunLogError(file: path, "cannot be opened for reading")
        }
        defer { try? handle.close() }
        let head: [UInt8]
        do { head = [UInt8](try handle.read(upToCount: headBytes) ?? Data()) } catch {
            throw RunLogError(file: path, "read failed: \(error.localizedDescription)")
        }
        let expected = "expected a training log (CSV with a header, JSON lines, or a TensorBoard event file)"
        guard let first = head.firstIndex(where: { !Self.isBlank($0) }) else {
            throw RunLogError(file: path, (head.isEmpty ? "empty file; " : "holds only blank lines; ") + expected)
        }
        if head.count >= 12 {
            let crc = head.withUnsafeBytes { CRC32C.masked(UnsafeRawBufferPointer(rebasing: $0[0..<8])) }
            let stored = UInt32(head[8]) | UInt32(head[9]) << 8 | UInt32(head[10]) << 16 | UInt32(head[11]) << 24
            if crc == stored { return .tensorBoard }
        }
        if (path as NSString).lastPathComponent.contains("tfevents"), head.count < 16, head.contains(0) {
            // A record is at least its 12-byte header and 4-byte data check (a length's high bytes are zeros).
            throw RunLogError(file: path, "\(head.count) bytes, shorter than one record (at least 16 bytes); expected TFRecord framing")
        }
        if (path as NSString).lastPathComponent.contains("tfevents") {
            throw RunLogError(file: path, "is named like an event file, but its first record's length check "
                + "(masked CRC-32C) fails; expected TFRecord framing")
        }
        let whole = head.count < headBytes ? head.count : (head.lastIndex(of: 0x0A) ?? head.count)
        if head.contains(0) || String(validating: head[..<whole], as: UTF8.self) == nil {
            throw RunLogError(file: path, Self.binaryKind(head) ?? "is binary data; " + expected)
        }
        if head[first] != UInt8(ascii: "{"), head[first] != UInt8(ascii: "["), Self.holdsJSONLine(head[..<whole]) {
            return .jsonLines  // console output with JSON lines among it (see ConsoleLines)
        }
        if head[first] == UInt8(ascii: "#") {
            let line = String(decoding: head[first...].prefix { $0 != 0x0A && $0 != 0x0D }.prefix(40), as: UTF8.self)
            throw RunLogError(file: path, "starts with a comment line ('\(line)'); expected a header such as step,loss in the "
                + "first line: leave the comments out, e.g. grep -v '^#' FILE | dlplot runs -")
        }
        return head[first] == UInt8(ascii: "{") || head[first] == UInt8(ascii: "[") ? .jsonLines : .csv
    }

    /// The bytes `format(of:)` reads: enough to find the first JSON line after a screen of console output.
    static let headBytes = 1 << 16

    /// Whether one of the whole lines in `text` is a JSON object: starts with `{` and ends with `}` (spaces
    /// aside), as a script's `print(json.dumps(record))` writes it among its other output.
    static func holdsJSONLine(_ text: ArraySlice<UInt8>) -> Bool {
        text.split(separator: 0x0A).contains { line in
            let trimmed = line.drop { isBlank($0) }.reversed().drop { isBlank($0) }
            return line.first { !isBlank($0) } == UInt8(ascii: "{") && trimmed.first == UInt8(ascii: "}")
        }
    }

    /// What a binary file is, when its first bytes tell: gzip, or UTF-16 text.
    static func binaryKind(_ head: [UInt8]) -> String? {
        if head.starts(with: [0x1F, 0x8B]) {
            return "is gzip-compressed; expected an uncompressed log: dlplot runs <(zcat FILE) reads it decompressed"
        }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return "is UTF-16 text (as PowerShell and Excel's Unicode text write it); expected UTF-8: "
                + "iconv -f UTF-16 -t UTF-8 FILE > log.csv converts it"
        }
        return nil
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func readFile(_ path: String, name: String, options: Options) throws(RunLogError) -> [RunLog] {
        InputSpool.noteRead(path)
        switch try format(of: path) {
        case .tensorBoard: return [try EventFileReader.read(files: [path], name: name, source: path)]
        case .jsonLines, .trainerState, .csv, .lightningCSV, .kerasCSV, .tensorBoardCSV:
            // A log whose only x is a fractional epoch (no step): read again with the record number as the
            // step and the epochs as logged, for --x epoch.
            do { return try readText(path, name: name, options: options, epochSteps: true) } catch {
                guard error.fractionalEpoch else { throw error }
                return try readText(path, name: name, options: options, epochSteps: false)
            }
        }
    }

    private static func readText(_ path: String, name: String, options: Options, epochSteps: Bool) throws(RunLogError) -> [RunLog] {
        if try format(of: path) == .jsonLines {
            return try JSONLinesReader.read(path: path, name: name, labelled: options.labelled, runColumns: options.runColumns,
                                            epochSteps: epochSteps)
        }
        return try CSVLogReader.read(path: path, name: name, labelled: options.labelled, runColumns: options.runColumns,
                                     epochSteps: epochSteps)
    }

    private static func readDirectory(_ path: String, name: String?, options: Options) throws(RunLogError) -> [RunLog] {
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw RunLogError(file: path, "cannot be listed")
        }
        var byDirectory: [String: [String]] = [:]
        var lightning: [String] = []
        while let relative = walker.nextObject() as? String {
            let file = (relative as NSString).lastPathComponent
            if file == "metrics.csv" { lightning.append(relative) }
            guard file.contains("tfevents") else { continue }
            byDirectory[(relative as NSString).deletingLastPathComponent, default: []].append(relative)
        }
        if byDirectory.isEmpty, !lightning.isEmpty {
            // Lightning's lightning_logs/: each version_N/metrics.csv is a run, named by its directory.
            var runs: [RunLog] = []
            for relative in lightning.sorted() {
                let directory = (relative as NSString).deletingLastPathComponent
                let runName = directory.isEmpty ? name ?? shortName(path)
                    : name.map { ($0 as NSString).appendingPathComponent(directory) } ?? directory
                runs += try readFile((path as NSString).appendingPathComponent(relative), name: runName, options: options)
            }
            return runs
        }
        guard !byDirectory.isEmpty else {
            throw RunLogError(file: path, "is a directory without event files or metrics.csv files; expected "
                + "events.out.tfevents.* files (TensorBoard) or version_*/metrics.csv (Lightning) in it or in its subdirectories")
        }
        var runs: [RunLog] = []
        for directory in byDirectory.keys.sorted() {
            let files = (byDirectory[directory] ?? []).sorted().map { (path as NSString).appendingPathComponent($0) }
            files.forEach(InputSpool.noteRead)
            let runName = directory.isEmpty ? name ?? shortName(path)
                : name.map { ($0 as NSString).appendingPathComponent(directory) } ?? directory
            runs.append(try EventFileReader.read(files: files, name: runName, source: path))
        }
        return runs
    }
}
