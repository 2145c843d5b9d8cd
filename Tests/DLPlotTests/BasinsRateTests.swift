import Foundation
import XCTest

/// `basins` chooses a learning rate for the function, not for the view: the same rate whatever --xrange and
/// --yrange show (gd got 0.1 on 1:4 × 1:3, diverging from two starts in three, and 5×10⁻⁵ on −1:1 × −1:1,
/// where no start converged; Himmelblau's own view gives 5×10⁻⁴).
final class BasinsRateTests: XCTestCase {
    /// The run labels (`(1) gd lr=…`) and outcomes of a small map over the given ranges.
    private func runs(_ ranges: [String], in dir: URL) throws -> (labels: Set<String>, outcomes: [String]) {
        let r = try runDLPlot(["basins", "--grid", "5", "--optimizers", "gd", "--data", "-", "-o", "b.png"] + ranges, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        return (Set(rows.map { String($0[0]) }), rows.map { String($0[3]) })
    }

    func testTheDefaultRateDoesNotDependOnTheView() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = try runs([], in: dir)
        XCTAssertEqual(own.labels, ["gd lr=5×10⁻⁴"])
        for ranges in [["--xrange", "1:4", "--yrange", "1:3"], ["--xrange", "-1:1", "--yrange", "-1:1"], ["--xrange", "-6:6", "--yrange", "-6:6"]] {
            let zoomed = try runs(ranges, in: dir)
            XCTAssertEqual(zoomed.labels, own.labels, "\(ranges)")
            XCTAssertFalse(zoomed.outcomes.contains("diverged"), "\(ranges): \(zoomed.outcomes)")
        }
        // Near minimum A (3, 2), every start of 1:4 × 1:3 reaches a minimum at that rate.
        XCTAssertFalse(try runs(["--xrange", "1:4", "--yrange", "1:3"], in: dir).outcomes.contains("not converged"))
    }
}
