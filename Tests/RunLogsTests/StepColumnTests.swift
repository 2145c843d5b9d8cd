import XCTest
@testable import RunLogs

/// Steps held as a progression while they are one (no memory per step for the common logs), as an
/// array from the first step that breaks it; read and compared like an array either way. An epoch
/// column keeps only the first and last step of each epoch, and maps steps to epochs as before.
final class StepColumnTests: XCTestCase {
    func testAProgressionStaysOneUntilAStepBreaksIt() {
        var c = StepColumn()
        for s in stride(from: Int64(9), through: 99_999, by: 10) { c.append(s) }
        XCTAssertTrue(c.isProgression)
        XCTAssertEqual(c.count, 10_000)
        XCTAssertEqual(c.first, 9)
        XCTAssertEqual(c.last, 99_999)
        XCTAssertEqual(c[5], 59)
        c.append(100_004)
        XCTAssertFalse(c.isProgression)
        XCTAssertEqual(c.count, 10_001)
        XCTAssertEqual(c[9_999], 99_999)
        XCTAssertEqual(c.last, 100_004)
        XCTAssertEqual(Array(c.suffix(2)), [99_999, 100_004])
    }

    func testReplacingTruncatingAndComparing() {
        var c: StepColumn = [0, 1, 2, 3]
        XCTAssertTrue(c.isProgression)
        c.removeSuffix(from: 2)
        XCTAssertEqual(c, [0, 1])
        c.setLast(5)
        XCTAssertEqual(c, [0, 5])
        XCTAssertTrue(c.isProgression)
        c.append(10)
        c.setLast(12)
        XCTAssertEqual(Array(c), [0, 5, 12])
        XCTAssertFalse(c.isProgression)
        // Equal however they are held.
        XCTAssertEqual(StepColumn([0, 2, 4]), [0, 2, 4])
        XCTAssertNotEqual(StepColumn([0, 2, 4]), [0, 2, 5])
        XCTAssertEqual(StepColumn([7]), [7])
        XCTAssertEqual(StepColumn([]).count, 0)
        XCTAssertEqual(StepColumn([1, 3, 4]).description, "[1, 3, 4]")
    }

    func testAnEpochColumnKeepsTheEndsOfEachEpochAndMapsStepsAsBefore() throws {
        // Lightning: an epoch value on every row, 5 steps per epoch, validation at each epoch's last step.
        var text = "epoch,step,train_loss,val_loss\n"
        for s in 0..<15 { text += "\(s / 5),\(s),\(1.0 / Double(s + 1)),\n"; if s % 5 == 4 { text += "\(s / 5),\(s),,\(0.5 / Double(s + 1))\n" } }
        let run = try XCTUnwrap(try LogReader.read(try Fixture.temporary("metrics.csv", text: text)).first)
        let epochs = try XCTUnwrap(run.epochs)
        XCTAssertEqual(epochs.steps, [0, 4, 5, 9, 10, 14], "first and last step of each epoch")
        XCTAssertEqual(epochs.values, [0, 0, 1, 1, 2, 2])
        let map = EpochMap(epochs)
        // The same fractional epochs as from every row (epochs completed: e + (s − first step of e + 1) / steps in e).
        let full = EpochMap(MetricSeries(name: "epoch", steps: (0..<15).map(Int64.init), values: (0..<15).map { Double($0 / 5) }))
        for s in Int64(0)...16 { XCTAssertEqual(map.epoch(at: s), full.epoch(at: s), "step \(s)") }
        XCTAssertEqual(map.epoch(at: 7), 1.6, "3 of epoch 1's 5 steps done")
        XCTAssertTrue(run.metric("train_loss")?.steps.isProgression == true)
        XCTAssertEqual(run.metric("val_loss")?.steps, [4, 9, 14])
        // A resumed run still replaces the epoch points from the restart on.
        let resumed = try XCTUnwrap(try LogReader.read(try Fixture.temporary("r.csv", text: "epoch,step,loss\n0,0,1\n0,1,1\n0,2,1\n1,3,1\n0,1,2\n0,2,2\n")).first)
        XCTAssertEqual(resumed.epochs?.steps, [0, 2])
        XCTAssertEqual(resumed.epochs?.values, [0, 0])
    }
}
