import Foundation
import XCTest

/// Y14-8: `--path wide.csv` with a 200 000-column header was refused (exit 64, nothing written) in one error line
/// of 1 489 024 bytes, every column name echoed. The line quotes the header cut short, with the column count.
final class WideHeaderMessageTests: XCTestCase {
    func testAHugeHeaderIsQuotedShortWithItsColumnCount() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let header = (0..<200_000).map { "c\($0)" }.joined(separator: ",")
        try (header + "\n").write(to: dir.appendingPathComponent("wide.csv"), atomically: true, encoding: .utf8)
        for (surface, option) in [("bowl", "--path"), ("linreg_mse", "--dataset")] {
            let r = try runDLPlot(["surface", surface, option, "wide.csv", "-o", "w.png"], in: dir)
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertLessThan(r.stderr.utf8.count, 400, String(r.stderr.prefix(400)))
            XCTAssertTrue(r.stderr.contains("'c0,c1,c2,"), r.stderr)
            XCTAssertTrue(r.stderr.contains(",…,c199999' (200000 columns)"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("w.png").path))
        }
        // A short header is quoted whole, as before.
        try "a,b\n1,2\n".write(to: dir.appendingPathComponent("ab.csv"), atomically: true, encoding: .utf8)
        let short = try runDLPlot(["surface", "bowl", "--path", "ab.csv", "-o", "w.png"], in: dir)
        XCTAssertTrue(short.stderr.contains("line 1: columns 'a,b'; expected"), short.stderr)
    }
}
