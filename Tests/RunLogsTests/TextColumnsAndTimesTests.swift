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

    func testEpochMillisecondsMicrosecondsAndNanosecondsAreToldApartByMagnitude() throws {
        // One minute apart in each unit: JavaScript's Date.now(), microseconds, time.time_ns().
        let ms = try read("ms.csv", "time,loss\n1732950000000,1\n1732950060000,0.5\n")
        XCTAssertEqual(ms.metric("loss")?.wallTimes, [1_732_950_000, 1_732_950_060])
        let us = try read("us.csv", "step,loss,timestamp\n0,1,1732950000000000\n1,0.5,1732950060500000\n")
        XCTAssertEqual(us.metric("loss")?.wallTimes, [1_732_950_000, 1_732_950_060.5])
        let ns = try read("ns.jsonl", "{\"step\": 0, \"loss\": 1, \"time\": 1732950000000000000}\n"
            + "{\"step\": 1, \"loss\": 0.5, \"time\": 1732950060000000000}\n")
        XCTAssertEqual(ns.metric("loss")?.wallTimes, [1_732_950_000, 1_732_950_060])
        let jsms = try read("ms.jsonl", "{\"step\": 0, \"loss\": 1, \"timestamp\": 1732950000000}\n")
        XCTAssertEqual(jsms.metric("loss")?.wallTimes, [1_732_950_000])
        // Seconds (and small elapsed times) stay seconds; the unit boundaries sit in 1973 for each unit.
        XCTAssertEqual(Timestamp.seconds("1732950000.25"), 1_732_950_000.25)
        XCTAssertEqual(Timestamp.seconds("12.5"), 12.5)
        XCTAssertEqual(Timestamp.seconds("99999999999"), 99_999_999_999)
        XCTAssertEqual(Timestamp.seconds("100000000000"), 100_000_000)
        XCTAssertEqual(Timestamp.seconds("100000000000000"), 100_000_000)
        XCTAssertEqual(Timestamp.seconds("100000000000000000"), 100_000_000)
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
