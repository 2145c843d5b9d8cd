/// The file a figure command writes when `-o` is not given. The rule (README "Output", `-o`'s help):
/// the command and its subject (`softmax`, `surface-himmelblau`, a typed formula's letters and hash; see
/// `DefaultFileName`), then, when the command line has options that change the figure, `-` and six hexadecimal
/// digits of a hash of the arguments as typed. So the same command line always names the same file (and replaces
/// it: the same figure, since output is deterministic), two command lines that draw different figures never name
/// the same file, and the name holds only letters, digits, `.`, `_` and `-`, so it needs no quoting in a shell.
enum DefaultOutputName {
    /// Options that choose where or how the files are written, not what the figure shows, with whether each
    /// takes a value: they are not part of the hash (`--format svg` changes the extension only).
    static let outputOnly: [String: Bool] = [
        "-o": true, "--output": true, "--data": true, "--layout-report": true, "--format": true, "--jobs": true,
        "--frames-dir": true, "--frame-format": true, "--progress": false,
    ]

    /// The name (without extension) for `stem`, a command's `defaultFileName`, and `arguments`, the command
    /// line after the command's name. The options in `named` (`--param`, and those `stem` spells, such as
    /// `lr --function`) add no hash by themselves: the stem already tells their values apart.
    static func name(stem: String, arguments: [String], named: Set<String> = ["--param"]) -> String {
        var kept: [String] = [], changesFigure = false, skipValue = false
        for a in arguments {
            if skipValue { skipValue = false; continue }
            let option = a.hasPrefix("--") ? String(a.prefix { $0 != "=" }) : a
            if let takesValue = outputOnly[option] { skipValue = takesValue && !a.contains("="); continue }
            if a.hasPrefix("-o"), a.count > 2 { continue }  // -oNAME
            kept.append(a)
            if isOption(a), !named.contains(option) { changesFigure = true }
        }
        let safe = shellSafe(stem)
        return changesFigure ? safe + "-" + DefaultFileName.hash(kept.joined(separator: "\u{0}")) : safe
    }

    /// Whether `argument` is an option (`--steps`, `--lr=0.1`, `-h`) rather than a value (`-1`, `-x^2` is taken
    /// as one too, which only adds a hash).
    static func isOption(_ argument: String) -> Bool {
        let c = Array(argument.prefix(3))
        if c.count >= 3, c[0] == "-", c[1] == "-" { return c[2].isLetter }
        return c.count >= 2 && c[0] == "-" && c[1].isLetter
    }

    /// `text` with every run of characters other than ASCII letters, digits, `.`, `_` and `-` written `_`, no `_`
    /// beside a `-`, and no leading `.` or `-` (`steps-SGD(lr=0.4)-ellipse` → `steps-SGD_lr_0.4-ellipse`).
    static func shellSafe(_ text: String) -> String {
        var out = ""
        for c in text {
            if c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "_" || c == "-") {
                if c == "-", out.last == "_" { out.removeLast() }
                if c == "_", out.last == "-" { continue }
                out.append(c)
            } else if out.last != "_" && out.last != "-" {
                out.append("_")
            }
        }
        while out.first == "." || out.first == "-" || out.first == "_" { out.removeFirst() }
        while out.last == "_" { out.removeLast() }
        return out.isEmpty ? "figure" : out
    }
}

extension FigureCommand {
    /// The file name (without extension) used when `-o` is not given: see `DefaultOutputName`.
    var chosenFileName: String {
        DefaultOutputName.name(stem: defaultFileName, arguments: Array(CommandLine.arguments.dropFirst(2)), named: optionsInFileName)
    }

    var optionsInFileName: Set<String> { ["--param"] }

    /// "wrote NAME", with " (replaced the existing file)" when `existed`: said when the name was chosen here.
    static func wroteChosen(_ written: [String], existed: Bool) -> String {
        "wrote " + list(written) + (existed ? " (replaced the existing file of that name)" : "") + "\n"
    }
}
