// UserData: a user's own data files: datasets to fit and paths to draw.

import CSV
import Foundation

/// The examples of a `--dataset FILE.csv`, one value per example in each column.
public struct DatasetColumns: Sendable, Equatable {
    /// The inputs: the `x` column, or `x1` for two features.
    public var inputs: [Double]
    /// The `x2` column of a two-feature dataset; nil for one feature.
    public var secondInputs: [Double]?
    /// The targets (`y`) or labels (`label`).
    public var targets: [Double]
    /// The target column's name as written in the header (`y` or `label`).
    public var targetName: String

    public init(inputs: [Double], secondInputs: [Double]?, targets: [Double], targetName: String) {
        self.inputs = inputs; self.secondInputs = secondInputs; self.targets = targets; self.targetName = targetName
    }
}

/// Reads a data set for the dataset losses from CSV with a header row (CSV.swift's streaming reader).
///
/// Columns (names in any case, in any order; other columns are ignored):
/// - inputs: `x` (one feature: the model w·x + b), or `x1` and `x2` (two features: w₁·x₁ + w₂·x₂);
/// - the target: `y` or `label` (one of them) — any number for regression, 0 or 1 with `binaryLabels`.
///
/// Every cell of those columns must be a finite number; blank lines are skipped. Errors name the file,
/// the line and the column, and say what was expected: a missing column, an empty or non-numeric
/// cell, NaN or infinity, a label other than 0 or 1, an empty file, a header without rows, more than
/// `maximumExamples` rows, binary data.
public enum DatasetFileReader {
    /// The most examples read (each point of the figure's contour grid costs a pass over the data).
    public static let maximumExamples = 10_000
    static let expected = "expected a header row with columns x,y (or x1,x2,label for two features) and one example per row"

    /// `-` reads standard input (see `InputSpool`).
    public static func read(_ path: String, binaryLabels: Bool) throws(RunLogError) -> DatasetColumns {
        try InputSpool.reading(path) { (file) throws(RunLogError) in try read(file: file, binaryLabels: binaryLabels) }
    }

    private static func read(file path: String, binaryLabels: Bool) throws(RunLogError) -> DatasetColumns {
        try checkText(path)
        guard let stream = InputStream(fileAtPath: path) else { throw RunLogError(file: path, "cannot be opened for reading") }
        let reader: CSVReader
        do { reader = try CSVReader(stream: stream, hasHeaderRow: true) } catch {
            throw RunLogError(file: path, "line 1: no header row; " + expected)
        }
        let layout = try Layout(header: reader.headerRow ?? [], path: path)
        var out = DatasetColumns(inputs: [], secondInputs: layout.x2 == nil ? nil : [], targets: [],
                                 targetName: layout.names[layout.target])
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ CSVLogReader.trimmed($0).isEmpty }) { continue }
            guard out.targets.count < maximumExamples else {
                throw RunLogError(file: path, "line \(line): more than \(maximumExamples) examples; expected at most "
                    + "\(maximumExamples) (a random sample draws the same surface)")
            }
            func number(_ k: Int) throws(RunLogError) -> Double {
                let cell = k < row.count ? CSVLogReader.trimmed(row[k]) : ""
                let at = "line \(line), column '\(layout.names[k])': "
                guard !cell.isEmpty else { throw RunLogError(file: path, at + "empty; expected a number") }
                guard let v = Double(cell) else { throw RunLogError(file: path, at + "'\(cell)' is not a number") }
                guard v.isFinite else { throw RunLogError(file: path, at + "'\(cell)' is not finite; expected a finite number") }
                return v
            }
            out.inputs.append(try number(layout.x))
            if let x2 = layout.x2 { out.secondInputs?.append(try number(x2)) }
            let t = try number(layout.target)
            if binaryLabels, t != 0, t != 1 {
                throw RunLogError(file: path, "line \(line), column '\(layout.names[layout.target])': "
                    + "'\(row[layout.target].trimmingCharacters(in: .whitespaces))' is not a class label; expected 0 or 1")
            }
            out.targets.append(t)
        }
        if let error = reader.error, !(error is CSVError && "\(error)" == "cannotReadFile") {
            throw RunLogError(file: path, "line \(line + 1): is not readable as UTF-8 CSV (\(error)); " + expected)
        }
        guard !out.targets.isEmpty else { throw RunLogError(file: path, "line 2: a header but no examples; " + expected) }
        return out
    }

    /// Refuses missing, empty and binary files before the CSV reader sees them.
    static func checkText(_ path: String) throws(RunLogError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RunLogError(file: path, "no such file; " + expected)
        }
        guard !isDirectory.boolValue else { throw RunLogError(file: path, "is a directory; " + expected) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw RunLogError(file: path, "cannot be opened for reading") }
        defer { try? handle.close() }
        let head: [UInt8]
        do { head = [UInt8](try handle.read(upToCount: 4096) ?? Data()) } catch {
            throw RunLogError(file: path, "read failed: \(error.localizedDescription)")
        }
        guard head.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw RunLogError(file: path, "line 1: " + (head.isEmpty ? "empty file; " : "only blank lines; ") + expected)
        }
        let whole = head.count < 4096 ? head.count : (head.lastIndex(of: 0x0A) ?? head.count)
        if head.contains(0) || String(validating: head[..<whole], as: UTF8.self) == nil {
            throw RunLogError(file: path, "is binary data; " + expected)
        }
    }

    /// Which columns hold the inputs and the target.
    struct Layout {
        let names: [String]
        let x: Int
        let x2: Int?
        let target: Int

        init(header: [String], path: String) throws(RunLogError) {
            var names = header.map { $0.trimmingCharacters(in: .whitespaces) }
            if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
            self.names = names
            let lower = names.map { $0.lowercased() }
            let written = "line 1: columns \(HeaderQuote.text(names)); "
            func column(_ name: String) throws(RunLogError) -> Int? {
                let found = lower.indices.filter { lower[$0] == name }
                guard found.count <= 1 else { throw RunLogError(file: path, written + "'\(name)' appears twice; expected each column once") }
                return found.first
            }
            let x = try column("x"), x1 = try column("x1"), x2 = try column("x2")
            let y = try column("y"), label = try column("label")
            if lower.allSatisfy({ $0.isEmpty || Double($0) != nil }) {
                throw RunLogError(file: path, written + "numbers, not a header; " + expected)
            }
            switch (x, x1, x2) {
            case let (x?, nil, nil): self.x = x; self.x2 = nil
            case let (nil, x1?, x2?): self.x = x1; self.x2 = x2
            case (_?, _, _): throw RunLogError(file: path, written + "both x and x1/x2; expected x (one feature) or x1,x2 (two)")
            case (nil, _?, nil): throw RunLogError(file: path, written + "x1 without x2; expected x (one feature) or x1,x2 (two)")
            case (nil, nil, _?): throw RunLogError(file: path, written + "x2 without x1; expected x (one feature) or x1,x2 (two)")
            case (nil, nil, nil): throw RunLogError(file: path, written + "no input column; " + DatasetFileReader.expected)
            }
            switch (y, label) {
            case let (y?, nil): target = y
            case let (nil, label?): target = label
            case (_?, _?): throw RunLogError(file: path, written + "both y and label; expected one target column")
            case (nil, nil): throw RunLogError(file: path, written + "no target column; expected y (or label)")
            }
        }
    }
}
