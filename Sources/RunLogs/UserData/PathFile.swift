import CSV
import Foundation

/// A trajectory from a file, to draw over a loss surface beside the computed ones.
public struct UserPath: Sendable, Equatable {
    /// The legend name: the `label` column, else the file name without its extension.
    public var label: String
    /// The step of each point (the `step` column, else 0, 1, 2, … in file order), increasing.
    public var steps: [Int]
    /// Positions, `x[i], y[i]` at `steps[i]`. NaN or ±inf marks where the run diverged.
    public var x: [Double]
    public var y: [Double]
    /// The loss the run logged at each point (the `loss` column), or empty when the file has none.
    public var loss: [Double]
    /// The label came from the file's `label` column (false: it is the file name).
    public var labelled: Bool
    /// The columns (or keys) the positions came from: `x,y`, `w,b` or `w1,w2`.
    public var axes = ["x", "y"]
    /// The file's other columns or keys, which a path does not use (at most 12).
    public var ignored: [String] = []

    public init(label: String, steps: [Int], x: [Double], y: [Double], loss: [Double] = [], labelled: Bool = false) {
        self.label = label; self.steps = steps; self.x = x; self.y = y; self.loss = loss; self.labelled = labelled
    }
}

/// Reads `--path FILE`: CSV with a header, or JSON lines (one object per line, recognised by a first
/// `{`), with the fields `x` and `y` (or `w` and `b`, the parameters of the dataset surfaces; `w1` and
/// `w2` on a two-feature `--dataset`),
/// optionally `step`, `loss` (or `f`) and `label`; one row per point. Rows with the same label form
/// one path, labels in order of first appearance.
///
/// Rules: an empty `x` or `y` cell, a cell that is not a number, a step that is not an integer, or a
/// step that does not increase within a path is an error naming the file and line; `nan` and `inf`
/// are kept (the path diverged there), except at a path's first point, an error too. Other columns are ignored (`UserPath.ignored` names them, for a
/// note). At most `maximumPoints` points.
public enum PathFileReader {
    public static let maximumPoints = 10_000_000
    static let expected = "expected a header row with columns x,y (or w,b), optionally step, loss and label"

    /// `-` reads standard input (see `InputSpool`); its paths are named "stdin".
    public static func read(_ path: String) throws(RunLogError) -> [UserPath] {
        try InputSpool.reading(path) { (file) throws(RunLogError) in
            var paths: [UserPath]
            switch try kind(of: file) {
            case .csv: paths = try readCSV(file)
            case .jsonLines: paths = try PathJSONLines.read(file)
            }
            if file != path {
                let name = path == "-" ? "stdin" : LogReader.shortName(path)
                for k in paths.indices where !paths[k].labelled { paths[k].label = name }
            }
            return paths
        }
    }

    enum Kind { case csv, jsonLines }

    /// CSV or JSON lines, from the first bytes; refuses missing, empty and binary files.
    static func kind(of path: String) throws(RunLogError) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RunLogError(file: path, "no such file; expected a CSV or JSON lines file of x,y points")
        }
        guard !isDirectory.boolValue else { throw RunLogError(file: path, "is a directory; expected a CSV or JSON lines file of x,y points") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw RunLogError(file: path, "cannot be opened for reading") }
        defer { try? handle.close() }
        let head: [UInt8]
        do { head = [UInt8](try handle.read(upToCount: 4096) ?? Data()) } catch {
            throw RunLogError(file: path, "read failed: \(error.localizedDescription)")
        }
        guard let first = head.firstIndex(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw RunLogError(file: path, "line 1: " + (head.isEmpty ? "empty file; " : "only blank lines; ") + expected)
        }
        let whole = head.count < 4096 ? head.count : (head.lastIndex(of: 0x0A) ?? head.count)
        if head.contains(0) || String(validating: head[..<whole], as: UTF8.self) == nil {
            throw RunLogError(file: path, "is binary data; expected CSV or JSON lines of x,y points")
        }
        return head[first] == UInt8(ascii: "{") ? .jsonLines : .csv
    }

    static func readCSV(_ path: String) throws(RunLogError) -> [UserPath] {
        guard let stream = InputStream(fileAtPath: path) else { throw RunLogError(file: path, "cannot be opened for reading") }
        let reader: CSVReader
        do { reader = try CSVReader(stream: stream, hasHeaderRow: true) } catch {
            throw RunLogError(file: path, "line 1: no header row; " + expected)
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        // A column named twice (x,y,x) is ambiguous: which x is the path's cannot be guessed.
        let used = ["x", "y", "w", "b", "w1", "w2", "step", "label", "loss", "f"]
        if let twice = used.first(where: { name in header.filter { $0 == name }.count > 1 }) {
            throw RunLogError(file: path, "line 1: column '\(twice)' appears twice in '\(header.joined(separator: ","))'; expected each column once")
        }
        let xi = header.firstIndex(of: "x") ?? header.firstIndex(of: "w") ?? header.firstIndex(of: "w1")
        let yi = header.firstIndex(of: "y") ?? header.firstIndex(of: "b") ?? header.firstIndex(of: "w2")
        guard let xi, let yi else {
            throw RunLogError(file: path, "line 1: columns \(HeaderQuote.text(header)); " + expected)
        }
        let si = header.firstIndex(of: "step"), li = header.firstIndex(of: "label")
        let lossIndex = header.firstIndex(of: "loss") ?? header.firstIndex(of: "f")
        var paths = PathAccumulator(file: path)
        paths.axes = [header[xi], header[yi]]
        for (i, name) in header.enumerated() where ![xi, yi, si, li, lossIndex].contains(i) && !name.isEmpty { paths.ignore(name) }
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.count == 1 && CSVLogReader.trimmed(row[0]).isEmpty { continue }
            // Cells without surrounding spaces (the common case) are read in place: no new string per cell.
            func cell(_ i: Int) -> Substring { i < row.count ? CSVLogReader.trimmed(row[i]) : "" }
            func number(_ i: Int) throws(RunLogError) -> Double {
                guard let v = PathAccumulator.number(cell(i)) else {
                    throw RunLogError(file: path, "line \(line), column '\(header[i])': '\(cell(i))' is not a number")
                }
                return v
            }
            var step: Int?
            if let si {
                // A whole number written as a float (pandas writes `1.0` for an int column that had a NaN) is a
                // step, as in `runs`.
                let c = cell(si)
                guard let s = Int(c) ?? Double(c).flatMap({ $0.rounded() == $0 && abs($0) < 9.0e15 ? Int($0) : nil }) else {
                    throw RunLogError(file: path, "line \(line), column 'step': '\(cell(si))' is not an integer step")
                }
                step = s
            }
            let label = li.map { cell($0) }.flatMap { $0.isEmpty ? nil : String($0) }
            try paths.add(label: label, step: step, x: try number(xi), y: try number(yi),
                          loss: try lossIndex.map { i throws(RunLogError) in try number(i) }, line: line)
        }
        return try paths.finish()
    }
}

/// Collects rows into paths by label, checking steps and the point budget.
struct PathAccumulator {
    let file: String
    let stem: String
    var paths: [UserPath] = []
    var index: [String: Int] = [:]
    var total = 0
    /// The columns the positions come from, and those not used (see `UserPath`).
    var axes = ["x", "y"]
    private(set) var ignored: [String] = []

    /// Notes a column or key the path does not use.
    mutating func ignore(_ name: String) {
        if ignored.count < 12, !ignored.contains(name) { ignored.append(name) }
    }

    init(file: String) {
        self.file = file
        stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// A number as written: decimals, `nan`, `inf`, `-inf`, `Infinity`, `NaN` (any case).
    static func number(_ text: some StringProtocol) -> Double? {
        if let v = Double(text) { return v }
        switch text.lowercased() {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return nil
        }
    }

    mutating func add(label: String?, step: Int?, x: Double, y: Double, loss: Double?, line: Int) throws(RunLogError) {
        let name = label ?? stem
        let k = index[name] ?? paths.count
        if k == paths.count {
            // A path that never had a point did not "diverge at step 0" (Y14-9): its start must be a point.
            guard x.isFinite, y.isFinite else {
                func shown(_ v: Double) -> String { v.isNaN ? "nan" : v.isInfinite ? (v > 0 ? "inf" : "-inf") : v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }
                throw RunLogError(file: file, "line \(line): the first point of path '\(name)' is (\(shown(x)), \(shown(y))), not finite; "
                    + "expected a path that starts at a finite point")
            }
            index[name] = k; paths.append(UserPath(label: name, steps: [], x: [], y: [], labelled: label != nil))
        }
        let s = step ?? paths[k].steps.count
        if let last = paths[k].steps.last, s <= last {
            throw RunLogError(file: file, "line \(line): step \(s) of path '\(name)' does not follow step \(last); "
                + "expected increasing steps")
        }
        paths[k].steps.append(s); paths[k].x.append(x); paths[k].y.append(y)
        if let loss { paths[k].loss.append(loss) }
        total += 1
        guard total <= PathFileReader.maximumPoints else {
            throw RunLogError(file: file, "line \(line): more than \(PathFileReader.maximumPoints) points; expected a path to draw")
        }
    }

    func finish() throws(RunLogError) -> [UserPath] {
        guard total > 0 else { throw RunLogError(file: file, "line 2: a header but no points; expected rows of x,y") }
        return paths.map { var p = $0; p.axes = axes; p.ignored = ignored; return p }
    }
}
