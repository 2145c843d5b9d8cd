import ArgumentParser

/// Free text the user gives for a figure (`--title`, `--path-label`, `--classes`): drawn as typed, so it must be
/// printable. A control character (U+0000–U+001F, U+007F–U+009F; tabs and line breaks are laid out) was drawn
/// as a hex box, and bytes that are not UTF-8 as U+FFFD "�", both without a word (Y14-23).
enum PrintableText {
    /// Refuses `value` given to `option` when it holds a control character other than a tab or a line break, or
    /// U+FFFD (what bytes that are not UTF-8 are read as): `invalid --title 'bad\x01ctl': control character U+0001
    /// at character 4; …`, the value shown with such characters escaped.
    static func check(_ option: String, _ value: String) throws {
        for (k, scalar) in value.unicodeScalars.enumerated() {
            if isControl(scalar) {
                throw ArgumentRefusal.invalid(option, escaped(value), "control character \(code(scalar)) at character \(k + 1); "
                    + "expected printable text (tabs and line breaks are laid out)")
            }
            if scalar == "\u{FFFD}" {
                throw ArgumentRefusal.invalid(option, escaped(value), "U+FFFD at character \(k + 1), which stands for bytes that are not UTF-8; "
                    + "expected UTF-8 text (check the terminal's or the file's encoding)")
            }
        }
    }

    /// Whether `scalar` is a C0 or C1 control character other than a tab or a line feed.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
    }

    /// `value` with each control character written `\xNN`, so the refusal stays one printable line.
    static func escaped(_ value: String) -> String {
        var out = ""
        for s in value.unicodeScalars {
            if isControl(s) || s == "\n" || s == "\t" {
                let hex = String(s.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// `U+0001`.
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
