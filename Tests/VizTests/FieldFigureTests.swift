import XCTest
import Foundation
@testable import Viz

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
}
