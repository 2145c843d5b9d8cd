/// One cell of a data table: integers print as integers, names as names, yes/no as `true`/`false`.
public enum DataCell: Sendable, Hashable {
    /// A count, step or index.
    case integer(Int64)
    /// A number, printed as the shortest decimal that reads back to the same Double.
    case real(Double)
    /// A value logged in single precision (TensorBoard scalars): printed as the shortest decimal that
    /// reads back to the same Float, i.e. as it was logged.
    case real32(Float)
    /// A number whose zero keeps its sign (−0.0 prints as `-0.0`, as PyTorch prints it), otherwise as `real`:
    /// a function's value or derivative where the sign tells something (1/x at −0 is −∞, −x² at 0 is −0.0).
    case signedReal(Double)
    /// A name.
    case text(String)
    /// Yes or no.
    case bool(Bool)
    /// Several values in one cell (a row of a gradient): `;`-separated in CSV, an array in JSON.
    case list([DataCell])

    /// The cell as CSV: shortest round-trip decimals, `nan`/`inf`/`-inf`, quoted text when needed.
    public var csv: String {
        switch self {
        case .integer(let v): return String(v)
        case .real(let v): return NumberText.shortest(v)
        case .real32(let v): return NumberText.shortest(v)
        case .signedReal(let v): return NumberText.signed(v)
        case .bool(let v): return v ? "true" : "false"
        case .list(let cells): return cells.map(\.csv).joined(separator: ";")
        case .text(let s):
            guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    /// The cell as a number (integers and reals; true = 1, false = 0; text and lists are NaN).
    public var number: Double {
        switch self {
        case .integer(let v): Double(v)
        case .real(let v): v
        case .real32(let v): Double(v)
        case .signedReal(let v): v
        case .bool(let v): v ? 1 : 0
        case .text, .list: .nan
        }
    }
}

/// The numbers behind a figure, written with `--data`: a tidy table (long format, one row per
/// observation) with a header row. A figure may return several tables (each tidy); they go to NAME.csv,
/// NAME-2.csv, …
///
/// Rows are stored as cells, or made on demand from the figure's own arrays (`appendRows(count:_:)`),
/// so that a table of 10⁷ logged points costs no memory unless it is written.
public struct DataTable: Sendable {
    public var name: String
    public var columns: [String]
    /// The stored rows, before the generated ones.
    private var stored: [[DataCell]]
    /// Rows made when read, after `stored`.
    private var generated: [(count: Int, row: @Sendable (Int) -> [DataCell])] = []

    /// Every row as cells (generated rows are made here; prefer `forEachRow` for large tables).
    public var cells: [[DataCell]] {
        get {
            guard !generated.isEmpty else { return stored }
            var all = stored
            all.reserveCapacity(rowCount)
            forEachGenerated { all.append($0) }
            return all
        }
        set { stored = newValue; generated = [] }
        _modify {
            if !generated.isEmpty { stored = cells; generated = [] }
            yield &stored
        }
    }

    /// The number of rows.
    public var rowCount: Int { generated.reduce(stored.count) { $0 + $1.count } }

    public init(name: String, columns: [String], cells: [[DataCell]]) {
        self.name = name; self.columns = columns; stored = cells
    }

    /// Appends `count` rows, row i made by `row(i)` whenever the table is read or written.
    public mutating func appendRows(count: Int, _ row: @escaping @Sendable (Int) -> [DataCell]) {
        if count > 0 { generated.append((count, row)) }
    }

    /// Calls `body` with every row in order, without keeping them.
    public func forEachRow(_ body: ([DataCell]) -> Void) {
        for r in stored { body(r) }
        forEachGenerated(body)
    }

    private func forEachGenerated(_ body: ([DataCell]) -> Void) {
        for g in generated { for i in 0..<g.count { body(g.row(i)) } }
    }

    /// Columns that count things and print as integers wherever a table of numbers has them.
    public static let integerColumnNames: Set<String> = ["step", "epoch", "layer", "layers", "class", "problem", "errors", "index", "count", "runs"]

    /// A table of numbers; the columns named in `integerColumns` (and those in `integerColumnNames`)
    /// hold integers: steps, counts, indices.
    public init(name: String, columns: [String], rows: [[Double]] = [], integerColumns: Set<String> = []) {
        self.name = name; self.columns = columns
        let integer = columns.map { integerColumns.contains($0) || DataTable.integerColumnNames.contains($0) }
        stored = rows.map { row in
            row.enumerated().map { k, v in
                k < integer.count && integer[k] && v.isFinite && v.rounded() == v && abs(v) < 9e15 ? .integer(Int64(v)) : .real(v)
            }
        }
    }

    /// Every cell as a number (text as NaN), row by row.
    public var rows: [[Double]] { cells.map { $0.map(\.number) } }

    /// The table as CSV (as `csv`) in pieces of about `pieceSize` bytes, so a table of 10⁷ rows is
    /// never held whole; stops early when `write` returns false.
    public func writeCSV(pieceSize: Int = 1 << 20, _ write: ([UInt8]) -> Bool) {
        var piece: [UInt8] = []
        piece.reserveCapacity(pieceSize + 4096)
        piece += (columns.map { DataCell.text($0).csv }.joined(separator: ",") + "\n").utf8
        var ok = true
        forEachRow { r in
            guard ok else { return }
            for (k, cell) in r.enumerated() {
                if k > 0 { piece.append(UInt8(ascii: ",")) }
                piece += cell.csv.utf8
            }
            piece.append(UInt8(ascii: "\n"))
            if piece.count >= pieceSize { ok = write(piece); piece.removeAll(keepingCapacity: true) }
        }
        if ok, !piece.isEmpty { _ = write(piece) }
    }

    /// The table as CSV: a header row, then one line per row.
    public var csv: String {
        var out = columns.map { DataCell.text($0).csv }.joined(separator: ",") + "\n"
        forEachRow { r in out += r.map(\.csv).joined(separator: ",") + "\n" }
        return out
    }

    /// One long table from one table per series: the `keys` columns (e.g. `run`, or `start,lr`) name the
    /// series each row came from, then the series' own columns (the same in every part; the first part's
    /// are used). With no parts, a table with the key columns and `columns`.
    public static func long(name: String, keys: [String], columns: [String] = [], _ parts: [([DataCell], DataTable)]) -> DataTable {
        var out = DataTable(name: name, columns: keys + (parts.first?.1.columns ?? columns), cells: [])
        for (key, t) in parts { out.cells += t.cells.map { key + $0 } }
        return out
    }

    /// `long` keyed by one text column `key` holding each part's name.
    public static func long(name: String, key: String, _ parts: [DataTable], columns: [String] = []) -> DataTable {
        long(name: name, keys: [key], columns: columns, parts.map { ([.text($0.name)], $0) })
    }

    /// The files for `tables` given `--data PATH`: PATH for the first, then PATH-2.csv, PATH-3.csv, …
    public static func files(_ tables: [DataTable], path: String) -> [(path: String, text: String)] {
        tables.enumerated().map { k, t in (fileName(k, path: path), t.csv) }
    }

    /// The name of table `k` (from 0) given `--data PATH`: PATH, then PATH-2.csv, PATH-3.csv, …
    public static func fileName(_ k: Int, path: String) -> String {
        let stem = path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return k == 0 ? path : stem + "-\(k + 1).csv"
    }
}
/// Number printing shared by every command: the shortest decimal that reads back to the same Double.
public enum NumberText {
    /// `1.5`, `-0.25`, `1e-08`, `inf`, `-inf`, `nan`; a zero prints as `0.0` whatever its sign (−0.0 is an
    /// artefact of the arithmetic, e.g. an underflowed −sᵢsⱼ, not a value a reader should see).
    public static func shortest(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return v == 0 ? "0.0" : v.description
    }

    /// As `shortest`, but a zero keeps its sign: −0.0 prints as `-0.0` (Python's and PyTorch's `repr`).
    public static func signed(_ v: Double) -> String {
        v == 0 && v.sign == .minus ? "-0.0" : shortest(v)
    }

    /// A single-precision value as the shortest decimal that reads back to the same Float, with the same
    /// non-finite and signed-zero rules as `shortest`.
    public static func shortest(_ v: Float) -> String {
        v.isFinite && v != 0 ? v.description : shortest(Double(v))
    }
    /// `v` with exactly `decimals` decimals (0…17; more are taken as 17), e.g. 0.0193 → "0.019", −2.5 → "-2.500",
    /// for labels. Total: `nan`, `inf` and `-inf` as in `shortest`, and a magnitude whose scaled digits do not
    /// fit an exact integer (|v| · 10^decimals ≥ 2⁵³, where a Double has no decimals left) as `shortest` too
    /// (1e+300), never a trap; no "-0.000" (a value that rounds to zero has no sign).
    public static func fixed(_ v: Double, decimals: Int) -> String {
        guard v.isFinite else { return shortest(v) }
        let digits = min(max(decimals, 0), 17)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(v) * scale).rounded()
        // Below 2⁵³ every integer is a Double, so the conversion is exact (and far from Int64's limit).
        guard scaled < 9_007_199_254_740_992 else { return shortest(v) }
        let units = UInt64(scaled), unit = UInt64(scale)
        let sign = v < 0 && units > 0 ? "-" : ""
        let whole = String(units / unit)
        guard digits > 0 else { return sign + whole }
        let frac = String(units % unit)
        return sign + whole + "." + String(repeating: "0", count: digits - frac.count) + frac
    }

}
