import Foundation
import XCTest

/// The command line as documentation: values as a reader expects them, the start listed.
final class CLIDocumentationTests: XCTestCase {
    func testCategoricalCrossEntropyNeverPrintsNegativeZero() throws {
        for format in ["csv", "json"] {
            let r = try runDLPlot(["eval", "loss", "cce", "--prediction", "0.8,0.1,0.1;0.2,0.7,0.1", "--target", "1,0,0;0,1,0",
                                   "--format", format])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertFalse(r.stdout.contains("-0.0"), r.stdout)
            XCTAssertTrue(r.stdout.contains("-1.25"), r.stdout)
        }
    }

    func testListSurfacesShowsTheStart() throws {
        let r = try runDLPlot(["list", "surfaces"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("bowl") && r.stdout.contains("start (2.5, 2.0)"), r.stdout)
        XCTAssertEqual(r.stdout.split(separator: "\n").filter { $0.contains("; start (") }.count,
                       r.stdout.split(separator: "\n").count)
    }
}
