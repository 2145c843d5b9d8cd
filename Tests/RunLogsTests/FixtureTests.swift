import XCTest
@testable import RunLogs

/// The committed fixtures (made by real writers or byte-compatible with them; see
/// Fixtures/make_fixtures.py) read back with the values the writers logged, exactly.
final class FixtureTests: XCTestCase {
    func testTensorBoardSimpleValuesAsLogged() throws {
        let runs = try LogReader.read(try Fixture.path("tensorboard/digits/adam-seed0"))
        XCTAssertEqual(runs.count, 1)
        let run = try XCTUnwrap(runs.first)
        XCTAssertEqual(run.format, .tensorBoard)
        XCTAssertEqual(run.metrics.map(\.name), ["train/loss", "val/loss", "val/accuracy"])
        let loss = try XCTUnwrap(run.metric("train/loss"))
        XCTAssertEqual(loss.count, 220)
        XCTAssertEqual(loss.precision, .float32)
        XCTAssertEqual(Array(loss.steps.prefix(2)), [0, 3])
        XCTAssertEqual(loss.values[0], Double(Float(2.3812062740325928)))
        XCTAssertEqual(loss.values[1], 2.3611185550689697)
        XCTAssertEqual(loss.final?.step, 657)
        XCTAssertEqual(loss.final?.value, 0.42443522810935974)
        XCTAssertEqual(loss.wallTimes.first, 1_700_000_000.0)
        let acc = try XCTUnwrap(run.metric("val/accuracy"))
        XCTAssertEqual(Array(acc.steps.prefix(2)), [43, 87])
        XCTAssertEqual(acc.final?.value, 0.9416666626930237)
        XCTAssertTrue(run.notes.isEmpty)
    }

    func testDirectoryOfRunsGivesOneRunPerSubdirectory() throws {
        let root = try Fixture.path("tensorboard/digits")
        let runs = try LogReader.read(root, name: "digits")
        XCTAssertEqual(runs.map(\.name), ["digits/adam-seed0", "digits/adam-seed1", "digits/adam-seed2",
                                          "digits/sgd-seed0", "digits/sgd-seed1", "digits/sgd-seed2"])
        XCTAssertEqual(runs[5].metric("val/loss")?.values.first, 1.4735677242279053)
        XCTAssertEqual(runs[5].metric("val/accuracy")?.final?.value, 0.9444444179534912)
    }

    func testNewStyleTensorScalars() throws {
        let run = try XCTUnwrap(try LogReader.read(try Fixture.path("tensorboard/new-style")).first)
        let single = try XCTUnwrap(run.metric("loss")), double = try XCTUnwrap(run.metric("loss_double"))
        XCTAssertEqual(single.precision, .float32)
        XCTAssertEqual(double.precision, .float64)
        XCTAssertEqual(double.values.first, 2.381206386623713)
        XCTAssertEqual(double.final?.value, 1.5368903644004939)
        XCTAssertEqual(single.final?.value, 1.5368903875350952)
        XCTAssertEqual(single.steps, double.steps)
        for (a, b) in zip(single.values, double.values) { XCTAssertEqual(a, Double(Float(b))) }
    }

    func testTruncatedFinalRecordIsSkippedWithANote() throws {
        let run = try XCTUnwrap(try LogReader.read(try Fixture.path("tensorboard/truncated")).first)
        XCTAssertEqual(run.metric("val/accuracy")?.count, 14)
        XCTAssertEqual(run.metric("val/accuracy")?.final?.step, 615)
        XCTAssertEqual(run.metric("train/loss")?.count, 220)
        XCTAssertEqual(run.notes.count, 1)
        XCTAssertTrue(run.notes[0].contains("cut short"), run.notes[0])
    }

    func testLightningSparseRowsJoinedByStep() throws {
        let run = try XCTUnwrap(try LogReader.read(try Fixture.path("lightning/metrics.csv")).first)
        XCTAssertEqual(run.format, .lightningCSV)
        XCTAssertEqual(run.metrics.map(\.name), ["train_loss_step", "val_acc", "val_loss", "train_loss_epoch"])
        let step = try XCTUnwrap(run.metric("train_loss_step"))
        XCTAssertEqual(Array(step.steps.prefix(3)), [9, 19, 29])
        XCTAssertEqual(step.values.first, 2.156244993209839)
        let val = try XCTUnwrap(run.metric("val_loss"))
        XCTAssertEqual(val.count, 10)
        XCTAssertEqual(val.steps.first, 43)
        XCTAssertEqual(val.values.first, 1.9043152332305908)
        XCTAssertEqual(run.metric("val_acc")?.values.first, 0.5611110925674438)
        XCTAssertEqual(run.metric("train_loss_epoch")?.values.first, 2.104482650756836)
        let epochs = try XCTUnwrap(run.epochs)
        XCTAssertEqual(epochs.value(atOrBefore: 43), 0)
        XCTAssertEqual(epochs.value(atOrBefore: 49), 1)
    }

    func testKerasOneRowPerEpoch() throws {
        let run = try XCTUnwrap(try LogReader.read(try Fixture.path("keras/training.log")).first)
        XCTAssertEqual(run.format, .kerasCSV)
        XCTAssertEqual(run.stepAxis, "epoch")
        XCTAssertEqual(run.metrics.map(\.name), ["loss", "val_accuracy", "val_loss"])
        XCTAssertEqual(run.metric("loss")?.steps, StepColumn(Array(0..<12)))
        XCTAssertEqual(run.metric("loss")?.values.first, 2.2091901302337646)
        XCTAssertEqual(run.metric("val_loss")?.values[2], 1.3406469821929932)
    }

    func testJSONLinesAndDivergence() throws {
        let adam = try XCTUnwrap(try LogReader.read(try Fixture.path("jsonl/adam.jsonl")).first)
        XCTAssertEqual(adam.format, .jsonLines)
        XCTAssertEqual(adam.metrics.map(\.name), ["loss", "lr"])
        XCTAssertEqual(adam.metric("lr")?.values.first, 1e-3)
        XCTAssertEqual(adam.metric("loss").map { Array($0.steps.prefix(2)) }, [0, 5])
        let diverged = try XCTUnwrap(try LogReader.read(try Fixture.path("jsonl/diverged.jsonl")).first)
        let loss = try XCTUnwrap(diverged.metric("loss"))
        XCTAssertEqual(loss.divergence?.step, 199)
        XCTAssertEqual(loss.divergence?.value, .infinity)
        XCTAssertTrue(loss.final?.value.isNaN ?? false)
        XCTAssertEqual(loss.values.first, 25.375)
    }

    func testCSVDivergenceMatchesJSONLines() throws {
        let csv = try XCTUnwrap(try LogReader.read(try Fixture.path("csv/diverged.csv")).first?.metric("loss"))
        let json = try XCTUnwrap(try LogReader.read(try Fixture.path("jsonl/diverged.jsonl")).first?.metric("loss"))
        XCTAssertEqual(csv.steps, json.steps)
        for (a, b) in zip(csv.values, json.values) { XCTAssertTrue(a == b || (a.isNaN && b.isNaN)) }
        XCTAssertEqual(csv.divergence?.step, 199)
        XCTAssertEqual(csv.values[18], 1.0422500665170785e+29)
    }

    func testResumedRunKeepsTheResumedPoints() throws {
        let run = try XCTUnwrap(try LogReader.read(try Fixture.path("csv/resumed.csv")).first)
        let loss = try XCTUnwrap(run.metric("loss"))
        XCTAssertEqual(loss.steps, StepColumn(Array(0...150)))
        XCTAssertEqual(loss.values[55], 1.2837942083234992)
        XCTAssertEqual(loss.values[60], 1.3321921418661906)
        XCTAssertEqual(run.notes.count, 1)
        XCTAssertTrue(run.notes[0].contains("41 earlier points replaced"), run.notes[0])
    }
}
