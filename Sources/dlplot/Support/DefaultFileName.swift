/// The part of a default file name (no `-o`) that stands for a function, so that two typed formulas never
/// write the same file: both `dlplot activation 'x*sigmoid(beta*x)'` and `dlplot activation 'tanh(x)^2'` wrote
/// `activation-expression.png`, the second silently replacing the first.
enum DefaultFileName {
    /// The longest sanitised formula kept in a name, in characters (before its hash).
    static let longest = 40

    /// A built-in's name as it is (`himmelblau`); a typed formula as its letters, digits, `_` and `.` with
    /// every other run of characters written `_` (`x*sigmoid(beta*x)` → `x_sigmoid_beta_x`), cut to `longest`
    /// characters, and followed by `-` and a 6-digit hash of the formula (spaces ignored) whenever that text
    /// does not spell the formula exactly: `x+1` and `x-1` both read `x_1`, and get different hashes.
    /// `params` (the `--param` items as typed) are part of a formula's name: its hash is of the formula and its
    /// values (spaces ignored, in any order), so `x*sigmoid(beta*x)` with beta=0.5,1,2 and with beta=1 no longer
    /// write the same file.
    static func stem(_ text: String, params: [String] = []) -> String {
        if FunctionArguments.isName(text) { return text }
        let compact = String(text.filter { !$0.isWhitespace })
        let values = params.map { String($0.filter { !$0.isWhitespace }) }.sorted()
        if !values.isEmpty {
            // The sanitised formula (never holds '-') and one hash of the formula with its values.
            let name = stem(text).split(separator: "-").first.map(String.init) ?? "expression"
            return name + "-" + hash(compact + "|" + values.joined(separator: "|"))
        }
        var out = ""
        for c in compact {
            if c.isASCII && (c.isLetter || c.isNumber || c == "_" || (c == "." && !out.isEmpty)) {
                out.append(c)
            } else if !out.isEmpty && out.last != "_" {
                out.append("_")
            }
        }
        let cut = out.count > longest
        if cut { out = String(out.prefix(longest)) }
        while out.last == "_" || out.last == "." { out.removeLast() }
        if out == compact && !cut { return out }
        return (out.isEmpty ? "expression" : out) + "-" + hash(compact)
    }

    /// `parts` joined by `-`; over 120 characters (twelve long formulas), the first 100 and a hash of the whole.
    static func joined(_ parts: [String]) -> String {
        let whole = parts.joined(separator: "-")
        guard whole.count > 120 else { return whole }
        var head = String(whole.prefix(100))
        while head.last == "_" || head.last == "-" || head.last == "." { head.removeLast() }
        return head + "-" + hash(whole)
    }

    /// Six hexadecimal digits of the 32-bit FNV-1a hash of `text`'s UTF-8 bytes: the same on every run and machine.
    static func hash(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for byte in text.utf8 { h = (h ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(h & 0xFF_FFFF, radix: 16)
        return String(repeating: "0", count: 6 - hex.count) + hex
    }
}
