import Foundation
import Viz
import XCTest
@testable import dlplot

/// Figure-level checks that a run is never lost: paths behind a 3-D surface, a start on the top edge
/// of the view, and a divergent run whose start must stay in the panel.
final class PathVisibilityFigureTests: XCTestCase {
    private func records(_ figure: Figure) throws -> [RecordingBackend.Record] { try figure.record().records }

    private func sameRGB(_ a: Color, _ b: Color) -> Bool {
        abs(a.r - b.r) < 1e-9 && abs(a.g - b.g) < 1e-9 && abs(a.b - b.b) < 1e-9
    }

    /// `surface matyas --view 3d`: the near slope hides the valley all three runs descend; each run is
    /// still drawn over every face (faded and dotted) and the subtitle says what the dots mean.
    func testThreeDimensionalViewKeepsEveryPathVisible() throws {
        let command = try DLPlot.SurfaceCommand.parse(["matyas", "--optimizers", "gd,momentum,adam", "--view", "3d"])
        let (figure, _) = try command.makeFigure()
        XCTAssertTrue(figure.subtitle?.contains("faint where the surface hides a path") ?? false, figure.subtitle ?? "")
        let recs = try records(figure)
        let legendColors = figure.panels[0].axes.marks.compactMap { ($0 as? LineMark)?.style.color }
        // The last face: the last opaque fill not in a run's colour (the legend's keys now show each run's
        // marker, filled in its colour after every face).
        let lastFace = try XCTUnwrap(recs.lastIndex {
            if case let .fill(_, c) = $0.primitive { return c.a == 1 && !legendColors.contains { sameRGB($0, c) } } else { return false }
        })
        XCTAssertEqual(legendColors.count, 3)
        for color in legendColors {
            let over = recs[(lastFace + 1)...].compactMap { r -> [Point]? in
                if case let .stroke(pts, style) = r.primitive, sameRGB(style.color, color), !style.dash.isEmpty { return pts }
                return nil
            }
            let xs = over.flatMap { $0.map(\.x) }, ys = over.flatMap { $0.map(\.y) }
            // Each run goes from (7, −3) to near (0, 0): several points long on screen, not a speck.
            XCTAssertGreaterThan(hypot((xs.max() ?? 0) - (xs.min() ?? 0), (ys.max() ?? 0) - (ys.min() ?? 0)), 20,
                                 "run of colour \(color.hexString) is drawn over the surface")
        }
    }

    /// A start on the top edge of the view (the bottom, left and right edges behaved already) gets its
    /// marker, centred on the edge, and its "start" label inside the figure.
    func testStartOnTheTopEdgeIsMarkedAndLabelled() throws {
        let command = try DLPlot.SurfaceCommand.parse(["bowl", "--optimizers", "gd", "--lr", "0.1", "--xrange=-3:3", "--yrange=-3:3", "--start=0,3"])
        let (figure, _) = try command.makeFigure()
        let rec = try figure.record()
        let report = LayoutReport(recording: rec, scale: 1)
        let frame = try XCTUnwrap(report.frames.first?.box)
        let label = try XCTUnwrap(report.elements.first { $0.kind == .pointLabel && $0.text == "start" })
        XCTAssertGreaterThanOrEqual(label.box.minY, 0)
        XCTAssertLessThan(abs(label.box.midY - frame.minY), 40, "the label sits by the top edge")
        // The start marker: a white disc centred on (0, 3), i.e. the middle of the frame's top edge.
        let discs = rec.records.compactMap { r -> Rect? in
            if case let .fill(_, c) = r.primitive, c == Color(r: 1, g: 1, b: 1) { return r.primitive.bounds }
            return nil
        }
        XCTAssertTrue(discs.contains { abs($0.midX - frame.midX) < 1.5 && abs($0.midY - frame.minY) < 1.5 && $0.width > 4 },
                      "no start marker at the top edge; discs: \(discs.prefix(5))")
    }

    /// `lr --rates 1.1 --start 10 --steps 10`: w₀ = 10 is outside the curve's usual view; the panel widens
    /// to include the start (w = 10, f = 100) and says where the run leaves it.
    func testDivergentRunFromOutsideTheUsualViewShowsItsStart() throws {
        let command = try DLPlot.LearningRateCommand.parse(["--rates", "1.1", "--start", "10", "--steps", "10"])
        let (figure, _) = try command.makeFigure()
        let axes = figure.panels[0].axes
        let x = try XCTUnwrap(axes.xLimits), y = try XCTUnwrap(axes.yLimits)
        XCTAssertTrue(x.lower <= 10 && 10 <= x.upper, "x view \(x) excludes w₀ = 10")
        XCTAssertTrue(y.lower <= 100 && 100 <= y.upper, "y view \(y) excludes f(w₀) = 100")
        let notes = axes.marks.compactMap { ($0 as? TextMark)?.text }
        // w₁ = 10 − 1.1·2·10 = −12, off the view sideways: the note says where w went.
        XCTAssertTrue(notes.contains("leaves the view at step 1 (to w = −12)"), "\(notes)")
    }
}
