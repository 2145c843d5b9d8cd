import Foundation

/// The lines of a JSON lines log that are console output rather than records: what a training script
/// prints between its JSON lines (`Starting training...`, `checkpoint saved at step 5`, `[INFO] …`).
///
/// A line is console output when its first non-blank character is not `{` and it is not JSON at all
/// (a JSON array, number, string, `true`, `false` or `null` on a line of its own stays an error). Such
/// lines are skipped and counted in one note naming the first few.
struct ConsoleLines {
    /// Lines skipped.
    private(set) var count = 0
    /// The first few skipped lines: (line number, text shown, at most 40 characters).
    private var shown: [(line: Int, text: String)] = []
    /// How many skipped lines the note quotes.
    static let quoted = 2

    /// Whether `bytes` (a line without its line break) is console output; if so it is counted.
    mutating func skip(_ bytes: ArraySlice<UInt8>, line: Int) -> Bool {
        guard Self.isConsole(bytes) else { return false }
        count += 1
        if shown.count < Self.quoted { shown.append((line, Self.shown(bytes))) }
        return true
    }

    /// Whether a line that did not decode as an object is console output (see the type's rules).
    static func isConsole(_ bytes: ArraySlice<UInt8>) -> Bool {
        let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        guard first != UInt8(ascii: "{") else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) == nil
    }

    /// "skipped 5 lines that are not JSON objects (console output): line 1 'Starting training...', line 3 'checkpoint…', …".
    var note: String? {
        guard count > 0 else { return nil }
        let quotes = shown.map { "line \($0.line) '\($0.text)'" }.joined(separator: ", ")
        return "skipped \(count) " + (count == 1 ? "line that is not a JSON object" : "lines that are not JSON objects") + " (console output): "
            + quotes + (count > shown.count ? ", …" : "")
    }

    /// The line's text for a message: trimmed, at most 40 characters.
    static func shown(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
