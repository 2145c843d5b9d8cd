import Foundation
import XCTest
import Viz
@testable import dlplot

/// `curves --animate` and `runs --animate` say each frame's step (they showed none: the viewer read it off the
/// x axis at the lines' ends), in the panel title: "Loss · step 1000"; the last frame keeps the still title.
final class FrameStepTitleTests: XCTestCase {
    func testCurvesFramesSayTheirStep() throws {
        let command = try DLPlot.CurvesCommand.parse(["--surface", "rosenbrock", "--optimizers", "gd,adam", "--steps", "2000"])
        let (animation, _) = try command.makeAnimation(frames: 5, spacing: .even)
        let titles = try XCTUnwrap(animation.panelTitles, "the titles move")
        XCTAssertEqual(titles(0).first ?? nil, "Loss · step 0")
        XCTAssertEqual(titles(2).first ?? nil, "Loss · step 1000")
        XCTAssertEqual(titles(4).first ?? nil, "Loss", "the last frame is the still figure")
        XCTAssertEqual(titles(2).dropFirst().first ?? nil, "Distance to the nearest minimum", "one panel says it")
    }

    func testRunsFramesSayTheirStep() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frame-step-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = stride(from: 0, through: 400, by: 1).map { "\($0),\(2 / (1 + Double($0) / 50))" }
        try (["step,loss"] + rows).joined(separator: "\n").write(to: dir, atomically: true, encoding: .utf8)
        let (animation, _) = try DLPlot.RunsCommand.parse([dir.path]).makeAnimation(frames: 5, spacing: .even)
        let titles = try XCTUnwrap(animation.panelTitles, "the titles move")
        XCTAssertEqual(titles(1).first ?? nil, "loss · step 100")
        XCTAssertEqual(titles(4).first ?? nil, "loss")
    }
}
