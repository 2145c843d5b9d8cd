import ArgumentParser
import Optim

/// Turns what the user typed where a function is expected into the function: a single identifier
/// is a built-in name (`gelu`, `rosenbrock`, `double_well`); anything else is a typed expression
/// (`x*sigmoid(beta*x)`, `x^2 - y^2`) with its parameters from `--param name=value`. A bad
/// expression is one ValidationError: the message, starting with the option as typed (`--surface: `,
/// or the command for a positional argument), then the expression with a caret under the offending
/// position.
enum FunctionArguments {
    /// The part of a default file name that names the function: a name as it is, a typed formula sanitised
    /// with a hash (`DefaultFileName`; a formula such as `1/(1+x^2)` would make a path through a directory).
    static func fileStem(_ text: String) -> String { DefaultFileName.stem(text) }

    /// Whether `text` is a single identifier (a name), not an expression.
    static func isName(_ text: String) -> Bool {
        // The variables alone are expressions (no built-in has these names): `dlplot activation x`
        // is the identity, where it was "unknown activation 'x'".
        // So are the constants: `dlplot eval activation pi` is the constant function π.
        if ["x", "y", "pi", "e"].contains(text) { return false }
        guard let first = text.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// The name a formula spells a lower-case Greek letter with (β → beta; λ → lam, as lambda is not
    /// a name the language takes), nil for anything else (and for π, the constant pi).
    static func greekName(_ letter: String) -> String? {
        let names = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lam", "mu", "nu", "xi",
                     "omicron", nil, "rho", nil, "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
        guard letter.unicodeScalars.count == 1, let v = letter.unicodeScalars.first?.value, (0x03B1...0x03C9).contains(v) else { return nil }
        return names[Int(v - 0x03B1)]
    }

    /// `--param name=value` and `name=v1,v2,v3` (a family: one function per value), in the order given.
    static func parameterFamilies(_ items: [String], option: String = "--param") throws -> [(name: String, values: [Double])] {
        var out: [(String, [Double])] = []
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ArgumentRefusal.invalid(option, item, "expected key=value (or key=v1,v2,v3 for a family), e.g. \(option) beta=0.5,1,2")
            }
            let name = String(parts[0])
            let isIdentifier = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } && !(name.first?.isNumber ?? true)
            guard isIdentifier else {
                // β is a letter, but not one a formula can spell: say which name is (and that it is drawn as β).
                let spelled = greekName(name).map { "; write \($0) (it is drawn as \(name))" } ?? ""
                throw ArgumentRefusal.invalid(option, item, "'\(name)' cannot name a parameter; use ASCII letters, digits and _, "
                                              + "starting with a letter" + spelled)
            }
            if ["pi", "e"].contains(name) {
                // As in Python, NumPy or SymPy, pi and e keep their meaning: a formula that uses them must not change silently.
                throw ArgumentRefusal.invalid(option, item, "'\(name)' is the constant \(name == "pi" ? "π = 3.14159…" : "e = 2.71828…") "
                                      + "in every expression and cannot be a parameter; choose another name")
            }
            if let meaning = MathExpression.reservedMeaning(of: name) {
                throw ArgumentRefusal.invalid(option, item, "the parameter name '\(name)' shadows \(meaning); choose another name")
            }
            let texts = parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let values = try texts.map { try parameterValue($0, item: item, option: option) }
            // b=1,1 drew the same curve twice under two identical legend entries.
            if let k = values.indices.first(where: { values[..<$0].contains(values[$0]) }), let j = values.firstIndex(of: values[k]) {
                let (first, again) = (texts[j].trimmingSpaces, texts[k].trimmingSpaces)
                throw ArgumentRefusal.invalid(option, item, first == again ? "the value \(again) is given twice"
                                              : "\(first) and \(again) are the same value; give each value once")
            }
            if out.contains(where: { $0.0 == name }) { throw ArgumentRefusal.invalid(option, item, "\(name) is given twice") }
            out.append((name, values))
        }
        return out
    }

    /// One value of a `--param`: a number (`0.5`, `1e-3`) or a constant expression (`pi/4`, `1/3`, `2*e`,
    /// `sqrt(2)`). A number too small for a double (`1e-400`, which reads as 0) or too large (`1e999`) is
    /// refused, as is an expression of x.
    static func parameterValue(_ typed: String, item: String, option: String) throws -> Double {
        let text = typed.trimmingSpaces
        // A decimal number by the one rule for typed numbers (DecimalNumber), as for --lr or Adam(lr=…).
        if NumberArguments.decimal(text) != nil { return try NumberArguments.finite(typed, option: option, in: item) }
        let constant = try? MathExpression(text, dimension: 1)
        guard let constant, constant.isConstant, constant.parameters.isEmpty else {
            throw ArgumentRefusal.invalid(option, item, "'\(typed)' is not a number; give a number such as 0.5, or a constant such as pi/4 or 1/3")
        }
        let v = constant.value(0)
        guard v.isFinite else { throw ArgumentRefusal.invalid(option, item, "'\(typed)' is not a finite number") }
        return v
    }

    /// The `--param` item that gave `name` a value, as typed (`beta=0.5,1`).
    static func typed(_ name: String, in items: [String]) -> String {
        items.last { $0.split(separator: "=", maxSplits: 1).first.map(String.init) == name } ?? name
    }

    /// Every combination of the families' values (the first family varies slowest); one empty
    /// assignment when there are none.
    static func assignments(_ families: [(name: String, values: [Double])]) -> [[String: Double]] {
        var out: [[String: Double]] = [[:]]
        for family in families {
            out = out.flatMap { partial in family.values.map { v in partial.merging([family.name: v]) { $1 } } }
        }
        return out
    }

    /// The names of `--param name=value` items as typed (`beta` of `beta=0.5,1`).
    static func parameterNames(_ params: [String]) -> [String] {
        params.compactMap { $0.split(separator: "=", maxSplits: 1).first.map { String($0).trimmingSpaces } }
    }

    /// A typed expression, or the ValidationError of a bad one (starting with `option`).
    /// `alias` is another name of x (`w` in `lr` and `pitfalls`, whose figures call the variable w).
    static func expression(_ text: String, dimension: Int, parameters: [String: Double], option: String?,
                           alias: String? = nil) throws -> MathExpression {
        let e: MathExpression
        do {
            e = try MathExpression(text, dimension: dimension, parameters: parameters, alias: alias)
        } catch {
            throw failure(option, error)
        }
        warnAboutBuiltInParameters(e)
        return e
    }

    /// `message` starting with the option that was given the bad value (`--surface: …`).
    static func failure(_ option: String?, _ message: String) -> ValidationError {
        ValidationError(option.map { "\($0): " + message } ?? message)
    }

    /// A bad expression's refusal: its one line (starting with `option`), then the expression and a
    /// caret under the offending position, which CommandLineErrors prints under the `Error:` line.
    static func failure(_ option: String?, _ error: ExpressionError) -> ValidationError {
        let line = failure(option, error.oneLine)
        return error.pointer.map { ValidationError(line.message + "\n" + $0) } ?? line
    }

    /// The message of an unknown built-in name, with a "did you mean" that the catalogue cannot
    /// give: a variable or constant typed in capitals (`X` → `x`), or a function of the expression
    /// language used as a name (`sin` → `sin(x)`).
    /// Said in the one form, `invalid activation 'nosuch': unknown activation 'nosuch'. Allowed: …`: an option
    /// (`--surface`) is named as such, a command's argument (`option` is the command) as what it names.
    /// A name of another catalogue (`himmelblau` as an activation) is told where it belongs; `expected` is the
    /// catalogue asked for (by default the activations in 1-D, the surfaces in 2-D).
    /// A word that is names side by side (`xy`, `sinx`, `pix`, `betax` with --param beta, `x2`) is read as the formula
    /// it spells (`MathExpression.juxtaposedReading`), the names of `parameters` among its pieces.
    static func unknownName(_ error: Error, text: String, dimension: Int, option: String?, expected: NameCatalogue? = nil,
                            parameters: [String] = []) -> ValidationError {
        let named = option.map { $0.hasPrefix("-") ? $0 : dimension == 2 ? "surface" : "activation" }
        func refused(_ reason: String) -> ValidationError { named.map { ArgumentRefusal.invalid($0, text, reason) } ?? ValidationError(reason) }
        // A name is echoed in at most 40 characters (a 100,000-character name was printed whole).
        let message = text.count <= 40 ? String(describing: error)
            : String(describing: error).replacing("'\(text)'", with: "'\(text.prefix(40))…' (\(text.count) characters)")
        let symbols = dimension == 2 ? ["x", "y", "pi", "e"] : ["x", "pi", "e"]
        let hint: String?
        if let symbol = symbols.first(where: { $0 == text.lowercased() }) {
            hint = symbol
        } else if dimension == 1, MathExpression.reservedMeaning(of: text)?.hasPrefix("the function") == true {
            hint = text + "(x)"
        } else if !message.contains("did you mean") {
            hint = MathExpression.juxtaposedReading(of: text, dimension: dimension, parameters: parameters,
                                                    alias: expected == .curve ? "w" : nil)
        } else {
            hint = nil
        }
        let catalogue = expected ?? (dimension == 2 ? .surface : .activation)
        guard let hint, let name = message.range(of: "'\(text)'"), let allowed = message.range(of: " Allowed: ") else {
            if let other = NameCatalogue.elsewhere(text, expected: catalogue, eval: option?.hasPrefix("eval ") == true) { return refused(other) }
            // Nothing close among the names: a formula may be what was meant. The example is a fixed one (the
            // unknown word was made its parameter: 'x*sigmoid(himmelblau*x)' with --param himmelblau=1).
            let example = catalogue == .curve ? "'x^4 - 2*x^2'" : dimension == 2 ? "'x^2 + 10*y^2'" : "'x*sigmoid(beta*x)' with --param beta=1"
            return refused(message + (message.contains("did you mean") ? "" : "; or type a formula, e.g. " + example))
        }
        return refused(message[..<name.upperBound] + "; did you mean '\(hint)'?" + message[allowed.lowerBound...])
    }

    /// The activations `texts` name or type, with `--param` values: built-ins take their PyTorch
    /// parameters, expressions their named parameters; a family (`beta=0.5,1,2`) gives one
    /// activation per value for every expression that uses it. Every --param must be used.
    static func activations(_ texts: [String], params: [String], option: String?) throws -> [Activation] {
        let families = try parameterFamilies(params)
        // A --param no text can take is named first (a typo 'bta' of 'beta' was reported as 'beta' having no value).
        try checkParameterNames(families, of: texts, params: params, whenAllParse: true)
        var used = Set<String>()
        var takers: [String: [String]] = [:]
        var out: [Activation] = []
        for text in texts {
            for f in families where (isName(text) ? (try? Activation.parameterSpecs(for: text))?.contains { $0.name == f.name }
                                        : (try? MathExpression.parameterNames(in: text))?.contains(f.name)) == true {
                takers[f.name, default: []].append(text)
            }
            if isName(text) {
                let specs: [ParameterSpec]
                do { specs = try Activation.parameterSpecs(for: text) } catch {
                    throw unknownName(error, text: text, dimension: 1, option: option, parameters: families.map(\.name))
                }
                let mine = families.filter { f in specs.contains { $0.name == f.name } }
                used.formUnion(mine.map(\.name))
                try ParameterDomainRefusal.check(mine, specs: specs, owner: text, params: params)
                for assignment in assignments(mine) {
                    do { out.append(try Activation(name: text, parameters: assignment)) } catch {
                        // A value out of its range came from a --param: name it as typed.
                        let given = mine.map { "--param '\(typed($0.name, in: params))'" }.joined(separator: " with ")
                        throw failure(option, (given.isEmpty ? "" : given + ": ") + String(describing: error))
                    }
                }
            } else {
                let wanted: [String]
                do { wanted = try MathExpression.parameterNames(in: text) } catch { throw failure(option, error) }
                let mine = families.filter { wanted.contains($0.name) }
                used.formUnion(mine.map(\.name))
                for assignment in assignments(mine) {
                    let e = try expression(text, dimension: 1, parameters: assignment, option: option)
                    do { out.append(try Activation(expression: e)) } catch { throw failure(option, String(describing: error)) }
                }
            }
        }
        try checkParameterNames(families.filter { !used.contains($0.name) }, of: texts, params: params, whenAllParse: false)
        noteSharedParameters(families, takers: takers)
        return out
    }

    /// Throws "invalid --param 'bta=2': 'bta' is not a parameter of …; did you mean 'beta'? Allowed: beta" (the item
    /// as typed, one of `params`) for the first family that no
    /// text takes. With `whenAllParse`, nothing is checked when a text does not parse (its own error comes first).
    static func checkParameterNames(_ families: [(name: String, values: [Double])], of texts: [String], params: [String],
                                    whenAllParse: Bool) throws {
        // The parameters that were possible, for "did you mean".
        var allowed: [String] = []
        for text in texts {
            if isName(text), let specs = try? Activation.parameterSpecs(for: text) {
                allowed += specs.map(\.name)
            } else if !isName(text), let names = try? MathExpression.parameterNames(in: text) {
                allowed += names
            } else if whenAllParse {
                return
            }
        }
        for f in families where !allowed.contains(f.name) {
            guard !allowed.isEmpty else {
                // `eval activation gelu --param foo=2`: "gelu has no parameters", not "Allowed: (none: no parameters)".
                let reason = "\(texts.joined(separator: ", ")) \(texts.count == 1 ? "has" : "have") no parameters"
                throw ArgumentRefusal.invalid("--param", typed(f.name, in: params), reason)
            }
            var reason = "'\(f.name)' is not a parameter of \(texts.joined(separator: ", "))"
            if let guess = closestName(to: f.name, in: allowed) { reason += "; did you mean '\(guess)'?" } else { reason += "." }
            reason += " Allowed: " + Array(Set(allowed)).sorted().joined(separator: ", ")
            throw ArgumentRefusal.invalid("--param", typed(f.name, in: params), reason)
        }
    }

    /// The surface `text` names or types (`x^2 - y^2`); for an expression the view is `view`
    /// (default [−3, 3]²) and the start `start` (default: the corner region where f is highest).
    /// With `analyse` false a typed surface is only evaluated (`eval surface`): no minima, view or start searched.
    static func surface(_ text: String, params: [String], option: String?, view: ViewBox? = nil, start: Point2? = nil,
                        analyse: Bool = true) throws -> Surface {
        if isName(text) {
            // An unknown name is said first: 'betax' with --param beta=1 is beta*x, not a surface that takes no --param.
            let named: Surface
            do { named = try Surface(named: text) } catch {
                throw unknownName(error, text: text, dimension: 2, option: option, parameters: parameterNames(params))
            }
            if let p = params.first { throw ArgumentRefusal.invalid("--param", p, "it applies to typed expressions, not the surface \(text)") }
            return named
        }
        let families = try parameterFamilies(params)
        if let f = families.first(where: { $0.values.count > 1 }) {
            throw ArgumentRefusal.invalid("--param", typed(f.name, in: params), "a surface takes one value per parameter, not a list")
        }
        let values = assignments(families).first ?? [:]
        let e = try expression(text, dimension: 2, parameters: values, option: option)
        for name in values.keys.sorted() where e.parameters[name] == nil {
            throw ArgumentRefusal.invalid("--param", typed(name, in: params), "\(name) is not a parameter of \(text)")
        }
        return analyse ? Surface(expression: e, view: view, start: start) : Surface(evaluating: e)
    }

    /// Refuses a start where a typed surface is undefined (sqrt(x) + y² at (−1, 1)): the run would
    /// "diverge at step 0", which tells a student the optimizer blew up.
    /// A default start on a surface undefined on its whole view (sqrt(−x² − y² − 1)) is refused as
    /// that: asking for another start could not be followed. `rangeOptions` says whether the command
    /// takes --xrange/--yrange (trace does not); `typedStart` is the --start text when one was given.
    static func checkDefined(_ s: Surface, at p: [Double], typedStart: String?, rangeOptions: Bool = true, option: String? = nil) throws {
        guard let e = s.expression, p.count == 2 else { return }
        let given = typedStart != nil
        // The option (or command) that took the expression starts a message about the expression itself.
        let lead = option.map { $0 + ": " } ?? ""
        let v = s.value(p[0], p[1])
        let at = "(\(TypedText.shortest(p[0])), \(TypedText.shortest(p[1])))"
        if v.isNaN, !given, undefinedEverywhere(s) {
            let b = s.viewBox
            let view = [b.xmin, b.xmax, b.ymin, b.ymax].map { TypedText.shortest($0) }
            throw ValidationError(lead + "'\(e.source)' is undefined (NaN) everywhere on the view \(view[0])…\(view[1]) × \(view[2])…\(view[3]); "
                                  + (rangeOptions ? "give another --xrange and --yrange" : "give a --start where it is defined"))
        }
        if v.isNaN {
            if let typedStart { throw ArgumentRefusal.invalid("--start", typedStart, "f is undefined (NaN) at the start \(at); give a start where it is defined") }
            throw ValidationError(lead + "f is undefined (NaN) at the default start \(at); give a --start where it is defined")
        }
        // A pole (1/(x² + y²) at the origin): no step can start from an infinite value.
        if v.isInfinite {
            // A pole is isolated: f is finite beside it. Infinite all around, f is a finite value too large for
            // float64 (a*x^2 + y^2 with --param a=1e308), which is not a pole.
            let h = max(1e-3, 1e-3 * max(abs(p[0]), abs(p[1])))
            let pole = [(h, 0.0), (-h, 0), (0, h), (0, -h)].contains { s.value(p[0] + $0.0, p[1] + $0.1).isFinite }
            let parameters = e.parameters.keys.sorted().map { "\($0) = \(TypedText.shortest(e.parameters[$0] ?? 0))" }
            let cause = pole ? "(a pole)" : "(f overflows float64 there and around it" + (parameters.isEmpty ? "" : "; with " + parameters.joined(separator: ", ")) + ")"
            let what = "f is \(v < 0 ? "−∞" : "∞") at the \(given ? "" : "default ")start \(at) " + cause
            if let typedStart { throw ArgumentRefusal.invalid("--start", typedStart, what + "; give a start where f is finite") }
            throw ValidationError(lead + what + "; give a --start where f is finite")
        }
    }

    /// Whether f is NaN at every point of a 41 × 41 grid over the surface's view.
    static func undefinedEverywhere(_ s: Surface) -> Bool {
        let b = s.viewBox, n = 40
        for j in 0...n {
            for i in 0...n where !s.value(b.xmin + (b.xmax - b.xmin) * Double(i) / Double(n),
                                          b.ymin + (b.ymax - b.ymin) * Double(j) / Double(n)).isNaN {
                return false
            }
        }
        return true
    }

    /// The loss curve `text` names or types (a function of x, or of w as its figures call the weight),
    /// with its `--param name=value` values (one value each; every one must be a parameter of the expression).
    static func curve(_ text: String, params: [String] = [], option: String? = "--function") throws -> Curve1D {
        if isName(text) {
            let named: Curve1D
            do { named = try Curve1D(named: text) } catch {
                throw unknownName(error, text: text, dimension: 1, option: option, expected: .curve, parameters: parameterNames(params))
            }
            if let p = params.first { throw ArgumentRefusal.invalid("--param", p, "it applies to typed expressions, not the curve \(text)") }
            return named
        }
        let families = try parameterFamilies(params)
        if let f = families.first(where: { $0.values.count > 1 }) {
            throw ArgumentRefusal.invalid("--param", typed(f.name, in: params), "a loss curve takes one value per parameter, not a list: "
                                         + "lr and pitfalls run gradient descent on one curve; activation and activations draw a family, one curve per value")
        }
        let values = assignments(families).first ?? [:]
        let e = try expression(text, dimension: 1, parameters: values, option: option, alias: "w")
        for name in values.keys.sorted() where e.parameters[name] == nil {
            throw ArgumentRefusal.invalid("--param", typed(name, in: params), "\(name) is not a parameter of \(text)")
        }
        do { return try Curve1D(expression: e) } catch { throw failure(option, String(describing: error)) }
    }

    /// Why gradient descent cannot start at w₀ = `w` (shown as `shown`) on `curve`, or nil: f undefined (NaN), f
    /// infinite at a pole or beyond float64's range (exp(x) at 800: every rate would seem to "diverge at step 1"),
    /// or f′ not finite there.
    static func startProblem(_ curve: Curve1D, at w: Double, shown: String) -> String? {
        let f = curve.value(w), d = curve.derivative(w)
        if f.isNaN { return "f is undefined (NaN) at w₀ = \(shown)" }
        if f.isInfinite {
            let h = 1e-9 * max(1, abs(w))
            let pole = [curve.value(w - h), curve.value(w + h)].contains { $0.isFinite && abs($0) < 1e300 }
            let sign = f > 0 ? "∞" : "−∞"
            return pole ? "f is \(sign) at w₀ = \(shown) (a pole)" : "f = \(sign) at w₀ = \(shown): beyond float64's range (1.8×10³⁰⁸)"
        }
        if !d.isFinite { return "f′ is \(d.isNaN ? "undefined (NaN)" : "infinite") at w₀ = \(shown)" }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
