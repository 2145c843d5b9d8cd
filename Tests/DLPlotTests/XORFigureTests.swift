import Foundation
import Optim
import TestSupport
import Viz
import XCTest
@testable import Figures
@testable import dlplot

final class XORFigureTests: XCTestCase {
    /// Both networks put the four points on the right side of 0.5 (from the --data CSV).
    func testNetworksClassifyTheFourPoints() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["xor", "-o", "x.png", "--data", "x.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let points = try XCTUnwrap(table(try readDataCSV(dir.appendingPathComponent("x.csv")), "x1,x2,label,"))
        XCTAssertEqual(points.count, 4)
        for p in points {
            XCTAssertEqual(p[2], p[0] == p[1] ? 0 : 1, "XOR label")
            XCTAssertEqual(p[3] > 0.5, p[2] == 1, "hand-set at \(p[0]),\(p[1])")
            XCTAssertEqual(p[4] > 0.5, p[2] == 1, "trained at \(p[0]),\(p[1])")
        }
        // Hand-set: σ(20·σ(20·0 − 10) + 20·σ(30) − 30) ≈ σ(−10) at (0, 0).
        XCTAssertLessThan(points[0][3], 1e-4)
    }

    /// A single line separates AND and OR but not XOR.
    func testSingleLines() {
        XCTAssertEqual(XORFigure.bestLine(labels: [false, false, false, true]).errors, 0)
        XCTAssertEqual(XORFigure.bestLine(labels: [false, true, true, true]).errors, 0)
        XCTAssertEqual(XORFigure.bestLine(labels: [false, true, true, false]).errors, 1)
        // AND's widest-margin line is x₁ + x₂ = 1.5 (margin √2/4).
        XCTAssertEqual(XORFigure.bestLine(labels: [false, false, false, true]).margin, 2.0.squareRoot() / 4, accuracy: 1e-9)
    }

    /// In the PNG, the decision-region colour beside each point (just outside its marker) is the
    /// class colour: amber for class 1, pale blue for class 0, in both network panels.
    func testRegionPixelsHaveTheClassColours() throws {
        let dir = try makeTemporaryDirectory()
        let args = ["--epochs", "5000", "--size", "1500x1000", "--dpi", "100"]
        XCTAssertEqual(try runDLPlot(["xor"] + args + ["-o", "x.png"], in: dir).status, 0)
        let png = try DecodedPNG(Array(Data(contentsOf: dir.appendingPathComponent("x.png"))))
        let (figure, _) = try DLPlot.XORCommand.parse(args).makeFigure()
        let rects = try figure.layoutPlotRects()
        let s = 100.0 / 72
        let one = XORFigure.regionColormap.color(at: 1), zero = XORFigure.regionColormap.color(at: 0)
        for panel in [3, 4] {
            let r = rects[panel]
            for (x1, x2) in XORFigure.inputs {
                // 0.15 outside the unit square horizontally: away from the marker, same region.
                let dx = x1 == 0 ? -0.15 : 0.15
                let px = Int(((r.minX + (x1 + dx + 0.5) / 2 * r.width) * s).rounded())
                let py = Int(((r.maxY - (x2 + 0.5) / 2 * r.height) * s).rounded())
                let p = png.pixel(px, py)
                func distance(_ c: Color) -> Double {
                    abs(Double(p.r) / 255 - c.r) + abs(Double(p.g) / 255 - c.g) + abs(Double(p.b) / 255 - c.b)
                }
                let classOne = x1 != x2
                XCTAssertLessThan(distance(classOne ? one : zero), 0.08, "panel \(panel) at (\(x1), \(x2)): \(p)")
            }
        }
    }
}
