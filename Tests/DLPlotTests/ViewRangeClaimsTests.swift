import Foundation
import XCTest

/// Y14-20 and Y14-21: a --y-range the user fixes is the view a figure's claims speak of. `lr --y-range 0:10` said
/// "leaves the view at step 5 (to w = −4.03)" (where |w| left the x range) for a run that left through the top at
/// step 3; `pitfalls --y-range 0:3` drew "global minimum" beside the local minimum, the global one being below the view.
final class ViewRangeClaimsTests: XCTestCase {
    private func texts(_ arguments: [String], in dir: URL) throws -> [(kind: String, text: String)] {
        let r = try runDLPlot(arguments + ["-o", "f.png", "--layout-report", "f.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json")))
        let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        return elements.map { ($0["kind"] as? String ?? "", $0["text"] as? String ?? "") }
    }

    func testALearningRateRunLeavesTheViewWhereItLeavesTheUsersYRange() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // --data: step 3 at w = −3.33, f = 11.07 > 10 (steps 1 and 2: f = 9.15 and 7.56).
        let fixed = try texts(["lr", "--rates", "0.1,1.05", "--y-range", "0:10"], in: dir).map(\.text).joined(separator: "\n")
        XCTAssertTrue(fixed.contains("leaves the view at step 3 (to w = −3.33, f = 11.1)"), fixed)
        XCTAssertFalse(fixed.contains("step 5"), fixed)
        // Without --y-range the fitted view is unchanged: |w| leaves the x range at step 5.
        let fitted = try texts(["lr", "--rates", "0.1,1.05"], in: dir).map(\.text).joined(separator: "\n")
        XCTAssertTrue(fitted.contains("leaves the view at step 5 (to w = −4.03)"), fitted)
    }

    func testAMinimumOutsideTheUsersYRangeIsSaidNotDrawnBesideAnother() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try texts(["pitfalls", "--y-range", "0:3"], in: dir)
        // The names are annotations, joined to their dips by leaders (they were notes, which the layout moved off
        // their minima on a 4K slide).
        let drawn = all.filter { $0.kind == "annotation" && $0.text.hasSuffix("minimum") }.map(\.text)
        XCTAssertEqual(drawn, ["local minimum"], "\(all)")
        let foot = all.filter { $0.kind == "footnote" }.map(\.text).joined()
        XCTAssertTrue(foot.contains("global minimum below the view: $f$ = −0.61 at $w$ = 2.1"), foot)
        // The run from −4.2 never enters 0 ≤ f ≤ 3: said, as with the fitted view's far starts.
        let legend = all.filter { $0.kind == "legend" }.map(\.text).joined(separator: "; ")
        XCTAssertTrue(legend.contains("$w_0$ = −4.2, $\\alpha$ = 0.05: starts above the view ($f$ = 4.6)"), legend)
        // The fitted view still names both under their dips.
        let fitted = try texts(["pitfalls"], in: dir).filter { $0.kind == "annotation" && $0.text.hasSuffix("minimum") }.map(\.text).sorted()
        XCTAssertEqual(fitted, ["global minimum", "local minimum"])
    }
}
