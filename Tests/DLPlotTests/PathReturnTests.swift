import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// A run that leaves the view and comes back is drawn in every piece inside the view (an arrowhead at each
/// exit, a hollow one at each entry) and said truthfully ("outside the view at steps 4–5 and 20–26; → …"),
/// on the plane, in 3-D, in an animation's frames and for `--path` files; it was cut at its first exit and
/// summed up as "leaves the view at step 4" while it converged inside the view.
final class PathReturnTests: XCTestCase {
    /// Momentum on 0.1x² + 2y² from (−4, 0.5): y is −0.405 at step 4 and −0.36 at step 5 (below the view's
    /// −0.3), −0.18 at step 6; x passes 1 at steps 20–26; the run ends at (−0.0058, −0.011), f = 2.45×10⁻⁴.
    private let momentum = ["ellipse", "--optimizers", "momentum", "--lr", "0.1", "--xrange", "-5:1", "--yrange", "-0.3:0.6",
                            "--start=-4,0.5", "--steps", "60"]

    private func legend(_ axes: Axes) -> [String] { axes.marks.flatMap { $0.legendEntries.map(\.label) } }

    func testARunThatComesBackIsDrawnAndSaidWhole() throws {
        let command = try DLPlot.SurfaceCommand.parse(momentum)
        let figure = try command.makeFigure().0
        let axes = figure.panels[0].axes
        XCTAssertTrue(legend(axes).contains("outside the view at steps 4–5 and 20–26; → (−0.0058, −0.011), f = 2.45×10⁻⁴"),
                      "\(legend(axes))")
        let path = try XCTUnwrap(axes.marks.compactMap { $0 as? PathMark }.first)
        let clipped = ClippedPath(path.points, in: Rect(x: -5, y: -0.3, width: 6, height: 0.9))
        XCTAssertEqual(clipped.pieces.count, 3, "three pieces in the view")
        XCTAssertEqual(clipped.pieces.map(\.exit), [4, 20, nil])
        XCTAssertEqual(clipped.pieces.map(\.entry), [nil, 6, 27])
        XCTAssertTrue(clipped.complete, "the end point is in the view and marked")
        XCTAssertEqual(clipped.pieces[1].points[0].y, -0.3, "back in through the bottom edge")
        // Step markers (every 5 steps) wherever the run is in the view, the last piece included.
        let markers = axes.marks.compactMap { $0 as? ScatterMark }.flatMap(\.points)
        XCTAssertTrue(markers.contains(path.points[55]), "step 55, after the run came back")
        XCTAssertFalse(markers.contains(path.points[5]), "step 5 is outside")
        let report = try figure.layoutReport()
        let notes = report.elements.filter { [.annotation, .footnote].contains($0.kind) }.map(\.text)
        XCTAssertTrue(notes.contains("momentum: outside the view at steps 4–5 and 20–26"), "\(notes)")
        XCTAssertFalse(notes.contains { $0.hasSuffix("leaves the view at step 4") }, "\(notes)")
    }

    func testTheLossPanelBesideItAgrees() throws {
        let figure = try DLPlot.SurfaceCommand.parse(momentum + ["--with-curves"]).makeFigure().0
        let texts = try figure.layoutReport().elements.map(\.text)
        // The note on the narrower map wraps over three lines.
        XCTAssertTrue(texts.joined(separator: " ").contains("momentum: outside the view at steps 4–5 and 20–26"), "\(texts)")
        XCTAssertFalse(texts.contains { $0.contains("leaves the view at step 4") && !$0.contains("returns") }, "\(texts)")
    }

    func testTheFramesSayTheReturnWhenItHappens() throws {
        let command = try DLPlot.SurfaceCommand.parse(momentum)
        let plan = try command.plan()
        let runs = try SurfaceRuns.runNamingOptions(try command.optimizerOptions.choices(default: ["gd"]), plan: plan)
        let recipe = SurfaceFigure(plan: plan, runs: runs)
        let run = try XCTUnwrap(recipe.runs.first)
        XCTAssertEqual(run.legendRow(atStep: 3, surface: recipe.surface).hasPrefix("→ ("), true)
        XCTAssertTrue(run.legendRow(atStep: 5, surface: recipe.surface).hasPrefix("leaves the view at step 4; → (−3."),
                      run.legendRow(atStep: 5, surface: recipe.surface))
        XCTAssertTrue(run.legendRow(atStep: 6, surface: recipe.surface).hasPrefix("leaves the view at step 4, returns at step 6; → ("),
                      run.legendRow(atStep: 6, surface: recipe.surface))
        XCTAssertEqual(run.excursions.list, [.init(out: 4, lastOut: 5, back: 6), .init(out: 20, lastOut: 26, back: 27)])
        // The frame at step 6: the path drawn so far has its second piece, which comes back in.
        let marks = SurfaceAnimation.frameMarks(recipe, step: 6, every: 5, theme: Theme.light)
        let faint = try XCTUnwrap(marks.compactMap { $0 as? PathMark }.first)
        XCTAssertEqual(ClippedPath(faint.points, in: recipe.viewRect).pieces.map(\.entry), [nil, 6])
        let notes = marks.compactMap { $0 as? AnnotationMark }.map(\.text)
        XCTAssertTrue(notes.contains("momentum: leaves the view at step 4, returns at step 6"), "\(notes)")
    }

    func testThe3DViewDrawsEveryPieceAndARunThatComesIn() throws {
        let figure = try DLPlot.SurfaceCommand.parse(momentum + ["--view", "3d"]).makeFigure().0
        let mark = try XCTUnwrap(figure.panels[0].axes.marks.compactMap { $0 as? SurfaceMark }.first)
        XCTAssertEqual(mark.extraPaths.count, 3)
        XCTAssertEqual(mark.openEnds, [0, 1])
        XCTAssertEqual(mark.openStarts, [1, 2])
        XCTAssertTrue(legend(figure.panels[0].axes).contains { $0.hasPrefix("outside the view at steps 4–5 and 20–26; → (") })
        // GD at lr 0.1 from (10, 10): in the [−3, 3]² view from step 6; it was not drawn at all in 3-D.
        let enters = try DLPlot.SurfaceCommand.parse(["bowl", "--view", "3d", "--optimizers", "gd", "--lr", "0.1", "--start=10,10"])
            .makeFigure().0
        let bowl = try XCTUnwrap(enters.panels[0].axes.marks.compactMap { $0 as? SurfaceMark }.first)
        XCTAssertEqual(bowl.extraPaths.count, 1)
        XCTAssertEqual(bowl.openStarts, [0], "a hollow arrowhead where it comes in, no start ring")
        XCTAssertEqual(bowl.openEnds, [])
        let first = try XCTUnwrap(bowl.extraPaths[0].points.first)
        XCTAssertEqual(first.x, 3, accuracy: 1e-12)
        XCTAssertEqual(first.y, 3, accuracy: 1e-12)
        XCTAssertEqual(bowl.extraPaths[0].points.last?.x ?? 1, 0, accuracy: 1e-20)
        _ = try enters.render(as: .png)
    }

    func testAPathFileThatLeavesAndComesBackIsSaidWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("return-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("p5.csv")
        try "x,y\n-5,0\n-1,0\n1,0\n5,0\n0,0\n".write(to: file, atomically: true, encoding: .utf8)
        let figure = try DLPlot.SurfaceCommand.parse(["bowl", "--path", file.path, "--xrange", "-3:3", "--yrange", "-3:3"])
            .makeFigure().0
        let axes = figure.panels[0].axes
        XCTAssertTrue(legend(axes).contains("starts outside the view, enters at step 1; leaves the view at step 3, returns at step 4; → (0, 0), f = 0"),
                      "\(legend(axes))")
        let path = try XCTUnwrap(axes.marks.compactMap { $0 as? PathMark }.first)
        let clipped = ClippedPath(path.points, in: Rect(x: -3, y: -3, width: 6, height: 6))
        XCTAssertEqual(clipped.pieces.map(\.points), [[Point(-3, 0), Point(-1, 0), Point(1, 0), Point(3, 0)], [Point(3, 0), Point(0, 0)]])
        XCTAssertTrue(clipped.complete)
    }

    func testAOneDimensionalRunThatBouncesOutAndBackIsDrawnEachTimeItIsBack() throws {
        // |w| at α = 6 from 2.5: w = 2.5, −3.5, 2.5, −3.5, … (f′ = ±1); −3.5 is outside the panel's view.
        let command = try DLPlot.LearningRateCommand.parse(["--function", "abs(x)", "--rates", "6", "--start", "2.5", "--steps", "6"])
        let axes = try command.makeFigure().0.panels[0].axes
        let x = try XCTUnwrap(axes.xLimits)
        XCTAssertFalse(x.contains(-3.5), "\(x)")
        let notes = axes.marks.compactMap { ($0 as? TextMark)?.text }
        XCTAssertTrue(notes.contains("outside the view at steps 1, 3 and 5"), "\(notes)")
        XCTAssertFalse(notes.contains { $0.hasPrefix("leaves the view at step 1") }, "\(notes)")
        // Every return is drawn: the iterates at steps 2, 4 and 6 (w = 2.5) are dotted, and each exit has its arrow.
        let dots = axes.marks.compactMap { $0 as? ScatterMark }.first { $0.points.count == 4 }
        XCTAssertEqual(dots?.points.map(\.x), [2.5, 2.5, 2.5, 2.5])
        XCTAssertEqual(axes.marks.compactMap { $0 as? ArrowMark }.count, 3)
        let line = try XCTUnwrap(axes.marks.compactMap { $0 as? LineMark }.first { $0.points.contains { $0.x.isNaN } })
        XCTAssertEqual(line.points.filter { $0.x.isNaN }.count, 3, "four pieces, broken between them")
    }
}
