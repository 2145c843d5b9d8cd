import ArgumentParser
import Figures
import Viz

/// How numbers are printed.
enum NumberFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// A header line, then one comma-separated row per entry.
    case csv
    /// One JSON object: each column name maps to an array of its values.
    case json
}

/// The `--format` option shared by every number-printing command.
struct NumberOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Output format: csv (a header, then rows) or json (one object: each column name → an array; "
            + "non-finite numbers as the strings \"inf\", \"-inf\", \"nan\").",
        valueName: "csv|json"))
    var format: NumberFormat = .csv
}

/// A column-oriented table of numbers that prints as CSV (through `DataTable`) or hand-written JSON.
///
/// Numbers are the shortest decimal that reads back to the same Double (`NumberText.shortest`, as in
/// the figures' data tables: no rounding, no locale). Non-finite numbers are `inf`, `-inf`, `nan` in CSV and the strings
/// "inf", "-inf", "nan" in JSON. A row-valued column (e.g. a cce gradient) prints in CSV as its
/// numbers joined by `;` and in JSON as an array of arrays.
struct NumberTable {
    enum Column {
        case integers([Int])
        case numbers([Double])
        case rows([[Double]])
    }

    /// JSON-only extra values.
    enum Extra {
        case number(Double)
        case numbers([Double])
        case rows([[Double]])
        case integer(Int)
        case text(String)
    }

    var columns: [(name: String, values: Column)] = []
    var extras: [(name: String, value: Extra)] = []

    /// A number in JSON: the shortest round-trip decimal, or the string "inf", "-inf" or "nan".
    static func jsonNumber(_ v: Double) -> String {
        v.isFinite ? v.description : "\"\(NumberText.shortest(v))\""
    }

    /// `s` as a JSON string literal.
    static func jsonString(_ s: String) -> String { JSONText.string(s) }

    private var rowCount: Int {
        columns.map { column -> Int in
            switch column.values {
            case .integers(let v): return v.count
            case .numbers(let v): return v.count
            case .rows(let v): return v.count
            }
        }.max() ?? 0
    }

    /// CSV: the header and one line per row, each ending in a newline, written by the figures' `DataTable`
    /// (one CSV writer for `--data` tables and number commands); a row-valued cell is its numbers joined by `;`.
    func csv() -> String {
        let cells = (0..<rowCount).map { r in
            columns.map { column -> DataCell in
                switch column.values {
                case .integers(let v): r < v.count ? .integer(Int64(v[r])) : .text("")
                case .numbers(let v): r < v.count ? .real(v[r]) : .text("")
                case .rows(let v): .text(r < v.count ? v[r].map(NumberText.shortest).joined(separator: ";") : "")
                }
            }
        }
        return DataTable(name: "numbers", columns: columns.map(\.name), cells: cells).csv
    }

    /// One JSON object (columns first, then the extras), ending in a newline.
    func json() -> String {
        func array(_ v: [Double]) -> String { "[" + v.map(NumberTable.jsonNumber).joined(separator: ",") + "]" }
        func matrix(_ m: [[Double]]) -> String { "[" + m.map(array).joined(separator: ",") + "]" }
        var fields: [String] = []
        for column in columns {
            let value: String
            switch column.values {
            case .integers(let v): value = "[" + v.map(String.init).joined(separator: ",") + "]"
            case .numbers(let v): value = array(v)
            case .rows(let v): value = matrix(v)
            }
            fields.append(NumberTable.jsonString(column.name) + ":" + value)
        }
        for extra in extras {
            let value: String
            switch extra.value {
            case .number(let v): value = NumberTable.jsonNumber(v)
            case .numbers(let v): value = array(v)
            case .rows(let v): value = matrix(v)
            case .integer(let i): value = String(i)
            case .text(let s): value = NumberTable.jsonString(s)
            }
            fields.append(NumberTable.jsonString(extra.name) + ":" + value)
        }
        return "{" + fields.joined(separator: ",") + "}\n"
    }

    /// The table in `format`.
    func render(_ format: NumberFormat) -> String {
        format == .csv ? csv() : json()
    }
}
