import Viz
import XCTest
@testable import dlplot

/// Each panel of `steps` takes its colour levels from f near its own view: on the bowl at lr 0.9 every
/// level lay beyond the view (they spanned a square 25 times its area) and each panel was one flat band.
/// f growing at every step is said whenever it is so, "diverges" once it has grown tenfold.
final class StepsPanelLevelsTests: XCTestCase {
    func testEveryPanelShowsSeveralLevelsOfTheBowl() throws {
        for lr in ["0.9", "1.05", "0.1"] {
            let (figure, _) = try DLPlot.StepsCommand.parse(["--optimizer", "gd", "--surface", "bowl", "--lr", lr]).makeFigure()
            XCTAssertEqual(figure.panels.count, 5, "four steps and the key: \(lr)")
            for (k, panel) in figure.panels.prefix(4).enumerated() {
                let filled = try XCTUnwrap(panel.axes.marks.compactMap { $0 as? FilledContourMark }.first, "lr \(lr) panel \(k)")
                let (x, y) = (try XCTUnwrap(panel.axes.xLimits), try XCTUnwrap(panel.axes.yLimits))
                // f = x² + y² over the panel's view: from its nearest point to the origin to its farthest corner.
                let near = (max(0, max(x.lower, -x.upper)) * max(0, max(x.lower, -x.upper)) + max(0, max(y.lower, -y.upper)) * max(0, max(y.lower, -y.upper)))
                let far = max(x.lower * x.lower, x.upper * x.upper) + max(y.lower * y.lower, y.upper * y.upper)
                let inside = filled.levels.values.filter { $0 > near && $0 < far }
                XCTAssertGreaterThanOrEqual(inside.count, 3, "lr \(lr) panel \(k): levels \(filled.levels.values) in view \(near)…\(far)")
            }
        }
    }

    func testGrowthAtEveryStepIsSaid() throws {
        let (slow, _) = try DLPlot.StepsCommand.parse(["--optimizer", "gd", "--surface", "bowl", "--lr", "1.05"]).makeFigure()
        XCTAssertTrue(slow.subtitle?.contains("f grows at every step (10.3 → 22 by step 4)") ?? false, slow.subtitle ?? "")
        XCTAssertFalse(slow.subtitle?.contains("diverges") ?? true)
        let (fast, _) = try DLPlot.StepsCommand.parse(["--optimizer", "gd", "--surface", "bowl", "--lr", "1.5"]).makeFigure()
        XCTAssertTrue(fast.subtitle?.contains("diverges: f grows at every step") ?? false, fast.subtitle ?? "")
    }
}
