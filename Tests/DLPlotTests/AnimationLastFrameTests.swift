import Foundation
import TestSupport
import XCTest
// Unit-tests the internal animation frame layout (AnimationRenderer.frameLayout, FrameTexts).
@testable import Viz
@testable import dlplot

/// The last frame of an animation is the still figure of the same command, also on small pages and with many
/// optimizers: the legends were laid out for the widest rows of any frame, which gave the last frame a wider
/// legend box and a narrower plot than the still figure (a long `curves` run: 10620 pixels off at the
/// default size; a 3-D view at 480×300: a joined legend where the still figure wraps its rows). Every frame's
/// legend keys are the still legend's: the same dash patterns, in the same place (a frame whose rows do not fit
/// the page is drawn a little smaller).
final class AnimationLastFrameTests: XCTestCase {
    private let requests: [[String]] = [
        ["curves", "--surface", "ellipse", "--start=-4,1.5", "--steps", "200000", "--optimizers", "gd,momentum", "--lr", "0.1",
         "--size", "800x500"],
        ["curves", "--surface", "ellipse", "--start=-4,1.5", "--steps", "200000", "--optimizers", "gd,momentum", "--lr", "0.1",
         "--size", "480x300", "--dpi", "72"],
        ["surface", "rosenbrock", "--optimizers", "gd,adam", "--view", "3d", "--grid", "40", "--size", "480x300"],
        ["surface", "rosenbrock", "--optimizers", "SGD(lr=0.005),adam,momentum,rmsprop", "--size", "480x300", "--dpi", "72"],
        ["surface", "rosenbrock", "--optimizers", "gd,momentum,nesterov,adam,rmsprop,adagrad", "--size", "640x400"],
        ["lr", "--rates", "0.05,0.2,1.1", "--size", "400x250", "--dpi", "72"],
    ]

    func testTheLastFrameIsTheStillFigure() throws {
        for request in requests {
            let dir = try makeTemporaryDirectory()
            let still = try runDLPlot(request + ["-o", "still.png"], in: dir)
            XCTAssertEqual(still.status, 0, "\(request): \(still.stderr)")
            let r = try runDLPlot(request + ["--animate", "--frames", "4", "--frames-dir", "frames"], in: dir)
            XCTAssertEqual(r.status, 0, "\(request): \(r.stderr)")
            let png = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("still.png"))))
            let last = try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("frames/frame-0004.png"))))
            XCTAssertEqual(last.width, png.width, "\(request)"); XCTAssertEqual(last.height, png.height, "\(request)")
            guard last.width == png.width, last.height == png.height else { continue }
            var far = 0
            for p in 0..<(png.width * png.height) where (0..<3).contains(where: { abs(Int(last.rgba[p * 4 + $0]) - Int(png.rgba[p * 4 + $0])) > 48 }) {
                far += 1
            }
            XCTAssertLessThanOrEqual(far, 20, "\(request): \(far) pixels of the last frame are not the still figure's")
        }
    }

    /// Each frame's legend keys: the still legend's samples (dash pattern, colour, marker) in its place, at
    /// its key length and type size (within 3 %), whatever the rows say.
    func testEveryFrameKeepsTheStillLegendKeys() throws {
        let made: [() throws -> Animation] = [
            { try DLPlot.CurvesCommand.parse(Array(self.requests[0].dropFirst())).makeAnimation(frames: 6, spacing: .even).0 },
            { try DLPlot.SurfaceCommand.parse(Array(self.requests[4].dropFirst())).makeAnimation(frames: 6, spacing: .even).0 },
        ]
        for make in made {
            let animation = try make().withLastFrameLegends()
            let final = animation.lastFrame
            let canvas = try CairoBackend(size: final.size, kind: .raster(pixelsPerPoint: final.dpi / 72))
            let layout = try FigureRenderer(figure: final, canvas: canvas, resolution: final.dpi / 72).layout()
            let texts = FrameTexts(animation, layout: layout, canvas: canvas)
            for p in layout.axes.indices {
                guard let still = layout.axes[p].legend else { continue }
                let keys = still.entries.map { "\($0.sample)" }
                XCTAssertTrue(keys.contains { $0.contains("dash: [") && !$0.contains("dash: []") }, "dashed keys: \(keys)")
                for k in 0..<6 {
                    let l = AnimationRenderer.frameLayout(animation, final: final, layout: layout, frame: k, canvas: canvas, texts: texts)
                    let legend = try XCTUnwrap(l.axes[p].legend, "frame \(k + 1)")
                    XCTAssertEqual(legend.entries.map { "\($0.sample)" }, keys, "frame \(k + 1): the still legend's keys")
                    // A frame whose rows are wider than the page leaves room for is drawn a little smaller (the long
                    // curves run's "f = 6.42×10⁻²⁰¹" at 800×500: 1 %), never more than that here.
                    XCTAssertEqual(legend.sampleWidth, still.sampleWidth, accuracy: 0.03 * still.sampleWidth, "frame \(k + 1): key length")
                    XCTAssertEqual(legend.font.size, still.font.size, accuracy: 0.03 * still.font.size, "frame \(k + 1): type size")
                    XCTAssertEqual(l.axes[p].legendOrigin, layout.axes[p].legendOrigin, "frame \(k + 1): the still legend's place")
                }
            }
        }
    }
}
