import Foundation
import XCTest

/// A gallery entry is parsed as the same command typed in the shell, with the same refusals: `activation relu
/// --lr nope` in a manifest said "unknown activation 'nope'" (the unknown option dropped, its value read as a
/// second name) where the shell says "Unknown option '--lr'".
final class GalleryEntryParsingTests: XCTestCase {
    func testAnEntrySaysWhatTheShellSays() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let commands = ["activation relu --size 320x200 --dpi 64", "activation relu --lr nope", "activation relu --lr 0.1",
                        "surface bowl --optimizers gd --optimizers adam", "activaton relu"]
        let manifest = commands.enumerated().map { "[[figure]]\nname = \"e\($0.offset)\"\ncommand = \"\($0.element)\"\n" }.joined(separator: "\n")
        try manifest.write(to: dir.appendingPathComponent("m.toml"), atomically: true, encoding: .utf8)
        let r = try runDLPlot(["gallery", "--manifest", "m.toml", "--out", "o", "--formats", "png", "--jobs", "1"], in: dir)
        XCTAssertEqual(r.status, 1, r.stderr)
        for (k, command) in commands.enumerated().dropFirst() {
            let shell = try runDLPlot(command.split(separator: " ").map(String.init) + ["-o", "x.png"], in: dir)
            XCTAssertEqual(shell.status, 64, command)
            let said = shell.stderr.dropFirst("Error: ".count).trimmingCharacters(in: .newlines)
            XCTAssertTrue(r.stderr.contains("m.toml:\(1 + 4 * k): entry 'e\(k)': \(said)\n"), "\(command): \(said)\n\(r.stderr)")
        }
        XCTAssertTrue(r.stderr.contains("m.toml:5: entry 'e1': Unknown option '--lr'\n"), r.stderr)
        XCTAssertFalse(r.stderr.contains("unknown activation"), r.stderr)
    }
}
