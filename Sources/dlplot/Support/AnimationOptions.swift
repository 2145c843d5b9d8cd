import ArgumentParser
import Platform
import Viz

/// `--animate` and its settings: how many frames, how fast, which step each frame shows, how it ends.
struct AnimationOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Write an animation instead of a still figure: runs and curves grow step by step (steps: the arrows of one panel after another). The format comes from -o: .gif (giflib), .webp (near-lossless), .mp4 (H.264) or .svg (one SVG that plays with CSS, no script); or --frames-dir."))
    var animate = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Animation: frames per second, 1-60 (GIF: up to 50). (default: 20)", valueName: "n"))
    var fps: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Animation: seconds from the first step to the last (frames = fps × duration). (default: 5)", valueName: "s"))
    var duration: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Animation: the number of frames, 2-3000, instead of --duration.", valueName: "n"))
    var frames: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Animation: which step each frame shows: even (steps spread evenly) or log (evenly in log(1 + step): more frames for the first steps; curves and runs then draw the step axis in log(1 + step) too, so the curves grow evenly; not for steps).",
        valueName: "even|log"), completion: .list(["even", "log"]))
    var time = "even"

    @Option(parsing: .unconditional, help: ArgumentHelp("Animation: seconds the last frame stays before the end (or the next loop), 0-60. (default: 1)", valueName: "s"))
    var hold: String?

    @Flag(help: "Animation: play again from the start, forever (GIF's loop extension; WebP's loop count).")
    var loop = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Animation: frames drawn at once, 1-64 (default: the number of cores). The file is the same for any number.", valueName: "n"))
    var jobs: String?

    @Option(name: .customLong("frames-dir"), parsing: .unconditional, help: ArgumentHelp(
        "Animation: write every frame as DIR/frame-0001.png … and DIR/animation.tex for LaTeX's animate package (\\animategraphics), instead of -o.",
        valueName: "dir"))
    var framesDir: String?

    @Option(name: .customLong("frame-format"), parsing: .unconditional, help: ArgumentHelp(
        "Animation with --frames-dir: png (pixels at --dpi) or pdf (vectors, for pdfLaTeX and Beamer: sharp at any zoom). (default: png)",
        valueName: "png|pdf"), completion: .list(["png", "pdf"]))
    var frameFormat: String?

    @Flag(help: "Animation: show frames done, frames per second and the time left on standard error even when it is not a terminal.")
    var progress = false

    static let maxFrames = 3000
    /// The most pixels all frames together may have (3000 frames of 800×500; 1000 of 1280×720 is 0.9e9).
    static let maxTotalPixels = 2_000_000_000

    /// The checked settings.
    struct Settings {
        var frames: Int
        var timing: AnimationTiming
        var spacing: FrameTiming
        var jobs: Int
    }

    mutating func validate() throws {
        guard animate else {
            let given = [("--fps", fps), ("--duration", duration), ("--frames", frames), ("--hold", hold), ("--jobs", jobs), ("--frames-dir", framesDir),
                         ("--frame-format", frameFormat)]
            if let (name, value) = given.first(where: { $0.1 != nil }), let value {
                throw ArgumentRefusal.invalid(name, value, "it sets up an animation; add --animate")
            }
            if time != "even" { throw ArgumentRefusal.invalid("--time", time, "it sets up an animation; add --animate") }
            if loop { throw ArgumentRefusal.flag("--loop", "it sets up an animation; add --animate") }
            if progress { throw ArgumentRefusal.flag("--progress", "it reports on an animation's frames; add --animate") }
            return
        }
        _ = try settings()
        _ = try framesFormat()
    }

    /// The format of the frames in --frames-dir (PNG unless --frame-format pdf).
    func framesFormat() throws -> OutputFormat {
        guard let frameFormat else { return .png }
        if framesDir == nil { throw ArgumentRefusal.invalid("--frame-format", frameFormat, "it chooses the files of --frames-dir; add --frames-dir DIR") }
        switch frameFormat.trimmingSpaces.lowercased() {
        case "png": return .png
        case "pdf": return .pdf
        default: throw ArgumentRefusal.invalid("--frame-format", frameFormat, "expected png or pdf")
        }
    }

    /// The frame count, timing, step spacing and thread count, each checked.
    func settings(format: AnimationFormat? = nil) throws -> Settings {
        let maxFPS = format?.maxFPS ?? 60
        let rate = try Self.number(fps, option: "--fps", default: 20, range: 1...maxFPS,
                                   expected: "a frame rate from 1 to \(Int(maxFPS)) per second" + (format == .gif ? " (GIF delays are hundredths of a second)" : ""))
        let count: Int
        if let frames {
            if duration != nil { throw ArgumentRefusal.invalid("--frames", frames, "give --frames or --duration, not both") }
            guard let n = Int(frames.trimmingSpaces), (2...Self.maxFrames).contains(n) else {
                throw ArgumentRefusal.invalid("--frames", frames, "expected a whole number of frames from 2 to \(Self.maxFrames)")
            }
            count = n
        } else {
            let seconds = try Self.number(duration, option: "--duration", default: 5, range: 0.1...600, expected: "seconds from 0.1 to 600")
            count = Int((seconds * rate).rounded())
            guard (2...Self.maxFrames).contains(count) else {
                throw ArgumentRefusal.invalid("--duration", duration ?? "5", "at \(TickFormat.short(rate)) frames per second that is \(count) frames; expected 2 to \(Self.maxFrames)")
            }
        }
        let held = try Self.number(hold, option: "--hold", default: 1, range: 0...60, expected: "seconds from 0 to 60")
        guard let spacing = FrameTiming(rawValue: time) else {
            throw ArgumentRefusal.invalid("--time", time, "expected even or log")
        }
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        var threads = max(1, cores)
        if let jobs {
            guard let j = Int(jobs.trimmingSpaces), (1...64).contains(j) else {
                throw ArgumentRefusal.invalid("--jobs", jobs, "expected a whole number from 1 to 64")
            }
            threads = j
        }
        return Settings(frames: count, timing: AnimationTiming(fps: rate, hold: held, loop: loop), spacing: spacing, jobs: threads)
    }

    /// Refuses more pixels in all frames together than `maxTotalPixels`, naming what the user typed: --size
    /// when given, else --frames or --duration (it blamed a --size '1280x720' no one gave), with the most
    /// frames that fit at this size.
    func checkBudget(_ figure: Figure, frames: Int, size: String?, format: AnimationFormat? = nil) throws {
        let (w, h) = figure.pixelSize
        if let format, max(w, h) > format.maxSide {
            throw ArgumentRefusal.invalid("--size", size ?? FigureOptions.standardSize, "a .\(format.rawValue) may be at most \(format.maxSide) pixels a side (this one is \(w)x\(h))")
        }
        guard w * h * frames <= Self.maxTotalPixels else {
            let fit = Self.maxTotalPixels / max(1, w * h), budget = "\(Self.maxTotalPixels / 1_000_000) million pixels in all"
            if size == nil, let typed = self.frames {
                throw ArgumentRefusal.invalid("--frames", typed, "at \(w)x\(h) at most \(fit) frames fit (\(budget)); use fewer frames or a smaller --size")
            }
            if size == nil, let typed = duration {
                throw ArgumentRefusal.invalid("--duration", typed, "it makes \(frames) frames, and at \(w)x\(h) at most \(fit) fit (\(budget)); "
                                              + "use a shorter --duration, a lower --fps or a smaller --size")
            }
            throw ArgumentRefusal.invalid("--size", size ?? FigureOptions.standardSize, "\(frames) frames of \(w)x\(h) pixels is more than an animation may draw (\(budget)); at this size at most \(fit) frames fit; use fewer frames or a smaller size")
        }
    }

    /// A number option as typed (a decimal number: `0x10`, `inf` and `nan` are refused), checked against `range`.
    static func number(_ text: String?, option: String, default value: Double, range: ClosedRange<Double>, expected: String) throws -> Double {
        guard let text else { return value }
        guard let v = NumberArguments.decimal(text), v.isFinite, range.contains(v) else {
            throw ArgumentRefusal.invalid(option, text, "expected \(expected)")
        }
        return v
    }
}
