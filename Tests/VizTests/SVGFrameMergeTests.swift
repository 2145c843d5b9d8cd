import Foundation
import XCTest
// Unit-tests the internal animated-SVG frame merge (SVGFrameMerge, SVGFrameStyle, AnimatedSVG).
@testable import Viz

/// Merging an animated SVG's frames: an element kept from frame to frame is written once, a growing line
/// once at its longest with each frame's length, a moving dot once with each frame's offset, and the dash
/// pattern that shows the first part of a line (its own dashes kept).
final class SVGFrameMergeTests: XCTestCase {
    private let line = "fill:none;stroke-width:2;stroke:rgb(0%,0%,100%);"
    private let dot = "fill:rgb(100%,0%,0%);stroke:none;"

    private func frame(_ points: String, dot at: (Int, Int), text: String) -> Substring {
        let (x, y) = at
        return """
            <g style="fill:rgb(0%,0%,0%);"><use xlink:href="#d1" x="5" y="5"/><use xlink:href="#\(text)" x="9" y="5"/></g>
            <path style="\(line)" d="\(points)"/>
            <path style="\(dot)" d="M \(x + 2) \(y) C \(x + 2) \(y + 1) \(x + 1) \(y + 2) \(x) \(y + 2) Z M \(x + 2) \(y)"/>
            """[...]
    }

    func testKeptGrowingAndMovingElementsAreWrittenOnce() {
        var merge = SVGFrameMerge()
        merge.add(SVGFrameMerge.leaves(frame("M 0 0 L 3 4 ", dot: (3, 4), text: "d2")))
        merge.add(SVGFrameMerge.leaves(frame("M 0 0 L 3 4 L 3 8 ", dot: (3, 8), text: "d3")))
        merge.add(SVGFrameMerge.leaves(frame("M 0 0 L 3 4 L 3 8 L 3 20 ", dot: (3, 20), text: "d3")))
        XCTAssertEqual(merge.frames, 3)
        let items = merge.items
        // The glyph kept in every frame, the changing glyphs (d2 in frame 0, d3 after), the line, the dot.
        XCTAssertEqual(items.count, 5, items.map(\.element).joined(separator: "\n"))
        let kept = items.filter { $0.element.contains("#d1") }
        XCTAssertEqual(kept.map { [$0.first, $0.last] }, [[0, 2]])
        XCTAssertEqual(items.filter { $0.element.contains("#d3") }.map { [$0.first, $0.last] }, [[1, 2]])
        let grown = items.filter(\.grows)
        XCTAssertEqual(grown.count, 1)
        XCTAssertEqual(grown.first?.lengths, [5, 9, 21])
        XCTAssertEqual(grown.first.flatMap { AnimatedSVG.attribute("d", in: $0.element) }, "M 0 0 L 3 4 L 3 8 L 3 20 ", "written at its longest")
        let moving = items.filter(\.moves)
        XCTAssertEqual(moving.count, 1)
        XCTAssertEqual(moving.first?.offsets.map { [$0.0, $0.1] }, [[0, 0], [0, 4], [0, 16]])
        XCTAssertTrue(moving.first?.element.contains("M 5 20 C") == true, "written where the last frame has it")

        let (css, body) = SVGFrameStyle(merge: merge, timing: AnimationTiming(fps: 10)).render()
        XCTAssertEqual(body.components(separatedBy: "<path").count - 1, 2, body)
        // One stop a frame, each property written where it changes (a stop holds until the next: step-end).
        XCTAssertTrue(css.contains("@keyframes g1{0%{visibility:visible;stroke-dasharray:5,31}33.333%{stroke-dasharray:9,31}66.667%{stroke-dasharray:none}}"), css)
        XCTAssertTrue(css.contains("@keyframes g2{0%{visibility:visible;transform:translate(0px,-16px)}33.333%{transform:translate(0px,-12px)}66.667%{transform:translate(0px,0px)}}"), css)
        // Shown in frame 0 only; shown from frame 1 on (the class keeps it visible after the end).
        XCTAssertTrue(css.contains("@keyframes o100{0%{visibility:visible}33.333%{visibility:hidden}}"), css)
        XCTAssertTrue(css.contains("@keyframes v1_2{0%{visibility:hidden}33.333%{visibility:visible}}"), css)
        // Style attributes become classes, each written once.
        XCTAssertEqual(css.components(separatedBy: "{\(line)}").count - 1, 1, css)
        XCTAssertFalse(body.contains("style=\"\(line)\""), body)
    }

    /// A dot and its ring move alike (the ring's coordinates a rounding step, 0.01, apart in one frame): one
    /// rule for both. Glyphs of one frame each (a changing digit) share one
    /// rule for a frame's time, started at their frame by a delay; played once, the cycle has no hold, so four
    /// frames of 100 ms give whole percents.
    func testElementsThatChangeAlikeShareOneRule() {
        let ring = "fill:none;stroke:rgb(0%,0%,0%);stroke-width:1;"
        var merge = SVGFrameMerge()
        for (k, y) in [4, 8, 12, 20].enumerated() {
            let r0 = k == 1 ? 8.01 : Double(y)
            func r(_ d: Double) -> String { String(format: "%g", r0 + d) }
            merge.add(SVGFrameMerge.leaves("""
                <g style="fill:rgb(0%,0%,0%);"><use xlink:href="#d\(k + 2)" x="9" y="5"/></g>
                <path style="\(dot)" d="M 5 \(y) C 5 \(y + 1) 4 \(y + 2) 3 \(y + 2) Z M 5 \(y)"/>
                <path style="\(ring)" d="M 6 \(r(0)) C 6 \(r(1)) 4 \(r(3)) 3 \(r(3)) Z M 6 \(r(0))"/>
                """[...]))
        }
        let (css, body) = SVGFrameStyle(merge: merge, timing: AnimationTiming(fps: 10, hold: 2)).render()
        XCTAssertEqual(css.components(separatedBy: "@keyframes g").count - 1, 1, css)
        XCTAssertTrue(css.contains("@keyframes g1{0%{visibility:visible;transform:translate(0px,-16px)}25%{transform:translate(0px,-12px)}"
                                   + "50%{transform:translate(0px,-8px)}75%{transform:translate(0px,0px)}}"), css)
        XCTAssertEqual(body.components(separatedBy: "class=\"f last g1 ").count - 1, 2, body)
        XCTAssertTrue(css.contains("animation-duration:400ms"), css)
        XCTAssertTrue(css.contains("@keyframes o100{0%{visibility:visible}25%{visibility:hidden}}"), css)
        XCTAssertTrue(css.contains(".t100{animation-delay:100ms}") && css.contains(".t200{animation-delay:200ms}"), css)
        XCTAssertEqual(css.components(separatedBy: "@keyframes o").count - 1, 1, css)
        for (k, classes) in ["f o100", "f o100 t100", "f o100 t200", "f last v3_3"].enumerated() {
            XCTAssertTrue(body.contains("<g class=\"\(classes)\">\n<use xlink:href=\"#d\(k + 2)\""), "frame \(k): \(body)")
        }
        let looped = SVGFrameStyle(merge: merge, timing: AnimationTiming(fps: 10, hold: 2, loop: true)).render().css
        XCTAssertTrue(looped.contains("animation-duration:2400ms"), "looping, the hold is part of the cycle: \(looped)")
    }

    func testDashesShowTheFirstPartOfALine() {
        XCTAssertEqual(SVGFrameStyle.dashes(nil, visible: 5, full: 10), "5,20")
        XCTAssertEqual(SVGFrameStyle.dashes(nil, visible: 10, full: 10), "none")
        XCTAssertEqual(SVGFrameStyle.dashes(nil, visible: 0, full: 10), "0,20")
        // Its own dashes (2 on, 1 off) up to 4 units: 2 on, 1 off, 1 on, then off past the end.
        XCTAssertEqual(SVGFrameStyle.dashes(([2, 1], 0), visible: 4, full: 10), "2,1,1,20;stroke-dashoffset:0")
        // Ending in a gap: the gap runs on past the end.
        XCTAssertEqual(SVGFrameStyle.dashes(([2, 1], 0), visible: 2.5, full: 10), "2,20.5;stroke-dashoffset:0")
        // An offset of 2.5 starts half-way through the gap.
        XCTAssertEqual(SVGFrameStyle.dashes(([2, 1], 2.5), visible: 3, full: 10), "0,0.5,2,20.5;stroke-dashoffset:0")
        XCTAssertEqual(SVGFrameStyle.dashes(([2, 1], 0), visible: 10, full: 10), "2,1;stroke-dashoffset:0")
        XCTAssertEqual(SVGFrameStyle.dashPattern("fill:none;stroke-dasharray:10.8,5.4;stroke-miterlimit:10;")?.lengths, [10.8, 5.4])
        XCTAssertNil(SVGFrameStyle.dashPattern("fill:none;stroke-width:1;"))
    }

    /// A fading tail: each frame draws a short stretch further along the same line, in one style. The
    /// stretches are one element, the union of the points, shown frame by frame by its dash and offset.
    func testStretchesOfOneLineAreOneElementShownByItsDash() throws {
        let tail = "fill:none;stroke-width:2;stroke:rgb(100%,0%,0%);stroke-opacity:0.7;"
        func frame(_ d: String) -> Substring { "<path style=\"\(tail)\" d=\"\(d)\"/>"[...] }
        var merge = SVGFrameMerge()
        merge.add(SVGFrameMerge.leaves(frame("M 0 0 L 3 4 L 6 8 ")))
        merge.add(SVGFrameMerge.leaves(frame("M 3 4 L 6 8 L 9 12 ")))
        // Simplification kept (12 16) in this frame only, and dropped (6 8): still the same line.
        merge.add(SVGFrameMerge.leaves(frame("M 6.01 8 L 9 12 L 12 16 L 15 20 ")))
        XCTAssertEqual(merge.items.count, 1, merge.items.map(\.element).joined(separator: "\n"))
        let item = try XCTUnwrap(merge.items.first)
        XCTAssertTrue(item.isWindow)
        XCTAssertEqual(item.starts.map { ($0 * 100).rounded() / 100 }, [0, 5, 10.01], "(6.01, 8) lies 10.01 along the line")
        XCTAssertEqual(item.lengths.map { ($0 * 100).rounded() / 100 }, [10, 15, 25])
        XCTAssertEqual(AnimatedSVG.attribute("d", in: item.element), "M 0 0 L 3 4 L 6 8 L 9 12 L 12 16 L 15 20 ", "the union, written once")
        let (css, body) = SVGFrameStyle(merge: merge, timing: AnimationTiming(fps: 10)).render()
        XCTAssertEqual(body.components(separatedBy: "<path").count - 1, 1, body)
        // A dash as long as the stretch after a gap longer than the line (25 + 10), shifted to the stretch's start.
        XCTAssertTrue(css.contains("0%{visibility:visible;stroke-dasharray:10,35;stroke-dashoffset:45}"), css)
        XCTAssertTrue(css.contains("33.333%{stroke-dasharray:10,35;stroke-dashoffset:40}"), css)
        XCTAssertTrue(css.contains("66.667%{stroke-dasharray:14.99,35;stroke-dashoffset:39.98}"), css)
        // A stretch elsewhere (not on the line) is an element of its own.
        merge.add(SVGFrameMerge.leaves(frame("M 50 50 L 60 60 ")))
        XCTAssertEqual(merge.items.count, 2)
    }

    /// A dashed line that grows is shown through a mask: a solid copy of it whose dash grows, so each frame
    /// costs one number, not its dashes one by one.
    func testDashedGrowingLineIsShownThroughAGrowingMask() {
        let dashed = "fill:none;stroke-width:2;stroke:rgb(0%,0%,100%);stroke-dasharray:2,1;"
        var merge = SVGFrameMerge()
        for d in ["M 0 0 L 3 4 ", "M 0 0 L 3 4 L 3 8 ", "M 0 0 L 3 4 L 3 8 L 3 20 "] {
            merge.add(SVGFrameMerge.leaves("<path style=\"\(dashed)\" d=\"\(d)\"/>"[...]))
        }
        let (css, body) = SVGFrameStyle(merge: merge, timing: AnimationTiming(fps: 10)).render()
        XCTAssertTrue(body.contains("<mask id=\"m1\" maskUnits=\"userSpaceOnUse\""), body)
        XCTAssertTrue(body.contains("<path class=\"a g1\" style=\"fill:none;stroke:#fff;stroke-width:4;stroke-linecap:butt;stroke-linejoin:round\" d=\"M 0 0 L 3 4 L 3 8 L 3 20 \"/></mask>"), body)
        XCTAssertTrue(body.contains("<path mask=\"url(#m1)\" class=\"f last v0_2 s1\" d=\"M 0 0 L 3 4 L 3 8 L 3 20 \"/>"), body)
        XCTAssertTrue(css.contains("@keyframes g1{0%{stroke-dasharray:5,31}33.333%{stroke-dasharray:9,31}66.667%{stroke-dasharray:21,31}}"), css)
        XCTAssertFalse(css.contains("2,1,2,1"), "no dashes written one by one")
    }
}
