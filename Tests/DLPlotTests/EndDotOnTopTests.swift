import Foundation
import TestSupport
import XCTest
@testable import Viz
@testable import dlplot

/// F-9: where a later run's path crossed an earlier run's end, the end dot (drawn with its own path) was
/// hidden, so it could not be seen where that run ended. Each end in the view is drawn again above every path.
final class EndDotOnTopTests: XCTestCase {
    func testEveryEndInTheViewHasADotAboveAllPaths() throws {
        let command = try DLPlot.SurfaceCommand.parse(["rosenbrock", "--optimizers", "gd,momentum,adam,rmsprop"])
        let figure = try command.makeFigure().0
        let marks = figure.panels[0].axes.marks
        let paths = marks.compactMap { $0 as? PathMark }
        XCTAssertEqual(paths.count, 4)
        let top = try XCTUnwrap(paths.map(\.zOrder).max())
        let dots = marks.compactMap { $0 as? ScatterMark }.filter { $0.zOrder > top && $0.shape == .circle && $0.points.count == 1 }
        for path in paths {
            let end = try XCTUnwrap(path.points.last)
            guard end.x >= -2, end.x <= 2, end.y >= -1, end.y <= 3 else { continue }
            XCTAssertTrue(dots.contains { $0.points[0] == end && $0.color == path.style.color }, "no dot above the paths at \(end)")
        }
    }
}
