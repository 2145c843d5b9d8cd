/// A value option given twice: the parser keeps the last value, so `--optimizers gd --optimizers adam` ran adam
/// alone and `--lr 0.1 --lr 0.2` ran with 0.2, silently. Refused instead (exit 64), naming the option and both
/// values as typed — except the options documented as repeatable (`--opt`, `--param`, `--path`, `runs --y`, …).
/// Flags (`--log-y` twice) are harmless and left alone; output options have their own message (`RepeatedOutputs`).
enum RepeatedOptions {
    /// The options that take one value each time and may be given several times (arrays in the commands).
    static let repeatable: Set<String> = ["--opt", "--param", "--path", "--path-label", "--label", "--best", "--only"]
    /// Repeatable in one command only: `runs --y` names several metrics; `stability --y` is one setting.
    static let repeatableIn: [String: Set<String>] = ["runs": ["--y"]]

    /// The options whose one value is a comma-separated list: the refusal shows the list that gives both.
    static let lists: Set<String> = ["--x", "--points", "--logits", "--temperature", "--classes", "--probabilities", "--rates",
                                     "--starts", "--levels", "--names", "--activations", "--colors"]

    /// "--optimizers is given 2 times ('gd', 'adam'); give it once" for the first value option given more than
    /// once (before a `--`); nil otherwise.
    static func message(_ arguments: [String]) -> String? {
        let command = arguments.first ?? ""
        guard command != "help" else { return nil }
        let allowed = repeatable.union(repeatableIn[command] ?? [])
        var values: [(name: String, given: [String])] = []
        var k = 0
        while k < arguments.count, arguments[k] != "--" {
            let argument = arguments[k]
            k += 1
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let name: String, value: String
            if let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                value = String(argument[argument.index(after: eq)...])
            } else {
                name = argument
                guard !EmptyAttachedValues.flags.contains(name) else { continue }
                value = k < arguments.count ? arguments[k] : ""
                k += 1
            }
            guard !EmptyAttachedValues.flags.contains(name), !allowed.contains(name),
                  !RepeatedOutputs.options.contains(where: { $0.spellings.contains(name) }) else { continue }
            if let i = values.firstIndex(where: { $0.name == name }) { values[i].given.append(value) } else { values.append((name, [value])) }
        }
        guard let (name, given) = values.first(where: { $0.given.count > 1 }) else { return nil }
        // `eval activation --x 1 '--x'`: the formula −(−x), typed last, is spelt as the option (it said "('1', '')").
        if arguments.prefix(while: { $0 != "--" }).last == name, ProcessEnd.looksLikeFormula(name) {
            let path = ["dlplot"] + arguments.prefix { !$0.hasPrefix("-") }
            return "'\(name)' is read as the option \(name) of \(path.joined(separator: " ")); "
                + "write the formula another way, e.g. '-(\(name.dropFirst()))'"
        }
        let joined = given.joined(separator: ",")
        // `--levels 5` is a count and `--levels 5,6` two levels: joining counts would change their meaning.
        let countForm = name == "--levels" && given.contains { Int($0) != nil }
        let hint = name == "--optimizers" ? " (several optimizers go in one list: --optimizers " + joined + ")"
            : lists.contains(name) && !countForm && !given.contains(where: \.isEmpty) ? " (e.g. \(name) \(joined))" : ""
        return "\(name) is given \(given.count) times (" + given.map { "'\($0)'" }.joined(separator: ", ") + "); give it once" + hint
    }
}
