import Foundation
import XCTest

/// Too many frames for the pixel budget names what was typed: --frames (it blamed a --size '1280x720' no one
/// gave), --duration, or --size when given, with the most frames that fit; exit 64 and nothing written.
final class AnimationBudgetMessageTests: XCTestCase {
    func testTheRefusalNamesTheOptionTyped() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let frames = try runDLPlot(["surface", "bowl", "--animate", "--hold", "60", "--fps", "50", "--frames", "3000", "-o", "a.gif"], in: dir)
        XCTAssertEqual(frames.status, 64)
        XCTAssertEqual(frames.stderr, "Error: invalid --frames '3000': at 1280x720 at most 2170 frames fit (2000 million pixels in all); "
                       + "use fewer frames or a smaller --size\n")
        let sized = try runDLPlot(["surface", "bowl", "--animate", "--frames", "3000", "--size", "1920x1080", "-o", "a.gif"], in: dir)
        XCTAssertEqual(sized.status, 64)
        XCTAssertTrue(sized.stderr.hasPrefix("Error: invalid --size '1920x1080': 3000 frames of 1920x1080 pixels"), sized.stderr)
        XCTAssertTrue(sized.stderr.contains("at most 964 frames fit"), sized.stderr)
        XCTAssertEqual(listing(dir), [])
    }
}
