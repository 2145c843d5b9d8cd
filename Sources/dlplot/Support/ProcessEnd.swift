import ArgumentParser
import Optim
import Platform

/// What the command line does before and after a command runs: naming a misspelt command, and making
/// sure standard output really was written.
enum ProcessEnd {
    /// Whether C's stdout (where `print` writes) has its error flag set. The stream is found through
    /// the dynamic linker: Swift 6 does not allow reading the C global `stdout` directly.
    static func standardOutputFailed() -> Bool {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        guard let symbol = dlsym(handle, "stdout"),
              let stream = symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee else { return false }
        return ferror(stream) != 0
    }

    /// The most arguments a command line may have: parsing costs grow with the square of their number
    /// (5,000 names took 25 s before any could be refused), and no figure needs more.
    static let maxArguments = 1000

    /// "5001 arguments is too many" when the command line is longer than `maxArguments`; nil otherwise.
    /// The advice suits the command: `activation` takes its names as arguments and draws at most 12, so
    /// a comma-separated list (which it refuses) is no way out there.
    static func tooManyArgumentsMessage(_ arguments: [String]) -> String? {
        guard arguments.count > maxArguments else { return nil }
        let advice = arguments.first == DLPlot.ActivationCommand.configuration.commandName
            ? "activation draws at most \(DLPlot.ActivationCommand.maxCurves) activations in one figure; "
                + "dlplot activations --names a,b,… draws up to 48 as a grid"
            : "give long lists as one comma-separated value, e.g. --levels 0.1,1,10"
        return "\(arguments.count) arguments is too many; dlplot takes at most \(maxArguments) (\(advice))"
    }

    /// The command the leading arguments name (`eval activation` → `EvalActivation`) and the
    /// arguments after its name.
    static func commandPath(_ arguments: [String]) -> (command: ParsableCommand.Type, names: [String], rest: ArraySlice<String>) {
        var command: ParsableCommand.Type = DLPlot.self
        var names = ["dlplot"]
        var rest = arguments[...]
        while let next = rest.first, let sub = command.configuration.subcommands.first(where: { $0._commandName == next }) {
            command = sub
            names.append(next)
            rest = rest.dropFirst()
        }
        return (command, names, rest)
    }

    /// "'activaton' is not a dlplot command; did you mean 'activation'?" when an argument where a
    /// command name belongs (the first, or the one after `eval`) is none; nil otherwise (options,
    /// help, known commands).
    static func unknownCommandMessage(_ arguments: [String]) -> String? {
        let (command, path, rest) = commandPath(arguments)
        let names = command.configuration.subcommands.map { $0._commandName }
        guard !names.isEmpty, let first = rest.first, !first.hasPrefix("-"), first != "help" else { return nil }
        var message = "'\(first)' is not a \(path.joined(separator: " ")) command"
        if let near = closestName(to: first, in: names) { message += "; did you mean '\(near)'?" }
        return message + " (commands: " + names.joined(separator: ", ") + ")"
    }

    /// The commands that take their names in a list option, not as arguments as `activation` does.
    static let listOptions = ["activations": "--names", "vanishing": "--activations"]

    /// "activations takes its names in --names: give --names relu,gelu" for `dlplot activations relu,gelu` (it was
    /// "Unexpected argument 'relu,gelu'"); nil otherwise.
    static func positionalListMessage(_ arguments: [String]) -> String? {
        let (_, path, rest) = commandPath(arguments)
        guard path.count == 2, let option = listOptions[path[1]], let first = rest.first, !first.hasPrefix("-") else { return nil }
        let names = rest.prefix { !$0.hasPrefix("-") }.joined(separator: ",")
        return "\(path[1]) takes its names in \(option), not as arguments: give \(option) \(names)"
    }

    /// "Unknown option '--color'. Did you mean '--colors'?" for the first long option the command does
    /// not have; nil when every one is known. Asked only when parsing failed: a command with a list of
    /// names would otherwise take the value after an unknown option (`--color red`) as a name and blame it.
    /// The command's options are read from its help text, which lists every one.
    static func unknownOptionMessage(_ arguments: [String]) -> String? {
        let (command, _, rest) = commandPath(arguments)
        guard command != DLPlot.self else { return nil }
        let help = command.helpMessage(columns: 10_000)
        var known = Set<String>()
        var scanner = help[...]
        while let r = scanner.range(of: "--") {
            let name = scanner[r.lowerBound...].prefix { $0 == "-" || $0.isLetter || $0.isNumber }
            known.insert(String(name))
            scanner = scanner[r.upperBound...]
        }
        for argument in rest {
            if argument == "--" { break }
            guard argument.hasPrefix("--"), !looksLikeFormula(argument) else { continue }
            let name = String(argument.prefix { $0 != "=" })
            guard !known.contains(name) else { continue }
            var message = "Unknown option '\(name)'"
            // `--` ends the options; it is never the option meant.
            if let near = closestName(to: name, in: Array(known.subtracting(["--"]))) { message += ". Did you mean '\(near)'?" }
            return message
        }
        return nil
    }

    /// Whether an argument starting with `--` reads as a formula, not an option: `---x`, `--(x)`, `--x^2`,
    /// and `--x`, `--y`, `--e`, `--pi` (a variable or constant negated twice; `activation '--x'` was
    /// "Unknown option '--x'. Did you mean '--'?"). (Only the part before any `=` counts: `--titel=f(x)` is
    /// a misspelt option.) A command that has such an option (`eval activation --x`) takes it as one.
    static func looksLikeFormula(_ argument: String) -> Bool {
        let name = argument.prefix { $0 != "=" }
        return name.hasPrefix("--") && name.count > 2
            && ((name.dropFirst(2).first.map { !$0.isLetter } ?? false) || name.contains { "^*/+()".contains($0) }
                || ["x", "y", "e", "pi"].contains(name.dropFirst(2)))
    }

    /// "'-x^2' starts with '-', so it reads as an option; …" for the first argument that starts with one
    /// dash, is neither an option of the command nor a number, and is not the value of the option before
    /// it: an expression such as `-x^2` typed where a name is expected. The hint says how to give it:
    /// after `--` as the command's argument, or `--option=VALUE`. Asked only when parsing failed.
    static func dashArgumentMessage(_ arguments: [String]) -> String? {
        var command: ParsableCommand.Type = DLPlot.self
        var path = ["dlplot"]
        var rest = arguments[...]
        while let next = rest.first, let sub = command.configuration.subcommands.first(where: { $0._commandName == next }) {
            command = sub
            path.append(next)
            rest = rest.dropFirst()
        }
        guard command != DLPlot.self else { return nil }
        let words = command.helpMessage(columns: 10_000).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," })
        let shortOptions = Set(words.filter { $0.count == 2 && $0.first == "-" && $0.last?.isLetter == true }.map(String.init))
        let valued = Set(zip(words, words.dropFirst()).filter { $0.0.hasPrefix("-") && $0.1.hasPrefix("<") }.map { String($0.0) })
        var previous: String?
        for argument in rest {
            if argument == "--" { break }
            defer { previous = argument }
            if let previous, valued.contains(previous) { continue }
            // `-o=` is -o with '=' glued on (an empty value), not a formula.
            if !argument.hasPrefix("--"), let eq = argument.firstIndex(of: "="), shortOptions.contains(String(argument[..<eq])) {
                let option = String(argument[..<eq]), value = argument[argument.index(after: eq)...]
                return "\(option): '\(argument)' " + (value.isEmpty ? "gives no value" : "glues '=' to the value")
                    + "; a short option takes its value after a space: \(option) " + (value.isEmpty ? "VALUE" : String(value))
            }
            // `---x` or `--x^2` is no option of any command: a formula of negations (it was "Unknown option '---x'").
            let formulaWithDashes = looksLikeFormula(argument) && !words.contains { $0 == argument.prefix { $0 != "=" } }
            guard argument.hasPrefix("-"), !argument.hasPrefix("--") || formulaWithDashes, argument.count > 1,
                  !shortOptions.contains(argument) else { continue }
            let number = argument.prefix { $0 != "," && $0 != ":" }
            if Double(number) != nil { continue }
            // `-o` on a command without it is an unknown option, not a formula (`-x` and `-y` are both).
            if argument.dropFirst().allSatisfy(\.isLetter), !["-x", "-y"].contains(argument) { continue }
            return "'\(argument)' starts with '-', so it reads as an option; give an expression that starts "
                + "with '-' after --, as the last argument: \(path.joined(separator: " ")) … -- '\(argument)'"
        }
        return nil
    }

    /// "'-o' comes after --, so it is read as a function, not an option; …" when an option of the
    /// command follows `--` (`activation -- '-x^2' -o f.png` took -o as an expression and blamed a
    /// parameter 'o'). Asked only when parsing failed.
    static func optionAfterDashDashMessage(_ arguments: [String]) -> String? {
        guard let dashes = arguments.firstIndex(of: "--") else { return nil }
        var command: ParsableCommand.Type = DLPlot.self
        var path = ["dlplot"]
        var rest = arguments[..<dashes]
        while let next = rest.first, let sub = command.configuration.subcommands.first(where: { $0._commandName == next }) {
            command = sub
            path.append(next)
            rest = rest.dropFirst()
        }
        guard command != DLPlot.self else { return nil }
        let words = Set(command.helpMessage(columns: 10_000)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).map(String.init).filter { $0.hasPrefix("-") })
        let after = arguments[(dashes + 1)...]
        guard let option = after.first(where: { words.contains(String($0.prefix { $0 != "=" })) }) else { return nil }
        let others = after.filter { $0 != option }
        // `eval activation --x 1 -- '--x'`: the formula −(−x) is spelt as an option of the command, which is
        // read as that option even after -- (the message said to put options before -- and showed '').
        if others.isEmpty, looksLikeFormula(option) {
            return "'\(option)' after -- is still read as the option \(option) of \(path.joined(separator: " ")); "
                + "write the formula another way, e.g. '-(\(option.dropFirst()))'"
        }
        return "'\(option)' comes after --, so it is read as a function, not an option; put options before --, "
            + "as in: \(path.joined(separator: " ")) \(option) … -- '\(others.first ?? "")'"
    }

    /// The errno values a failed write(2) of standard output can leave: a full disk or quota, a file-size
    /// limit, an I/O error, a closed pipe or descriptor, a read-only file system.
    static let writeErrors: Set<Int32> = [ENOSPC, EDQUOT, EFBIG, EIO, EPIPE, EBADF, EROFS]

    /// Flushes standard output; when that or any earlier write failed (a full disk, a closed stdout),
    /// prints "cannot write standard output" and exits with status 1, so a cut-off table never passes
    /// for a complete one.
    static func checkStandardOutput() {
        // A write that failed earlier (a long table printed in pieces) left its cause in errno; it is kept
        // when it is a cause a write can have, so a full disk says "no space left on device" however much
        // was printed (it said "write error" once the buffer had been written out).
        let earlier = errno
        errno = 0
        if fflush(nil) != 0 || standardOutputFailed() {
            let cause = errno != 0 ? errno : writeErrors.contains(earlier) ? earlier : 0
            let reason = cause != 0 ? strerror(cause).map { String(cString: $0).lowercased() } ?? "error \(cause)" : "write error"
            writeStandardError("Error: cannot write standard output: \(reason)\n")
            exit(1)
        }
    }
}
