import Optim
import Viz
import XCTest
@testable import Figures

/// The level labels of a filled or heatmap surface were near-black on every fill: "200", "400" and "800"
/// on Booth's dark purple bands read at a contrast of about 1.5. Each label takes the colour that reads
/// on the fill under it.
final class ContourLabelFillTests: XCTestCase {
    func testEveryLabelReadsOnItsFill() throws {
        for t in stride(from: 0.0, through: 1.0, by: 0.05) {
            let fill = Colormap.viridis.color(at: t)
            let label = ContourMark.labelColor(onFill: fill.luminance)
            XCTAssertGreaterThanOrEqual(label.contrast(with: fill), 3.5, "t = \(t)")
        }
        let s = try Surface(named: "booth")
        let plan = SurfacePlan(surface: s, start: Point2(-3, -2), steps: 50, x: Interval(s.viewBox.xmin, s.viewBox.xmax),
                               y: Interval(s.viewBox.ymin, s.viewBox.ymax), seed: 0)
        let runs = try SurfaceRuns.run([OptimizerRequest(name: "gd", settings: ["lr": 0.05])], plan: plan)
        for style in [SurfaceFigure.Style.filled, .heatmap] {
            var figure = try Figure(width: 1280, height: 720)
            _ = try SurfaceFigure(plan: plan, runs: runs, style: style).build(into: &figure)
            let marks = try XCTUnwrap(figure.panels.first?.axes.marks)
            let lines = try XCTUnwrap(marks.compactMap { $0 as? ContourMark }.first)
            let colors = try XCTUnwrap(lines.labelColors, "\(style)")
            XCTAssertEqual(colors.count, lines.levels.values.count)
            // The lowest levels lie on the darkest fills: white; the highest on yellow-green: dark.
            XCTAssertEqual(colors.first, Color(hex: 0xFFFFFF), "\(style)")
            XCTAssertEqual(colors.last, Color(hex: 0x1A1A1A), "\(style)")
        }
    }
}
