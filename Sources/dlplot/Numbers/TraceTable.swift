import Foundation
import Figures
import Optim
import Viz

/// `dlplot trace`'s table, written as the run makes it: CSV rows go to standard output in pieces of about
/// 1 MiB as soon as they are made, so 10⁷ steps print in constant memory; JSON (one object, column by
/// column) keeps each column as plain numbers (8 bytes a row, never a string per cell) and writes them
/// in pieces at the end. A failing standard output ends the process as every command does ("cannot write
/// standard output", exit 1) at the first piece that fails, not after the whole run.
final class TraceTable {
    let format: NumberFormat
    let hasRates: Bool
    let hasEvaluations: Bool
    private var piece: [UInt8] = []
    private static let pieceSize = 1 << 20
    // JSON's columns (empty for CSV).
    private var steps: [Int] = [], xs: [Double] = [], ys: [Double] = [], values: [Double] = []
    private var rates: [Double] = [], evaluations: [Int] = []

    /// The columns step,x,y,f, then lr when `hasRates`, then evaluations when `hasEvaluations`;
    /// `expectedRows` reserves JSON's columns once.
    init(format: NumberFormat, hasRates: Bool, hasEvaluations: Bool, expectedRows: Int) {
        self.format = format; self.hasRates = hasRates; self.hasEvaluations = hasEvaluations
        piece.reserveCapacity(Self.pieceSize + 4096)
        if format == .json {
            let n = max(expectedRows, 1)
            steps.reserveCapacity(n); xs.reserveCapacity(n); ys.reserveCapacity(n); values.reserveCapacity(n)
            if hasRates { rates.reserveCapacity(n) }
            if hasEvaluations { evaluations.reserveCapacity(n) }
        } else {
            add(columns.joined(separator: ",") + "\n")
        }
    }

    var columns: [String] {
        ["step", "x", "y", "f"] + (hasRates ? ["lr"] : []) + (hasEvaluations ? ["evaluations"] : [])
    }

    /// One row: step, x, y, f, the lr its step uses and the running count of evaluations (used only when
    /// the table has those columns).
    func append(step: Int, x: Double, y: Double, f: Double, lr: Double, evaluations count: Int?) {
        guard format == .csv else {
            steps.append(step); xs.append(x); ys.append(y); values.append(f)
            if hasRates { rates.append(lr) }
            if hasEvaluations { evaluations.append(count ?? 0) }
            return
        }
        var line = String(step) + "," + NumberText.shortest(x) + "," + NumberText.shortest(y) + "," + NumberText.shortest(f)
        if hasRates { line += "," + NumberText.shortest(lr) }
        if hasEvaluations { line += "," + String(count ?? 0) }
        add(line + "\n")
    }

    /// Ends the table: JSON's columns and `fields` (only JSON carries them), then everything still held.
    func finish(fields: [(name: String, value: DataCell)]) {
        if format == .json {
            add("{")
            column("step", steps.count) { DataCell.integer(Int64(self.steps[$0])).json }
            column("x", xs.count) { DataCell.real(self.xs[$0]).json }
            column("y", ys.count) { DataCell.real(self.ys[$0]).json }
            column("f", values.count) { DataCell.real(self.values[$0]).json }
            if hasRates { column("lr", rates.count) { DataCell.real(self.rates[$0]).json } }
            if hasEvaluations { column("evaluations", evaluations.count) { DataCell.integer(Int64(self.evaluations[$0])).json } }
            for field in fields { add("," + JSONText.string(field.name) + ":" + field.value.json) }
            add("}\n")
        }
        flush()
    }

    private func column(_ name: String, _ count: Int, _ cell: (Int) -> String) {
        add((name == "step" ? "" : ",") + JSONText.string(name) + ":[")
        for i in 0..<count { add((i > 0 ? "," : "") + cell(i)) }
        add("]")
    }

    private func add(_ text: String) {
        piece += text.utf8
        if piece.count >= Self.pieceSize { flush() }
    }

    private func flush() {
        guard !piece.isEmpty else { return }
        // Straight to the descriptor (nothing else is printed before the table ends).
        let failure = AtomicFile.writeFully(1, piece)
        piece.removeAll(keepingCapacity: true)
        if let failure {
            writeStandardError("Error: cannot write standard output: \(failure)\n")
            exit(1)
        }
    }
}
