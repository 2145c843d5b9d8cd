import Foundation
import Viz
import XCTest

/// Tried as a new user would (fresh pass 5): a scaled axis states the right power of ten and keeps its
/// name; messages name the option and the value as typed.
final class ScaledAxisAndMessageTests: XCTestCase {
    private func axisLabels(_ args: [String]) throws -> [String] {
        try LayoutSweepTests.report(args).elements.filter { $0.kind == .axisLabel }.map(\.text)
    }

    /// `steps --lr 1e10`: step 1 goes from (−4, 1.5) to (8×10⁹, −6×10¹⁰) in an equal-aspect panel whose y
    /// range widens to the cell; its y ticks are ×10¹¹, and the title once said ×10¹⁰ (the end drawn 10× too close).
    func testAnEqualAspectPanelStatesThePowerOfTenOfItsTicks() throws {
        let labels = try axisLabels(["steps", "--optimizer", "gd", "--surface", "ellipse", "--lr", "1e10"])
        XCTAssertTrue(labels.contains("$y$ (×10¹¹)"), "\(labels)")
        XCTAssertFalse(labels.contains("$y$ (×10¹⁰)"), "\(labels)")
        // Every panel names y with its own power of ten (no bare "×10²¹").
        XCTAssertTrue(labels.contains("$y$ (×10²¹)"), "\(labels)")
        XCTAssertFalse(labels.contains { $0.hasPrefix("×10") }, "\(labels)")
    }

    /// `runs` with values near the double's extremes: ticks are drawn, and the axis keeps the metric's name.
    func testARunsAxisScaledToExtremeValuesKeepsItsNameAndTicks() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let huge = dir.appendingPathComponent("huge.csv"), tiny = dir.appendingPathComponent("tiny.csv")
        // Every value huge (a spike of 1.7e308 in a loss near 1 is clipped instead: see RunsViewTests).
        try "step,loss\n0,1e308\n1,1.7e308\n2,1.2e308\n".write(to: huge, atomically: true, encoding: .utf8)
        try "step,loss\n0,3e-310\n1,2e-310\n2,1e-310\n".write(to: tiny, atomically: true, encoding: .utf8)
        XCTAssertTrue(try axisLabels(["runs", huge.path]).contains("loss (×10³⁰⁸)"))
        let report = try LayoutSweepTests.report(["runs", tiny.path])
        XCTAssertTrue(report.elements.contains { $0.kind == .axisLabel && $0.text == "loss (×10⁻³¹⁰)" },
                      "\(report.elements.filter { $0.kind == .axisLabel }.map(\.text))")
        let ticks = report.elements.filter { $0.kind == .tickLabel }.map(\.text)
        XCTAssertTrue(ticks.contains("2.0") || ticks.contains("2"), "subnormal values get y ticks: \(ticks)")
    }

    func testMessagesNameTheOptionAndTheValueAsTyped() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let size = try runDLPlot(["activation", "sigmoid", "--size", "1e308x1", "-o", "a.png"], in: dir)
        XCTAssertEqual(size.status, 64)
        XCTAssertEqual(size.stderr, "Error: invalid --size '1e308x1': each side must be 16 to \(Figure.maxPixels) pixels "
            + "(got 1e+308 by 1 pixels)\n")
        // A pixel size names no resolution (it said "at 160 dpi", a dpi never typed); a size in a unit does.
        let zero = try runDLPlot(["curves", "--surface", "rosenbrock", "--size", "0x720", "-o", "z.png"], in: dir)
        XCTAssertEqual(zero.status, 64)
        XCTAssertEqual(zero.stderr, "Error: invalid --size '0x720': each side must be 16 to \(Figure.maxPixels) pixels (got 0 by 720 pixels)\n")
        let inches = try runDLPlot(["activation", "relu", "--size", "0.01x4in", "--dpi", "100", "-o", "z.png"], in: dir)
        XCTAssertEqual(inches.stderr, "Error: invalid --size '0.01x4in': each side must be 16 to \(Figure.maxPixels) pixels (got 1 by 400 pixels at 100 dpi)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("z.png").path))
        let glued = try runDLPlot(["activation", "sigmoid", "-o="], in: dir)
        XCTAssertEqual(glued.status, 64)
        XCTAssertEqual(glued.stderr, "Error: -o: '-o=' gives no value; a short option takes its value after a space: -o VALUE\n")
        let frames = try runDLPlot(["lr", "--rates", "0.1", "--steps", "2", "--animate", "--frames-dir", "/proc/dlplot-frames"], in: dir)
        XCTAssertNotEqual(frames.status, 0)
        XCTAssertEqual(frames.status, 1, "a directory the file system refuses is a failed write")
        XCTAssertTrue(frames.stderr.hasPrefix("Error: cannot write --frames-dir '/proc/dlplot-frames': cannot create the directory: "), frames.stderr)
        XCTAssertGreaterThan(frames.stderr.count, "Error: cannot write --frames-dir '/proc/dlplot-frames': cannot create the directory: \n".count)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    /// A log axis of learning rates is as wide as its decades: 10⁻³²⁰…10⁻³¹⁰ was "too narrow to draw".
    func testStabilityTakesASubnormalRangeOnALogAxis() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["stability", "bowl", "--x-range", "1e-320:1e-310", "--log-x", "--steps", "5", "--grid", "5",
                               "-o", "s.png", "--data", "s.csv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let narrow = try runDLPlot(["stability", "bowl", "--x-range", "1:1.0000000000001", "--log-x", "-o", "t.png"], in: dir)
        XCTAssertEqual(narrow.status, 64)
        XCTAssertTrue(narrow.stderr.hasPrefix("Error: invalid --x-range '1:1.0000000000001': too narrow to draw on a log axis"), narrow.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("t.png").path))
        // A linear map of lr in 0…10⁻³⁰⁰ is drawn: the theory line (lr ≈ 1…2) no longer widens the view to
        // a sliver Cairo cannot invert (exit 1, "invalid matrix").
        let tiny = try runDLPlot(["stability", "bowl", "--x-range", "0:1e-300", "--steps", "5", "--grid", "5", "-o", "u.png"], in: dir)
        XCTAssertEqual(tiny.status, 0, tiny.stderr)
        // A range torch refuses is named as typed.
        let negative = try runDLPlot(["stability", "bowl", "--x-range=-1:1", "-o", "v.png"], in: dir)
        XCTAssertEqual(negative.status, 64)
        XCTAssertEqual(negative.stderr, "Error: invalid --x-range '-1:1': sgd's lr cannot be -1; expected lr >= 0\n")
    }
}
