import Foundation
import XCTest

/// The animated SVG of a request against its still SVG (100 frames each). A growing line is written once at
/// its longest, also when Cairo gives each frame's version a clip of its own (the clip cut down to the line's
/// extents), and definitions only earlier frames used are left out: `curves` on Rosenbrock with three runs went
/// from 7.28 to 2.28 times its still, on the elongated bowl from 5.66 to 3.99 times (its legend rows are drawn a
/// little smaller in the frames where their numbers are longest, so those frames bring glyphs of their own),
/// Beale with four optimizers from 2.78 to 2.75 times. These bounds keep the ratios from growing back.
final class AnimatedSVGSizeTests: XCTestCase {
    func testTheAnimatedSVGStaysWithinItsBoundOfTheStill() throws {
        let cases: [(request: [String], bound: Double)] = [
            (["surface", "beale", "--optimizers", "gd,momentum,adam,rmsprop"], 3.0),
            (["curves", "--surface", "ellipse", "--optimizers", "gd,momentum"], 4.5),
            (["curves", "--surface", "rosenbrock", "--optimizers", "gd,momentum,adam", "--steps", "2000"], 2.5),
        ]
        for (request, bound) in cases {
            let dir = try makeTemporaryDirectory()
            let still = try runDLPlot(request + ["-o", "still.svg"], in: dir)
            XCTAssertEqual(still.status, 0, still.stderr)
            let moving = try runDLPlot(request + ["--animate", "-o", "moving.svg"], in: dir)
            XCTAssertEqual(moving.status, 0, moving.stderr)
            let a = try Data(contentsOf: dir.appendingPathComponent("still.svg")).count
            let b = try Data(contentsOf: dir.appendingPathComponent("moving.svg")).count
            XCTAssertGreaterThan(a, 10_000, "\(request[0]): a real still SVG")
            XCTAssertLessThanOrEqual(Double(b) / Double(a), bound, "\(request[0]): animated \(b) bytes, still \(a)")
        }
    }
}
