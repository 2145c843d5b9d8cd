import Foundation

/// Why a line of a JSON lines log could not be read as an object, said exactly: another kind of JSON value
/// (an array, a number), nesting deeper than the decoder reads, or invalid JSON.
enum JSONLineProblem {
    /// The deepest nesting JSONDecoder reads (Foundation's limit for arrays and objects).
    static let depthLimit = 512

    /// "is a JSON array, not an object", "nests arrays or objects 100000 deep (at most 512 levels are read)",
    /// "is not valid JSON".
    static func describe(_ bytes: [UInt8]) -> String {
        let depth = nesting(bytes)
        if depth > depthLimit { return "nests arrays or objects \(depth) deep (at most \(depthLimit) levels are read)" }
        switch bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) {
        case UInt8(ascii: "["): return "is a JSON array, not an object"
        case UInt8(ascii: "\""): return "is a JSON string, not an object"
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            if let text = String(bytes: bytes, encoding: .utf8)?.trimmingCharacters(in: .whitespaces),
               ["true", "false", "null"].contains(text) { return "is JSON \(text), not an object" }
        case let c? where c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")):
            if Double(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)) != nil {
                return "is a JSON number, not an object"
            }
        default: break
        }
        return "is not valid JSON"
    }

    /// The deepest nesting of `[` and `{` outside strings.
    static func nesting(_ bytes: [UInt8]) -> Int {
        var depth = 0, deepest = 0, inString = false, escaped = false
        for b in bytes {
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
