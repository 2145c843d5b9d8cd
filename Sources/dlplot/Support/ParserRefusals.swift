import ArgumentParser

/// ArgumentParser's own refusals of a value, in the one form of every other refusal
/// (`invalid --steps '0': expected 1 to 100000`): a word that is not one of an option's choices, and a
/// whole number too large (or too small) for the option's integer type, whose range the command's own check
/// states.
enum ParserRefusals {
    /// The message for ArgumentParser's `message` (made one line) about `arguments`, or nil when it is none
    /// of the refusals worded here.
    static func reworded(_ message: String, arguments: [String]) -> String? {
        if let choice = choiceRefusal(message) { return choice }
        if let space = spaceRefusal(message) { return space }
        if let range = rangeRefusal(message, arguments: arguments) { return range }
        return CommandLineErrors.numberRefusal(message)
    }

    /// "The value 'yaml' is invalid for '--format <csv|json>'. Please provide one of 'csv' and 'json'." →
    /// "invalid --format 'yaml': expected csv or json" (also for a list of six or more, which ArgumentParser
    /// gives as bullets).
    static func choiceRefusal(_ message: String) -> String? {
        guard let m = message.wholeMatch(of: /The value '(.*)' is invalid for '(-[-A-Za-z0-9]+)(?: <[^>]*>)?'\. Please provide one of (.*?)\.?/)
        else { return nil }
        let list = String(m.3)
        var choices: [String]
        if list.hasPrefix("the following:") {
            choices = list.dropFirst("the following:".count).split(separator: " - ").map { $0.trimmingCharacters(in: .whitespaces) }
            if let first = choices.first, first.hasPrefix("- ") { choices[0] = String(first.dropFirst(2)) }
        } else {
            choices = list.matches(of: /'([^']*)'/).map { String($0.1) }
        }
        choices = choices.filter { !$0.isEmpty }
        guard let last = choices.last else { return nil }
        let expected = choices.count == 1 ? last : choices.dropLast().joined(separator: ", ") + " or " + last
        return ArgumentRefusal.message(String(m.2), String(m.1), "expected " + expected)
    }

    /// A whole number typed with a space in it (`--steps ' 10'`) was refused for its range ("expected 1 to
    /// 10000000"), which 10 is in: the space is the cause, and is said.
    static func spaceRefusal(_ message: String) -> String? {
        guard let m = message.wholeMatch(of: /The value '(.*)' is invalid for '(-[-A-Za-z0-9]+) <[^>]*>'\.?/) else { return nil }
        let value = String(m.1)
        let bare = value.filter { !$0.isWhitespace }
        guard bare.count < value.count, !bare.isEmpty, Int(bare) != nil else { return nil }
        return ArgumentRefusal.message(String(m.2), value, "a whole number has no spaces; give \(bare)")
    }

    /// A whole number that does not fit the option's integer type (`--steps 99999999999999999999999`,
    /// `--seed 18446744073709551616`) was "expected a whole number", which it is. The command line is
    /// parsed again with the type's largest (or smallest) value in its place: the command's own range check
    /// then says what fits (`expected 1 to 100000`), or, when it takes that value, the type's range is it.
    static func rangeRefusal(_ message: String, arguments: [String]) -> String? {
        guard let m = message.wholeMatch(of: /The value '(.*)' is invalid for '(-[-A-Za-z0-9]+) <[^>]*>'\.?/) else { return nil }
        let (value, option) = (String(m.1), String(m.2))
        let digits = value.trimmingCharacters(in: .whitespaces)
        let negative = digits.hasPrefix("-")
        let body = negative || digits.hasPrefix("+") ? digits.dropFirst() : digits[...]
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var accepted: String?
        for probe in negative ? [String(Int.min)] : [String(Int.max), String(UInt64.max)] {
            guard let swapped = replacing(option, value: value, with: probe, in: arguments) else { return nil }
            do {
                _ = try DLPlot.parseAsRoot(swapped)
                accepted = probe
            } catch {
                let said = CommandLineErrors.oneLine(DLPlot.message(for: error))
                let prefix = ArgumentRefusal.message(option, probe, "")
                if said.hasPrefix(prefix) { return ArgumentRefusal.message(option, value, String(said.dropFirst(prefix.count))) }
                // The type does not take the probe either (UInt64.max for an Int): the last one taken is its limit.
                if said.hasPrefix("The value '\(probe)' is invalid for '\(option) ") { break }
                return nil
            }
        }
        guard let accepted else { return nil }
        if negative { return ArgumentRefusal.message(option, value, "expected a whole number >= \(accepted)") }
        let low = accepted == String(UInt64.max) ? "0" : String(Int.min)
        return ArgumentRefusal.message(option, value, "expected a whole number from \(low) to \(accepted)")
    }

    /// `arguments` with the value `value` of `option` (`--steps 5` or `--steps=5`) replaced by `probe`; nil
    /// when it is not found there.
    static func replacing(_ option: String, value: String, with probe: String, in arguments: [String]) -> [String]? {
        var out = arguments
        for i in out.indices {
            if out[i] == option, i + 1 < out.count, out[i + 1] == value {
                out[i + 1] = probe
                return out
            }
            if out[i] == option + "=" + value {
                out[i] = option + "=" + probe
                return out
            }
        }
        return nil
    }
}
