// Text: label text with a small math language, its layout and fitting to the space there is.

/// A fraction set inline, as TeX writes one in a line of text or in a script: numerator, slash,
/// denominator, each bracketed where the slash would otherwise bind wrongly (`(x + 1)/2`, `1/(2π)`,
/// `e^{−x²/2}/√(2π)`), and the whole bracketed when a factor stands beside it (`(1/2)(p − y)²`).
extension MathNode {
    static let open = MathNode.text("(", italic: false, spacing: 0)
    static let close = MathNode.text(")", italic: false, spacing: 0)
    static let slash = MathNode.text("/", italic: false, spacing: 0)
    /// The thin space after a comma between items (em).
    static let commaSpace = 0.17

    /// The nodes of `a/b` set inline.
    static func inlineFraction(_ a: MathNode, _ b: MathNode) -> [MathNode] {
        let num = a.hasSumAtTop || a.isFraction ? [open, a, close] : [a]
        let den = b.isAtom ? [b] : [open, b, close]
        return num + [slash] + den
    }

    /// True for a space or an empty group (drawn as nothing).
    var isBlank: Bool {
        switch self {
        case .space: return true
        case let .row(items): return items.allSatisfy(\.isBlank)
        default: return false
        }
    }

    var isFraction: Bool {
        if case .fraction = self { return true }
        return false
    }

    /// The items drawn side by side: nested rows flattened, blanks dropped, a run of digits and points as one.
    var items: [MathNode] {
        var out: [MathNode] = []
        func add(_ n: MathNode) {
            switch n {
            case let .row(nodes): nodes.forEach(add)
            case .space: break
            case let .text(s, false, 0) where s.allSatisfy({ $0.isNumber || $0 == "." }):
                if case let .text(t, false, 0)? = out.last, t.allSatisfy({ $0.isNumber || $0 == "." }) {
                    out[out.count - 1] = .text(t + s, italic: false, spacing: 0)
                } else {
                    out.append(n)
                }
            default: out.append(n)
            }
        }
        add(self)
        return out
    }

    /// An operator set with space around it that binds looser than a slash (+, −, =, ≤…; not ·, ×).
    private var isLooseOperator: Bool {
        guard case let .text(s, _, spacing) = self, spacing > 0 else { return false }
        return !["·", "×", "∗", "∘", "⊙"].contains(s)
    }

    /// A sum or relation at the top level (not a leading sign): as a numerator it needs brackets.
    var hasSumAtTop: Bool { items.dropFirst().contains(where: \.isLooseOperator) }

    /// One symbol, number, script, root or bracketed group (`x`, `2.5`, `e^{x}`, `√x`, `(x + 1)`, `|x|`,
    /// `sin(x)`): a denominator that needs no brackets after a slash.
    var isAtom: Bool {
        let all = items
        if all.count == 1 { return !all[0].isFraction && !all[0].isLooseOperator }
        // A function applied to a bracketed argument, or a bracketed group: its first bracket closes last.
        var k = 0
        if case let .text(s, false, 0) = all[0], s.count > 1, s.allSatisfy(\.isLetter) { k = 1 }
        guard k < all.count, case let .text(first, _, _) = all[k], let close = ["(": ")", "[": "]", "|": "|"][first] else { return false }
        var level = 0
        for (i, n) in all.enumerated().dropFirst(k) {
            // A closing bracket may carry a script: (x + 1)^{2}.
            var node = n
            if case let .scripts(base, _, _) = n { node = base }
            guard case let .text(s, _, _) = node else { continue }
            if s == close, first != close || i > k { level -= 1 } else if s == first { level += 1 }
            if level == 0 { return i == all.count - 1 }
        }
        return false
    }

    /// True when the node at `k` of a row stands beside a factor (not an operator, bracket or comma) on either side.
    static func isJuxtaposed(_ nodes: [MathNode], at k: Int) -> Bool {
        let before = nodes[..<k].last(where: { !$0.isBlank }), after = nodes[(k + 1)...].first(where: { !$0.isBlank })
        func separates(_ n: MathNode?, _ marks: Set<String>) -> Bool {
            guard var n else { return true }
            // A closing bracket may carry a script: (x/2)^{2} needs no second pair.
            if case let .scripts(base, _, _) = n { n = base }
            guard case let .text(s, _, spacing) = n else { return false }
            return spacing > 0 || marks.contains(s)
        }
        return !separates(before, ["(", "[", "{", ",", "/"]) || !separates(after, [")", "]", "}", ",", "/"])
    }
}
