import Foundation
import TestSupport
import Viz
import XCTest
@testable import dlplot

/// The plot share rule (a plot's shorter side at least a quarter of its share of the page, the plots together
/// 8 % of it) with small pages made to fit before they are refused (`PageCompaction`): the 320×200–480×300
/// animations and the 12-optimizer curves on 8.2×4.7 in that the rule first refused now draw, their plots
/// keeping their share in legible type; a page too small even so is refused naming the size as typed and
/// one that fits.
final class SmallPageCompactionTests: XCTestCase {
    static let twelve = "gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,lion"

    private func report(_ line: String) throws -> LayoutReport {
        try LayoutSweepTests.report(line.split(separator: " ").map(String.init))
    }

    /// The page is the size typed, each plot keeps a quarter of its share and the plots 8 % of the page,
    /// no text is under 8 pixels, and the layout rules hold.
    private func assertKeepsItsShare(_ line: String, width: Double, height: Double, rows: Double = 1,
                                     file: StaticString = #filePath, lineNumber: UInt = #line) throws {
        let r = try report(line)
        XCTAssertEqual(r.width, width, line, file: file, line: lineNumber)
        XCTAssertEqual(r.height, height, line, file: file, line: lineNumber)
        XCTAssertFalse(r.frames.isEmpty, line, file: file, line: lineNumber)
        for f in r.frames {
            XCTAssertGreaterThanOrEqual(min(f.box.width, f.box.height), 0.25 * min(width, height / rows) - 1, "\(line): plot \(f.box)",
                                        file: file, line: lineNumber)
        }
        let area = r.frames.map { $0.box.width * $0.box.height }.reduce(0, +)
        XCTAssertGreaterThanOrEqual(area, 0.08 * width * height, line, file: file, line: lineNumber)
        let smallest = r.elements.map(\.fontSize).filter { $0 > 0 }.min() ?? 0
        XCTAssertGreaterThanOrEqual(smallest, 7.9, "\(line): text \(smallest) px", file: file, line: lineNumber)
        XCTAssertEqual(LayoutChecks.problems(r), [], line, file: file, line: lineNumber)
    }

    func testSmallAnimationPagesAreMadeToFit() throws {
        for (w, h) in [(320.0, 200.0), (361, 227), (480, 300)] {
            try assertKeepsItsShare("surface beale --optimizers gd,adam --size \(Int(w))x\(Int(h))", width: w, height: h)
        }
        // On 320x200 the legend keeps each run's name (its end values go), beside the map.
        let r = try report("surface beale --optimizers gd,adam --size 320x200")
        let legend = try XCTUnwrap(r.elements.first { $0.kind == .legend })
        XCTAssertTrue(legend.text.contains("gd") && legend.text.contains("adam"), legend.text)
        XCTAssertFalse(legend.text.contains("→"), legend.text)
    }

    func testTheAnimationOnA320x200PageIsWritten() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(["surface", "beale", "--optimizers", "gd,adam", "--animate", "--frames", "4", "-o", "a.gif", "--size", "320x200"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let g = try DecodedGIF([UInt8](try Data(contentsOf: dir.appendingPathComponent("a.gif"))))
        XCTAssertEqual(g.width, 320)
        XCTAssertEqual(g.height, 200)
        XCTAssertEqual(g.frames.count, 4)
    }

    func testTwelveOptimizersCurvesOnAnInchPageKeepTheirSubtitle() throws {
        let line = "curves --surface rosenbrock --optimizers \(Self.twelve) --size 8.2x4.7in"
        try assertKeepsItsShare(line, width: 1312, height: 752, rows: 2)
        // The text shrinks a little rather than the subtitle going.
        let r = try report(line)
        XCTAssertEqual(r.elements.filter { $0.kind == .subtitle }.count, 1)
        XCTAssertEqual(r.elements.filter { $0.kind == .legend }.count, 1)
    }

    func testAPageTooSmallEvenCompactIsRefusedNamingTheSizeTypedAndOneThatFits() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(["surface", "beale", "--optimizers", "gd,adam", "--size", "200x120", "-o", "a.png"], in: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.hasPrefix("Error: invalid --size '200x120': too small"), r.stderr)
        let fits = try XCTUnwrap(r.stderr.range(of: #"'(\d+)x(\d+)' with --dpi 96 fits"#, options: .regularExpression), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.png").path))
        // The size named renders.
        let named = String(r.stderr[fits]).split(separator: "'")[0]
        XCTAssertNoThrow(try report("surface beale --optimizers gd,adam --size \(named) --dpi 96"))
    }
}
