import Foundation
import Optim
import Viz
import XCTest
@testable import Figures

/// `--theme print` promises series told apart in greyscale. Tried as a new user would: sigmoid, tanh,
/// ReLU and GELU took their catalogue styles (2, 3, 4, 10), four greys of L* 32–50, drawn solid, told
/// apart only by small sparse markers. In print, series take the styles in figure order.
final class PrintGreyLevelTests: XCTestCase {
    /// CIE L* of a colour (its grey level).
    func lightness(_ c: Color) -> Double {
        func lin(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
        let y = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
        return y > 0.008856 ? 116 * cbrt(y) - 16 : 903.3 * y
    }

    func testFourActivationsInPrintDifferInGreyLevelAndMarker() throws {
        let names = ["sigmoid", "tanh", "relu", "gelu"]
        var figure = try Figure(width: 1280, height: 720, theme: .print)
        _ = ActivationFigure(activations: try names.map { try Activation(name: $0) }).build(into: &figure)
        let entries = figure.panels[0].axes.marks.compactMap { $0 as? LineMark }.filter { $0.points.isEmpty && $0.marker != nil && $0.style.dash.isEmpty }
        XCTAssertEqual(entries.count, 4, "one legend line per f")
        let greys = entries.map { lightness($0.style.color) }
        for i in 0..<greys.count {
            for j in (i + 1)..<greys.count {
                XCTAssertGreaterThanOrEqual(abs(greys[i] - greys[j]), 14, "L* \(greys)")
            }
        }
        XCTAssertEqual(Set(entries.compactMap(\.marker)).count, 4)
    }

    func testSurfaceRunsInPrintTakeTheFirstStylesInOrder() {
        XCTAssertTrue(Theme.print.seriesInFigureOrder)
        XCTAssertFalse(Theme.print.paletteInOrder, "the theme's own palette, not a user's list")
        XCTAssertFalse(Theme.light.seriesInFigureOrder, "light and dark keep one style per optimizer name across figures")
    }
}
