import Foundation
import TestSupport
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// What the activation figure claims: zones where the derivative says, exact kinks and jumps.
final class ActivationFigureTests: XCTestCase {
    /// Renders `args` in-process and returns the decoded PNG and the plot rectangle in pixels.
    private func render(_ args: [String]) throws -> (DecodedPNG, Rect, Figure) {
        let command = try DLPlot.ActivationCommand.parse(args + ["--size", "1000x600", "--dpi", "100"])
        let (figure, _) = try command.makeFigure()
        let png = try DecodedPNG(figure.render(as: .png))
        let s = figure.dpi / 72
        let r = try XCTUnwrap(figure.layoutPlotRects().first)
        return (png, Rect(x: r.minX * s, y: r.minY * s, width: r.width * s, height: r.height * s), figure)
    }

    /// The longest runs (at most two) of columns in row `y` whose colour is the zone tint blended on white.
    private func tinted(_ png: DecodedPNG, row y: Int, tint: Color, in r: Rect) -> [Int] {
        let expected = Color.white.mixed(with: tint.withAlpha(1), tint.a)
        let hits = (Int(r.minX) + 2..<Int(r.maxX) - 2).filter { x in
            let p = png.pixel(x, y)
            return abs(Double(p.r) / 255 - expected.r) < 0.012 && abs(Double(p.g) / 255 - expected.g) < 0.012
                && abs(Double(p.b) / 255 - expected.b) < 0.012
        }
        // Split into contiguous runs (gaps of a few pixels for grid lines are bridged) and keep long ones.
        var runs: [[Int]] = []
        for x in hits {
            if let last = runs.last?.last, x - last <= 3 { runs[runs.count - 1].append(x) } else { runs.append([x]) }
        }
        return runs.filter { $0.count > 20 }.flatMap { $0 }
    }

    func testSigmoidSaturationZonesBeginWhereTheDerivativeIsTau() throws {
        let tau = 0.05
        // σ′ = σ(1 − σ) = τ at σ = (1 − √(1 − 4τ))/2: x* = ln(σ/(1 − σ)), independent of the kernels.
        let s = (1 - (1 - 4 * tau).squareRoot()) / 2
        let xStar = Foundation.log(s / (1 - s))
        let (png, r, figure) = try render(["sigmoid", "--saturation", "\(tau)"])
        let bands = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { $0 as? BandMark }
        XCTAssertEqual(bands.count, 2)
        for b in bands { XCTAssertEqual(abs(b.orientation == .vertical ? (b.lower < 0 ? b.upper : b.lower) : 0), -xStar, accuracy: 1e-9) }
        // Pixels: along a row at 85 % height (clear of curves and labels), the tint stops at px(±x*) ± 1 px.
        let xr = -6.0...6.0
        func px(_ x: Double) -> Double { r.minX + (x - xr.lowerBound) / (xr.upperBound - xr.lowerBound) * r.width }
        let columns = tinted(png, row: Int(r.minY + r.height * 0.15), tint: Theme.light.bandColors[0], in: r)
        let left = columns.filter { Double($0) < r.midX }, right = columns.filter { Double($0) > r.midX }
        let leftEdge = try XCTUnwrap(left.max()), rightEdge = try XCTUnwrap(right.min())
        XCTAssertEqual(Double(leftEdge) + 1, px(xStar), accuracy: 1)
        XCTAssertEqual(Double(rightEdge), px(-xStar), accuracy: 1)
    }

    func testReLUDeadZoneIsExactlyTheNegativeHalf() throws {
        let (png, r, figure) = try render(["relu", "--range", "-4:4"])
        let bands = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { $0 as? BandMark }
        XCTAssertEqual(bands.count, 1)
        let dead = try XCTUnwrap(bands.first)
        XCTAssertEqual(dead.lower, -4)
        XCTAssertEqual(dead.upper, 0, accuracy: 1e-12)
        let columns = tinted(png, row: Int(r.minY + r.height * 0.3), tint: Theme.light.bandColors[1], in: r)
        // The zero line (drawn over the band) hides the band's last pixels at x = 0, so the visible tint
        // stops within the line's width to the left of px(0), and never continues to the right of it.
        let edge = try XCTUnwrap(columns.max())
        XCTAssertLessThanOrEqual(Double(edge) + 1, r.midX + 1)
        XCTAssertGreaterThanOrEqual(Double(edge) + 1, r.midX - 3)
        XCTAssertTrue(columns.allSatisfy { Double($0) < r.midX })
        XCTAssertGreaterThan(columns.count, Int(r.width * 0.45))
    }

    func testBinaryStepJumpIsBrokenWithDots() throws {
        let command = try DLPlot.ActivationCommand.parse(["binary_step"])
        let (figure, _) = try command.makeFigure()
        let marks = try XCTUnwrap(figure.panels.first).axes.marks
        let dots = marks.compactMap { $0 as? JumpDotsMark }.flatMap(\.dots)
        XCTAssertEqual(dots.count, 2)
        XCTAssertTrue(dots.contains { $0.filled && $0.point.x == 0 && $0.point.y == 1 })
        XCTAssertTrue(dots.contains { !$0.filled && $0.point.x == 0 && $0.point.y == 0 })
        // The value curve has a NaN break at the jump and no point on the riser.
        let line = try XCTUnwrap(marks.compactMap { $0 as? LineMark }.first)
        XCTAssertTrue(line.points.contains { $0.y.isNaN })
        XCTAssertFalse(line.points.contains { $0.y.isFinite && $0.y > 0 && $0.y < 1 })
    }

    func testKinksAreSampledExactly() throws {
        let command = try DLPlot.ActivationCommand.parse(["hardtanh"])
        let (figure, _) = try command.makeFigure()
        let line = try XCTUnwrap(try XCTUnwrap(figure.panels.first).axes.marks.compactMap { $0 as? LineMark }.first)
        XCTAssertTrue(line.points.contains { $0.x == -1 && $0.y == -1 })
        XCTAssertTrue(line.points.contains { $0.x == 1 && $0.y == 1 })
    }

    func testBadParametersAreUsageErrors() throws {
        let dir = try makeTemporaryDirectory()
        for (args, needle) in [(["activation", "sigmoidd"], "sigmoidd"), (["activation", "elu", "--param", "alpah=1"], "alpah"),
                               (["activation", "relu", "--range", "3:1"], "3:1"), (["activation", "relu", "--size", "0x10"], "0x10"),
                               (["activation", "relu", "--theme", "neon"], "neon"), (["activation", "relu", "--saturation-rel", "2"], "2")] {
            let run = try runDLPlot(args + ["-o", "x.png"], in: dir)
            XCTAssertEqual(run.status, 64, "\(args): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(needle), "\(args): \(run.stderr)")
            XCTAssertEqual(run.stdout, "")
        }
        XCTAssertEqual(listing(dir), [])
    }

    func testDataCSVHoldsTheKernelValues() throws {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["activation", "tanh", "-o", "t.svg", "--data", "t.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try String(contentsOf: dir.appendingPathComponent("t.csv"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("activation,x,f,df\n"), text)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("tanh,") }.map { $0.dropFirst(5) }
        XCTAssertGreaterThan(rows.count, 100)
        for row in rows.prefix(50) {
            let v = row.split(separator: ",").compactMap { Double($0) }
            guard v.count == 3 else { continue }
            XCTAssertEqual(v[1], Foundation.tanh(v[0]), accuracy: 1e-15)
            XCTAssertEqual(v[2], 1 - Foundation.tanh(v[0]) * Foundation.tanh(v[0]), accuracy: 1e-14)
        }
    }
}
