import ArgumentParser
import Foundation
import Platform
import Viz

/// Options every figure command shares: where to write, size, resolution, theme, text scale, title, data.
struct FigureOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], parsing: .unconditional, help: ArgumentHelp(
        "The file to write; its extension (.png, .svg, .pdf) picks the format unless --format is given. Without it, "
            + "a name from the command and its function (a typed formula's own: activation-x_sigmoid_beta_x-f68a12.png) and, "
            + "when other options change the figure, a hash of the command line (softmax --logits 3,1,0.2: softmax-9c569d.png): the same command line "
            + "always writes the same file, different ones never do; the name is said on standard error.",
        valueName: "file"), completion: .figureFiles)
    var output: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Output format: png, svg or pdf (default: from the file extension).", valueName: "format"), completion: .figureFormats)
    var format: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Figure size: pixels as WxH (e.g. 1280x720), or with a unit: 8x4.5in, 20x12cm, 576x324pt. (default: 1280x720; larger for some figures, see their discussion)",
        valueName: "WxH"))
    var size: String?

    /// The size used when `--size` is not given.
    static let standardSize = "1280x720"

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Raster resolution in pixels per inch; also sets how big text is in pixels. (default: 160 for sizes with a unit; for a pixel size, 160 scaled with the page, so 3840x2160 looks like 1280x720 with three times the detail)",
        valueName: "dpi"),
            transform: NumberArguments.finiteTransform(option: "--dpi"))
    var dpi: Double?

    /// The resolution of the default figure (1280×720 pixels is 8×4.5 in).
    static let standardDPI = 160.0
    /// The least resolution a pixel size without `--dpi` is drawn at (see `resolution(defaultSize:)`).
    static let smallestAutomaticDPI = 96.0

    @Option(parsing: .unconditional, help: ArgumentHelp("Colour theme: light (documents, light slides), dark (dark slides), print (greyscale-safe).", valueName: "name"), completion: .themeNames)
    var theme: String = "light"

    @Option(name: .customLong("font-scale"), parsing: .unconditional, help: ArgumentHelp("Multiplies every font size (1.3 for the back of a lecture hall). (default: 1)", valueName: "factor"),
            transform: NumberArguments.finiteTransform(option: "--font-scale"))
    var fontScale: Double = 1

    @Option(parsing: .unconditional, help: ArgumentHelp("Replaces the figure title; math between $…$ (e.g. '$\\sigma(x)$').", valueName: "text"))
    var title: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "An installed font family for all text, e.g. 'Latin Modern Roman' or 'Latin Modern Sans' (Debian: fonts-lmodern) to match a LaTeX document (default: DejaVu Sans).",
        valueName: "family"))
    var font: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Also writes the numbers behind the figure as tidy CSV to this file; a figure with several tables also writes NAME-2.csv, NAME-3.csv, … beside it (all or none, every name said on standard error); - writes a figure's one table to standard output.", valueName: "file.csv"), completion: .csvFiles)
    var data: String?

    @Flag(help: "Leave the background transparent.")
    var transparent = false

    @OptionGroup(title: "Layout") var layout: LayoutOptions

    mutating func validate() throws {
        _ = try pixelSize()
        do { _ = try Theme.named(theme) } catch { throw ArgumentRefusal.invalid("--theme", theme, "expected light, dark or print") }
        guard fontScale.isFinite, fontScale >= 0.25, fontScale <= 5 else {
            throw ArgumentRefusal.invalid("--font-scale", TypedText.number("--font-scale", fontScale), "expected a number from 0.25 to 5")
        }
        if let format { do { _ = try OutputFormat(name: format) } catch { throw ArgumentRefusal.invalid("--format", format, "expected png, svg or pdf") } }
        if let output, OutputTarget.isStandardOutput(output) {
            // -o - writes to standard output in --format (PNG when not given).
        } else if let output, format == nil, AnimationFormat(path: output) == nil {
            do { _ = try OutputFormat(path: output) } catch {
                throw ArgumentRefusal.invalid("-o", output, "expected a name ending in .png, .svg or .pdf (or .gif, .webp, .mp4 or an animated .svg with --animate), or give --format")
            }
        } else if let output, let format, let named = try? OutputFormat(name: format),
                  let implied = try? OutputFormat(path: output), implied != named {
            throw ArgumentRefusal.invalid("--format", format, "the output '\(output)' ends in .\(implied.rawValue); "
                                  + "name it .\(named.rawValue) or drop --format")
        }
        try Self.checkTargets((output.map { [("-o", $0)] } ?? []) + (data.map { [("--data", $0)] } ?? []))
        if let title { try PrintableText.check("--title", title) }
        if let title, let problem = MathText.problem(in: title) {
            writeStandardError("warning: --title '\(title.count > 60 ? String(title.prefix(60)) + "…" : title)': \(problem); drawn as literal text\n")
        }
        try FontconfigEnvironment.check()
        if let font { _ = try fontFamily(font) } else if let family = try? Theme.named(theme).fontFamily, !FontCatalog.isInstalled(family) {
            // Text would be drawn as empty boxes: refuse rather than write such a figure.
            let others = FontCatalog.sample()
            throw ValidationError("no usable font: the default family '\(family)' is not installed (Debian: fonts-dejavu-core)"
                + (others.isEmpty ? "; fontconfig finds no fonts at all (check FONTCONFIG_FILE and FONTCONFIG_PATH)" : "; give --font with an installed family, e.g. " + others.joined(separator: ", ")))
        }
        if let data, !data.lowercased().hasSuffix(".csv"), !OutputTarget.isStandardOutput(data) {
            throw ArgumentRefusal.invalid("--data", data, "expected a file name ending in .csv, or - for standard output")
        }
    }

    /// The figure size in pixels at `dpi`: `--size`, else `defaultSize`.
    func pixelSize(defaultSize: String = FigureOptions.standardSize) throws -> (width: Double, height: Double) {
        try FigureOptions.parseSize(size ?? defaultSize, dpi: dpi ?? Self.standardDPI)
    }

    /// The resolution the figure is drawn at: `--dpi`; else, for a size in pixels, 160 scaled by how much
    /// larger the page is than the command's default (by area), so text grows with the page and the figure
    /// looks like the default one at more (or less) detail, but never under 96 (a screen's resolution: on
    /// a small page text keeps a legible size and the layout gets tighter, as in matplotlib); else 160.
    func resolution(defaultSize: String = FigureOptions.standardSize) throws -> Double {
        if let dpi { return dpi }
        guard let size, Self.isPixelSize(size) else { return Self.standardDPI }
        let (w, h) = try FigureOptions.parseSize(size, dpi: Self.standardDPI)
        let (dw, dh) = try FigureOptions.parseSize(defaultSize, dpi: Self.standardDPI)
        let scaled = Self.standardDPI * ((w * h) / (dw * dh)).squareRoot()
        return min(2400, max(Self.smallestAutomaticDPI, scaled))
    }

    /// True when `text` gives pixels (no unit, or `px`).
    static func isPixelSize(_ text: String) -> Bool {
        let s = text.lowercased()
        return !["in", "cm", "mm", "pt"].contains { s.hasSuffix($0) }
    }

    /// Parses `WxH` with an optional unit (px, in, cm, mm, pt) into pixels.
    static func parseSize(_ text: String, dpi: Double) throws -> (width: Double, height: Double) {
        guard dpi.isFinite, dpi >= 10, dpi <= 2400 else {
            throw ArgumentRefusal.invalid("--dpi", TypedText.number("--dpi", dpi), "expected a number from 10 to 2400")
        }
        var s = text.lowercased()
        var perUnit = 1.0
        for (suffix, factor) in [("px", 1.0), ("in", dpi), ("cm", dpi / 2.54), ("mm", dpi / 25.4), ("pt", dpi / 72)] where s.hasSuffix(suffix) {
            s.removeLast(suffix.count)
            perUnit = factor
            break
        }
        let parts = s.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = NumberArguments.decimal(parts[0]), let h = NumberArguments.decimal(parts[1]) else {
            throw ArgumentRefusal.invalid("--size", text, "expected WxH in pixels (e.g. 1280x720) or with a unit (8x4.5in, 20x12cm, 576x324pt)")
        }
        let pw = (w * perUnit).rounded(), ph = (h * perUnit).rounded()
        guard w.isFinite, h.isFinite, pw >= 16, ph >= 16, pw <= Double(Figure.maxPixels), ph <= Double(Figure.maxPixels) else {
            // Plain numbers as typed elsewhere ("1e+308"), not typeset ones ("1×10³⁰⁸") beside the typed 'x'.
            func whole(_ v: Double) -> String { v.isFinite && abs(v) < 1e15 ? String(Int(v)) : v.isNaN ? "nan" : "\(v)" }
            // The resolution only where it turned a unit into pixels: a pixel size has none ("0x720 … at 160 dpi").
            let at = perUnit == 1 ? "" : " at \(TickFormat.short(dpi)) dpi"
            throw ArgumentRefusal.invalid("--size", text, "each side must be 16 to \(Figure.maxPixels) pixels (got \(whole(pw)) by \(whole(ph)) pixels\(at))")
        }
        return (pw, ph)
    }

    /// A themed, sized, empty figure with `rows`×`columns` panels (`defaultSize` when `--size` is not given).
    func makeFigure(rows: Int = 1, columns: Int = 1, defaultSize: String = FigureOptions.standardSize) throws -> Figure {
        let (w, h) = try pixelSize(defaultSize: defaultSize)
        var theme = try Theme.named(self.theme)
        theme.fontScale = fontScale
        if let colors = try layout.palette() { theme.palette = colors; theme.paletteInOrder = true }
        if let font { theme.fontFamily = try fontFamily(font) }
        var f = try Figure(width: w, height: h, dpi: try resolution(defaultSize: defaultSize), theme: theme, rows: rows, columns: columns)
        f.transparent = transparent
        return f
    }

    /// Refuses targets that cannot be written (a missing directory, a device, a FIFO, a directory, a
    /// link to one of these; see `AtomicFile.checkTarget`) and a file named twice, naming the option.
    /// `path` (checked: its directory exists) as an absolute path through the real directory, so
    /// `d.csv`, `./d.csv` and `$PWD/d.csv` are one file even before it exists.
    static func canonicalKey(_ path: String) -> String {
        guard path != "-" else { return path }
        let directory = AtomicFile.directory(of: path)
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let base = OS.realPath(directory) else { return path }
        return (base == "/" ? "" : base) + "/" + name
    }

    /// `typed` maps a name the command chose (`--data r.csv`'s NAME-2.csv) to the value typed, so the
    /// message names what the user wrote: "invalid --data 'r.csv': its further table 'r-2.csv' …". Two names of
    /// one file (a symbolic or a hard link) are the same target.
    static func checkTargets(_ targets: [(option: String, path: String)], typed: [String: String] = [:]) throws {
        var seen: [(option: String, key: String, path: String)] = []
        // A name chosen here is refused under the value typed: "invalid --data 'r.csv': its further table 'r-2.csv': …".
        func refusal(_ option: String, _ path: String, _ reason: String) -> ValidationError {
            typed[path].map { ArgumentRefusal.invalid(option, $0, "its further table '\(CommandLineErrors.shown(path, limit: 100))': " + reason) }
                ?? ArgumentRefusal.invalid(option, path, reason)
        }
        for (option, path) in targets {
            var key = "-"
            if !OutputTarget.isStandardOutput(path) {
                switch Result(catching: { () throws(VizError) in try AtomicFile.checkTarget(path) }) {
                case let .success(resolved): key = resolved
                case let .failure(.io(_, message)): throw refusal(option, path, message)
                case let .failure(e): throw refusal(option, path, "\(e)")
                }
            }
            key = canonicalKey(key)
            if let other = seen.first(where: { $0.key == key || (key != "-" && $0.key != "-" && AtomicFile.sameFile($0.path, path)) }) {
                throw typed[path] == nil ? ArgumentRefusal.invalid(option, path, "\(other.option) already writes there")
                    : refusal(option, path, "it is where \(other.option) already writes")
            }
            seen.append((option, key, path))
        }
    }

    /// The installed family `name` names (any case); an error listing a few installed ones otherwise.
    func fontFamily(_ name: String) throws -> String {
        if let family = FontCatalog.family(named: name) { return family }
        throw ArgumentRefusal.invalid("--font", name, "no installed font family has that name; installed are e.g. "
            + FontCatalog.sample().joined(separator: ", ") + " (fc-list : family lists them all)")
    }

    /// The output format for `path`.
    func outputFormat(for path: String) throws -> OutputFormat {
        if let format { return try OutputFormat(name: format) }
        if OutputTarget.isStandardOutput(path) { return .png }
        if let animated = AnimationFormat(path: path), !animated.isVector {
            throw ArgumentRefusal.invalid("-o", path, ".\(animated.rawValue) is an animation; add --animate (surface, curves, lr, steps, runs) or name it .png, .svg or .pdf")
        }
        do { return try OutputFormat(path: path) } catch { throw FigureError(error.commandLineMessage) }
    }
}
