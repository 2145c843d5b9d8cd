import Foundation
import XCTest

/// Every public declaration of Viz has a doc comment of its own (a protocol's witnesses included, which
/// say which requirement they meet), so the library reads from its interface alone.
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
}
