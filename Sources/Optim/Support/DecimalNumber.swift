/// The one rule for a number typed as text, wherever it is typed: an option (`--lr 1e-3`), an item of a list or
/// of `--opt adam:lr=1e-3`, or an argument of a torch call (`Adam(lr=1e-3)`). The same text gets the same
/// decision and the same words everywhere.
///
/// A number is decimal (`-1.5`, `2e-3`, `.5`, `1E3`); Swift's `Double(_:)` also reads hexadecimal floats
/// (`0x10`), `inf`, `infinity` and `nan`, which no setting means. A value that is a number as typed but not in
/// float64 is refused: `1e400` overflows to ∞ and `1e-400` underflows to 0 (a learning rate or an eps of 0 is
/// not what was typed).
public enum DecimalNumber {
    /// Why a text is not a finite float64 number; `reason` is the words said after the value.
    public enum Problem: Error, Sendable, Equatable {
        case notANumber, notFinite, overflows, underflows

        /// "is not a number; expected a finite decimal number such as -1.5 or 2e-3", "overflows float64 (…)", …
        public var reason: String {
            switch self {
            case .notANumber: return "is not a number; expected a finite decimal number such as -1.5 or 2e-3"
            case .notFinite: return "is not finite; expected a finite decimal number"
            case .overflows: return "overflows float64 (the largest double is 1.8e308)"
            case .underflows: return "underflows to 0 in float64 (the smallest positive double is 5e-324)"
            }
        }
    }

    /// `text` (spaces and tabs around it ignored) as a decimal number, possibly infinite (`1e400`) or rounded
    /// to 0 (`1e-400`); nil when it is not written as a decimal number.
    public static func decimal<S: StringProtocol>(_ text: S) -> Double? {
        let trimmed = trimmed(text)
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(trimmed)
    }

    /// `text` as a finite float64 number, or the problem with it.
    public static func read<S: StringProtocol>(_ text: S) -> Result<Double, Problem> {
        let trimmed = trimmed(text)
        guard let v = decimal(trimmed) else {
            // inf and nan are numbers to Swift, not decimal ones.
            if let v = Double(trimmed), !v.isFinite, !trimmed.lowercased().contains("0x") { return .failure(.notFinite) }
            if ["nan", "inf", "infinity"].contains(trimmed.lowercased().drop { $0 == "-" || $0 == "+" }) { return .failure(.notFinite) }
            return .failure(.notANumber)
        }
        guard v.isFinite else { return .failure(.overflows) }
        let digits = trimmed.lowercased().split(separator: "e").first ?? ""
        if v == 0, digits.contains(where: { $0.isNumber && $0 != "0" }) { return .failure(.underflows) }
        return .success(v)
    }

    private static func trimmed<S: StringProtocol>(_ text: S) -> String {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
