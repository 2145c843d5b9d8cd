// Support: what the rest of Optim shares: errors, parameter specs, random numbers, name suggestions, exact powers of ten.

/// The candidate closest to `name` by edit distance (case-insensitive, `-` and `_` treated alike),
/// or the one candidate whose leading words are `name` (`step` → `step_size`), or nil when nothing is
/// plausibly a misspelling of it: one edit for names of up to four letters (`foo` is not `log`, `e2`
/// is not `pi`), two up to eight, a third of the length beyond, and never half of the name or more.
public func closestName(to name: String, in candidates: [String]) -> String? {
    func normalise(_ s: String) -> [Character] {
        Array(s.lowercased().map { $0 == "-" ? "_" : $0 })
    }
    let target = normalise(name)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let d = editDistance(target, normalise(candidate))
        if best.map({ d < $0.distance }) ?? true { best = (candidate, d) }
    }
    guard let best else { return nil }
    let limit = min(target.count <= 4 ? 1 : max(2, target.count / 3), (target.count - 1) / 2)
    if best.distance <= limit { return best.name }
    // A leading word of exactly one candidate (`step` for `step_size`, `line` for `line_search_fn`).
    let stems = candidates.filter { c in
        let n = normalise(c)
        return target.count >= 3 && n.count > target.count && Array(n.prefix(target.count)) == target && n[target.count] == "_"
    }
    return stems.count == 1 ? stems[0] : nil
}

/// Levenshtein distance (insertions, deletions, substitutions, and adjacent transpositions).
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d = min(d, previous2[j - 2] + 1)
            }
            current[j] = d
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}
