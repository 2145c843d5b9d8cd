/// An output option given twice: the parser keeps the last value, so `-o a.png -o b.svg` wrote b.svg alone and
/// `--data a.csv --data b.csv` dropped a.csv, silently. Refused instead (exit 64), naming both values as typed.
enum RepeatedOutputs {
    /// The output options, each with its spellings.
    static let options: [(name: String, spellings: [String])] = [
        ("-o", ["-o", "--output"]), ("--data", ["--data"]), ("--layout-report", ["--layout-report"]), ("--frames-dir", ["--frames-dir"]),
    ]

    /// "-o is given twice ('a.png', 'b.svg'); give it once" for the first output option given more than once; nil otherwise.
    static func message(_ arguments: [String]) -> String? {
        var values: [String: [String]] = [:]
        var k = 0
        while k < arguments.count, arguments[k] != "--" {
            let argument = arguments[k]
            k += 1
            for (name, spellings) in options {
                if spellings.contains(argument) {
                    values[name, default: []].append(k < arguments.count ? arguments[k] : "")
                    k += 1
                } else if let s = spellings.first(where: { argument.hasPrefix($0 + "=") }) {
                    values[name, default: []].append(String(argument.dropFirst(s.count + 1)))
                }
            }
        }
        for (name, _) in options {
            guard let given = values[name], given.count > 1 else { continue }
            return "\(name) is given \(given.count) times (" + given.map { "'\($0)'" }.joined(separator: ", ")
                + "); a command writes one such file: give it once"
        }
        return nil
    }
}
