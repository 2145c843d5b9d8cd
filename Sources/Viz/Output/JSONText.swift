/// JSON text for the files a figure writes beside itself (the layout report) and for callers' own JSON.
public enum JSONText {
    /// `s` as a JSON string literal (RFC 8259): quotes and backslashes escaped, `\n` and `\t` as such,
    /// other control characters as `\u00XX`, everything else (non-ASCII included) as it is.
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
