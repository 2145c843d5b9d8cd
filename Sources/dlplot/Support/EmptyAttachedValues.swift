/// `--dpi=` (an option with `=` and nothing after it): the parser took it for a missing value and used the
/// next argument instead, so `--dpi= -o x.png` said "The value '-o' is invalid for '--dpi'" and `--title= -o t.png`
/// titled the figure "-o" and read t.png as an activation. The typed value is the empty string: it is passed
/// as one, so the option's own check names it (`invalid --dpi ''`), and an empty --title is an empty title.
/// Flags (options without a value) are left alone: ArgumentParser takes `--log-y=` as the flag.
enum EmptyAttachedValues {
    /// Every flag of every command (a test checks this against each command's help).
    static let flags: Set<String> = [
        "--no-subtitle", "--log-y", "--no-zones", "--no-derivative", "--derivative-only", "--transparent", "--table",
        "--gradients", "--animate", "--loop", "--progress", "--arrows", "--streamlines", "--with-curves", "--log-x",
        "--nesterov", "--centered", "--amsgrad", "--decoupled-weight-decay", "--maximize", "--help", "--version",
    ]

    /// `arguments` with each `--name=` (not a flag) before a `--` split into `--name` and "".
    static func split(_ arguments: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(arguments.count)
        var k = 0
        while k < arguments.count {
            let a = arguments[k]
            if a == "--" { return out + arguments[k...] }
            if a.count > 3, a.hasPrefix("--"), a.hasSuffix("="), !flags.contains(String(a.dropLast())),
               a.dropFirst(2).dropLast().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
                out.append(String(a.dropLast()))
                out.append("")
            } else {
                out.append(a)
            }
            k += 1
        }
        return out
    }
}
