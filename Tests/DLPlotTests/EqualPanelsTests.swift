import TestSupport
import Viz
import XCTest
@testable import dlplot

/// Small multiples share one scale: every plot of a grid has the same width and height (tried as a new
/// user would: the first of three lr panels was 38 px narrower, the activations grid's bottom row two thirds
/// the others' height), 3-D axis names are axis labels, and crosses and pluses drawn with a background edge
/// stay visible.
final class EqualPanelsTests: XCTestCase {
    func testPanelsOfAStripAndAGridHaveOneSize() throws {
        for line in ["lr --rates 0.05,0.2,1.1", "lr --rates 0.5,0.9,1.0,1.1", "activations", "activations --size 1280x720",
                     "vanishing --depth 20 --width 64"] {
            let r = try LayoutSweepTests.report(line.split(separator: " ").map(String.init))
            let boxes = r.frames.map(\.box)
            XCTAssertGreaterThan(boxes.count, 1, line)
            for b in boxes {
                XCTAssertEqual(b.width, boxes[0].width, accuracy: 0.5, line)
                XCTAssertEqual(b.height, boxes[0].height, accuracy: 0.5, line)
            }
            XCTAssertEqual(LayoutChecks.problems(r).filter { $0.contains("intersect") || $0.contains("leaves") }, [], line)
        }
    }

    func testThreeDimensionalAxisNamesAreAxisLabels() throws {
        let r = try LayoutSweepTests.report(["surface", "himmelblau", "--view", "3d", "--optimizers", "gd,adam"])
        let names = r.elements.filter { $0.kind == .axisLabel }.map(\.text)
        XCTAssertTrue(names.contains("$x$") || names.contains("x"), "\(names)")
        XCTAssertFalse(r.elements.contains { $0.kind == .tickLabel && ["x", "y", "$x$", "$y$"].contains($0.text) })
    }

    func testCrossAndPlusMarkersWithABackgroundEdgeAreDrawnInTheirColour() throws {
        var f = try Figure(width: 200, height: 200, dpi: 72, theme: .light)
        var axes = Axes()
        let red = Color(hex: 0xD00000)
        axes.add(ScatterMark(points: [Point(0.3, 0.5)], shape: .cross, size: 20, color: red, edge: .white, edgeWidth: 1))
        axes.add(ScatterMark(points: [Point(0.7, 0.5)], shape: .plus, size: 20, color: red, edge: .white, edgeWidth: 1))
        axes.xLimits = Interval(0, 1); axes.yLimits = Interval(0, 1)
        axes.showAxes = false
        f.add(axes)
        let png = try DecodedPNG(try f.render(as: .png))
        var reds = 0
        for y in 0..<png.height { for x in 0..<png.width { let p = png.pixel(x, y); if p.r > 180 && p.g < 80 && p.b < 80 { reds += 1 } } }
        // Each 20-point marker is two strokes about 3.6 points wide: well over a hundred red pixels.
        XCTAssertGreaterThan(reds, 150, "the 5th and 6th markers (cross, plus) are drawn in their colour")
    }
}
