import Foundation
import XCTest

/// Curves other than the axes along which a typed surface is unbounded, tried as a new user would:
/// `surface '1/(x-y)'` said nothing of f → ±∞ along the line x = y (only "f undefined (NaN) on 0.33 % of
/// the view", where f is ±∞, not NaN), and a run ending near the corner read as a result.
final class SingularCurveTests: XCTestCase {
    private func notes(_ arguments: [String], in dir: URL) throws -> String {
        let r = try runDLPlot(["surface"] + arguments + ["-o", "s.png", "--layout-report", "s.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try String(contentsOf: dir.appendingPathComponent("s.json"), encoding: .utf8)
    }

    func testCurvesWhereFIsUnboundedAreNamed() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = try notes(["1/(x-y)", "--optimizers", "gd"], in: dir)
        XCTAssertTrue(line.contains("f → ±∞ along x − y = 0 (no minimum)"), line)
        XCTAssertFalse(line.contains("undefined (NaN)"), line)
        let square = try notes(["1/(x-y)^2", "--optimizers", "gd"], in: dir)
        XCTAssertTrue(square.contains("f → ∞ along x − y = 0"), square)
        XCTAssertFalse(square.contains("(no minimum)"), square)
        let circle = try notes(["log((x^2 + y^2 - 1)^2)", "--optimizers", "gd"], in: dir)
        XCTAssertTrue(circle.contains("f → −∞ along x² + y² − 1 = 0 (no minimum)"), circle)
        // The axes keep their words, and a factor that cancels (x − y over itself) is no singular curve.
        let axes = try notes(["log(x*y)", "--optimizers", "gd"], in: dir)
        XCTAssertTrue(axes.contains("f → −∞ along x = 0 and y = 0 (no minimum)"), axes)
        let cancelled = try notes(["(x-y)/(x-y) + x^2 + y^2", "--optimizers", "gd"], in: dir)
        XCTAssertFalse(cancelled.contains("along"), cancelled)
    }

    /// A run that steps across the curve is footnoted with its step, as one crossing an axis is.
    func testARunAcrossTheCurveIsFootnoted() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // From (1, 0.5) gd on 1/(x − y) descends towards the line (f → −∞ from below it) and jumps over it.
        let report = try notes(["1/(x-y)", "--start=0.5,1", "--optimizers", "gd", "--lr", "0.01", "--steps", "200"], in: dir)
        XCTAssertTrue(report.contains("steps across x − y = 0 (f → ±∞ there) at step"), report)
    }
}
