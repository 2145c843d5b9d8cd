import XCTest
@testable import RunLogs

/// CSV logs are parsed a block at a time (`CSVBlocks`): the rows are those CSV.swift reads from the whole
/// text, whatever the block size, also when a quoted cell holds line breaks and quotes across a cut.
final class CSVBlocksTests: XCTestCase {
    private func rows(_ path: String, blockSize: Int) throws -> (header: [String], rows: [[String]]) {
        var blocks = try CSVBlocks(path: path, delimiter: ",", blockSize: blockSize)
        var out: [[String]] = []
        while let row = blocks.next() { out.append(row) }
        XCTAssertNil(blocks.problem)
        return (blocks.header, out)
    }

    func testEveryBlockSizeGivesTheRowsOfTheWholeText() throws {
        var text = "step,loss,note\n"
        var expected: [[String]] = []
        for i in 0..<300 {
            // Quoted cells with a line break, doubled quotes and a comma inside.
            let note = i % 7 == 0 ? "\"line one\nline \"\"two\"\", ok\"" : (i % 5 == 0 ? "\"a, b\"" : "plain")
            text += "\(i),\(Double(i) * 0.25),\(note)\n"
            expected.append(["\(i)", "\(Double(i) * 0.25)", i % 7 == 0 ? "line one\nline \"two\", ok" : (i % 5 == 0 ? "a, b" : "plain")])
        }
        text += "300,1.5,last"  // no final line break
        expected.append(["300", "1.5", "last"])
        let path = try Fixture.temporary("blocks.csv", text: text)
        for size in [1, 2, 7, 64, 1000, 1 << 20] {
            let read = try rows(path, blockSize: size)
            XCTAssertEqual(read.header, ["step", "loss", "note"], "block size \(size)")
            XCTAssertEqual(read.rows, expected, "block size \(size)")
        }
    }

    func testAByteOrderMarkIsSkippedAndInvalidUTF8IsNamed() throws {
        let bom = try Fixture.temporary("bom.csv", [0xEF, 0xBB, 0xBF] + Array("step,loss\n0,1\n".utf8))
        XCTAssertEqual(try rows(bom, blockSize: 4).header, ["step", "loss"])
        let bad = try Fixture.temporary("bad.csv", Array("step,loss\n".utf8) + Array(repeating: 0x30, count: 40) + [0xFF, 0x0A])
        var blocks = try CSVBlocks(path: bad, delimiter: ",", blockSize: 16)
        while blocks.next() != nil {}
        XCTAssertEqual(blocks.problem, "invalid UTF-8")
        // Past the first block, where the log's kind is recognised: the reader names it.
        let late = try Fixture.temporary("late.csv", Array("step,loss\n".utf8) + Array(repeating: Array("1,2\n".utf8), count: 300_000).joined()
            + [0xFF, 0x0A])
        XCTAssertThrowsError(try LogReader.read(late)) { error in
            XCTAssertTrue("\(error)".contains("is not readable as UTF-8 CSV (invalid UTF-8)"), "\(error)")
        }
    }
}
