import XCTest
@testable import RunLogs

/// Logged values are never dropped without a word: repeated steps are counted in a note, a step that
/// starts again at each epoch is counted on, several rows per Keras epoch are read by row, and a log
/// without a step column says that x is the row number.
final class RepeatedStepTests: XCTestCase {
    private func read(_ name: String, _ text: String) throws -> RunLog {
        try XCTUnwrap(try LogReader.read(try Fixture.temporary(name, text: text)).first)
    }

    func testRepeatedStepsAreCountedInANote() throws {
        let run = try read("rep.csv", "step,loss\n0,1\n0,2\n0,3\n1,0.5\n1,0.6\n")
        XCTAssertEqual(run.metric("loss")?.steps, [0, 1])
        XCTAssertEqual(run.metric("loss")?.values, [3, 0.6])
        XCTAssertEqual(run.notes, ["3 values logged again at a step already logged (loss) replaced by the later ones (the last write wins)"])
    }

    func testAStepThatStartsAgainAtEachEpochIsCountedOn() throws {
        var text = "epoch,step,loss\n"
        for e in 0..<5 { for s in 0..<10 { text += "\(e),\(s),\(Double(e * 10 + s))\n" } }
        let run = try read("perepoch.csv", text)
        let loss = try XCTUnwrap(run.metric("loss"))
        XCTAssertEqual(Array(loss.steps), (0..<50).map(Int64.init), "every logged point keeps a place")
        XCTAssertEqual(loss.values, (0..<50).map(Double.init))
        XCTAssertEqual(run.notes, ["'step' starts again at each epoch (4 times): steps are counted on across epochs "
            + "(epoch 1's step 0 is step 10), not taken for a resumed run"])
        // A step going back with the epoch is still a resumed run.
        let resumed = try read("resumed.csv", "epoch,step,loss\n0,0,1\n0,1,0.9\n1,2,0.8\n1,3,0.7\n1,2,0.75\n1,3,0.65\n")
        XCTAssertEqual(resumed.metric("loss")?.steps, [0, 1, 2, 3])
        XCTAssertEqual(resumed.metric("loss")?.values, [1, 0.9, 0.75, 0.65])
    }

    func testSeveralRowsPerKerasEpochAreReadByRow() throws {
        var text = "epoch,batch,loss\n"
        for e in 0..<5 { for b in 0..<10 { text += "\(e),\(b),\(2 / Double(1 + e * 10 + b))\n" } }
        let run = try read("batch.csv", text)
        let loss = try XCTUnwrap(run.metric("loss"))
        XCTAssertEqual(loss.count, 50, "no logged value dropped")
        XCTAssertEqual(loss.values.last, 2 / Double(50))
        XCTAssertEqual(run.stepAxis, "row")
        XCTAssertNotNil(run.epochs, "the epochs stay the epoch axis")
        XCTAssertEqual(run.notes, ["no step column (step, global_step, _step, iteration, iter, …), and 'epoch' repeats over rows or is "
            + "fractional: the step is the row number from 0, drawn by epochs completed"])
        // One row per epoch stays Keras' epoch axis, without notes.
        let keras = try read("training.log", "epoch,loss\n0,1\n1,0.5\n")
        XCTAssertEqual(keras.stepAxis, "epoch")
        XCTAssertEqual(keras.notes, [])
    }

    func testStepColumnsByOtherNamesAndTheRowNumberNote() throws {
        let run = try read("c.csv", "trainer/global_step,loss\n0,1\n10,0.5\n20,0.3\n")
        XCTAssertEqual(run.metrics.map(\.name), ["loss"])
        XCTAssertEqual(run.metric("loss")?.steps, [0, 10, 20])
        XCTAssertEqual(try read("n.csv", "step_num,loss\n5,1\n").metric("loss")?.steps, [5])
        let rows = try read("r.csv", "loss\n3\n2\n")
        XCTAssertEqual(rows.notes, ["no step column (step, global_step, _step, iteration, iter, …): x is the row number from 0"])
        let json = try read("j.jsonl", "{\"trainer/global_step\": 7, \"loss\": 1}\n{\"trainer/global_step\": 9, \"loss\": 0.5}\n")
        XCTAssertEqual(json.metric("loss")?.steps, [7, 9])
    }

    func testADecimalCommaIsNamed() throws {
        let path = try Fixture.temporary("eurosemi.csv", text: "step;loss\n0;1,5\n1;0,5\n")
        XCTAssertThrowsError(try LogReader.read(path)) { error in
            XCTAssertEqual((error as? RunLogError)?.message, "line 2, column 'loss': '1,5' is not a number (a decimal comma? write 1.5)")
        }
    }
}
