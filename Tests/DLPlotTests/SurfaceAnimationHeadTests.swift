import Foundation
import XCTest
@testable import Figures
import Viz
@testable import dlplot

/// Each run's head in a surface animation carries its legend marker's shape (square, triangle, star, plus…),
/// so four runs near one minimum are told apart in greyscale and in the print theme (they were four plain
/// white-rimmed circles). The faded part of a path keeps its series' lightness: the print theme's dark blue
/// momentum and light blue adam were washed to one pale tint.
final class SurfaceAnimationHeadTests: XCTestCase {
    /// Frame 11 of 30's moving marks; `keys` are its legend rows' samples (the run's colour and marker).
    private func frame(_ theme: String, view3D: Bool = false) throws -> (marks: [any Mark], keys: [LineMark], theme: Theme) {
        let command = try DLPlot.SurfaceCommand.parse(["beale", "--optimizers", "gd,momentum,adam,rmsprop", "--theme", theme,
                                                       "--size", "960x540"] + (view3D ? ["--view", "3d"] : []))
        let (animation, _) = try command.makeAnimation(frames: 30, spacing: .even)
        let marks = animation.moving(10)[0]
        return (marks, marks.compactMap { $0 as? LineMark }.filter { $0.label != nil }, animation.still.theme)
    }

    func testEachHeadHasItsLegendMarkersShape() throws {
        for theme in ["light", "print", "dark"] {
            let (marks, keys, _) = try frame(theme)
            let heads = marks.compactMap { $0 as? ScatterMark }.filter { $0.zOrder == SurfaceAnimation.currentDotZ }
            XCTAssertEqual(heads.count, 4, theme)
            XCTAssertEqual(keys.count, 4, theme)
            XCTAssertEqual(heads.map(\.shape), keys.map(\.marker), "\(theme): the legend's markers")
            XCTAssertEqual(heads.map(\.color), keys.map(\.style.color), "\(theme): the legend's colours")
            XCTAssertEqual(Set(heads.map(\.shape)).count, 4, "\(theme): four shapes")
        }
    }

    /// In 3-D the end of each path (the head, in a frame) is its legend marker too, and the legend key shows it.
    func testThreeDimensionalHeadsHaveTheirLegendMarkersShape() throws {
        let (marks, keys, _) = try frame("print", view3D: true)
        let surface = try XCTUnwrap(marks.compactMap { $0 as? SurfaceMark }.first)
        XCTAssertEqual(keys.count, 4)
        XCTAssertEqual(keys.compactMap(\.marker).count, 4, "each key shows its marker")
        // Each path (one piece a run here: none leaves the view) ends in its run's marker, in the runs' order.
        XCTAssertEqual(surface.extraPaths.count, 4)
        XCTAssertEqual((0..<4).map { surface.endShapes[$0] }, keys.map(\.marker))
        XCTAssertEqual(surface.extraPaths.map(\.style.color), keys.map(\.style.color))
    }

    /// The faint (older) part of each path keeps most of its series' lightness difference from the others.
    func testTheFadedPathsKeepTheirSeriesLightness() throws {
        let (marks, keys, theme) = try frame("print")
        // As drawn: the colour over the plot's at its opacity.
        let faint = marks.compactMap { $0 as? PathMark }.map(\.style.color).map { $0.withAlpha(1).mixed(with: theme.plotBackground, 1 - $0.a) }
        XCTAssertEqual(faint.count, 4)
        let full = keys.map(\.style.color)
        // Lightness as seen (CIE L*, 0…100), not relative luminance, which hides the washing-out of dark colours.
        func lightness(_ c: Color) -> Double { let y = c.luminance; return y > 0.008856 ? 116 * Foundation.cbrt(y) - 16 : 903.3 * y }
        for a in 0..<4 {
            // Pairs of about one lightness (orange and light blue: under 5 L* apart) are told apart by colour and dash.
            for b in (a + 1)..<4 where abs(lightness(full[a]) - lightness(full[b])) > 5 {
                let was = lightness(full[a]) - lightness(full[b]), now = lightness(faint[a]) - lightness(faint[b])
                XCTAssertEqual(was.sign, now.sign, "series \(a) and \(b) keep their lightness order")
                XCTAssertGreaterThanOrEqual(abs(now), 0.7 * abs(was), "series \(a), \(b): \(now) of \(was)")
            }
        }
    }
}
