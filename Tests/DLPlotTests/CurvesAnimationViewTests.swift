import Foundation
import TestSupport
import XCTest
// Unit-tests the internal animation frame layout (AnimationRenderer.frameLayout, FrameTexts).
@testable import Viz
@testable import dlplot

/// `curves --animate` shows the still figure's view in every frame. A run whose loss overflows float64 (gd at
/// lr 0.003 on Rosenbrock: ∞ at steps 7–8) gave the animation's loss panel an empty 10³⁰⁰…10³⁰⁷ axis (the
/// overflow rule looked for plain lines and found only the animation's timed ones), while the still figure
/// keeps 10…1000 with gd's ▲ on the top edge. The legend speaks as the still's does (curves have no surface
/// view: never "leaves the view"), and its box stays on the page in every frame.
final class CurvesAnimationViewTests: XCTestCase {
    private let overflowing = ["--surface", "rosenbrock", "--opt", "gd:lr=0.003", "--opt", "adam:lr=0.05", "--steps", "100"]

    func testEveryFrameHasTheStillFiguresLossAxis() throws {
        let command = try DLPlot.CurvesCommand.parse(overflowing + ["--size", "960x540"])
        let (still, _) = try command.makeFigure()
        let stillAxis = try XCTUnwrap(still.panels[0].axes.yLimits)
        XCTAssertLessThan(stillAxis.upper, 1e4, "the still view keeps the runs that do not run away")
        let (animation, _) = try command.makeAnimation(frames: 11, spacing: .even)
        for k in [0, 5, 10] {
            let frame = animation.figure(at: k)
            XCTAssertEqual(frame.panels[0].axes.yLimits, stillAxis, "frame \(k + 1): the still figure's loss axis")
            XCTAssertEqual(frame.panels[0].axes.yScale, still.panels[0].axes.yScale, "frame \(k + 1)")
        }
        let domain = try animation.lastFrame.laidOut().axes[0].yScale.domain
        let stillDomain = try still.laidOut().axes[0].yScale.domain
        XCTAssertEqual(domain.lower, stillDomain.lower, accuracy: 1e-9 * stillDomain.lower)
        XCTAssertEqual(domain.upper, stillDomain.upper, accuracy: 1e-9 * stillDomain.upper)
    }

    /// The last frame is the still figure, pixel for pixel but for anti-aliasing (it differed in 19 550 pixels).
    func testTheLastFrameIsTheStillFigureWithAnOverflowingRun() throws {
        let dir = try makeTemporaryDirectory()
        let request = ["curves"] + overflowing + ["--size", "960x540", "--dpi", "96"]
        XCTAssertEqual(try runDLPlot(request + ["-o", "still.png"], in: dir).status, 0)
        let r = try runDLPlot(request + ["--animate", "--frames", "9", "--frames-dir", "f"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let still = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("still.png"))))
        let last = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("f/frame-0009.png"))))
        XCTAssertEqual(last.width, still.width); XCTAssertEqual(last.height, still.height)
        guard last.width == still.width, last.height == still.height else { return }
        let far = (0..<(still.width * still.height)).filter { p in
            (0..<3).contains { abs(Int(last.rgba[p * 4 + $0]) - Int(still.rgba[p * 4 + $0])) > 48 }
        }.count
        XCTAssertLessThanOrEqual(far, 20, "\(far) pixels of the last frame are not the still figure's")
    }

    /// gd at lr 0.6 on the ellipse leaves a surface's view at step 2, but this figure has no such view: no frame
    /// says "leaves the view" (the still does not either), each frame says where the run is and its loss.
    func testNoFrameSaysLeavesTheView() throws {
        let command = try DLPlot.CurvesCommand.parse(["--surface", "ellipse", "--opt", "gd:lr=0.6", "--opt", "momentum:lr=0.1",
                                                      "--steps", "100"])
        let (animation, _) = try command.makeAnimation(frames: 51, spacing: .even)
        for k in 0..<51 {
            let rows = animation.figure(at: k).panels.flatMap { $0.axes.marks.flatMap(\.legendEntries) }.map(\.label)
            XCTAssertFalse(rows.contains { $0.contains("leaves the view") }, "frame \(k + 1): \(rows)")
            XCTAssertTrue(rows.contains { $0.hasPrefix("→ (") && $0.contains("f = ") }, "frame \(k + 1): \(rows)")
        }
    }

    /// Every frame's legend box lies on the page, at 1280×720 and 960×540 (gd's rows ran past the right edge,
    /// cut mid-word, in the frames after it left the surface's view).
    func testEveryFramesLegendStaysOnThePage() throws {
        for size in ["1280x720", "960x540"] {
            let command = try DLPlot.CurvesCommand.parse(overflowing + ["--size", size])
            let (made, _) = try command.makeAnimation(frames: 31, spacing: .even)
            let animation = made.withLastFrameLegends()
            let final = animation.lastFrame
            let canvas = try CairoBackend(size: final.size, kind: .raster(pixelsPerPoint: final.dpi / 72))
            let layout = try FigureRenderer(figure: final, canvas: canvas, resolution: final.dpi / 72).layout()
            let texts = FrameTexts(animation, layout: layout, canvas: canvas)
            for k in 0..<31 {
                let l = AnimationRenderer.frameLayout(animation, final: final, layout: layout, frame: k, canvas: canvas, texts: texts)
                for p in l.axes.indices {
                    guard let legend = l.axes[p].legend, let origin = l.axes[p].legendOrigin else { continue }
                    XCTAssertLessThanOrEqual(origin.x + legend.size.width, final.size.width, "\(size) frame \(k + 1): on the page")
                }
            }
        }
    }
}
