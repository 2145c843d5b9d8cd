import Foundation
import Viz
import XCTest

/// The legend of `dlplot runs` says where the minimum and a divergence are in the quantity on the x
/// axis: "at step k", "at epoch e" with `--x epoch`, "at t s" with `--x time`.
final class RunsLegendTests: XCTestCase {
    private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures")

    private func legend(_ args: [String]) throws -> [String] {
        // A lone run's numbers are a note beside its line (no legend); several runs' are in the legend.
        try LayoutSweepTests.report(args).elements.filter { $0.kind == .legend || $0.kind == .note }.map(\.text)
    }

    /// The row of the smallest `metric` value in a --data table with an x column: (step, x).
    private func minimum(_ args: [String], metric: String) throws -> (step: String, x: Double) {
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(args + ["--data", "d.csv", "-o", "d.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let table = try TidyTable(dir.appendingPathComponent("d.csv"))
        let rows = table.rows.filter { $0[1] == metric }
        let best = try XCTUnwrap(rows.min { (Double($0[3]) ?? .infinity) < (Double($1[3]) ?? .infinity) })
        return (best[2], Double(best[4]) ?? .nan)
    }

    func testEpochAxisLegendSaysEpoch() throws {
        let args = ["runs", fixtures.appendingPathComponent("lightning/metrics.csv").path, "--x", "epoch", "--y", "val_loss"]
        let texts = try legend(args)
        XCTAssertFalse(texts.contains { $0.contains("at step") }, "\(texts)")
        let m = try minimum(args, metric: "val_loss")
        // Validation sits at its epoch's last step: a whole number of epochs completed, as the tick under it says.
        XCTAssertEqual(m.x, m.x.rounded(), "validation ends an epoch")
        let expected = "at epoch \(Int(m.x))"
        XCTAssertTrue(texts.contains { $0.contains("min ") && $0.contains(expected + " ") || $0.hasSuffix(expected) }, "\(expected) in \(texts)")

        let steps = try legend(["runs", fixtures.appendingPathComponent("lightning/metrics.csv").path, "--y", "val_loss"])
        XCTAssertTrue(steps.contains { $0.contains("at step \(m.step)") }, "\(steps)")
    }

    func testKerasEpochsStayWholeAndTimeIsInSeconds() throws {
        let keras = try legend(["runs", fixtures.appendingPathComponent("keras/training.log").path, "--x", "epoch"])
        XCTAssertTrue(keras.contains { $0.range(of: #"at epoch [0-9]+( |$)"#, options: .regularExpression) != nil }, "\(keras)")
        let time = try legend(["runs", fixtures.appendingPathComponent("tensorboard/new-style").path, "--x", "time"])
        XCTAssertTrue(time.contains { $0.range(of: #"min .* at [0-9.]+ s( |$)"#, options: .regularExpression) != nil }, "\(time)")
        XCTAssertFalse(time.contains { $0.contains("at step") }, "\(time)")
    }

    func testDivergenceNamesTheEpochToo() throws {
        let dir = try makeTemporaryDirectory()
        let file = dir.appendingPathComponent("d.csv")
        try "epoch,step,loss\n0,0,2.0\n0,1,1.5\n1,2,1.0\n1,3,inf\n".write(to: file, atomically: true, encoding: .utf8)
        let texts = try legend(["runs", file.path, "--x", "epoch"])
        // Two steps an epoch: step 2 is half of epoch 1 done (1.5), step 3 ends it (2).
        XCTAssertTrue(texts.contains { $0.hasSuffix("diverged at epoch 2 (∞) · min 1 at epoch 1.5") }, "\(texts)")
    }
}
