import Foundation
import XCTest

/// The size limits of the code base and its map: no Swift file under `Sources`, `Benchmarks` or `Examples`
/// is over 400 lines (generated `*.pb.swift` files included: the protocol is split into one `.proto` per
/// TensorFlow file so that each generated file keeps the limit), no function, initializer or subscript
/// there is over 80 lines (the paired benchmark's 90-line function went unnoticed outside Sources), and every
/// folder's first file (its README.md, else its first file by name) opens with a line saying what the
/// folder holds: `# Folder` in a README, `// Folder: …` in a source file.
final class SourceLimitsTests: XCTestCase {
    static let maxFileLines = 400
    static let maxFunctionLines = 80

    private var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    private var sources: URL { root.appendingPathComponent("Sources") }

    /// The Swift files under `folder` of the package.
    private func swiftFiles(in folder: String) -> [URL] {
        let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "swift" }
    }

    func testNoFileOrFunctionIsTooLong() throws {
        XCTAssertGreaterThan(swiftFiles(in: "Sources").count, 200, "the sources were found")
        XCTAssertGreaterThan(swiftFiles(in: "Benchmarks").count, 10, "the benchmarks were found")
        XCTAssertGreaterThan(swiftFiles(in: "Examples").count, 0, "the examples were found")
        let files = ["Sources", "Benchmarks", "Examples"].flatMap(swiftFiles(in:))
        var problems: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let name = file.path.replacingOccurrences(of: root.path + "/", with: "")
            let lines = SwiftOutline.lineCount(text)
            if lines > Self.maxFileLines { problems.append("\(name): \(lines) lines (at most \(Self.maxFileLines))") }
            for f in SwiftOutline.functions(in: text) where f.lines > Self.maxFunctionLines {
                problems.append("\(name):\(f.line): \(f.name) is \(f.lines) lines (at most \(Self.maxFunctionLines))")
            }
        }
        XCTAssertEqual(problems, [], "\n" + problems.joined(separator: "\n"))
    }

    func testEveryFolderSaysWhatItHolds() throws {
        let fm = FileManager.default
        let folders = [sources] + (fm.enumerator(at: sources, includingPropertiesForKeys: [.isDirectoryKey])?.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true } ?? [])
        XCTAssertGreaterThan(folders.count, 30)
        var silent: [String] = []
        for folder in folders {
            let names = try fm.contentsOfDirectory(atPath: folder.path).sorted()
            let files = names.filter { name in
                var dir: ObjCBool = false
                return fm.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &dir) && !dir.boolValue
            }
            let first = files.contains("README.md") ? "README.md" : files.first
            guard let first else { silent.append(folder.path + " (no file: add a README.md)"); continue }
            let text = try String(contentsOf: folder.appendingPathComponent(first), encoding: .utf8)
            let opening = text.prefix { $0 != "\n" }
            let name = folder.lastPathComponent
            let says = first == "README.md" ? opening == "# " + name : opening.hasPrefix("// " + name + ": ")
            if !says { silent.append(folder.appendingPathComponent(first).path + ": " + opening) }
        }
        XCTAssertEqual(silent, [], "\n" + silent.joined(separator: "\n"))
    }

    func testTheOutlineFindsFunctionsAndTheirEnds() {
        let text = """
            struct S {
                /// A comment with a brace { that does not count.
                func a() -> String {
                    let s = "}}}"
                    let t = \"\"\"
                        {
                        \"\"\"
                    return s + t + #"}"#
                }
                init(x: Int) { }
                public static func b<T>(_ t: T)
                    where T: Equatable {
                    if true { _ = { 1 }() }
                }
            }
            """
        let found = SwiftOutline.functions(in: text)
        XCTAssertEqual(found.map(\.name), ["func a", "init", "func b"])
        XCTAssertEqual(found.map(\.lines), [7, 1, 4])
        XCTAssertEqual(found.map(\.line), [3, 10, 11])
        XCTAssertEqual(SwiftOutline.lineCount("a\nb\n"), 2)
    }
}

/// A rough outline of Swift source: the functions, initializers and subscripts with the lines they span
/// (from the declaration to its closing brace), found with comments and string literals blanked out.
enum SwiftOutline {
    struct Function { var name: String; var line: Int; var lines: Int }

    static func lineCount(_ text: String) -> Int {
        let n = text.split(separator: "\n", omittingEmptySubsequences: false).count
        return text.hasSuffix("\n") ? n - 1 : n
    }

    static func functions(in text: String) -> [Function] {
        let lines = blanked(Array(text.unicodeScalars)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [Function] = []
        for (k, line) in lines.enumerated() {
            guard let name = declaration(line) else { continue }
            var depth = 0, started = false
            search: for j in k..<min(lines.count, k + 400) {
                for ch in lines[j] {
                    if ch == "{" { depth += 1; started = true } else if ch == "}" { depth -= 1 }
                    if started && depth == 0 { out.append(Function(name: name, line: k + 1, lines: j - k + 1)); break search }
                }
                if !started && j > k + 15 { break }  // a protocol requirement: no body
            }
        }
        return out
    }

    /// "func name", "init" or "subscript" when the line declares one.
    private static func declaration(_ line: String) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        let modifiers: Set<Substring> = ["public", "private", "fileprivate", "internal", "package", "static", "class", "final",
                                         "override", "mutating", "nonmutating", "nonisolated", "convenience", "required", "open"]
        while let w = words.first, modifiers.contains(w) || w.hasPrefix("@") || w.hasPrefix("private(") || w.hasPrefix("public(") {
            words = words.dropFirst()
        }
        guard let w = words.first else { return nil }
        if w == "func", words.count > 1 { return "func " + words[words.startIndex + 1].prefix { $0.isLetter || $0.isNumber || $0 == "_" } }
        if w.hasPrefix("init(") || w.hasPrefix("init<") || w.hasPrefix("init?(") || w == "init" { return "init" }
        if w.hasPrefix("subscript(") || w.hasPrefix("subscript<") { return "subscript" }
        return nil
    }

    /// The text with comments and string literals (plain, multi-line and raw) replaced by spaces, line
    /// breaks kept.
    private static func blanked(_ s: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        func starts(_ p: String, at k: Int) -> Bool {
            let p = Array(p.unicodeScalars)
            return k + p.count <= s.count && Array(s[k..<(k + p.count)]) == p
        }
        func blank(to end: Int) {
            while i < end { out.append(s[i] == "\n" ? "\n" : " "); i += 1 }
        }
        while i < s.count {
            if starts("//", at: i) {
                var j = i; while j < s.count && s[j] != "\n" { j += 1 }
                blank(to: j)
            } else if starts("/*", at: i) {
                var j = i + 2; while j < s.count && !starts("*/", at: j) { j += 1 }
                blank(to: min(s.count, j + 2))
            } else if s[i] == "#" || s[i] == "\"" {
                var hashes = 0; while i + hashes < s.count && s[i + hashes] == "#" { hashes += 1 }
                let q = i + hashes
                guard q < s.count, s[q] == "\"" else { out.append(s[i]); i += 1; continue }
                let quote = starts("\"\"\"", at: q) ? "\"\"\"" : "\""
                let close = quote + String(repeating: "#", count: hashes)
                var j = q + quote.unicodeScalars.count
                while j < s.count && !starts(close, at: j) { j += (s[j] == "\\" && hashes == 0) ? 2 : 1 }
                blank(to: min(s.count, j + close.unicodeScalars.count))
            } else {
                out.append(s[i]); i += 1
            }
        }
        return String(out)
    }
}
