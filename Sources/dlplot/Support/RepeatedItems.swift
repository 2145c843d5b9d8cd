/// One rule for an item given twice in a list of the command line, as `--optimizers gd,gd` is refused: the
/// same activation twice (`activation sigmoid tanh sigmoid`) drew two colours and two legend entries for one
/// curve. A repeat is refused, naming the option and the item.
enum RepeatedItems {
    /// Refuses the first of `items` (compared without surrounding spaces) that is given again, as the
    /// refusal of `option`: of its whole text `typed` (`invalid --names 'sigmoid,tanh,sigmoid': 'sigmoid' is
    /// listed twice; give each once`), or, for an option whose items are arguments of their own (`typed`
    /// nil), of the item itself (`invalid activation 'sigmoid': it is listed twice; give each once`).
    static func check(_ items: [String], option: String, typed: String?) throws {
        var seen = Set<String>()
        for item in items.map(\.trimmingSpaces) where !seen.insert(item).inserted {
            if let typed { throw ArgumentRefusal.invalid(option, typed, "'\(item)' is listed twice; give each once") }
            throw ArgumentRefusal.invalid(option, item, "it is listed twice; give each once")
        }
    }

    /// The same rule for activations (names and formulas), compared as functions: a formula without its spaces
    /// (`x ^ 2` is `x^2`), and a built-in's name as its call (`sigmoid` is `sigmoid(x)`) when no --param of
    /// `params` applies to it (`elu --param alpha=0.5` is not `elu(x)`). Both were drawn twice, one curve hiding the other.
    static func check(functions items: [String], option: String, typed: String?, params: [String]) throws {
        try check(items, option: option, typed: typed)
        let families = (try? FunctionArguments.parameterFamilies(params)) ?? []
        var seen: [String: String] = [:]
        for item in items.map(\.trimmingSpaces) {
            let key = FunctionArguments.isName(item)
                ? (ParameterFamilyCount.taken(by: item, of: families).isEmpty ? item + "(x)" : item)
                : String(item.filter { !$0.isWhitespace })
            guard let first = seen[key] else { seen[key] = item; continue }
            let reason = "'\(item)' is the same function as '\(first)'; give each once"
            if let typed { throw ArgumentRefusal.invalid(option, typed, reason) }
            throw ArgumentRefusal.invalid(option, item, "it is the same function as '\(first)'; give each once")
        }
    }

    /// The same rule for the numbers `values` read from the list `typed` (0.1 and 0.10 are one value),
    /// the repeat quoted as typed: `invalid --rates '0.1,0.10': '0.1' is listed twice; give each once`.
    static func check(numbers values: [Double], option: String, typed: String) throws {
        var seen = Set<Double>()
        for v in values where !seen.insert(v).inserted {
            throw ArgumentRefusal.invalid(option, typed, "'\(TypedText.item(of: typed, v))' is listed twice; give each once")
        }
    }
}
