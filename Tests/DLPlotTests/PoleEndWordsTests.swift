import Foundation
import Optim
import Viz
import XCTest
@testable import Figures

/// X13-36: a path ending on a pole of a typed surface (log x + y² at (0, 0), where f = −∞ exactly) was
/// described as "f overflows float64", though nothing overflowed. A pole says "f = −∞"; a finite point whose
/// value is too large for float64 still says "overflows float64".
final class PoleEndWordsTests: XCTestCase {
    func testAPathEndingOnAPoleSaysFIsInfinite() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x,y\n2,2\n1,1.5\n0.5,0.5\n0,0\n".write(to: dir.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        let r = try runDLPlot(["surface", "log(x)+y^2", "--path", "p.csv", "-o", "f.png", "--layout-report", "f.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json")))
        let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        let legend = elements.filter { $0["kind"] as? String == "legend" }.compactMap { $0["text"] as? String }.joined(separator: "; ")
        XCTAssertTrue(legend.contains("→ (0, 0), f = −∞"), legend)
        XCTAssertFalse(legend.contains("overflows"), legend)
    }

    func testAPoleIsToldFromAnOverflow() throws {
        let log = Surface(expression: try MathExpression("log(x)+y^2", dimension: 2))
        XCTAssertEqual(SurfaceRun.legendRow(name: "f", value: -.infinity, at: Point(0, 0), surface: log), "→ (0, 0), f = −∞")
        let reciprocal = Surface(expression: try MathExpression("1/(x^2+y^2)", dimension: 2))
        XCTAssertEqual(SurfaceRun.legendRow(name: "f", value: .infinity, at: Point(0, 0), surface: reciprocal), "→ (0, 0), f = ∞")
        // A bowl at 10²⁰⁰ and eˣ just past its float64 limit overflow: finite arguments, a value too large.
        let bowl = Surface(expression: try MathExpression("x^2+y^2", dimension: 2))
        XCTAssertEqual(SurfaceRun.legendRow(name: "f", value: .infinity, at: Point(1e200, 0), spans: (6, 6), surface: bowl),
                       "→ (1×10²⁰⁰, 0), f overflows float64")
        let exp = Surface(expression: try MathExpression("exp(x)+y", dimension: 2))
        XCTAssertTrue(exp.value(709.8, 0).isInfinite)
        XCTAssertTrue(SurfaceRun.legendRow(name: "f", value: .infinity, at: Point(709.8, 0), surface: exp).hasSuffix("f overflows float64"))
    }
}
