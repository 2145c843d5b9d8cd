import XCTest
@testable import Figures

/// `--data` writes a table in pieces: the same bytes as the whole CSV, never the whole table in memory.
final class DataTableStreamingTests: XCTestCase {
    private func table(rows: Int) -> DataTable {
        var t = DataTable(name: "points", columns: ["run", "metric", "step", "value"], cells: [[.text("a,b"), .text("loss"), .integer(-1), .real(.nan)]])
        t.appendRows(count: rows) { i in [.text("run"), .text("loss"), .integer(Int64(i)), .real(1 / Double(i + 1))] }
        return t
    }

    func testPiecesJoinToTheWholeCSV() {
        let t = table(rows: 1000)
        var pieces: [[UInt8]] = []
        t.writeCSV(pieceSize: 100) { pieces.append($0); return true }
        XCTAssertGreaterThan(pieces.count, 100, "small pieces")
        XCTAssertTrue(pieces.dropLast().allSatisfy { $0.count >= 100 && $0.count < 200 })
        XCTAssertEqual(String(decoding: pieces.joined(), as: UTF8.self), t.csv)
        XCTAssertTrue(t.csv.hasPrefix("run,metric,step,value\n\"a,b\",loss,-1,nan\nrun,loss,0,1.0\nrun,loss,1,0.5\n"))
    }

    func testAFailedWriteStopsThePieces() {
        var calls = 0
        table(rows: 10_000).writeCSV(pieceSize: 64) { _ in calls += 1; return calls < 3 }
        XCTAssertEqual(calls, 3)
    }
}
