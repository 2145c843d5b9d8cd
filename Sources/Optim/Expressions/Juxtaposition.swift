/// Names typed as one word that are several names side by side (`xy`, `sinx`, `pix`, `betax`, `x2`): the
/// formula the user most likely meant (`x*y`, `sin(x)`, `pi*x`, `beta*x`, `x^2`), for "did you mean". The word
/// is split into the fewest known pieces: the variables, pi, the parameters given, the one-argument functions
/// (which take the rest of the word as their argument) and, after a variable, constant or parameter, trailing
/// digits (a power). The constant e is not a piece (`ex` is not 'e*x': too many words would split).
extension MathExpression {
    /// The formula `word` spells when read as names side by side, or nil when it does not split into two or
    /// more known pieces. `dimension` 2 adds y; `alias` is another name of x (`w`).
    public static func juxtaposedReading(of word: String, dimension: Int, parameters: [String] = [],
                                         alias: String? = nil) -> String? {
        guard word.count >= 2, word.count <= 40, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let symbols = ["x", "pi"] + (dimension == 2 ? ["y"] : []) + (alias.map { [$0] } ?? []) + parameters
        let functions = ElementaryFunction.allCases.map(\.rawValue) + Activation.allNames
        let chars = Array(word)
        // best[k]: the fewest pieces that spell chars[k...], nil when none do.
        var best = [[Piece]?](repeating: nil, count: chars.count + 1)
        best[chars.count] = []
        for k in stride(from: chars.count - 1, through: 0, by: -1) {
            let rest = String(chars[k...])
            var options: [[Piece]] = []
            for s in symbols where rest.hasPrefix(s) {
                let after = k + s.count
                if let tail = best[after] { options.append([.symbol(s)] + tail) }
                // Trailing digits after a symbol: a power (x2 → x^2).
                let digits = chars[after...].prefix { $0.isNumber }
                if !digits.isEmpty, after + digits.count == chars.count { options.append([.symbol(s), .digits(String(digits))]) }
            }
            for f in functions where rest.hasPrefix(f) && k + f.count < chars.count {
                if let tail = best[k + f.count], !tail.isEmpty { options.append([.function(f)] + tail) }
            }
            best[k] = options.min { $0.count < $1.count }
        }
        guard let pieces = best[0], pieces.count >= 2 else { return nil }
        return render(pieces[...])
    }

    private enum Piece {
        case symbol(String), function(String), digits(String)
    }

    /// `sin` then `x` → `sin(x)`; `x` then `y` → `x*y`; `x` then `2` → `x^2`.
    private static func render(_ pieces: ArraySlice<Piece>) -> String {
        guard let first = pieces.first else { return "" }
        let rest = pieces.dropFirst()
        switch first {
        case .function(let f): return f + "(" + render(rest) + ")"
        case .digits(let d): return d
        case .symbol(let s):
            if case .digits(let d)? = rest.first { return s + "^" + d }
            return rest.isEmpty ? s : s + "*" + render(rest)
        }
    }
}
