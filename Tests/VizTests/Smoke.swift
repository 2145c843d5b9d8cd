import XCTest
import Foundation
@testable import Viz

final class VizSmokeTests: XCTestCase {
    func testScratchFigure() throws {
        var fig = try Figure(width: 1280, height: 720)
        fig.title = "Sigmoid $\\sigma(x) = \\frac{1}{1+e^{-x}}$"
        var ax = Axes(title: "value and derivative", xLabel: "$x$", yLabel: "$\\sigma(x)$, $\\sigma'(x)$")
        let xs: [Double] = stride(from: -6.0, through: 6.0, by: 0.01).map { $0 }
        ax.add(LineMark(x: xs, y: xs.map { 1 / (1 + exp(-$0)) }, style: StrokeStyle(color: Palette.okabeIto[0], width: 2), label: "$\\sigma(x)$"))
        ax.add(LineMark(x: xs, y: xs.map { let s = 1 / (1 + exp(-$0)); return s * (1 - s) }, style: StrokeStyle(color: Palette.okabeIto[1], width: 2, dash: [6, 3]), label: "$\\sigma'(x)$"))
        fig.add(ax)
        for f in OutputFormat.allCases { try fig.write(to: "/tmp/scratch.\(f.rawValue)") }
    }
}
extension VizSmokeTests {
    func testScratchDeterminism() throws {
        var fig = try Figure(width: 400, height: 300)
        var ax = Axes(title: "t $x^2$")
        ax.add(LineMark(x: [0, 1, 2], y: [0, 1, 4], style: StrokeStyle(color: .black), label: "a"))
        fig.add(ax)
        for f in OutputFormat.allCases {
            let a = try fig.render(as: f), b = try fig.render(as: f)
            if a != b { try Data(a).write(to: URL(fileURLWithPath: "/tmp/d1.\(f.rawValue)")); try Data(b).write(to: URL(fileURLWithPath: "/tmp/d2.\(f.rawValue)")) }
            XCTAssertEqual(a, b, f.rawValue)
        }
    }
}
