/// The arguments of one schedule call bound to torch's keywords (positional ones by signature
/// order), with typed getters that name the class and keyword in every error.
struct ScheduleArguments {
    let className: String
    let keywords: [String]
    private var values: [String: TorchCall.Value] = [:]

    init(call: TorchCall, keywords: [String]) throws {
        className = call.name
        self.keywords = keywords
        var sawKeyword = false
        for (i, argument) in call.arguments.enumerated() {
            let key: String
            if let k = argument.keyword {
                sawKeyword = true
                key = k
            } else {
                guard !sawKeyword, i < keywords.count else {
                    throw OptimError("\(className): positional argument \(argument.value) is not allowed here; "
                        + "write keyword=value with one of: " + keywords.joined(separator: ", "))
                }
                key = keywords[i]
            }
            guard keywords.contains(key) else {
                var message = "\(className) has no keyword '\(key)'"
                if let guess = closestName(to: key, in: keywords) { message += "; did you mean '\(guess)'?" }
                throw OptimError(message + (message.hasSuffix("?") ? "" : ".") + " Allowed: " + keywords.joined(separator: ", "))
            }
            guard values[key] == nil else { throw OptimError("\(className): \(key) is given twice") }
            values[key] = argument.value
        }
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    func isNone(_ key: String) -> Bool {
        if case .none? = values[key] { return true }
        return values[key] == nil
    }

    private func missing(_ key: String) -> OptimError {
        OptimError("\(className) needs \(key) (its keywords: \(keywords.joined(separator: ", ")))")
    }

    func check(_ ok: Bool, _ key: String, _ range: String) throws {
        guard ok else {
            throw OptimError("\(className): \(key) = \(values[key]?.description ?? "(default)") is not allowed; expected \(range)")
        }
    }

    func number(_ key: String, _ defaultValue: Double? = nil) throws -> Double {
        guard let v = values[key] else {
            if let defaultValue { return defaultValue }
            throw missing(key)
        }
        guard case .number(let x, _) = v else { throw OptimError("\(className): \(key) = \(v) is not allowed; expected a number") }
        return x
    }

    func int(_ key: String, _ defaultValue: Int? = nil, min: Int) throws -> Int {
        guard let v = values[key] else {
            if let defaultValue { return defaultValue }
            throw missing(key)
        }
        guard case .number(let x, _) = v, x.rounded() == x, x >= Double(min), x <= 1e9 else {
            throw OptimError("\(className): \(key) = \(v) is not allowed; expected a whole number >= \(min)")
        }
        return Int(x)
    }

    func ints(_ key: String) throws -> [Int] {
        guard let v = values[key] else { throw missing(key) }
        guard case .sequence(let items) = v else {
            throw OptimError("\(className): \(key) = \(v) is not allowed; expected a list such as [10, 20]")
        }
        return try items.map { item in
            guard case .number(let x, _) = item, x.rounded() == x, x >= 0, x <= 1e9 else {
                throw OptimError("\(className): \(key) = \(v) is not allowed; expected whole numbers >= 0")
            }
            return Int(x)
        }
    }

    func sequence(_ key: String) throws -> [TorchCall.Value] {
        guard let v = values[key] else { throw missing(key) }
        guard case .sequence(let items) = v else {
            throw OptimError("\(className): \(key) = \(v) is not allowed; expected a list [...]")
        }
        return items
    }

    func flag(_ key: String, _ defaultValue: Bool) throws -> Bool {
        guard let v = values[key] else { return defaultValue }
        guard case .bool(let b) = v else { throw OptimError("\(className): \(key) = \(v) is not allowed; expected True or False") }
        return b
    }

    func choice(_ key: String, _ allowed: [String], _ defaultValue: String) throws -> String {
        guard let v = values[key] else { return defaultValue }
        guard case .string(let s) = v, allowed.contains(s) else {
            throw OptimError("\(className): \(key) = \(v) is not allowed; expected one of " + allowed.map { "'\($0)'" }.joined(separator: ", "))
        }
        return s
    }
}
