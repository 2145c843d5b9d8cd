import Foundation
import XCTest

/// Animation requests refused in one line naming the option and why: `--time log` where there are no steps
/// to spread (steps); `.svg` with `--orbit`; a page too small, with the still figure's own message (what
/// size or font scale fits).
final class AnimationRefusalsCLITests: XCTestCase {
    func testLogTimeIsRefusedWhereThereAreNoStepsToSpread() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(["steps", "--optimizer", "adam", "--animate", "--time", "log", "--frames", "4", "-o", "x.gif"], in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("invalid --time 'log': steps reveals one panel after another"), r.stderr)
        XCTAssertEqual(listing(dir), [], "nothing written")
        let lr = try runDLPlot(["lr", "--rates", "0.1", "--steps", "5", "--size", "320x200", "--dpi", "64", "--animate", "--time", "log", "--frames", "4", "-o", "lr.gif"], in: dir)
        XCTAssertEqual(lr.status, 0, lr.stderr)
    }

    /// A turning 3-D view redraws the whole surface in every frame: as SVG that is about a megabyte a frame,
    /// so `.svg` with `--orbit` is refused; the same without --orbit is about the still figure's size.
    func testOrbitingSVGIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(["surface", "bowl", "--view", "3d", "--orbit", "90", "--animate", "--frames", "3", "-o", "o.svg"], in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("invalid -o 'o.svg': with --orbit every frame draws the whole surface again"), r.stderr)
        XCTAssertEqual(listing(dir), [])
    }

    func testTooSmallAPageGetsTheStillFiguresAdvice() throws {
        let dir = try makeTemporaryDirectory()
        // Twelve optimizers' legend rows beside Rosenbrock at --font-scale 1.8 do not fit a 1080p page (at 1.4
        // they now do, the longer entries on two lines).
        let request = ["surface", "rosenbrock", "--optimizers", "sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,lion",
                       "--size", "1920x1080", "--theme", "dark", "--font-scale", "1.8"]
        let still = try runDLPlot(request + ["-o", "s.png"], in: dir)
        XCTAssertEqual(still.status, 64, still.stderr)
        XCTAssertTrue(still.stderr.contains("fits"), still.stderr)
        for target in [["-o", "a.gif"], ["--frames-dir", "frames"]] {
            let animated = try runDLPlot(request + ["--animate", "--frames", "3"] + target, in: dir)
            XCTAssertEqual(animated.status, 64, animated.stderr)
            XCTAssertEqual(animated.stderr, still.stderr, "the same advice as the still figure")
        }
        XCTAssertEqual(listing(dir), [])
    }
}
