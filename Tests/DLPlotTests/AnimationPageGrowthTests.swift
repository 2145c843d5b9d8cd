import Foundation
import TestSupport
import XCTest

/// Without `--size`, an animation whose figure does not fit the default page is drawn on the page the still
/// figure of the same command grows to (with the same note), not refused: 12 optimizers on `curves` gave
/// "do not fit the default 1280x720 page; give --size 1356x763 --dpi 160" for the animation while the still
/// figure was drawn on 1356x763. With `--size` both are refused alike.
final class AnimationPageGrowthTests: XCTestCase {
    private let twelve = ["curves", "--surface", "rosenbrock", "--steps", "200", "--optimizers",
                          "sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,lion"]

    func testAnimationGrowsTheDefaultPageAsTheStillFigureDoes() throws {
        let dir = try makeTemporaryDirectory()
        let still = try runDLPlot(twelve + ["-o", "still.png"], in: dir)
        XCTAssertEqual(still.status, 0, still.stderr)
        let note = try XCTUnwrap(still.stderr.split(separator: "\n").first { $0.hasPrefix("note: this figure does not fit the default 1280x720 page") },
                                 "the still figure grows the page: \(still.stderr)")
        let page = try DecodedPNG([UInt8](Data(contentsOf: dir.appendingPathComponent("still.png"))))
        XCTAssertGreaterThan(page.width, 1280)
        XCTAssertTrue(note.contains("drawn on \(page.width)x\(page.height)"), String(note))

        let frames = try runDLPlot(twelve + ["--animate", "--frames", "3", "--frames-dir", "frames"], in: dir)
        XCTAssertEqual(frames.status, 0, frames.stderr)
        XCTAssertTrue(frames.stderr.contains(note), "the same note: \(frames.stderr)")
        for k in 1...3 {
            let frame = try DecodedPNG([UInt8](Data(contentsOf: dir.appendingPathComponent("frames/frame-000\(k).png"))))
            XCTAssertEqual(frame.width, page.width, "frame \(k)")
            XCTAssertEqual(frame.height, page.height, "frame \(k)")
        }
        // The last frame is the still figure (the files differ in the command they carry).
        let last = try DecodedPNG([UInt8](Data(contentsOf: dir.appendingPathComponent("frames/frame-0003.png"))))
        let off = zip(last.rgba, page.rgba).filter { abs(Int($0) - Int($1)) > 2 }.count
        XCTAssertEqual(last.rgba.count, page.rgba.count)
        XCTAssertLessThan(off, 40, "the last frame is the still figure, within anti-aliasing")

        let gif = try runDLPlot(twelve + ["--animate", "--frames", "2", "-o", "a.gif"], in: dir)
        XCTAssertEqual(gif.status, 0, gif.stderr)
        let decoded = try DecodedGIF([UInt8](Data(contentsOf: dir.appendingPathComponent("a.gif"))))
        XCTAssertEqual(decoded.width, page.width)
        XCTAssertEqual(decoded.height, page.height)
    }

    func testWithSizeBothAreRefusedAlike() throws {
        let dir = try makeTemporaryDirectory()
        let still = try runDLPlot(twelve + ["--size", "1280x720", "-o", "still.png"], in: dir)
        let animated = try runDLPlot(twelve + ["--size", "1280x720", "--animate", "--frames", "2", "-o", "a.gif"], in: dir)
        XCTAssertEqual(still.status, 64, still.stderr)
        XCTAssertEqual(animated.status, 64, animated.stderr)
        XCTAssertEqual(still.stderr, animated.stderr, "one rule and one message for both")
        XCTAssertTrue(still.stderr.hasPrefix("Error: invalid --size '1280x720': too small for this figure"), still.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.gif").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("still.png").path))
    }

    /// 12 optimizers on a 1920×1080 slide at the default font scale (refused since each legend entry had two
    /// lines, 25 rows): beside the map the entries whose lines fit one column width join them into one, and
    /// the map keeps most of the height (729 px).
    func testTwelveOptimizersFitAFullHDSlide() throws {
        let dir = try makeTemporaryDirectory()
        let args = ["surface", "rosenbrock", "--steps", "100", "--size", "1920x1080", "--optimizers",
                    "sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,nadam,radam,adamax,lion"]
        let still = try runDLPlot(args + ["--layout-report", "r.json", "-o", "s.png"], in: dir)
        XCTAssertEqual(still.status, 0, still.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("r.json"))) as? [String: Any])
        let frame = try XCTUnwrap((report["frames"] as? [[String: Any]])?.first?["box"] as? [Double])
        let elements = try XCTUnwrap(report["elements"] as? [[String: Any]])
        let legend = try XCTUnwrap(elements.first { $0["kind"] as? String == "legend" })
        let box = try XCTUnwrap(legend["box"] as? [Double])
        let text = try XCTUnwrap(legend["text"] as? String)
        // Entries whose lines fit the column together keep one line; the others take two (the map is as tall).
        XCTAssertTrue(text.contains("adam lr=1  → (0.47, 0.23), f = 0.286"), "a short entry on one line: \(text)")
        XCTAssertGreaterThanOrEqual(box[0], frame[0] + frame[2], "the legend beside the map")
        XCTAssertLessThanOrEqual(box[0] + box[2], 1920)
        XCTAssertLessThanOrEqual(box[1] + box[3], 1080)
        XCTAssertGreaterThan(min(frame[2], frame[3]), 0.6 * 1080, "a map of at least 60 % of the page height: \(frame)")
        // The animation of the same command is laid out as its last frame, the still figure.
        let animated = try runDLPlot(args + ["--animate", "--frames", "2", "-o", "a.gif"], in: dir)
        XCTAssertEqual(animated.status, 0, animated.stderr)
    }
}
