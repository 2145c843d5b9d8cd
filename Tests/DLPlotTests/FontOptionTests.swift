import Foundation
import Viz
import XCTest

/// `--font FAMILY`: an installed family sets every text; an unknown one is refused with examples.
final class FontOptionTests: XCTestCase {
    func testUnknownFamilyIsRefusedWithInstalledExamples() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("font-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let run = try runDLPlot(["activation", "sigmoid", "--font", "No Such Family", "-o", "a.png"], in: dir)
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("invalid --font 'No Such Family'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("DejaVu Sans"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.png").path))
    }

    /// The PDF names the fonts it embeds: Latin Modern's (any case of the family name is accepted).
    func testLatinModernIsEmbedded() throws {
        guard FontCatalog.family(named: "Latin Modern Roman") != nil else {
            throw XCTSkip("fonts-lmodern is not installed (make deps installs it)")
        }
        XCTAssertEqual(FontCatalog.family(named: "latin modern roman"), "Latin Modern Roman")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("font-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let run = try runDLPlot(["activation", "sigmoid", "--font", "latin modern roman", "-o", "a.pdf"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let pdf = try Data(contentsOf: dir.appendingPathComponent("a.pdf"))
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertTrue(text.contains("LMRoman10-Regular"), "regular text in Latin Modern")
        XCTAssertTrue(text.contains("LMRoman10-Bold") || text.contains("LMRoman12-Bold"), "bold title in Latin Modern")
        XCTAssertFalse(text.contains("DejaVuSans"), "no DejaVu fallback")
    }
}
