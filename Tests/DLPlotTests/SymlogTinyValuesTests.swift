import Foundation
import XCTest

/// X13-35: `curves --surface '1e-12*x*y'` failed with exit 1 and "cairo failed to draw the figure: invalid
/// matrix (not invertible)": the symmetric-log axis computed log10(1 + v) in which 1 + v rounds to 1 for
/// |v| below 10⁻¹⁶, so every value of f sat at one point of the axis.
final class SymlogTinyValuesTests: XCTestCase {
    func testTinyValuesKeepTheirPlacesOnASymlogAxis() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for formula in ["1e-12*x*y", "1e-20*x*y", "1e-300*x*y", "1e-300*x"] {
            let r = try runDLPlot(["curves", "--surface", formula, "--optimizers", "gd", "-o", "c.png", "--layout-report", "c.json"], in: dir)
            XCTAssertEqual(r.status, 0, "\(formula): \(r.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("c.json")))
            let elements = (object as? [String: Any])?["elements"] as? [[String: Any]] ?? []
            let labels = elements.filter { $0["kind"] as? String == "tick-label" }.compactMap { $0["text"] as? String }
            // The y axis is labelled in the data's own magnitude (×10⁻ⁿ), not a single 0.
            XCTAssertTrue(labels.contains { $0.contains("10⁻") } || elements.contains { ($0["text"] as? String)?.contains("10⁻") == true },
                          "\(formula): \(labels)")
        }
    }
}
