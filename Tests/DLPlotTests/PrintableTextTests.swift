import Foundation
import XCTest

/// Y14-23 (issue 17 §4): a --title with control characters was drawn with hex boxes, and one with bytes that are not
/// UTF-8 with "��", both with exit 0 and nothing said. Free text is refused in the one form, the value shown escaped.
final class PrintableTextTests: XCTestCase {
    func testControlCharactersAreRefusedNamingTheOptionAndTheCharacter() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String)] = [
            (["activation", "relu", "--title", "bad\u{01}ctl\u{07}bell"],
             "Error: invalid --title 'bad\\x01ctl\\x07bell': control character U+0001 at character 4; expected printable text (tabs and line breaks are laid out)\n"),
            (["softmax", "--logits", "2,1", "--classes", "cat,d\u{1B}[31mog"],
             "Error: invalid --classes 'cat,d\\x1B[31mog': control character U+001B at character 6; expected printable text (tabs and line breaks are laid out)\n"),
            (["surface", "bowl", "--path", "p.csv", "--path-label", "mine\u{7F}"],
             "Error: invalid --path-label 'mine\\x7F': control character U+007F at character 5; expected printable text (tabs and line breaks are laid out)\n"),
        ]
        try "x,y\n1,1\n0.5,0.5\n".write(to: dir.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        for (arguments, message) in cases {
            let r = try runDLPlot(arguments + ["-o", "t.png"], in: dir)
            XCTAssertEqual(r.status, 64, "\(arguments)")
            XCTAssertEqual(r.stderr, message, "\(arguments)")
        }
        XCTAssertEqual(listing(dir), ["p.csv"])
        // Tabs and line breaks are laid out as before.
        let fine = try runDLPlot(["activation", "relu", "--size", "640x360", "--title", "two\nlines\tand a tab", "-o", "ok.png"], in: dir)
        XCTAssertEqual(fine.status, 0, fine.stderr)
    }

    func testBytesThatAreNotUTF8AreRefused() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runShell("\"$0\" activation relu --title \"$(printf 'inv\\377\\376utf')\" -o t2.png", in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr, "Error: invalid --title 'inv\u{FFFD}\u{FFFD}utf': U+FFFD at character 4, which stands for bytes that are not UTF-8; "
                       + "expected UTF-8 text (check the terminal's or the file's encoding)\n")
        XCTAssertEqual(listing(dir), [])
    }
}
