import XCTest
@testable import Viz

/// Y8-1: `surface --style lines --theme dark` drew its low levels and their labels in viridis's darkest
/// purples (#440154: a contrast of 1.16 with #15191F), invisible on a projector; on white, its yellow
/// (1.26) likewise. Every level's colour keeps a 3:1 contrast with the plot's background.
final class ContourContrastTests: XCTestCase {
    func testEveryLevelColourKeepsThreeToOneOnEachTheme() throws {
        let f = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-2, 2), nx: 40, ny: 40) { x, y in x * x + y * y }
        let lines = try ContourMark(field: f, levels: .exactly(9), colormap: .viridis, showLabels: true)
        for theme in Theme.all {
            let contrasts = (0..<9).map { lines.levelColor($0, theme: theme).contrast(with: theme.plotBackground) }
            XCTAssertGreaterThanOrEqual(contrasts.min() ?? 0, 3, "\(theme.name): \(contrasts)")
            // Still a ramp: the first and last levels differ clearly.
            XCTAssertNotEqual(lines.levelColor(0, theme: theme), lines.levelColor(8, theme: theme))
        }
        // Before: the map's own ends.
        XCTAssertLessThan(Colormap.viridis.color(at: 0).contrast(with: Theme.dark.plotBackground), 1.2)
        XCTAssertLessThan(Colormap.viridis.color(at: 1).contrast(with: .white), 1.3)
    }

    func testTheReadableRangeIsTheStretchThatKeepsTheContrast() {
        let dark = Colormap.viridis.readableRange(on: Theme.dark.plotBackground)
        XCTAssertEqual(dark.upperBound, 1)
        XCTAssertGreaterThan(dark.lowerBound, 0.2)
        XCTAssertLessThan(dark.lowerBound, 0.45)
        let light = Colormap.viridis.readableRange(on: .white)
        XCTAssertEqual(light.lowerBound, 0)
        XCTAssertGreaterThan(light.upperBound, 0.45)
        XCTAssertLessThan(light.upperBound, 0.75)
        // A grey map on a mid-grey page has no stretch a quarter long that keeps 3:1: the whole map.
        XCTAssertEqual(Colormap.viridis.readableRange(on: .white, minimum: 30), 0...1)
        XCTAssertEqual(Color.black.contrast(with: .white), 21, accuracy: 1e-9)
    }
}

/// Y9-15: on a 3-D surface the hidden stretches of a path were dotted, as the momentum series itself is: its
/// hidden and visible parts looked the same. A hidden stretch keeps its series' dash pattern, faint and thinner.
final class HiddenPathStyleTests: XCTestCase {
    func testAHiddenStretchKeepsItsSeriesDashesAndIsFaint() {
        for dash in [[], [1.0, 3.0], [6.0, 3.0], [6.0, 2.0, 1.0, 2.0]] {
            let style = StrokeStyle(color: Color(hex: 0x0072B2), width: 2, dash: dash)
            let hidden = SurfacePathScene.hiddenStyle(style)
            XCTAssertEqual(hidden.dash, dash, "a hidden stretch of a path dashed \(dash)")
            XCTAssertLessThan(hidden.color.a, 0.5)
            XCTAssertLessThan(hidden.width, style.width)
        }
    }
}
