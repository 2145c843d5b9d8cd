import XCTest
@testable import RunLogs

/// JSON numbers beyond float64's range are read as the CSV reader reads them (1e999 → inf, 1e-999 → 0),
/// in numbers and in strings, so a logged divergence is never dropped; steps too large say so.
final class JSONNumberRangeTests: XCTestCase {
    private func read(_ name: String, _ text: String) throws -> RunLog {
        try XCTUnwrap(try LogReader.read(try Fixture.temporary(name, text: text)).first)
    }

    func testOverflowingNumberIsInfinityAsInCSV() throws {
        let json = try read("h.jsonl", "{\"step\":0,\"loss\":1}\n{\"step\":1,\"loss\":1e999}\n{\"step\":2,\"loss\":-1E+999}\n")
        XCTAssertEqual(json.metric("loss")?.steps, [0, 1, 2])
        XCTAssertEqual(json.metric("loss")?.values, [1, .infinity, -.infinity])
        let csv = try read("h.csv", "step,loss\n0,1\n1,1e999\n2,-1E+999\n")
        XCTAssertEqual(csv.metric("loss")?.values, json.metric("loss")?.values)
        XCTAssertEqual(json.metric("loss")?.divergence?.step, 1)
    }

    func testUnderflowingNumberIsZeroOrSubnormal() throws {
        let run = try read("u.jsonl", "{\"step\":0,\"loss\":1}\n{\"step\":1,\"loss\":1e-999}\n{\"step\":2,\"loss\":-2e-999}\n"
            + "{\"step\":3,\"loss\":3e-324}\n{\"step\":4,\"loss\":0.0e-999}\n")
        let values = try XCTUnwrap(run.metric("loss")?.values)
        XCTAssertEqual(values, [1, 0, 0, Double.leastNonzeroMagnitude, 0])
        XCTAssertEqual(values[2].sign, .minus)
        XCTAssertEqual(run.metric("loss")?.minimum?.step, 1, "the underflowed 0 is the new minimum")
    }

    func testNumbersInStringsAndNestedObjects() throws {
        let run = try read("s.jsonl", "{\"step\":0,\"loss\":\"0.5\",\"train\":{\"acc\":1e999}}\n"
            + "{\"step\":1,\"loss\":\"1e999\",\"train\":{\"acc\":\"nan\"},\"note\":\"1e999 in text\"}\n")
        XCTAssertEqual(run.metric("loss")?.values, [0.5, .infinity])
        XCTAssertEqual(run.metric("train/acc")?.values.first, .infinity)
        XCTAssertEqual(run.metric("train/acc")?.values.last?.isNaN, true)
        XCTAssertNil(run.metric("note"), "text is not a number")
    }

    func testLiteralsInsideStringsAreLeftAlone() {
        let line = Array("{\"a 1e999\": 'x 1e-999', \"b\": 1e999, \"c\": [2e-999, 1.5]}".utf8)
        XCTAssertEqual(JSONNumberLiterals.clamped(line).map { String(decoding: $0, as: UTF8.self) },
                       "{\"a 1e999\": 'x 1e-999', \"b\": Infinity, \"c\": [0.0, 1.5]}")
        XCTAssertNil(JSONNumberLiterals.clamped(Array("{\"b\": 1e300, \"c\": 0e-999, \"d\": -0.0}".utf8)))
        XCTAssertNil(JSONNumberLiterals.value(of: "0x10"))
        XCTAssertNil(JSONNumberLiterals.value(of: "2024-01-01"))
        XCTAssertEqual(JSONNumberLiterals.value(of: " -Infinity "), -.infinity)
    }

    func testTrainerStateDocumentWithOverflow() throws {
        let run = try read("trainer_state.json", "{\n  \"log_history\": [\n    {\"step\": 1, \"loss\": 0.5},\n    {\"step\": 2, \"loss\": 1e999}\n  ]\n}\n")
        XCTAssertEqual(run.metric("loss")?.values, [0.5, .infinity])
    }

    func testStepBeyondTheRangeSaysSo() throws {
        for (name, text, phrase) in [
            ("b.jsonl", "{\"step\":9223372036854775808,\"loss\":1}\n",
             "line 1: 'step' is 9223372036854775808, too large for a step; expected an integer step below 9×10¹⁵"),
            ("b.csv", "step,loss\n9223372036854775808,1\n",
             "line 2, column 'step': '9223372036854775808' is too large for a step; expected an integer step of at most 9223372036854775807"),
            ("c.csv", "step,loss\n9.5e15,1\n", "'9.5e15' is too large for a step"),
            ("f.jsonl", "{\"step\":1.5,\"loss\":1}\n", "'step' is 1.5; expected an integer step"),
        ] {
            XCTAssertThrowsError(try LogReader.read(try Fixture.temporary(name, text: text))) { error in
                let message = (error as? RunLogError)?.message ?? "\(error)"
                XCTAssertTrue(message.contains(phrase), "'\(message)' lacks '\(phrase)'")
            }
        }
    }
}
