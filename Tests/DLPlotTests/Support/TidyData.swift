import Foundation

/// A tidy `--data` table read back: its header and rows of cells (CSV quoting undone).
struct TidyTable {
    var columns: [String]
    var rows: [[String]]

    init(_ url: URL) throws {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { TidyTable.cells(String($0)) }
        columns = lines.first ?? []
        rows = Array(lines.dropFirst())
    }

    /// The rows of each value of the first (key) column, in order of first appearance, the other cells as
    /// numbers (`true`/`false` as 1/0, text as NaN).
    var groups: [(key: String, rows: [[Double]])] {
        var out: [(key: String, rows: [[Double]])] = []
        for row in rows {
            let numbers = row.dropFirst().map { $0 == "true" ? 1 : $0 == "false" ? 0 : Double($0) ?? .nan }
            if let k = out.firstIndex(where: { $0.key == row[0] }) { out[k].rows.append(numbers) } else { out.append((row[0], [numbers])) }
        }
        return out
    }

    /// The cells of the column called `name`.
    func column(_ name: String) -> [String] {
        guard let i = columns.firstIndex(of: name) else { return [] }
        return rows.map { i < $0.count ? $0[i] : "" }
    }

    /// One CSV line split into cells.
    static func cells(_ line: String) -> [String] {
        var out: [String] = [], cell = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { out.append(cell); cell = "" } else { cell.append(c) }
        }
        out.append(cell)
        return out
    }
}
