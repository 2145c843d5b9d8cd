import Foundation
import TestSupport
import XCTest

/// Y9-16: `stability bowl --measure steps --steps 100 --grid 11`: white slivers lay between the coloured cells
/// and the hatched "diverged" cells (the hatch used n equal cells over the samples' span, the image cells
/// centred on the samples), and the first and last columns were half as wide as the others. The map tiles its
/// frame: no pixel of the page's white inside it.
final class StabilityTilingTests: XCTestCase {
    func testTheMapTilesItsFrame() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["stability", "bowl", "--measure", "steps", "--steps", "100", "--grid", "11",
                               "-o", "st.png", "--layout-report", "st.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("st.json"))) as? [String: Any]
        let frame = try XCTUnwrap((object?["frames"] as? [[String: Any]])?.first?["box"] as? [Any]).compactMap { ($0 as? NSNumber)?.doubleValue }
        let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("st.png"))))
        var white = 0
        for y in Int(frame[1]) + 3..<Int(frame[1] + frame[3]) - 3 {
            for x in Int(frame[0]) + 3..<Int(frame[0] + frame[2]) - 3 {
                let p = png.pixel(x, y)
                if p.r > 245 && p.g > 245 && p.b > 245 { white += 1 }
            }
        }
        XCTAssertEqual(white, 0, "white pixels inside the map's frame \(frame)")
    }
}
