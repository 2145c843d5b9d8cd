import Foundation
import XCTest

/// The legend's best value and tiny values, as drawn by `dlplot runs`.
final class RunsBestValueCLITests: XCTestCase {
    private func legend(_ args: [String]) throws -> String {
        // A lone run's numbers are a note beside its line (no legend); several runs' are in the legend.
        // (said in the footnote where no spot beside the line is free).
        try LayoutSweepTests.report(args).elements.filter { [.legend, .note, .footnote].contains($0.kind) }.map(\.text).joined(separator: "; ")
    }

    private func log(_ text: String) throws -> String {
        let url = try makeTemporaryDirectory().appendingPathComponent("m.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testScoresShowTheirMaximumAndSettingsNoBest() throws {
        let file = try log("step,loss,top1,lr,val_acc_std\n0,2.0,10,0.1,0.5\n1,1.0,60,0.01,0.2\n2,1.5,40,0.001,0.3\n")
        let all = try legend(["runs", file, "--y", "*"])
        XCTAssertTrue(all.contains("min 1 at step 1 · final 1.5"), all)
        XCTAssertTrue(all.contains("max 60 at step 1 · final 40"), all)
        XCTAssertTrue(all.contains("final 0.001"), all)
        XCTAssertFalse(all.contains("min 0.001"), "lr has no best: \(all)")
        XCTAssertTrue(all.contains("final 0.3"), all)
        XCTAssertFalse(all.contains("min 0.2") || all.contains("max 0.5"), "a spread has no best: \(all)")
        // --best overrides the guess, first match wins.
        let forced = try legend(["runs", file, "--y", "top1,lr", "--best", "lr=min", "--best", "t*=min"])
        XCTAssertTrue(forced.contains("min 10 at step 0 · final 40"), forced)
        XCTAssertTrue(forced.contains("min 0.001 at step 2"), forced)
    }

    func testABadBestIsOneLine() throws {
        let dir = try makeTemporaryDirectory()
        let file = try log("step,loss\n0,1\n1,0.5\n")
        let run = try runDLPlot(["runs", file, "--best", "loss=lowest", "-o", "b.png"], in: dir)
        XCTAssertEqual(run.status, 64)
        XCTAssertEqual(run.stderr, "Error: invalid --best 'loss=lowest': expected GLOB=min, GLOB=max or GLOB=none (e.g. 'top*=max')\n")
        XCTAssertEqual(listing(dir), [])
    }

    func testTheSmallestDoubleIsPrintedWithItsMantissa() throws {
        let file = try log("step,loss\n0,1e-8\n1,5e-324\n")
        let all = try legend(["runs", file])
        XCTAssertTrue(all.contains("min 4.94×10⁻³²⁴ at step 1 · final 4.94×10⁻³²⁴"), all)
        XCTAssertFalse(all.contains("∞"), all)
    }
}
