/// JSON numbers beyond float64's range, and numbers written as strings, as a log may hold them.
///
/// Foundation's `JSONDecoder` refuses a literal such as `1e999` or `1e-999` ("not representable"), while
/// the CSV reader reads the same cells as `inf` and `0` (the value `strtod` rounds them to). So that a
/// logged divergence is not lost in one format and kept in the other, `clamped` rewrites each such
/// literal as the value it rounds to (`Infinity`, `-Infinity`, `0.0`, `-0.0` or a subnormal such as
/// `5e-324`) before the line is decoded again. `value(of:)` reads a string cell (`"1e999"`, `"0.5"`,
/// `"nan"`, `"inf"`) as the CSV reader reads a cell.
enum JSONNumberLiterals {
    /// The line with each literal that float64 cannot hold exactly-in-range replaced, or nil when it has
    /// none. Text inside strings (double or JSON5 single quotes) is left alone.
    static func clamped(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var changed = false
        var quote: UInt8?
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote {
                out.append(b)
                if b == 0x5C, i + 1 < bytes.count { out.append(bytes[i + 1]); i += 2; continue }
                if b == q { quote = nil }
                i += 1
                continue
            }
            if b == 0x22 || b == 0x27 { quote = b; out.append(b); i += 1; continue }
            if isNumberByte(b), b != 0x65, b != 0x45, i == 0 || !isWordByte(bytes[i - 1]) {
                var j = i
                while j < bytes.count, isNumberByte(bytes[j]) { j += 1 }
                if let replacement = replacement(bytes[i..<j]) {
                    out += replacement
                    changed = true
                } else {
                    out += bytes[i..<j]
                }
                i = j
                continue
            }
            out.append(b)
            i += 1
        }
        return changed ? out : nil
    }

    /// A string cell read as a number: a decimal literal (`"0.5"`, `"1e999"` → inf, `"1e-999"` → 0) or
    /// `nan`, `inf`, `infinity` with an optional sign, in any case. Anything else (names, hex) is text.
    static func value(of text: String) -> Double? {
        let t = text.trimmingSpaces()
        switch t.lowercased() {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        guard t.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), t.utf8.allSatisfy(isNumberByte) else { return nil }
        return Double(t)
    }

    /// The literal to decode in place of `token`, when `token` is a number outside float64's normal
    /// range (it overflows to ±∞, or underflows to 0 or a subnormal); nil for any other token.
    static func replacement(_ token: ArraySlice<UInt8>) -> [UInt8]? {
        guard let text = String(bytes: token, encoding: .ascii), let v = Double(text) else { return nil }
        if v.isInfinite { return Array((v < 0 ? "-Infinity" : "Infinity").utf8) }
        let mantissa = token.prefix { $0 != 0x65 && $0 != 0x45 }
        let nonzero = mantissa.contains { $0 >= 0x31 && $0 <= 0x39 }
        guard v.isSubnormal || (v == 0 && nonzero) else { return nil }
        return Array("\(v)".utf8)
    }

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x2B || b == 0x2D || b == 0x65 || b == 0x45
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x24
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
