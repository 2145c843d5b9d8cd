import Foundation
import TestSupport
import XCTest

/// The group table's min and max are logged values: for float32 logs (TensorBoard scalars) they print as
/// the points table prints them (1.9043152), not widened to doubles (1.9043152332305908), so the two tables join.
final class RunsGroupTableTests: XCTestCase {
    private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures")
    func testMinAndMaxOfFloat32RunsPrintAsLogged() throws {
        let dir = try makeTemporaryDirectory()
        let digits = fixtures.appendingPathComponent("tensorboard/digits").path
        let run = try runDLPlot(["runs", digits, "--y", "val/*", "--group", "seed[0-9]+", "--data", "t.csv", "-o", "t.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let points = try TidyTable(dir.appendingPathComponent("t.csv"))
        let groups = try TidyTable(dir.appendingPathComponent("t-2.csv"))
        // Every value logged at each metric and step, as printed.
        var logged: [String: Set<String>] = [:]
        let (pm, ps, pv) = (points.columns.firstIndex(of: "metric"), points.columns.firstIndex(of: "step"), points.columns.firstIndex(of: "value"))
        for row in points.rows { if let pm, let ps, let pv { logged[row[pm] + "@" + row[ps], default: []].insert(row[pv]) } }
        let (gm, gs, lo, hi, n) = (groups.columns.firstIndex(of: "metric"), groups.columns.firstIndex(of: "step"),
                                   groups.columns.firstIndex(of: "min"), groups.columns.firstIndex(of: "max"), groups.columns.firstIndex(of: "runs"))
        var checked = 0
        for row in groups.rows {
            guard let gm, let gs, let lo, let hi, let n, row[n] == "3" else { continue }
            let values = logged[row[gm] + "@" + row[gs]] ?? []
            XCTAssertTrue(values.contains(row[lo]), "min \(row[lo]) at \(row[gm]) step \(row[gs]) is one of \(values)")
            XCTAssertTrue(values.contains(row[hi]), "max \(row[hi]) at \(row[gm]) step \(row[gs]) is one of \(values)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
    }
}
