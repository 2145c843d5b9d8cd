import Foundation
import Viz
import XCTest
@testable import dlplot

/// X13-30: `basins` on a typed surface with 18 minima printed its share table's rows in their basin colours,
/// the pale end of the palette at a contrast of 2.0–2.6 with white ("G (−1.57, −0.52)" in (191, 185, 106)):
/// rows that vanish on a projector. Every row's text now keeps WCAG's 4.5:1 for text, on either theme, and
/// keeps its hue.
final class BasinTableContrastTests: XCTestCase {
    func testEveryBasinRowReadsAtFourAndAHalfToOne() throws {
        for theme in ["light", "dark"] {
            let (figure, _) = try DLPlot.BasinsCommand.parse(["sin(3*x)*sin(3*y)", "--optimizers", "gd", "--theme", theme])
                .makeFigure()
            let background = theme == "light" ? Theme.light.plotBackground : Theme.dark.plotBackground
            var rows = 0
            for record in try figure.record().records {
                guard case let .text(text, _, color, _) = record.primitive, text.hasPrefix("■") else { continue }
                rows += 1
                XCTAssertGreaterThanOrEqual(color.contrast(with: background), 4.5, "\(theme): '\(text)' in \(color)")
            }
            XCTAssertGreaterThanOrEqual(rows, 10, theme)
        }
    }

    func testAReadableColourKeepsItsHueAndAReadableOneIsKept() {
        let olive = Color(r: 191 / 255, g: 185 / 255, b: 106 / 255)
        let dark = olive.readableText(on: [.white])
        XCTAssertGreaterThanOrEqual(dark.contrast(with: .white), 4.5)
        XCTAssertLessThan(dark.contrast(with: .white), 6, "darkened no further than it needs")
        XCTAssertGreaterThan(dark.r, dark.b, "still olive, not grey")
        let blue = Color(hex: 0x0072B2)
        XCTAssertEqual(blue.readableText(on: [.white]), blue)
    }
}
