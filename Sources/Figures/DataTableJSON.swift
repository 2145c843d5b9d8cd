import Viz

extension DataCell {
    /// The cell as JSON: integers as integers, other numbers as the shortest round-trip decimal
    /// (non-finite ones as the strings "inf", "-inf", "nan"; a zero as 0.0, a `signedReal` −0.0 as -0.0), text as a string, yes/no as `true`/`false`,
    /// a list as an array.
    public var json: String {
        switch self {
        case .integer(let v): return String(v)
        case .real(let v): return v.isFinite ? NumberText.shortest(v) : "\"" + NumberText.shortest(v) + "\""
        case .real32(let v): return v.isFinite ? NumberText.shortest(v) : "\"" + NumberText.shortest(v) + "\""
        case .signedReal(let v): return v.isFinite ? NumberText.signed(v) : "\"" + NumberText.shortest(v) + "\""
        case .text(let s): return JSONText.string(s)
        case .bool(let v): return v ? "true" : "false"
        case .list(let cells): return "[" + cells.map(\.json).joined(separator: ",") + "]"
        }
    }

    /// A list of reals, e.g. one row of a gradient.
    public static func reals(_ v: [Double]) -> DataCell { .list(v.map(DataCell.real)) }
}

extension Array where Element == DataCell {
    /// One real cell per value (a column of numbers).
    public init(reals v: [Double]) { self = v.map(DataCell.real) }
    /// One `signedReal` cell per value: a zero keeps its sign.
    public init(signedReals v: [Double]) { self = v.map(DataCell.signedReal) }
    /// One integer cell per value (a column of steps or indices).
    public init(integers v: [Int]) { self = v.map { .integer(Int64($0)) } }
}

extension DataTable {
    /// A table from whole columns of equal length, e.g. `[("step", steps.map { .integer($0) }), ("x", xs.map(DataCell.real))]`.
    public init(name: String, columns: [(name: String, cells: [DataCell])]) {
        let count = columns.map(\.cells.count).max() ?? 0
        self.init(name: name, columns: columns.map(\.name), cells: (0..<count).map { r in
            columns.map { r < $0.cells.count ? $0.cells[r] : .text("") }
        })
    }

    /// The table as one JSON object, column by column: each column name maps to the array of its cells
    /// (`DataCell.json`), then each of `fields` (a name and one value, e.g. a run's stop reason), ending
    /// in a newline. Rows are read once, so generated rows are made once.
    public func json(fields: [(name: String, value: DataCell)] = []) -> String {
        var arrays = [String](repeating: "", count: columns.count)
        var first = true
        forEachRow { row in
            for (k, cell) in row.enumerated() where k < arrays.count {
                if !first { arrays[k] += "," }
                arrays[k] += cell.json
            }
            first = false
        }
        let parts = zip(columns, arrays).map { JSONText.string($0) + ":[" + $1 + "]" }
            + fields.map { JSONText.string($0.name) + ":" + $0.value.json }
        return "{" + parts.joined(separator: ",") + "}\n"
    }
}
