import Foundation
import XCTest

/// Typed 1-D functions get figures whose words were checked against what was drawn (tried as a new user
/// would: `lr --function 'exp(x)-x'` titled an overshooting run "too small" and showed no diverging one;
/// `x^4` got α = 9.5×10⁸; ten "local minimum" notes floated away from the dips of a wavy loss; e^{x²} and
/// its derivative were flat lines at 0 with spikes at the edges; e^{10x}'s colours stopped at 9.4×10⁻⁷).
final class TypedCurveChecksTests: XCTestCase {
    private func report(_ arguments: [String], in dir: URL) throws -> [[String: Any]] {
        let r = try runDLPlot(Array(arguments.prefix(1)) + ["-o", "f.png", "--layout-report", "f.json"] + arguments.dropFirst(), in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json")))
        return (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
    }

    private func texts(_ elements: [[String: Any]], _ kind: String) -> [String] {
        elements.filter { $0["kind"] as? String == kind }.compactMap { $0["text"] as? String }
    }

    func testARunThrownFurtherPastTheMinimumOvershoots() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let titles = texts(try report(["lr", "--function", "exp(x)-x", "--rates", "2.2"], in: dir), "panel-title")
        XCTAssertEqual(titles.map { $0.components(separatedBy: ": ").last ?? "" }, ["overshoots"], "\(titles)")
    }

    func testManyMinimaAreEachMarkedAndOnlyTheGlobalOneLabelled() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for f in ["log(1+x^2) + 0.1*sin(5*x)", "sin(3*x)+0.1*x^2"] {
            let elements = try report(["pitfalls", "--function", f], in: dir)
            // No floating notes and no "local minimum" labels: the triangles on the curve are named once, in the legend
            // (which breaks long entries at their clauses, so its joined text is searched).
            XCTAssertEqual(elements.filter { ($0["text"] as? String ?? "").hasSuffix("minimum") && $0["kind"] as? String != "point-label"
                && $0["kind"] as? String != "legend" }.count, 0, f)
            XCTAssertEqual(texts(elements, "point-label"), ["global minimum"], f)
            XCTAssertTrue(texts(elements, "legend").joined(separator: " ").contains("local minimum"), "\(f): \(texts(elements, "legend"))")
        }
        // A few minima keep their notes under each dip.
        let two = try report(["pitfalls", "--function", "x^4 - 2*x^2 + 0.3*x"], in: dir)
        XCTAssertEqual(two.filter { ($0["text"] as? String ?? "").hasSuffix("minimum") && $0["kind"] as? String != "legend" }.count, 2)
    }

    func testTheDefaultRatesAreTooSmallGoodAndDiverging() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Before: e^x − x "too small" three times; x⁴ "too small, too small, diverges" with α = 9.5×10⁸; x⁴ − x² no good panel.
        for f in ["exp(x)-x", "x^4", "x^4-x^2", "(x-1)^2"] {
            let titles = texts(try report(["lr", "--function", f], in: dir), "panel-title")
            XCTAssertEqual(titles.map { $0.components(separatedBy: ": ").last ?? "" }, ["too small", "good", "diverges"], "\(f): \(titles)")
        }
    }

    func testAFastGrowingFunctionIsClippedToShowItsShape() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for f in ["exp(x^2)", "cosh(3*x)", "x^20"] {
            let subtitle = texts(try report(["activation", f], in: dir), "subtitle").joined(separator: " ")
            XCTAssertTrue(subtitle.contains("y clipped"), "\(f): \(subtitle)")
        }
        // e^{x²} is cut low enough for its minimum f(0) = 1 to show (it was cut at 1.42×10⁷, a flat line on 0).
        let subtitle = texts(try report(["activation", "exp(x^2)"], in: dir), "subtitle").joined(separator: " ")
        let level = subtitle.components(separatedBy: "y clipped above ").last?.components(separatedBy: " ").first ?? ""
        XCTAssertLessThan(Double(level) ?? .infinity, 1000, subtitle)
    }

    func testColoursSpanTheDecadesOfTheView() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let elements = try report(["surface", "exp(10*x)", "--optimizers", "gd"], in: dir)
        let all = elements.compactMap { $0["text"] as? String }.joined(separator: "\n")
        XCTAssertFalse(all.contains("colours stop"), all)
        let bar = texts(elements, "colorbar-label")
        XCTAssertTrue(bar.contains { $0.contains("⁻¹") } && bar.contains { $0.contains("10¹") }, "\(bar)")
    }
}
