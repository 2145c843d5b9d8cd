import ArgumentParser
import Optim

/// How many curves (or panels) activation names and formulas make with their `--param` lists, and the
/// refusal when they are too many: each list --param quoted as typed, and the count's arithmetic.
enum ParameterFamilyCount {
    /// The names of the `families` that `text` (a built-in name or a formula) takes.
    static func taken(by text: String, of families: [(name: String, values: [Double])]) -> [(name: String, values: [Double])] {
        let names: [String]
        if FunctionArguments.isName(text) {
            names = ((try? Activation.parameterSpecs(for: text)) ?? []).map(\.name)
        } else {
            names = (try? MathExpression.parameterNames(in: text)) ?? []
        }
        return families.filter { names.contains($0.name) }
    }

    /// `invalid --param 'b=1,2,3,4,5,6,7' and --param 'a=1,2,3,4,5,6': 13 curves (7 for 'x*sigmoid(b*x)' +
    /// 6 for 'tanh(a*x)') are too many for one figure; give at most 12`. A text makes one curve per
    /// combination of the values of the lists it takes (`4 × 3 = 12 for 'a*tanh(b*x)'`), a text without a
    /// list one; `noun` is what each is ("curves", "panels").
    static func refusal(_ texts: [String], params: [String], count: Int, limit: Int, noun: String) -> ValidationError {
        let families = (try? FunctionArguments.parameterFamilies(params)) ?? []
        let lists = families.filter { $0.values.count > 1 }
        let quoted = lists.map { "--param '\(CommandLineErrors.shown(FunctionArguments.typed($0.name, in: params), limit: 100))'" }
        let options = quoted.count <= 1 ? quoted.joined() : quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
        let arithmetic: String
        if texts.count == 1, let text = texts.first, let only = taken(by: text, of: lists).first, taken(by: text, of: lists).count == 1 {
            arithmetic = ", one per value of \(only.name),"
        } else {
            let parts = texts.map { text -> String in
                let mine = taken(by: text, of: lists)
                let n = mine.reduce(1) { $0 * $1.values.count }
                let factors = mine.count > 1 ? mine.map { String($0.values.count) }.joined(separator: " × ") + " = " : ""
                return factors + "\(n) for '\(CommandLineErrors.shown(text, limit: 40))'"
            }
            arithmetic = " (" + parts.joined(separator: " + ") + ")"
        }
        let subject = options.isEmpty ? "invalid --param" : "invalid " + options
        return ValidationError(subject + ": \(count) \(noun)\(arithmetic) are too many for one figure; give at most \(limit)")
    }
}
