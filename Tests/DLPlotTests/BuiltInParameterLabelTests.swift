import Foundation
import XCTest

/// X9-6: a built-in given a parameter names it wherever the figure names the function: beside a typed elu(x)
/// (which keeps α = 1), `elu --param alpha=0.5` was labelled only "ELU", so nothing said why the curves differ.
final class BuiltInParameterLabelTests: XCTestCase {
    private func texts(_ arguments: [String], kinds: Set<String>) throws -> [String] {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(arguments + ["-o", "f.png", "--layout-report", "f.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json")))
        let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        return elements.filter { kinds.contains($0["kind"] as? String ?? "") }.compactMap { $0["text"] as? String }
    }

    func testABuiltInWithAParameterSaysItsValue() throws {
        let legend = try texts(["activation", "elu(x)", "elu", "--param", "alpha=0.5"], kinds: ["legend"]).joined(separator: "; ")
        XCTAssertTrue(legend.contains("$\\mathrm{elu}(x)$; ELU ($\\alpha = 0.5$)"), legend)
        // In a grid of panels and in vanishing's legend too; the defaults stay unsaid (ReLU, Softplus).
        let titles = try texts(["activations", "--names", "elu,relu,softplus", "--param", "alpha=0.5"], kinds: ["panel-title"])
        XCTAssertEqual(titles, ["ELU ($\\alpha = 0.5$)", "ReLU", "Softplus"])
        let vanishing = try texts(["vanishing", "--activations", "elu,relu", "--param", "alpha=0.5"], kinds: ["legend"]).joined(separator: "; ")
        XCTAssertTrue(vanishing.contains("ELU ($\\alpha = 0.5$), He init"), vanishing)
        // A parameter given at its default value is the default: nothing to say.
        let same = try texts(["activation", "elu(x)", "elu", "--param", "alpha=1"], kinds: ["legend"]).joined(separator: "; ")
        XCTAssertTrue(same.contains("$\\mathrm{elu}(x)$; ELU; "), same)
    }
}
