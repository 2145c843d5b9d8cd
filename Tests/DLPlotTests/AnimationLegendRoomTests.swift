import Foundation
import TestSupport
import XCTest
@testable import Figures
// Unit-tests the internal animation frame layout (AnimationRenderer.frameLayout, FrameTexts).
@testable import Viz
@testable import dlplot

/// Z7-2: a surface animation whose run leaves the view and diverges had its legend drawn at ≈ 75 % in every
/// frame but the last (the rows of the frames where the run was far away, "→ (−4.2×10⁵, 3539.78), f =
/// 3.11×10²⁴", were wider than the box), then the type jumped to full size on the last frame. The legend is
/// now laid out once for every frame's rows: one box and the still figure's type size in every frame.
final class AnimationLegendRoomTests: XCTestCase {
    private let divergent = ["rosenbrock", "--optimizers", "SGD(lr=0.005),adam", "--size", "960x540"]

    func testTheSurfaceLegendKeepsOneSizeInEveryFrame() throws {
        let command = try DLPlot.SurfaceCommand.parse(divergent)
        let animation = try command.makeAnimation(frames: 40, spacing: .log).0.reservingLegendRoom()
        let final = animation.lastFrame
        let canvas = try CairoBackend(size: final.size, kind: .raster(pixelsPerPoint: final.dpi / 72))
        let layout = try FigureRenderer(figure: final, canvas: canvas, resolution: final.dpi / 72).layout()
        let texts = FrameTexts(animation, layout: layout, canvas: canvas)
        let base = try XCTUnwrap(layout.axes[0].legend)
        // The still figure of the same command: the same type size (no row of a frame is wider than it allows).
        let still = try command.makeFigure().0
        let stillLayout = try FigureRenderer(figure: still, canvas: try CairoBackend(size: still.size, kind: .raster(pixelsPerPoint: still.dpi / 72)),
                                             resolution: still.dpi / 72).layout()
        XCTAssertEqual(base.font.size, try XCTUnwrap(stillLayout.axes[0].legend).font.size, accuracy: 1e-9, "the still figure's type size")
        XCTAssertEqual(base.font.size, still.theme.legendFont.size, accuracy: 1e-9, "full size, not shrunk")
        for k in [0, 4, 8, 20, 39] {
            let l = AnimationRenderer.frameLayout(animation, final: final, layout: layout, frame: k, canvas: canvas, texts: texts)
            let legend = try XCTUnwrap(l.axes[0].legend)
            XCTAssertEqual(legend.font.size, base.font.size, accuracy: 1e-9, "frame \(k + 1): one type size")
            XCTAssertEqual(legend.size.width, base.size.width, accuracy: 1e-9, "frame \(k + 1): one box")
            XCTAssertEqual(legend.size.height, base.size.height, accuracy: 1e-9, "frame \(k + 1): one box")
            XCTAssertEqual(l.axes[0].legendOrigin, layout.axes[0].legendOrigin, "frame \(k + 1): one place")
        }
    }

    /// Out of the view, a frame's row says the run's loss, not where it is far away (the row that widened
    /// every frame's legend); the last frame keeps the still figure's row.
    func testAFrameRowOutOfTheViewSaysTheLossOnly() throws {
        let command = try DLPlot.SurfaceCommand.parse(divergent)
        let animation = try command.makeAnimation(frames: 40, spacing: .log).0
        let steps = FrameTiming.log.steps(frames: 40, steps: 300)
        let k = try XCTUnwrap(steps.firstIndex(of: 4), "\(steps.prefix(8))")
        let rows = animation.moving(k)[0].flatMap { $0.legendEntries(theme: animation.still.theme) }.map(\.label)
        XCTAssertTrue(rows.contains("leaves the view at step 2; f = 3.11×10²⁴"), "\(rows)")
        XCTAssertFalse(rows.contains { $0.contains("10⁵") }, "no far coordinates: \(rows)")
        let last = animation.moving(39)[0].flatMap { $0.legendEntries(theme: animation.still.theme) }.map(\.label)
        XCTAssertTrue(last.contains("leaves the view at step 2, diverged at step 8"), "\(last)")
    }
}
