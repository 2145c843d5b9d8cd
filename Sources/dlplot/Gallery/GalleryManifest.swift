import ArgumentParser
import TOMLKit
import Viz

/// `gallery/gallery.toml`: the list of gallery figures. Each `[[figure]]` has a `name` (the file stem),
/// a `caption`, an optional `section`, and `command`: a dlplot command line without `dlplot` and
/// without `-o`, parsed by the same parser as the CLI.
struct GalleryManifest {
    struct Entry: Sendable {
        var name: String
        var caption: String
        var section: String
        var command: String
        /// The line of the entry's `[[figure]]` header in the manifest.
        var line: Int

        /// Whether the entry is an animation (its command has --animate): one GIF, never PNG/SVG/PDF.
        var isAnimated: Bool { ((try? CommandSplitter.split(command)) ?? []).contains("--animate") }

        /// The command as a user types it, without `dlplot`, writing `file`: `-o file` goes before a `--` (after
        /// it, `-o` would be read as part of the expression: the README's expression-two-wells command failed).
        func commandLine(writing file: String) -> String {
            var quote: Character?
            let chars = Array(command)
            for (k, c) in chars.enumerated() {
                if let q = quote { if c == q { quote = nil }; continue }
                if c == "'" || c == "\"" { quote = c; continue }
                let starts = k == 0 || chars[k - 1] == " ", ends = k + 2 == chars.count || (k + 2 < chars.count && chars[k + 2] == " ")
                if c == "-", k + 1 < chars.count, chars[k + 1] == "-", starts, ends {
                    return String(chars[..<k]) + "-o \(file) " + String(chars[k...])
                }
            }
            return command + " -o " + file
        }

        /// The files the entry writes for the still formats `formats`.
        func files(_ formats: [OutputFormat]) -> [String] {
            isAnimated ? [name + ".gif"] : formats.map { name + "." + $0.rawValue }
        }
    }

    var entries: [Entry] = []
    /// Problems found in the manifest itself, each naming the entry and its line.
    var problems: [String] = []

    /// Reads the manifest text (`path` is used in messages).
    init(text: String, path: String) throws {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ValidationError("--manifest \(path):\(e.source.begin.line): \(e.description)")
        }
        // Lines of the [[figure]] headers, in order, to name entries in messages.
        var headerLines: [Int] = []
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.trimmingPrefixSpaces().hasPrefix("[[figure]]") { headerLines.append(k + 1) }
        guard let figures = table["figure"]?.array else {
            throw ValidationError("--manifest \(path): no [[figure]] entries; expected a TOML file of [[figure]] tables with name, caption and command")
        }
        var seen: [String: Int] = [:]
        for (k, item) in figures.enumerated() {
            let line = k < headerLines.count ? headerLines[k] : 0
            let where_ = "\(path):\(line)"
            guard let t = item.table else { problems.append("\(where_): entry \(k + 1) is not a table"); continue }
            let allowed: Set<String> = ["name", "caption", "section", "command"]
            let unknown = t.keys.filter { !allowed.contains($0) }.sorted()
            for key in unknown { problems.append("\(where_): unknown key '\(key)' (allowed: name, caption, section, command)") }
            guard let name = t["name"]?.string, !name.isEmpty else { problems.append("\(where_): entry \(k + 1) has no name"); continue }
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                problems.append("\(where_): entry '\(name)': name may hold only letters, digits, '-' and '_'"); continue
            }
            if let first = seen[name] { problems.append("\(where_): entry '\(name)': name already used on line \(first)"); continue }
            seen[name] = line
            // An entry with a key it cannot have is a bad entry: reported, not rendered (one figure in the tally).
            guard unknown.isEmpty else { continue }
            guard let command = t["command"]?.string, !command.isEmpty else { problems.append("\(where_): entry '\(name)' has no command"); continue }
            // A caption is drawn in the indexes as typed: a control character would be an invisible or boxed glyph.
            if let caption = t["caption"]?.string, let c = caption.unicodeScalars.first(where: PrintableText.isControl) {
                problems.append("\(where_): entry '\(name)': caption holds control character \(PrintableText.code(c)); expected printable text")
                continue
            }
            entries.append(Entry(name: name, caption: t["caption"]?.string ?? "", section: t["section"]?.string ?? "",
                                 command: command, line: line))
        }
    }
}

extension Substring {
    func trimmingPrefixSpaces() -> Substring { drop(while: { $0 == " " || $0 == "\t" }) }
}

/// Splits a command line into arguments: spaces separate, single and double quotes group, backslash escapes.
enum CommandSplitter {
    static func split(_ s: String) throws -> [String] {
        var args: [String] = []
        var current = ""
        var inToken = false
        var quote: Character?
        var escape = false
        for c in s {
            if escape { current.append(c); escape = false; inToken = true; continue }
            if c == "\\" && quote != "'" { escape = true; continue }
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
                continue
            }
            if c == "'" || c == "\"" { quote = c; inToken = true; continue }
            if c == " " || c == "\t" || c == "\n" {
                if inToken { args.append(current); current = ""; inToken = false }
                continue
            }
            current.append(c); inToken = true
        }
        guard quote == nil else { throw FigureError("unterminated quote in command: \(s)") }
        if inToken { args.append(current) }
        return args
    }
}
