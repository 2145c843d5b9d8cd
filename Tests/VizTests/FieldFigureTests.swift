import TestSupport
import XCTest
import Foundation
import Viz

/// Renders the teaching figures of the fields layer (written to the temporary directory for a look) and
/// checks what a reader would check.
final class FieldFigureTests: XCTestCase {
    static let rosenbrock: @Sendable (Double, Double) -> Double = { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }

    func testRosenbrockFilledLogContours() throws {
        let field = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-1, 3), nx: 301, ny: 301, Self.rosenbrock)
        let filled = try FilledContourMark(field: field, levels: .count(9))
        XCTAssertTrue(filled.levels.isLog, "Rosenbrock spans decades: log levels")
        let lines = try ContourMark(field: field, levels: .count(9), showLabels: true)
        var ax = Axes(title: "Rosenbrock $f(x, y) = (1-x)^2 + 100(y-x^2)^2$", xLabel: "$x$", yLabel: "$y$")
        ax.add(filled); ax.add(lines)
        ax.sideGuides = [Colorbar(for: filled, label: "$f(x, y)$")]
        ax.xPadding = 0; ax.yPadding = 0; ax.grid = false; ax.zeroLines = false
        var fig = try Figure(width: 1280, height: 720)
        fig.add(ax)
        let png = try fig.render(as: .png)
        try Data(png).write(to: URL(fileURLWithPath: NSTemporaryDirectory() + "fields-rosenbrock.png"))
        let img = try DecodedPNG(png)
        XCTAssertEqual(img.width, 1280)
    }

    func testSaddleDivergingWithArrowsAndPath() throws {
        let f: @Sendable (Double, Double) -> Double = { x, y in x * x - y * y }
        let field = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-2, 2), nx: 201, ny: 201, f)
        let heat = HeatmapMark(field: field, colormap: .diverging, normalization: .centered(for: field))
        let lines = try ContourMark(field: field, levels: .count(8, spacing: .linear), showLabels: true)
        XCTAssertFalse(lines.levels.isLog)
        let arrows = try VectorFieldMark.gradient(of: f, x: Interval(-2, 2), y: Interval(-2, 2), nx: 14, ny: 14)
        // Gradient descent from (1.8, 0.05), lr 0.2: x shrinks, y grows by 1.4× a step and leaves the view.
        var p = Point(1.8, 0.05), run = [p]
        for _ in 0..<14 { p = Point(p.x - 0.2 * 2 * p.x, p.y + 0.2 * 2 * p.y); run.append(p) }
        let path = PathMark(points: run, style: StrokeStyle(color: Palette.okabeIto[1], width: 2.2), label: "GD, lr 0.2", showPoints: true)
        var ax = Axes(title: "Saddle $f(x, y) = x^2 - y^2$", xLabel: "$x$", yLabel: "$y$")
        ax.add(heat); ax.add(lines); ax.add(arrows); ax.add(path)
        ax.add(PointLabelMark.saddles([Point(0, 0)]))
        ax.sideGuides = [Colorbar(for: heat, label: "$f(x, y)$")]
        ax.xPadding = 0; ax.yPadding = 0; ax.grid = false; ax.zeroLines = false; ax.equalAspect = true
        var fig = try Figure(width: 1280, height: 720)
        fig.add(ax)
        let png = try fig.render(as: .png)
        try Data(png).write(to: URL(fileURLWithPath: NSTemporaryDirectory() + "fields-saddle.png"))
        XCTAssertEqual(arrows.anchors.count, 196)
    }
}
