import Foundation
import XCTest

/// `--azimuth` and `--elevation` turn the 3-D view; on the plane view (seen from above) they would do
/// nothing, so they are refused with one line rather than silently ignored.
final class ViewAngleOptionTests: XCTestCase {
    func testAnglesWithoutTheThreeDimensionalViewAreRefused() throws {
        let cases: [([String], String)] = [
            (["surface", "bowl", "--elevation", "30"], "invalid --elevation '30': it applies only with --view 3d"),
            (["surface", "bowl", "--azimuth=-50"], "invalid --azimuth '-50': it applies only with --view 3d"),
            (["surface", "bowl", "--view", "plane", "--azimuth", "1e1"], "invalid --azimuth '1e1': it applies only with --view 3d"),
            (["landscape", "--azimuth", "-40"], "invalid --azimuth '-40': it applies only with --view 3d"),
            (["landscape", "--task", "xor", "--elevation", "60"], "invalid --elevation '60': it applies only with --view 3d"),
        ]
        for (args, message) in cases {
            let dir = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try runDLPlot(args + ["-o", "f.png"], in: dir)
            XCTAssertEqual(r.status, 64, "\(args)")
            XCTAssertEqual(r.stderr, "Error: " + message + " (the plane view is seen from above)\n")
            XCTAssertEqual(listing(dir), [], "\(args): nothing written")
        }
    }

    /// The defaults did not move: `--view 3d` alone is the view at azimuth −60°, elevation 30°.
    func testDefaultAnglesAreTheDocumentedOnes() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let common = ["surface", "bowl", "--optimizers", "gd", "--steps", "20", "--grid", "40", "--view", "3d", "--size", "480x270"]
        XCTAssertEqual(try runDLPlot(common + ["-o", "a.svg"], in: dir).status, 0)
        XCTAssertEqual(try runDLPlot(common + ["--azimuth", "-60", "--elevation", "30", "-o", "b.svg"], in: dir).status, 0)
        XCTAssertEqual(try runDLPlot(common + ["--azimuth", "-20", "-o", "c.svg"], in: dir).status, 0)
        let a = try Data(contentsOf: dir.appendingPathComponent("a.svg"))
        XCTAssertEqual(a, try Data(contentsOf: dir.appendingPathComponent("b.svg")))
        XCTAssertNotEqual(a, try Data(contentsOf: dir.appendingPathComponent("c.svg")), "--azimuth turns the view")
    }
}
