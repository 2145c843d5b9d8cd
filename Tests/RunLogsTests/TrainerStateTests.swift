import XCTest
@testable import RunLogs

/// Hugging Face's trainer_state.json (Fixtures/huggingface/make_trainer_state.py: a real AdamW run
/// logged as the Trainer logs it, saved as TrainerState.save_to_json saves it) and JSON arrays of
/// records read back with the values logged, exactly.
final class TrainerStateTests: XCTestCase {
    func testTrainerStateLogHistoryIsReadAsLogged() throws {
        let runs = try LogReader.read(try Fixture.path("huggingface/checkpoint-120/trainer_state.json"))
        XCTAssertEqual(runs.count, 1)
        let run = try XCTUnwrap(runs.first)
        XCTAssertEqual(run.name, "huggingface", "named by the output directory above checkpoint-N")
        XCTAssertEqual(run.format, .trainerState)
        XCTAssertEqual(Set(run.metrics.map(\.name)), ["grad_norm", "learning_rate", "loss", "eval_accuracy", "eval_loss",
                                                      "eval_runtime", "eval_samples_per_second", "eval_steps_per_second"])
        let loss = try XCTUnwrap(run.metric("loss"))
        XCTAssertEqual(loss.steps, StepColumn((1...12).map { Int64($0 * 10) }))
        XCTAssertEqual(loss.values.first, 0.8613)
        XCTAssertEqual(loss.values.last, 0.6155)
        let eval = try XCTUnwrap(run.metric("eval_loss"))
        XCTAssertEqual(eval.steps, [20, 40, 60, 80, 100, 120])
        XCTAssertEqual(eval.values.last, 0.6118399451561418)
        XCTAssertEqual(run.metric("grad_norm")?.values.first, 1.1146948654210604)
        XCTAssertEqual(run.metric("learning_rate")?.values.first, 0.00275)
        XCTAssertEqual(run.metric("learning_rate")?.values.last, 0)
        // Fractional epochs as logged; the summary record (train_loss, train_runtime) is left out, with a note.
        XCTAssertEqual(run.epochs?.values.first, 0.5)
        XCTAssertEqual(EpochMap(try XCTUnwrap(run.epochs)).epoch(at: 30), 1.5)
        XCTAssertNil(run.metric("train_loss"))
        XCTAssertNil(run.metric("total_flos"))
        XCTAssertEqual(run.notes, ["the run's summary record (train_loss averaged over the run, train_runtime, total_flos) is not drawn"])
    }

    func testAJSONArrayOfRecordsAndOtherDocuments() throws {
        let array = try XCTUnwrap(try LogReader.read(try Fixture.temporary("h.json", text: #"[{"step": 0, "loss": 1}, {"step": 2, "loss": 0.5}]"#)).first)
        XCTAssertEqual(array.metric("loss")?.steps, [0, 2])
        XCTAssertEqual(array.metric("loss")?.values, [1, 0.5])
        // A JSON document that is neither: one clear line.
        let doc = try Fixture.temporary("config.json", text: "{\n  \"lr\": 0.1\n}\n")
        XCTAssertThrowsError(try LogReader.read(doc)) { error in
            XCTAssertEqual((error as? RunLogError)?.message, "is one JSON document without a log_history array; expected JSON lines "
                + "(one object per line), a JSON array of records, or Hugging Face's trainer_state.json")
        }
        let empty = try Fixture.temporary("trainer_state.json", text: "{\n  \"log_history\": []\n}\n")
        XCTAssertThrowsError(try LogReader.read(empty)) { error in
            XCTAssertTrue((error as? RunLogError)?.message.hasPrefix("holds no records in log_history") == true, "\(error)")
        }
    }

    /// A trainer_state.json saved on one line (minified, re-saved by a script) is the same document: its
    /// log_history, not its top-level counters (global_step, max_steps) read as one JSON line.
    func testAOneLineTrainerStateIsReadAsADocument() throws {
        let text = #"{"best_metric": null, "epoch": 1.0, "global_step": 2, "log_history": [{"epoch": 0.5, "step": 1, "loss": 1.0, "#
            + #""learning_rate": 5e-5}, {"epoch": 1.0, "step": 2, "eval_loss": 0.9}, {"epoch": 1.0, "step": 2, "loss": 0.5, "#
            + #""learning_rate": 4e-5}], "max_steps": 2}"# + "\n"
        let run = try XCTUnwrap(try LogReader.read(try Fixture.temporary("trainer_state.json", text: text)).first)
        XCTAssertEqual(run.format, .trainerState)
        XCTAssertEqual(Set(run.metrics.map(\.name)), ["loss", "learning_rate", "eval_loss"])
        XCTAssertEqual(run.metric("loss")?.steps, [1, 2])
        XCTAssertEqual(run.metric("loss")?.values, [1.0, 0.5])
        XCTAssertEqual(run.metric("eval_loss")?.values, [0.9])
        XCTAssertEqual(run.metric("learning_rate")?.values, [5e-5, 4e-5])
        XCTAssertNil(run.metric("max_steps"))
        // Only the log_history key, no newline at the end: the same.
        let bare = #"{"log_history": [{"step": 3, "loss": 0.25}, {"step": 4, "loss": 0.125}]}"#
        let only = try XCTUnwrap(try LogReader.read(try Fixture.temporary("state.json", text: bare)).first)
        XCTAssertEqual(only.metric("loss")?.steps, [3, 4])
        XCTAssertEqual(only.metric("loss")?.values, [0.25, 0.125])
        // A top-level array of records on several lines, and JSON lines of one record on one line.
        let lines = try Fixture.temporary("history.json", text: "[\n{\"step\": 0, \"loss\": 2},\n{\"step\": 5, \"loss\": 1}\n]\n")
        XCTAssertEqual(try XCTUnwrap(try LogReader.read(lines).first).metric("loss")?.values, [2, 1])
        let one = try XCTUnwrap(try LogReader.read(try Fixture.temporary("one.jsonl", text: #"{"step": 7, "loss": 0.75}"# + "\n")).first)
        XCTAssertEqual(one.format, .jsonLines)
        XCTAssertEqual(one.metric("loss")?.steps, [7])
        XCTAssertEqual(one.metric("loss")?.values, [0.75])
    }

    /// One record with no step, epoch or time key is a config, not a log (on one line, or as an array of one);
    /// one record with a step or an epoch, and two records without, are logs.
    func testOneRecordWithoutAStepIsNotALog() throws {
        for (name, text) in [("cfg.json", #"{"lr": 0.1, "model": "resnet"}"# + "\n"), ("arr.json", #"[{"lr": 0.1}]"#)] {
            XCTAssertThrowsError(try LogReader.read(try Fixture.temporary(name, text: text)), name) { error in
                XCTAssertEqual((error as? RunLogError)?.message, "is one JSON object with no step, epoch or time key, not a training "
                    + #"log; expected JSON lines with a step such as {"step": 1, "loss": 0.5}"#)
            }
        }
        let epoch = try XCTUnwrap(try LogReader.read(try Fixture.temporary("e.jsonl", text: #"{"epoch": 2, "loss": 0.5}"# + "\n")).first)
        XCTAssertEqual(epoch.metric("loss")?.steps, [2])
        let two = try XCTUnwrap(try LogReader.read(try Fixture.temporary("t.jsonl", text: "{\"loss\": 1}\n{\"loss\": 0.5}\n")).first)
        XCTAssertEqual(two.metric("loss")?.values, [1, 0.5])
    }
}
