import Foundation
import XCTest
// Tests the internal merge of animated-SVG frames (SVGFrameMerge, AnimatedSVG.combine).
@testable import Viz

/// Cairo clips each drawing to the clip rectangle cut down to the drawing's own extents, so the frames of one
/// growing line sit in clip groups of their own, each holding the one before. The merge keeps such a line as
/// one element in its longest version's clip group, and a definition no element refers to any more is left
/// out of the file.
final class SVGClipMergeTests: XCTestCase {
    private let line = "fill:none;stroke-width:2;stroke:rgb(0%,0%,100%);"

    private func clip(_ id: Int, _ x1: Int, _ y1: Int) -> String {
        "<clipPath id=\"id\(id)\">\n  <path d=\"M 0 0 L \(x1) 0 L \(x1) \(y1) L 0 \(y1) Z\"/>\n</clipPath>"
    }

    private func document(clips: [String], body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40pt\" height=\"40pt\">\n"
            + "<defs>\n" + clips.joined(separator: "\n") + "\n</defs>\n" + body + "</svg>\n"
    }

    private func frame(clipID: Int, clipTo: (Int, Int), points: String) -> String {
        document(clips: [clip(clipID, clipTo.0, clipTo.1)],
                 body: "<g clip-path=\"url(#id\(clipID))\" clip-rule=\"nonzero\">\n<path style=\"\(line)\" d=\"\(points)\"/>\n</g>\n")
    }

    func testAGrowingLineInGrowingClipsIsOneElementInTheLargestClip() throws {
        let frames = [
            frame(clipID: 1, clipTo: (5, 6), points: "M 0 0 L 3 4 "),
            frame(clipID: 1, clipTo: (5, 10), points: "M 0 0 L 3 4 L 3 8 "),
            frame(clipID: 1, clipTo: (5, 22), points: "M 0 0 L 3 4 L 3 8 L 3 20 "),
        ]
        let svg = String(decoding: AnimatedSVG.combine(background: document(clips: [], body: ""), frames: frames,
                                                       timing: AnimationTiming(fps: 10)), as: UTF8.self)
        XCTAssertEqual(svg.components(separatedBy: "<path class=").count - 1, 1, "one line element, not one a frame:\n\(svg)")
        XCTAssertTrue(svg.contains("d=\"M 0 0 L 3 4 L 3 8 L 3 20 \""), svg)
        // Only the last frame's clip (0…5 × 0…22) is referred to, so it is the only clip path written.
        XCTAssertEqual(svg.components(separatedBy: "<clipPath").count - 1, 1, svg)
        XCTAssertTrue(svg.contains("L 5 22 L 0 22 Z"), svg)
        let clipID = try XCTUnwrap(svg.firstRange(of: "clip-path=\"url(#").map { svg[$0.upperBound...].prefix { $0 != ")" } })
        XCTAssertTrue(svg.contains("<clipPath id=\"\(clipID)\">\n  <path d=\"M 0 0 L 5 0 L 5 22"), svg)
    }

    func testALineWhoseClipDoesNotHoldTheEarlierOneIsNotMerged() {
        let frames = [
            frame(clipID: 1, clipTo: (5, 10), points: "M 0 0 L 3 4 "),
            frame(clipID: 1, clipTo: (5, 6), points: "M 0 0 L 3 4 L 3 8 "),
        ]
        let svg = String(decoding: AnimatedSVG.combine(background: document(clips: [], body: ""), frames: frames,
                                                       timing: AnimationTiming(fps: 10)), as: UTF8.self)
        XCTAssertEqual(svg.components(separatedBy: "<path class=").count - 1, 2, "a clip that would cut the earlier frame's line: two elements\n\(svg)")
        XCTAssertEqual(svg.components(separatedBy: "<clipPath").count - 1, 2, svg)
    }

    func testClipRectangleReadsCairosRectangleAndNothingElse() {
        XCTAssertEqual(AnimatedSVG.clipRectangle("<clipPath id=\"d3\">\n  <path d=\"M 70.97 80 L 75 80 L 75 84 L 70.97 84 Z\"/>\n</clipPath>"),
                       [70.97, 80, 75, 84])
        XCTAssertNil(AnimatedSVG.clipRectangle("<clipPath id=\"d3\">\n  <path d=\"M 0 0 L 5 0 L 4 4 L 0 4 Z\"/>\n</clipPath>"), "not a rectangle")
        XCTAssertNil(AnimatedSVG.clipRectangle("<clipPath id=\"d3\">\n  <path d=\"M 0 0 L 5 0 L 5 4 Z\"/>\n</clipPath>"), "a triangle")
        XCTAssertNil(AnimatedSVG.clipRectangle("<symbol id=\"d3\">\n  <path d=\"M 0 0 L 5 0 L 5 4 L 0 4 Z\"/>\n</symbol>"), "a glyph")
    }
}
