import Foundation
import XCTest

/// Every public declaration of Viz has a doc comment of its own (a protocol's witnesses included, which
/// say which requirement they meet), so the library reads from its interface alone; a function or
/// initialiser that throws says what it throws and when in a `- Throws:` line.
final class PublicDocCommentTests: XCTestCase {
    func testEveryPublicDeclarationHasADocComment() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Viz")
        guard let files = FileManager.default.enumerator(atPath: root.path) else { return XCTFail("no \(root.path)") }
        let declaration = try NSRegularExpression(pattern: #"^(@\w+(\([^)]*\))?\s+)*public\s+(?!extension\b)"#)
        var count = 0, missing: [String] = []
        for case let name as String in files where name.hasSuffix(".swift") {
            let lines = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            for (k, line) in lines.enumerated() where declaration.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                count += 1
                var j = k - 1
                while j >= 0, lines[j].hasPrefix("@") { j -= 1 }
                if j < 0 || !(lines[j].hasPrefix("///") || lines[j].hasSuffix("*/")) { missing.append("\(name):\(k + 1): \(line)") }
            }
        }
        XCTAssertGreaterThan(count, 900, "the public declarations were found")
        XCTAssertEqual(missing, [], missing.joined(separator: "\n"))
    }

    /// 31 of the 43 public throwing functions said nothing of what they throw (Figure.init, the writers, …).
    func testEveryPublicThrowingFunctionSaysWhatItThrows() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Viz")
        guard let files = FileManager.default.enumerator(atPath: root.path) else { return XCTFail("no \(root.path)") }
        let declaration = try NSRegularExpression(pattern: #"^(@\w+(\([^)]*\))?\s+)*(public|open)\s+.*\b(func|init)\b"#)
        var count = 0, silent: [String] = []
        for case let name as String in files where name.hasSuffix(".swift") {
            let lines = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            for (k, line) in lines.enumerated() where declaration.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                // The signature runs to its body's brace (at most a few lines).
                let end = lines[k...].prefix(6).firstIndex { $0.contains("{") } ?? k
                guard lines[k...end].joined(separator: " ").range(of: #"\)\s*(async\s+)?throws\b"#, options: .regularExpression) != nil else { continue }
                count += 1
                var doc: [String] = [], j = k - 1
                while j >= 0, lines[j].hasPrefix("///") || lines[j].hasPrefix("@") { doc.append(lines[j]); j -= 1 }
                if !doc.contains(where: { $0.hasPrefix("/// - Throws:") }) { silent.append("\(name):\(k + 1): \(line)") }
            }
        }
        XCTAssertGreaterThan(count, 40, "the throwing functions were found")
        XCTAssertEqual(silent, [], silent.joined(separator: "\n"))
    }
}
