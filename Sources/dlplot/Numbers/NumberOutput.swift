import ArgumentParser
import Figures

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

extension DataTable {
    /// The table as a number command prints it: CSV (a header, then one line per row; a list cell as
    /// its numbers joined by `;`) or one JSON object (each column name → an array of its values, then
    /// `fields`, which only JSON carries). Numbers are the shortest decimal that reads back to the same
    /// Double, as in the figures' `--data` tables; non-finite ones are `inf`, `-inf`, `nan` in CSV and
    /// the strings "inf", "-inf", "nan" in JSON.
    func text(_ format: NumberFormat, fields: [(name: String, value: DataCell)] = []) -> String {
        format == .csv ? csv : json(fields: fields)
    }
}
