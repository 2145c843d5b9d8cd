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

    public init(label: String, steps: [Int], x: [Double], y: [Double]) {
        self.label = label; self.steps = steps; self.x = x; self.y = y
    }
}

/// Reads `--path FILE.csv`: a header with columns `x` and `y` (or `w` and `b`, the parameters of the
/// dataset surfaces), optionally `step` and `label`; one row per point. Rows with the same label form
/// one path, labels in order of first appearance.
///
/// Rules: an empty `x` or `y` cell, a cell that is not a number, a step that is not an integer, or a
/// step that does not increase within a path is an error naming the file and line; `nan` and `inf`
/// are kept (the path diverged there). Other columns are ignored.
public enum PathFileReader {
    public static let maximumPoints = 10_000_000

    public static func read(_ path: String) throws(RunLogError) -> [UserPath] {
        _ = try LogReader.format(of: path)   // empty, binary or event files are refused here
        guard let stream = InputStream(fileAtPath: path) else { throw RunLogError(file: path, "cannot be opened for reading") }
        let reader: CSVReader
        do { reader = try CSVReader(stream: stream, hasHeaderRow: true) } catch {
            throw RunLogError(file: path, "has no header row; expected columns x,y (optionally step, label)")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let xi = header.firstIndex(of: "x") ?? header.firstIndex(of: "w")
        let yi = header.firstIndex(of: "y") ?? header.firstIndex(of: "b")
        guard let xi, let yi else {
            throw RunLogError(file: path, "has columns '\(header.joined(separator: ","))'; expected x and y "
                + "(or w and b), optionally step and label")
        }
        let si = header.firstIndex(of: "step"), li = header.firstIndex(of: "label")
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var paths: [UserPath] = []
        var index: [String: Int] = [:]
        var line = 1, total = 0
        while let row = reader.next() {
            line += 1
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            func cell(_ i: Int) -> String { i < row.count ? row[i].trimmingCharacters(in: .whitespaces) : "" }
            func number(_ i: Int) throws(RunLogError) -> Double {
                guard let v = Double(cell(i)) else {
                    throw RunLogError(file: path, "line \(line), column '\(header[i])': '\(cell(i))' is not a number")
                }
                return v
            }
            let label = li.map { cell($0) }.flatMap { $0.isEmpty ? nil : $0 } ?? stem
            let k = index[label] ?? paths.count
            if k == paths.count { index[label] = k; paths.append(UserPath(label: label, steps: [], x: [], y: [])) }
            var step = paths[k].steps.count
            if let si {
                guard let s = Int(cell(si)) else {
                    throw RunLogError(file: path, "line \(line), column 'step': '\(cell(si))' is not an integer step")
                }
                step = s
            }
            if let last = paths[k].steps.last, step <= last {
                throw RunLogError(file: path, "line \(line): step \(step) of path '\(label)' does not follow step \(last); "
                    + "expected increasing steps")
            }
            let x = try number(xi), y = try number(yi)
            paths[k].steps.append(step); paths[k].x.append(x); paths[k].y.append(y)
            total += 1
            guard total <= maximumPoints else {
                throw RunLogError(file: path, "holds more than \(maximumPoints) points; expected a path to draw")
            }
        }
        guard total > 0 else { throw RunLogError(file: path, "has a header but no points; expected rows of x,y") }
        return paths
    }
}
