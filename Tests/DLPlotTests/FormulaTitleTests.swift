import Foundation
import XCTest

/// A typed formula's title as a lecturer would want it on any page: typeset whole and readable, else as typed
/// (never a lone "…"), else the page is refused naming one that fits; parameter values never spliced into a
/// sentence. Read off the layout report.
final class FormulaTitleTests: XCTestCase {
    private func title(_ dir: URL, _ name: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(name)))
        let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        return try XCTUnwrap(elements.first { $0["kind"] as? String == "title" }?["text"] as? String)
    }

    private func nested(_ levels: Int) -> String {
        String(repeating: "1/(1+", count: levels) + "x" + String(repeating: ")", count: levels)
    }

    /// R15-19: twenty nested fractions were titled "…"; the title is now the formula as typed, its start and length.
    func testADeeplyNestedFormulaIsTitledAsTyped() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for levels in [20, 40] {
            let r = try runDLPlot(["activation", nested(levels), "-o", "t.png", "--layout-report", "t.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let drawn = try title(dir, "t.json")
            XCTAssertTrue(drawn.hasPrefix("f(x) = 1/(1+1/(1+1/(1+"), drawn)
            XCTAssertTrue(drawn.hasSuffix("… (\(nested(levels).count) characters)"), drawn)
        }
        // Ten levels still fit the page as math.
        let r = try runDLPlot(["activation", nested(10), "-o", "t.png", "--layout-report", "t.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let ten = try title(dir, "t.json")
        XCTAssertTrue(ten.hasPrefix("$f(x) = \\frac{1}{1 + 1/(1 + "), ten)
        // A title typed with --title is drawn as typed, never replaced.
        let own = try runDLPlot(["activation", nested(20), "--title", "Continued fraction", "-o", "t.png", "--layout-report", "t.json"], in: dir)
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertEqual(try title(dir, "t.json"), "Continued fraction")
    }

    /// X13-16: a long typed formula on a 480×270 page was drawn with 5-pixel exponents; the page is refused
    /// naming a size that fits, and at that size the formula is wrapped at its + and −.
    func testALongFormulaOnASmallPageIsRefusedNamingASizeThatFits() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let formula = "alpha*x*sigmoid(beta*x) + (1-alpha)*x*tanh(softplus(gamma*x))/gamma + delta*log1p(exp(-abs(x)))*erf(x/sqrt(2))"
            + " - 0.5*min(0, x)^2/(1+x^2)"
        let params = ["--param", "alpha=0.7", "--param", "beta=1.5", "--param", "gamma=2", "--param", "delta=0.1"]
        let r = try runDLPlot(["activation", formula] + params + ["--size", "480x270", "-o", "s.png"], in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s.png").path))
        XCTAssertTrue(r.stderr.contains("--size '480x270'"), r.stderr)
        let size = try XCTUnwrap(r.stderr.firstMatch(of: /'(\d+x\d+)' with --dpi 96 fits/)?.1, r.stderr)
        let ok = try runDLPlot(["activation", formula] + params + ["--size", String(size), "--dpi", "96", "-o", "s.png",
                                                                   "--layout-report", "s.json"], in: dir)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(try title(dir, "s.json").contains("\\mathrm{softplus}"))
    }

    /// X13-26: "Gradient descent on f(w) = aw², a = 2 with different learning rates" read "a = 2 with different
    /// learning rates" as one phrase; the values are in brackets, as `steps` writes them.
    func testParameterValuesInASentenceTitleAreInBrackets() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lr = try runDLPlot(["lr", "--function", "a*w^2", "--param", "a=2", "-o", "l.png", "--layout-report", "l.json"], in: dir)
        XCTAssertEqual(lr.status, 0, lr.stderr)
        XCTAssertEqual(try title(dir, "l.json"), "Gradient descent on $f(w) = aw^{2}$ ($a = 2$) with different learning rates")
        let pit = try runDLPlot(["pitfalls", "--function", "w^4 - a*w^2 + w", "--param", "a=3", "-o", "p.png", "--layout-report", "p.json"], in: dir)
        XCTAssertEqual(pit.status, 0, pit.stderr)
        XCTAssertEqual(try title(dir, "p.json"), "Gradient descent from several starts on $f(w) = w^{4} - aw^{2} + w$ ($a = 3$)")
    }
}
