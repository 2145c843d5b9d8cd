import XCTest
@testable import RunLogs

/// A log whose only x is a fractional `epoch` (no step column or key): read with the record number as
/// the step and the epochs as logged, never refused as "not an integer step".
final class FractionalEpochTests: XCTestCase {
    private func read(_ name: String, _ text: String) throws -> RunLog {
        try XCTUnwrap(try LogReader.read(try Fixture.temporary(name, text: text)).first)
    }

    func testAFractionalEpochColumnIsTheEpochAxisAndRowsAreTheSteps() throws {
        let run = try read("epf.csv", "epoch,loss\n0.5,1\n1.0,0.8\n1.5,0.6\n")
        XCTAssertEqual(run.stepAxis, "row")
        XCTAssertEqual(run.metric("loss")?.steps, [0, 1, 2])
        XCTAssertEqual(run.metric("loss")?.values, [1, 0.8, 0.6])
        let epochs = try XCTUnwrap(run.epochs)
        XCTAssertEqual([0, 1, 2].map(EpochMap(epochs).epoch(at:)), [0.5, 1, 1.5], "the epochs as logged")
        XCTAssertEqual(run.metrics.map(\.name), ["loss"])
        // Whole epochs stay the step (a Keras log).
        let keras = try read("k.csv", "epoch,loss\n0,1\n1,0.5\n")
        XCTAssertEqual(keras.stepAxis, "epoch")
        XCTAssertEqual(keras.metric("loss")?.steps, [0, 1])
    }

    func testFractionalEpochKeysInJSONLinesAreUsedAsLogged() throws {
        let text = #"{"epoch":0.25,"loss":1}"# + "\n" + #"{"epoch":0.5,"loss":0.8}"# + "\n" + #"{"epoch":1.0,"eval_loss":0.9}"# + "\n"
            + #"{"epoch":0.75,"loss":0.6}"# + "\n"
        let run = try read("ep.jsonl", text)
        XCTAssertEqual(run.stepAxis, "row")
        XCTAssertEqual(run.metric("loss")?.steps, [0, 1, 3])
        XCTAssertEqual(run.metric("loss")?.values, [1, 0.8, 0.6])
        XCTAssertEqual(run.metric("eval_loss")?.steps, [2])
        XCTAssertEqual(run.epochs?.values, [0.25, 0.5, 1.0, 0.75])
        // A cut or a text step is still an error naming the line.
        XCTAssertThrowsError(try LogReader.read(try Fixture.temporary("bad.csv", text: "step,loss\n0.5,1\n"))) { error in
            XCTAssertEqual((error as? RunLogError)?.message, "line 2, column 'step': '0.5' is not an integer step")
        }
    }
}

/// Two CSV logs appended into one file (`>>`): the second header is named as such.
final class AppendedCSVTests: XCTestCase {
    func testARepeatedHeaderIsNamed() throws {
        let path = try Fixture.temporary("cat2.csv", text: "step,loss\n0,1\n1,0.5\nstep,loss\n0,0.9\n")
        XCTAssertThrowsError(try LogReader.read(path)) { error in
            XCTAssertEqual((error as? RunLogError)?.message, "line 4 repeats the header ('step' where a step belongs): two logs "
                + "appended into one file? give each run its own file")
        }
    }

    /// A resumed run (the step goes back) is one note for the run, in words, the epoch axis not counted as a metric.
    func testAResumedRunIsOneNote() throws {
        let path = try Fixture.temporary("res.csv", text: "epoch,step,loss\n0,0,1\n0,1,0.9\n0,2,0.8\n0,1,0.85\n0,2,0.7\n")
        let run = try XCTUnwrap(try LogReader.read(path).first)
        XCTAssertEqual(run.metric("loss")?.values, [1, 0.85, 0.7])
        XCTAssertEqual(run.notes, ["the run restarts 1 time at an earlier step (loss); 2 earlier points replaced by the resumed run's"])
    }

    /// A number beyond the doubles is read as inf, with a note: it was not logged as inf.
    func testAnOverflowingNumberIsNoted() throws {
        let run = try XCTUnwrap(try LogReader.read(try Fixture.temporary("o.csv", text: "step,loss\n0,1\n1,1e400\n2,inf\n")).first)
        XCTAssertEqual(run.metric("loss")?.values, [1, .infinity, .infinity])
        XCTAssertEqual(run.notes, ["line 3, column 'loss': 1e400 is beyond the largest double (about 1.8e308); read as inf"])
    }
}
