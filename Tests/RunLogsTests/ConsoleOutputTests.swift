import Foundation
import XCTest
@testable import RunLogs

/// What `python train.py | dlplot runs -` reads: JSON lines printed among ordinary progress text. The
/// records are read, the other lines skipped with one note counting them; text with no record in it is
/// refused naming what was expected.
final class ConsoleOutputTests: XCTestCase {
    /// The output of a script printing a start line, 20 records and a checkpoint line every 5 steps.
    private var mixed: String {
        var text = "Starting training...\n"
        for k in 0..<20 {
            text += "{\"step\": \(k), \"loss\": \(1.0 / Double(k + 1))}\n"
            if k % 5 == 0 { text += "checkpoint saved at step \(k)\n" }
        }
        return text
    }

    func testJSONLinesAmongConsoleTextAreReadAndTheTextCountedInOneNote() throws {
        for (name, text) in [("mixed.log", mixed), ("mixed2.log", String(mixed.drop { $0 != "\n" }.dropFirst()))] {
            let runs = try LogReader.read(try Fixture.temporary(name, text: text))
            XCTAssertEqual(runs.count, 1, name)
            let loss = try XCTUnwrap(runs.first?.metrics.first { $0.name == "loss" }, name)
            XCTAssertEqual(Array(loss.steps), (0..<20).map { Int64($0) }, name)
            XCTAssertEqual(loss.values, (0..<20).map { 1.0 / Double($0 + 1) }, name)
            XCTAssertEqual(runs.first?.metrics.map(\.name), ["loss"], name)
            let skipped = name == "mixed.log" ? 5 : 4
            let first = name == "mixed.log" ? "line 1 'Starting training...', line 3 'checkpoint saved at step 0'"
                : "line 2 'checkpoint saved at step 0', line 8 'checkpoint saved at step 5'"
            XCTAssertEqual(runs.first?.notes, ["skipped \(skipped) lines that are not JSON objects (console output): \(first), …"], name)
        }
    }

    func testLoggingPrefixesAndAJSONArrayDocumentStillRead() throws {
        let logged = try LogReader.read(try Fixture.temporary("log.txt", text: "[INFO] epoch 1\n{\"step\": 1, \"loss\": 0.5}\n"))
        XCTAssertEqual(logged.first?.metrics.first?.values, [0.5])
        XCTAssertEqual(logged.first?.notes, ["skipped 1 line that is not a JSON object (console output): line 1 '[INFO] epoch 1'"])
        let array = try LogReader.read(try Fixture.temporary("h.json", text: "[\n{\"step\": 1, \"loss\": 0.5},\n{\"step\": 2, \"loss\": 0.25}\n]\n"))
        XCTAssertEqual(array.first?.metrics.first?.values, [0.5, 0.25])
    }

    /// A line that starts as an object but is broken is still an error, and so is JSON that is no object.
    func testBrokenObjectsAndOtherJSONValuesAreStillRefused() throws {
        for (text, phrase) in [("hello\n{\"step\": 0, \"loss\": 1}\n{\"step\": 1, loss\n{\"step\": 2, \"loss\": 1}\n",
                                "line 3 is not valid JSON; expected one object per line"),
                               ("{\"step\": 0, \"loss\": 1}\n[1, 2]\n", "line 2 is a JSON array, not an object")] {
            let path = try Fixture.temporary("bad.log", text: text)
            XCTAssertThrowsError(try LogReader.read(path)) { error in
                let message = (error as? RunLogError)?.message ?? ""
                XCTAssertTrue(message.contains(phrase), message)
            }
        }
    }

    /// Text with no JSON line and no table: the error names the first line as text and what a log is.
    func testConsoleTextWithoutRecordsNamesWhatWasExpected() throws {
        let expected = "not a header; expected a training log (CSV with a header, JSON lines, or a TensorBoard event file)"
        for (text, first) in [("import torch\nfor i in range(10):\n    print(i)\n", "import torch"),
                              ("Starting training...\nloss: 0.5, acc: 0.3\n", "Starting training..."),
                              ("hello world\n", "hello world")] {
            let path = try Fixture.temporary("train.py", text: text)
            XCTAssertThrowsError(try LogReader.read(path)) { error in
                XCTAssertEqual((error as? RunLogError)?.message, "starts with '\(first)', " + expected)
            }
        }
    }
}
