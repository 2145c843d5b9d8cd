import XCTest
@testable import RunLogs

/// The documented rules for missing cells, ragged rows, repeated steps and non-finite values.
final class ReadingRulesTests: XCTestCase {
    private func read(_ name: String, _ text: String) throws -> RunLog {
        try XCTUnwrap(try LogReader.read(try Fixture.temporary(name, text: text)).first)
    }

    func testMissingCellsAndShortRowsAreNoObservation() throws {
        let run = try read("log.csv", "step,loss,val_loss\n0,1.0,\n1,0.5\n2,,0.75\n")
        XCTAssertEqual(run.metric("loss")?.steps, [0, 1])
        XCTAssertEqual(run.metric("val_loss")?.steps, [2])
        XCTAssertEqual(run.metric("val_loss")?.values, [0.75])
        XCTAssertEqual(run.format, .csv)
    }

    func testNoneNullAndNAAreMissingCellsNotText() throws {
        let run = try read("log.csv", "epoch,loss,val_loss\r\n0,1.0,None\r\n1,0.5,0.6\r\n2,0.4,null\r\n3,0.3,NA\r\n4,0.2,n/a\r\n5,0.1,nan\r\n")
        XCTAssertEqual(run.metric("val_loss")?.steps, [1, 5])
        XCTAssertEqual(run.metric("val_loss")?.values.first, 0.6)
        XCTAssertEqual(run.metric("val_loss")?.values.last?.isNaN, true, "nan is a value")
        XCTAssertEqual(run.notes, [])
    }

    func testRowNumberIsTheStepWithoutAStepColumnAndBlankLinesAreSkipped() throws {
        let run = try read("log.csv", "loss\n3\n\n2\n1\n")
        XCTAssertEqual(run.stepAxis, "row")
        XCTAssertEqual(run.metric("loss")?.steps, [0, 1, 2])
        XCTAssertEqual(run.metric("loss")?.values, [3, 2, 1])
    }

    func testPandasIndexAndTextColumnsAreIgnored() throws {
        let run = try read("log.csv", ",step,note,loss\n0,10,warm-up,1\n1,20,cosine,0.5\n")
        XCTAssertEqual(run.metrics.map(\.name), ["loss"])
        XCTAssertEqual(run.metric("loss")?.steps, [10, 20])
        XCTAssertEqual(run.notes, ["column(s) 'note' hold text; ignored (text splits the metrics only in a column "
            + "named phase, split, stage, mode, subset, set, fold or partition; runs in one named run, model, name, seed, … "
            + "or by --run-column)"])
        // A phase column with one value throughout names nothing.
        let train = try read("log.csv", "step,phase,loss\n10,train,1\n20,train,0.5\n")
        XCTAssertEqual(train.metrics.map(\.name), ["loss"])
        XCTAssertEqual(train.notes, [])
    }

    func testSameStepAgainKeepsTheLastValueWithANote() throws {
        let run = try read("log.csv", "step,loss\n0,1\n1,0.9\n1,0.8\n2,0.7\n")
        XCTAssertEqual(run.metric("loss")?.steps, [0, 1, 2])
        XCTAssertEqual(run.metric("loss")?.values, [1, 0.8, 0.7])
        XCTAssertEqual(run.notes, ["1 value logged again at a step already logged (loss) replaced by the later one (the last write wins)"])
    }

    func testNonFiniteSpellings() throws {
        let run = try read("log.csv", "step,loss\n0,1\n1,inf\n2,-inf\n3,nan\n4,NaN\n5,Infinity\n")
        let v = try XCTUnwrap(run.metric("loss")?.values)
        XCTAssertEqual(v[1], .infinity)
        XCTAssertEqual(v[2], -.infinity)
        XCTAssertTrue(v[3].isNaN && v[4].isNaN)
        XCTAssertEqual(v[5], .infinity)
        XCTAssertEqual(run.metric("loss")?.divergence?.step, 1)
        XCTAssertEqual(run.metric("loss")?.minimum?.value, 1)
    }

    func testTimeColumnAndByteOrderMark() throws {
        let run = try read("log.csv", "\u{FEFF}step,wall_time,loss\n0,100.5,1\n1,101.5,0.5\n")
        XCTAssertEqual(run.metrics.map(\.name), ["loss"])
        XCTAssertEqual(run.metric("loss")?.wallTimes, [100.5, 101.5])
    }

    func testJSONLinesNestedKeysCutLastLineAndMissingKeys() throws {
        let run = try read("log.jsonl", """
            {"step": 0, "train": {"loss": 1.5}, "lr": 0.1, "tag": "a"}
            {"step": 1, "train": {"loss": NaN}}
            {"step": 2, "val": {"loss": 0.25}}
            {"step": 3, "train": {"lo
            """)
        XCTAssertEqual(run.metrics.map(\.name), ["lr", "train/loss", "val/loss"])
        XCTAssertEqual(run.metric("train/loss")?.steps, [0, 1])
        XCTAssertEqual(run.metric("train/loss")?.divergence?.step, 1)
        XCTAssertEqual(run.metric("val/loss")?.steps, [2])
        XCTAssertEqual(run.notes.count, 1)
        XCTAssertTrue(run.notes[0].contains("last line (4) is cut short"))
    }

    func testEventFilesOfOneRunContinueEachOtherAndResumeReplaces() throws {
        let first = try Fixture.temporary("events.out.tfevents.1.host", try Fixture.eventFile([(0, 4), (1, 3), (2, 2)]))
        let dir = (first as NSString).deletingLastPathComponent
        let second = (dir as NSString).appendingPathComponent("events.out.tfevents.2.host")
        try Data(try Fixture.eventFile([(1, 2.5), (2, 1.5), (3, 1)])).write(to: URL(fileURLWithPath: second))
        let run = try XCTUnwrap(try LogReader.read(dir).first)
        XCTAssertEqual(run.metric("loss")?.steps, [0, 1, 2, 3])
        XCTAssertEqual(run.metric("loss")?.values, [4, 2.5, 1.5, 1])
        XCTAssertEqual(run.notes.count, 1)
        XCTAssertTrue(run.notes[0].contains("2 earlier points replaced"), run.notes[0])
    }

    func testCRC32CCheckValue() {
        let digits = Array("123456789".utf8)
        XCTAssertEqual(digits.withUnsafeBytes { CRC32C.checksum($0) }, 0xE306_9283)
        let long = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var bitwise: UInt32 = 0xFFFF_FFFF
        for b in long {
            bitwise ^= UInt32(b)
            for _ in 0..<8 { bitwise = (bitwise & 1) != 0 ? (bitwise >> 1) ^ 0x82F6_3B78 : bitwise >> 1 }
        }
        XCTAssertEqual(long.withUnsafeBytes { CRC32C.checksum($0) }, bitwise ^ 0xFFFF_FFFF)
    }
}

/// The protobuf-free scalar encoding (used by `make bench` to write 10⁶ events) decodes as an Event.
final class ScalarEventEncodingTests: XCTestCase {
    func testEncodingDecodesWithTheGeneratedMessages() throws {
        let bytes = ScalarEventEncoding.event(tag: "train/loss", step: 300, value: 0.25, wallTime: 1.7e9 + 0.5)
        let event = try Tensorboard_Event(serializedBytes: bytes)
        XCTAssertEqual(event.step, 300)
        XCTAssertEqual(event.wallTime, 1.7e9 + 0.5)
        XCTAssertEqual(event.summary.value.first?.tag, "train/loss")
        XCTAssertEqual(event.summary.value.first?.simpleValue, 0.25)
        let framed = TFRecordFraming.frame(bytes)
        let path = try Fixture.temporary("events.out.tfevents.9.host", framed + framed.prefix(7))
        let run = try XCTUnwrap(try LogReader.read(path).first)
        XCTAssertEqual(run.metric("train/loss")?.values, [0.25])
        XCTAssertEqual(run.notes.count, 1, "the 7 trailing bytes are a cut record")
    }

    func testConsoleOutputIsRefusedFromItsFirstLine() throws {
        let path = try Fixture.temporary("console.log", text: "Epoch 1/300\n1875/1875 [==============================] - 5s 3ms/step - loss: 0.5\n")
        XCTAssertThrowsError(try LogReader.read(path)) { error in
            XCTAssertEqual((error as? RunLogError)?.message, "starts with 'Epoch 1/300', a line of console output, not a header; "
                + "expected a CSV log with column names such as epoch,loss (Keras: keras.callbacks.CSVLogger)")
        }
    }
}
