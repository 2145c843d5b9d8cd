import Foundation
import XCTest

/// X9-12: `curves` on a surface unbounded below draws f on a symmetric-log axis; over 18 decades that axis
/// carried the single tick label "−1", so nothing said whether a curve ended at −10³ or −10¹⁷.
final class SymlogLossAxisTests: XCTestCase {
    private func tickLabels(_ arguments: [String]) throws -> [String] {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(arguments + ["-o", "c.png", "--layout-report", "c.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("c.json")))
        let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
        return elements.filter { $0["kind"] as? String == "tick-label" }.compactMap { $0["text"] as? String }
    }

    /// The power of ten a label such as "−10¹⁵" names (15), nil for other labels.
    private func exponent(_ label: String) -> Int? {
        guard label.hasPrefix("\u{2212}10") else { return nil }
        let digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
        let tail = label.dropFirst(3)
        guard !tail.isEmpty else { return 1 }
        var n = 0
        for c in tail {
            guard let d = digits.firstIndex(of: c) else { return nil }
            n = n * 10 + digits.distance(from: digits.startIndex, to: d)
        }
        return n
    }

    func testALossAxisOverManyDecadesIsLabelledToItsEnd() throws {
        // gd ends at f = −9.14×10¹⁷ on the typed saddle (from (2.4, 2.4)) and at −1.59×10¹³ on the built-in (from (2, 0.01)).
        for (surface, deepest) in [("x^2 - y^2", 18), ("saddle", 13)] {
            let labels = try tickLabels(["curves", "--surface", surface, "--optimizers", "gd,adam", "--lr", "0.01"])
            let powers = labels.compactMap(exponent)
            // Labelled every few decades down to the decade where gd ends.
            XCTAssertGreaterThanOrEqual(powers.count, 3, "\(surface): \(labels)")
            XCTAssertEqual(powers.max(), deepest, "\(surface): \(labels)")
            XCTAssertTrue(labels.contains("0"), "\(surface): \(labels)")
            XCTAssertFalse(labels.contains("\u{2212}1"), "\(surface): 0 stands for the slot of ±1: \(labels)")
        }
    }
}
