import Viz
import XCTest
@testable import dlplot

/// `activations`: the subtitle said "shaded: saturated (|f′| < 0.05) in the tails", yet Leaky ReLU's left
/// tail (f′ = 0.01) is rightly not shaded: saturation is a tail where f′ → 0. The words now say so.
final class SaturationWordingTests: XCTestCase {
    func testTheGridSubtitleDefinesSaturationAsFallingToZeroAndLeakyReLUIsNotShaded() throws {
        let parsed = try DLPlot.parseAsRoot(["activations", "--names", "leaky_relu,softplus"])
        let command = try XCTUnwrap(parsed as? any FigureCommand)
        let (figure, _) = try command.makeFigure()
        let subtitle = try XCTUnwrap(figure.subtitle)
        XCTAssertTrue(subtitle.contains("shaded: saturated tails ($|f'|$ → 0, below 0.05)"), subtitle)
        let bands = figure.panels.map { $0.axes.marks.filter { $0 is BandMark }.count }
        XCTAssertEqual(bands[0], 0, "Leaky ReLU: no saturated band")
        XCTAssertGreaterThan(bands[1], 0, "Softplus: its left tail is shaded")
    }
}
