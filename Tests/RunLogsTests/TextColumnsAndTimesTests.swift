import XCTest
@testable import RunLogs

/// A text phase column splits metrics (never merges train and val), ISO-8601 times, and TensorBoard's
/// "Download CSV" export.
final class TextColumnsAndTimesTests: XCTestCase {
    private func read(_ name: String, _ text: String) throws -> RunLog {
        try XCTUnwrap(try LogReader.read(try Fixture.temporary(name, text: text)).first)
    }

    func testAPhaseColumnSplitsTrainAndValidationIntoTwoMetrics() throws {
        let run = try read("phase.csv", "step,phase,loss,acc\n0,train,1.0,\n0,val,1.2,0.5\n1,train,0.8,\n1,val,1.0,0.6\n")
        XCTAssertEqual(run.metrics.map(\.name), ["train/loss", "val/loss", "val/acc"])
        XCTAssertEqual(run.metric("train/loss")?.steps, [0, 1])
        XCTAssertEqual(run.metric("train/loss")?.values, [1.0, 0.8])
        XCTAssertEqual(run.metric("val/loss")?.values, [1.2, 1.0])
        XCTAssertEqual(run.metric("val/acc")?.values, [0.5, 0.6])
        XCTAssertEqual(run.notes, ["column(s) 'phase' split the metrics: train/loss, val/loss, val/acc"])
        // An epoch column stays the epoch axis, whatever the phase.
        let epochs = try read("e.csv", "step,epoch,Split,loss\n0,0,train,1\n0,0,valid,2\n5,1,train,0.5\n")
        XCTAssertEqual(epochs.metrics.map(\.name), ["train/loss", "valid/loss"])
        XCTAssertEqual(epochs.epochs?.values, [0, 1])
    }

    func testJSONLinesPhaseKeysSplitAndISOTimesAreSeconds() throws {
        let run = try read("log.jsonl", """
            {"step": 0, "phase": "train", "loss": 1.0, "timestamp": "2024-05-01T12:00:00Z"}
            {"step": 0, "phase": "val", "loss": 1.2, "timestamp": "2024-05-01T12:00:01.5Z"}
            {"step": 1, "phase": "train", "loss": 0.8, "timestamp": "2024-05-01T13:00:30+01:00", "note": "x"}

            """)
        XCTAssertEqual(run.metrics.map(\.name), ["train/loss", "val/loss"])
        XCTAssertEqual(run.metric("train/loss")?.values, [1.0, 0.8])
        XCTAssertEqual(run.metric("train/loss")?.wallTimes, [1_714_564_800, 1_714_564_830])
        XCTAssertEqual(run.metric("val/loss")?.wallTimes, [1_714_564_801.5])
    }

    func testISOTimesInACSVGiveElapsedSeconds() throws {
        let run = try read("iso.csv", "step,loss,timestamp\n0,1.0,2024-05-01 12:00:00\n1,0.5,2024-05-01 12:00:30\n2,0.4,2024-05-01T12:01\n")
        XCTAssertEqual(run.metric("loss")?.wallTimes, [1_714_564_800, 1_714_564_830, 1_714_564_860])
    }

    func testTimestampForms() {
        XCTAssertEqual(Timestamp.seconds("2024-05-01T12:00:00Z"), 1_714_564_800)
        XCTAssertEqual(Timestamp.seconds("2024-05-01t12:00:00.25z"), 1_714_564_800.25)
        XCTAssertEqual(Timestamp.seconds("2024-05-01T14:30:00+02:30"), 1_714_564_800)
        XCTAssertEqual(Timestamp.seconds("2024-05-01T07:00:00-0500"), 1_714_564_800)
        XCTAssertEqual(Timestamp.seconds("2024-05-01T13:00:00+01"), 1_714_564_800)
        XCTAssertEqual(Timestamp.seconds("2000-02-29"), 951_782_400)
        XCTAssertEqual(Timestamp.seconds("1969-12-31 23:59:59.5"), -0.5)
        XCTAssertEqual(Timestamp.seconds("1700000000.5"), 1_700_000_000.5)
        for bad in ["12:00:01", "2024-13-01", "2024-05-01T12", "2024-05-01T12:00:00.", "2024-05-01 12:00:00 UTC", "yesterday", ""] {
            XCTAssertNil(Timestamp.seconds(bad[...]), bad)
        }
    }

    func testTensorBoardDownloadCSVIsOneTagWithWallTime() throws {
        let text = "Wall time,Step,Value\n1700000000.5,0,0.9\n1700000002,10,0.7\n"
        let named = try read("run-adam_seed0-tag-train_loss.csv", text)
        XCTAssertEqual(named.format, .tensorBoardCSV)
        XCTAssertEqual(named.name, "adam_seed0")
        XCTAssertEqual(named.stepAxis, "step")
        XCTAssertEqual(named.metrics.map(\.name), ["train_loss"])
        XCTAssertEqual(named.metrics.first?.steps, [0, 10])
        XCTAssertEqual(named.metrics.first?.values, [0.9, 0.7])
        XCTAssertEqual(named.metrics.first?.wallTimes, [1_700_000_000.5, 1_700_000_002])
        let plain = try read("sgd.csv", text)
        XCTAssertEqual(plain.name, "sgd")
        XCTAssertEqual(plain.metrics.map(\.name), ["Value"])
    }
}
