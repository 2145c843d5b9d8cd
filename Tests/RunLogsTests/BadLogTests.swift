import Foundation
import XCTest
@testable import RunLogs

/// Logs that cannot be read are refused with one error naming the file and what was expected.
final class BadLogTests: XCTestCase {
    private func assertRefused(_ name: String, _ bytes: [UInt8], _ phrase: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let path = try Fixture.temporary(name, bytes)
        do {
            let runs = try LogReader.read(path)
            XCTFail("read \(runs.count) run(s) from a bad log", file: file, line: line)
        } catch {
            XCTAssertEqual(error.file, path, file: file, line: line)
            XCTAssertTrue(error.message.contains(phrase), "'\(error.message)' lacks '\(phrase)'", file: file, line: line)
            XCTAssertFalse(error.description.contains("\n"), file: file, line: line)
        }
    }

    private func assertRefused(_ name: String, text: String, _ phrase: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        try assertRefused(name, Array(text.utf8), phrase, file: file, line: line)
    }

    func testEmptyAndBlankFiles() throws {
        try assertRefused("log.csv", [], "empty file; expected a training log")
        try assertRefused("log.csv", text: "\n\n  \n", "only blank lines")
    }

    func testBinaryFile() throws {
        try assertRefused("model.pt", [0x80, 0x02, 0x00, 0x63, 0xFF, 0x00, 0x01], "binary data")
    }

    func testCSVHeaderWithoutRows() throws {
        try assertRefused("log.csv", text: "step,loss\n", "header but no rows")
    }

    func testCSVWithoutHeader() throws {
        try assertRefused("log.csv", text: "0,0.5\n1,0.4\n", "not a header")
    }

    func testCSVDuplicateColumn() throws {
        try assertRefused("log.csv", text: "step,loss,loss\n0,1,2\n", "names the column 'loss' twice")
    }

    func testCSVRowLongerThanHeader() throws {
        try assertRefused("log.csv", text: "step,loss\n0,1\n1,2,3\n", "line 3 has 3 cells but the header has 2")
    }

    func testCSVTextInNumberColumn() throws {
        try assertRefused("log.csv", text: "step,loss\n0,1\n1,oops\n", "line 3, column 'loss': 'oops' is not a number")
    }

    func testCSVFractionalStep() throws {
        try assertRefused("log.csv", text: "step,loss\n0,1\n1.5,2\n", "'1.5' is not an integer step")
    }

    func testCSVMissingStep() throws {
        try assertRefused("log.csv", text: "step,loss\n0,1\n,2\n", "line 3 has no 'step' value")
    }

    func testCSVMissingMetricColumn() throws {
        try assertRefused("log.csv", text: "step,epoch\n0,0\n", "has no metric columns")
    }

    func testCSVOnlyText() throws {
        try assertRefused("log.csv", text: "step,phase\n0,train\n1,val\n", "has no numeric metric values")
    }

    func testJSONLinesBadLineInTheMiddle() throws {
        try assertRefused("log.jsonl", text: "{\"step\": 0, \"loss\": 1}\n{\"step\": 1, loss\n{\"step\": 2, \"loss\": 1}\n",
                          "line 2 is not valid JSON; expected one object per line")
    }

    func testJSONLinesArrayLine() throws {
        try assertRefused("log.jsonl", text: "{\"step\": 0, \"loss\": 1}\n[1, 2]\n", "line 2 is a JSON array, not an object")
    }

    func testJSONLinesWithoutNumbers() throws {
        try assertRefused("log.jsonl", text: "{\"msg\": \"start\"}\n{\"msg\": \"end\"}\n", "has no numeric values (line 1: 'msg' is a string)")
    }

    func testJSONLinesNestedTooDeeplyOrNotNumbers() throws {
        // A valid object nested 100 000 deep was called "not a JSON object".
        let deep = "{\"step\": 0, \"loss\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}\n"
        try assertRefused("log.jsonl", text: deep, "line 1 nests arrays or objects 100001 deep (at most 512 levels are read)")
        try assertRefused("log.jsonl", text: "{\"step\": 0, \"loss\": [1, 2]}\n", "has no numeric values (line 1: 'loss' is an array)")
        try assertRefused("log.jsonl", text: "{\"step\": 0, \"opt\": {\"on\": true}}\n", "has no numeric values (line 1: 'opt/on' is true or false)")
        try assertRefused("log.jsonl", text: "{\"step\": 0, \"loss\": 1}\n3.5\n", "line 2 is a JSON number, not an object")
    }

    func testJSONLinesNestedObjectsAreFlattened() throws {
        let path = try Fixture.temporary("nested.jsonl", Array("{\"step\": 0, \"train\": {\"loss\": 1.5}}\n{\"step\": 1, \"train\": {\"loss\": 0.5}}\n".utf8))
        let log = try XCTUnwrap(try LogReader.read(path).first)
        XCTAssertEqual(log.metrics.map(\.name), ["train/loss"])
        XCTAssertEqual(log.metrics.first?.values, [1.5, 0.5])
    }

    func testJSONLinesFractionalStep() throws {
        try assertRefused("log.jsonl", text: "{\"step\": 0.5, \"loss\": 1}\n", "expected an integer step")
    }

    func testEventFileBadDataCRCInTheMiddle() throws {
        var bytes = try Fixture.eventFile([(0, 1), (1, 0.5), (2, 0.25)])
        bytes[bytes.count / 2] ^= 0x40
        try assertRefused("events.out.tfevents.1.host", bytes, "check (masked CRC-32C) fails")
    }

    func testEventFileBadLengthCRCInTheMiddle() throws {
        let good = try Fixture.eventFile([(0, 1)])
        var second = Fixture.record(Array("not an event".utf8))
        second[9] ^= 0x01
        try assertRefused("events.out.tfevents.1.host", good + second + good, "record 3 at byte")
    }

    func testEventFileRecordThatIsNotAnEvent() throws {
        let good = try Fixture.eventFile([(0, 1)])
        try assertRefused("events.out.tfevents.1.host", good + Fixture.record([0xFF, 0xFF, 0xFF]),
                          "is not an Event protobuf")
    }

    func testFileNamedLikeAnEventFileButNotOne() throws {
        try assertRefused("events.out.tfevents.1.host", text: "step,loss\n0,1\n", "first record's length check")
    }

    func testEventFileWithoutScalars() throws {
        try assertRefused("events.out.tfevents.1.host", try Fixture.eventFile([]), "no scalar summaries")
    }

    func testDirectoryWithoutEventFiles() throws {
        let path = try Fixture.temporary("notes.txt", text: "hello")
        let dir = (path as NSString).deletingLastPathComponent
        XCTAssertThrowsError(try LogReader.read(dir)) { error in
            guard let e = error as? RunLogError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.file, dir)
            XCTAssertTrue(e.message.contains("without event files"))
        }
    }

    func testMissingPath() {
        XCTAssertThrowsError(try LogReader.read("/nonexistent/run.csv")) { error in
            XCTAssertEqual((error as? RunLogError)?.description,
                           "/nonexistent/run.csv: no such file or directory; expected a training log")
        }
    }
}
