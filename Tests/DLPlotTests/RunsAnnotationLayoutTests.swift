import Foundation
import TestSupport
import Viz
import XCTest
@testable import dlplot

/// The texts of one runs figure read alike across its panels: every small multiple keeps its own min/final note
/// (on two lines at its " · " where it is wider than half its plot), and the panels' legends share one font size.
final class RunsAnnotationLayoutTests: XCTestCase {
    /// One run of six metrics (m1…m6 = (j+1)·exp(−k/(10+j)), steps 0…49): the first panel's note, a little wider
    /// ("0.00745" twice), found no free spot and became a footnote 500 px from its panel while the five others sat
    /// in theirs. Now every panel holds its note, on two lines, clear of the data.
    func testEveryPanelOfSmallMultiplesKeepsItsNote() throws {
        var text = "step," + (1...6).map { "m\($0)_loss" }.joined(separator: ",") + "\n"
        for k in 0..<50 { text += "\(k)," + (0..<6).map { j in "\(Double(j + 1) * exp(-Double(k) / Double(10 + j)))" }.joined(separator: ",") + "\n" }
        let dir = try makeTemporaryDirectory()
        let file = dir.appendingPathComponent("six.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try LayoutSweepTests.report(["runs", file.path])
        let notes = r.elements.filter { $0.kind == .note }
        XCTAssertEqual(notes.compactMap(\.panel).sorted(), [0, 1, 2, 3, 4, 5], "\(notes.map(\.text))")
        XCTAssertFalse(r.elements.contains { $0.kind == .footnote && $0.text.contains("m1_loss: min") })
        let line = r.elements.first { $0.kind == .tickLabel }?.box.height ?? 0
        for n in notes {
            XCTAssertEqual(n.covers, 0, n.text)
            XCTAssertGreaterThan(n.box.height, 1.5 * line, "two lines: \(n.text)")
            let frame = try XCTUnwrap(r.frames.first { $0.panel == n.panel }?.box)
            XCTAssertTrue(frame.contains(Point(n.box.minX, n.box.minY)) && frame.contains(Point(n.box.maxX, n.box.maxY)), "\(n.text) in its panel")
        }
    }

    /// A sparse Lightning log and a Keras log, their validation metrics by epoch on a 1080p slide at --font-scale
    /// 1.3: the three legends under the panels had three font sizes (line heights ≈48, 59 and 51 px). Now one:
    /// the two legends of three lines each are equally tall.
    func testThePanelsLegendsShareOneFontSize() throws {
        let dir = try makeTemporaryDirectory()
        var lightning = "epoch,step,train_loss,val_loss,val_acc\n", step = 0
        for e in 0..<5 {
            for _ in 0..<10 { lightning += "\(e),\(step),\(2 * exp(-Double(step) / 20) + 0.1),,\n"; step += 1 }
            lightning += "\(e),\(step - 1),,\(2 * exp(-Double(step) / 25) + 0.2),\(0.5 + 0.08 * Double(e))\n"
        }
        var keras = "epoch,accuracy,loss,val_accuracy,val_loss\n"
        for e in 0..<20 { keras += "\(e),\(0.5 + Double(e) * 0.02),\(1 / Double(e + 1)),\(0.45 + Double(e) * 0.02),\(1.1 / Double(e + 1) + 0.02 * Double(e))\n" }
        // Lightning's metrics.csv is named by its directory.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lightning"), withIntermediateDirectories: true)
        let files = [dir.appendingPathComponent("lightning/metrics.csv"), dir.appendingPathComponent("keras.csv")]
        try lightning.write(to: files[0], atomically: true, encoding: .utf8)
        try keras.write(to: files[1], atomically: true, encoding: .utf8)
        let r = try LayoutSweepTests.report(["runs"] + files.map(\.path) + ["--y", "val_*", "--x", "epoch", "--size", "1920x1080", "--font-scale", "1.3"])
        let legends = r.elements.filter { $0.kind == .legend }
        XCTAssertEqual(legends.count, 3, "\(legends.map(\.text))")
        let threeLines = legends.filter { $0.text.split(separator: ";").count == 3 }
        XCTAssertEqual(threeLines.count, 2, "\(legends.map(\.text))")
        XCTAssertEqual(threeLines[0].box.height, threeLines[1].box.height, accuracy: 0.5, "one font size: \(legends.map(\.box))")
    }
}
