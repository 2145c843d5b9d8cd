import Foundation
import Viz
import XCTest
@testable import dlplot

/// A pixel size scales the default figure; a page too small is refused by the size typed; strips of
/// panels give every panel the same size.
final class PageSizeTests: XCTestCase {
    func testFourKIsTheDefaultFigureAtThreeTimesTheDetail() throws {
        let small = try DLPlot.SurfaceCommand.parse(["rosenbrock", "--optimizers", "gd", "--steps", "5"]).makeFigure().0
        let big = try DLPlot.SurfaceCommand.parse(["rosenbrock", "--optimizers", "gd", "--steps", "5", "--size", "3840x2160"]).makeFigure().0
        XCTAssertEqual(big.dpi, small.dpi * 3, accuracy: 1e-9)
        XCTAssertEqual(big.pixelSize.width, 3840)
        XCTAssertEqual(big.size.width, small.size.width, accuracy: 1e-9)
        XCTAssertEqual(big.size.height, small.size.height, accuracy: 1e-9)
        // Same layout in points: text grows with the page.
        XCTAssertEqual(try big.layoutPlotRects(), try small.layoutPlotRects())
        // A size with a unit, or an explicit --dpi, keeps the resolution asked for.
        let inches = try DLPlot.SurfaceCommand.parse(["rosenbrock", "--steps", "5", "--size", "8x4.5in"]).makeFigure().0
        XCTAssertEqual(inches.dpi, 160)
        let fixed = try DLPlot.SurfaceCommand.parse(["rosenbrock", "--steps", "5", "--size", "3840x2160", "--dpi", "160"]).makeFigure().0
        XCTAssertEqual(fixed.dpi, 160)
    }

    func testTooSmallPageIsRefusedByTheSizeAsTyped() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["curves", "--surface", "ellipse", "--optimizers", "gd", "--steps", "50", "--size", "3.3x2.5in",
                                 "--dpi", "300", "-o", "c.png"], in: dir)
        XCTAssertEqual(run.status, 64, run.stderr)
        XCTAssertTrue(run.stderr.contains("'3.3x2.5in'"), run.stderr)
        XCTAssertFalse(run.stderr.contains("990x750"), run.stderr)
        XCTAssertTrue(run.stderr.contains("in' fits"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("c.png").path))
        // The size it names does fit.
        let fit = try XCTUnwrap(run.stderr.range(of: #"'[0-9.]+x[0-9.]+in' fits"#, options: .regularExpression)
            .map { String(run.stderr[$0].dropFirst().dropLast(6)) })
        XCTAssertNotEqual(fit, "3.3x2.5in")
        let again = try runDLPlot(["curves", "--surface", "ellipse", "--optimizers", "gd", "--steps", "50", "--size", fit,
                                   "--dpi", "300", "-o", "c.png"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
    }

    func testStepStripPanelsHaveEqualSizesAndFillTheirCells() throws {
        for panels in ["4", "8"] {
            // As the command draws it: eight panels grow the default page a little (each plot keeps four tick labels).
            let command = try DLPlot.StepsCommand.parse(["--optimizer", "adam", "--surface", "rosenbrock", "--panels", panels])
            let f = command.figureOptions.grownToFit(try command.makeFigure().0, format: .png)
            let rects = Array(try f.layoutPlotRects().dropLast())  // the last panel holds the legend
            XCTAssertEqual(rects.count, Int(panels))
            for r in rects {
                XCTAssertEqual(r.width, rects[0].width, accuracy: 0.01, "\(panels) panels")
                XCTAssertEqual(r.height, rects[0].height, accuracy: 0.01, "\(panels) panels")
            }
            // No empty band: the frames take more than a third of the page's height (they were about a fifth).
            let covered = rects.map(\.maxY).max()! - rects.map(\.minY).min()!
            XCTAssertGreaterThan(covered, f.size.height * 0.35, "\(panels) panels")
            XCTAssertGreaterThan(rects[0].width, 60, "\(panels) panels")
        }
    }
}
