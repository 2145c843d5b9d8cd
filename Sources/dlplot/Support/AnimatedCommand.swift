// Support: what the commands share: figure and animation options, output, errors, help.

import ArgumentParser
import Foundation
import Figures
import Viz

/// A figure command that also writes animations (`--animate`, with the shared `AnimationOptions`): the
/// checks, the output (a file by its extension, or `--frames-dir`) and the progress line are the same for
/// every such command; each says only how its animation is made.
protocol AnimatedFigureCommand: FigureCommand {
    /// `--animate` and its settings (an `@OptionGroup`).
    var animation: AnimationOptions { get }
    /// The animation in `frames` frames with times spread by `spacing`, title and layout options applied,
    /// and the data behind its last frame.
    func makeAnimation(frames: Int, spacing: FrameTiming) throws -> (Animation, [DataTable])
    /// The still figure made for an animation: its growing marks are `TimedMark`s.
    func makeAnimatedFigure() throws -> (Figure, [DataTable])
    /// Why `--time log` does not fit this command's figure, or nil when it does.
    static var logTimeRefusal: String? { get }
    /// Whether the figure's x axes are its time axis (steps), drawn in log(1 + step) with `--time log` so
    /// that the frames, evenly spread in log time, move evenly along them.
    static var logTimeAxis: Bool { get }
}

extension AnimatedFigureCommand {
    /// The still figure with its timed marks revealed over the frames (the last frame is the still figure).
    func makeAnimation(frames: Int, spacing: FrameTiming) throws -> (Animation, [DataTable]) {
        var (figure, tables) = try makeAnimatedFigure()
        if let title = figureOptions.title { figure.title = title }
        try figureOptions.layout.apply(to: &figure, yAxis: !drawsItsOwnYAxis)
        if spacing == .log, Self.logTimeAxis {
            for p in figure.panels.indices {
                figure.modifyAxes(p) { ax in
                    ax.xScale = .symlog(threshold: 1)
                    // No margin before step 0: on this axis a margin of 10 steps takes as much room as steps 0–10.
                    if let l = ax.xLimits, l.lower < 0 { ax.xLimits = Interval(0, l.upper) }
                    ax.xPadding = 0
                }
            }
        }
        return (Animation(revealing: figure, frames: frames, timing: spacing), tables)
    }

    func makeAnimatedFigure() throws -> (Figure, [DataTable]) { try makeFigure() }

    static var logTimeRefusal: String? { nil }
    static var logTimeAxis: Bool { false }

    /// The checks of `--animate` and the output it writes to (call from `validate()`).
    func validateAnimation() throws {
        guard animation.animate else { return }
        if animation.time == "log", let why = Self.logTimeRefusal {
            throw ArgumentRefusal.invalid("--time", "log", "\(why); leave out --time (even)")
        }
        if let dir = animation.framesDir {
            try AnimationOutput.checkOptions(figureOptions, framesDir: true)
            if let o = figureOptions.output { throw ArgumentRefusal.invalid("--frames-dir", dir, "it replaces -o '\(o)'; give one of them") }
            try FramesDirectory.check(dir)
            if let data = figureOptions.data {
                if OutputTarget.isStandardOutput(data) { throw ArgumentRefusal.invalid("--data", data, "with --frames-dir the tables go to a file; name one") }
                try FigureOptions.checkTargets([("--data", data)])
            }
            _ = try animation.settings()
        } else {
            let target = try AnimationOutput.target(figureOptions, defaultName: chosenFileName)
            _ = try animation.settings(format: target.format)
            try AnimationOutput.requireCodec(target.format, path: target.path)
            if animation.loop, target.format == .mp4 {
                throw ArgumentRefusal.flag("--loop", "an .mp4 has no loop setting (players loop it themselves, e.g. PowerPoint's \"Loop until Stopped\"); leave out --loop")
            }
        }
    }

    func writeAnimation(showsProgress: Bool) throws -> Bool {
        guard animation.animate else { return false }
        PendingNotes.discard()
        let progress = showsProgress ? animation.progress : nil
        if let dir = animation.framesDir {
            let settings = try animation.settings()
            try InputOutputCheck.check(outputs: figureOptions.data.map { [("--data", $0)] } ?? [], inputs: inputFiles)
            let (made, tables) = try makeAnimation(frames: settings.frames, spacing: settings.spacing)
            let figure = try fitted(made)
            try animation.checkBudget(figure.still, frames: settings.frames, size: figureOptions.size)
            // The tables behind the last frame, as with -o: checked (NAME-2.csv, …) before any frame is drawn.
            var dataFiles: [(path: String, contents: AtomicFile.Contents)] = []
            if let data = figureOptions.data {
                dataFiles = try OutputTarget.dataFiles(tables, path: data)
                try FigureOptions.checkTargets(dataFiles.map { ("--data", $0.path) },
                                               typed: Dictionary(dataFiles.dropFirst().map { ($0.path, data) }) { a, _ in a })
                try InputOutputCheck.check(outputs: dataFiles.map { ($0.path == data ? "--data" : InputOutputCheck.furtherTable(data), $0.path) },
                                           inputs: inputFiles)
            }
            try FramesDirectory.write(figure, to: dir, format: try animation.framesFormat(), settings: settings,
                                      command: Self.drawingCommand(CommandLine.arguments), progress: progress, data: dataFiles)
            PendingNotes.flush()
            return true
        }
        let (path, format) = try AnimationOutput.target(figureOptions, defaultName: chosenFileName)
        try InputOutputCheck.check(outputs: [(figureOptions.output == nil ? InputOutputCheck.defaultName : "-o", path)] + (figureOptions.data.map { [("--data", $0)] } ?? []), inputs: inputFiles)
        let settings = try animation.settings(format: format)
        let existed = figureOptions.output == nil && FileManager.default.fileExists(atPath: path)
        let (made, tables) = try makeAnimation(frames: settings.frames, spacing: settings.spacing)
        let figure = try fitted(made)
        try animation.checkBudget(figure.still, frames: settings.frames, size: figureOptions.size, format: format)
        try AnimationOutput.write(figure, tables: tables, to: path, format: format, settings: settings,
                                  data: figureOptions.data, progress: progress, size: figureOptions.size)
        PendingNotes.flush()
        if figureOptions.output == nil { writeStandardError(Self.wroteChosen([path], existed: existed)) }
        return true
    }

    /// The animation with its legends as the last frame lays them out (`withoutLegendRoom`) on the page it
    /// needs: the last frame is the still figure of the same command, to the pixel. A frame whose rows are
    /// wider than the last frame's widens its box into the room the page leaves, and is drawn a little
    /// smaller only where that is not enough (`AnimationRenderer.frameLayout`). (Laying the legends out for
    /// every frame's rows, `reservingLegendRoom`, gave the last frame a wider box and a narrower plot than
    /// the still figure.)
    /// - Throws: the still figure's refusal when the page is too small for the last frame.
    func fitted(_ made: Animation) throws -> Animation {
        let plain = grownToFit(made.withoutLegendRoom())
        try checkPage(plain)
        return plain
    }

    /// The animation on the page its last frame needs: without `--size`, a figure too large for the default
    /// page is drawn on a larger one (with the same note), as the still figure of the same command is
    /// (`FigureOptions.grownToFit`); every frame is laid out as the last, so every frame has that page.
    func grownToFit(_ animation: Animation) -> Animation {
        guard figureOptions.size == nil else { return animation }
        let last = animation.lastFrame
        let grown = figureOptions.grownToFit(last, format: .png)
        guard grown.size != last.size else { return animation }
        var out = animation
        out.still.size = grown.size
        return out
    }

    /// Refuses a page too small for the last frame (the still figure) with the still figure's own message,
    /// which says what size or font scale fits (every frame is laid out as the last).
    func checkPage(_ animation: Animation) throws {
        let last = animation.lastFrame
        if case let .failure(.pageTooSmall(_, _, needs)) = Result(catching: { () throws(VizError) in try last.layoutPlotRects(for: .png) }) {
            throw figureOptions.tooSmall(last, format: .png, needs: needs)
        }
    }

    /// The command line as written into each frame, without the options that change how the frames are made
    /// but not what they show (`--jobs N`, `--progress`), so the files are the same for any `--jobs`.
    static func drawingCommand(_ arguments: [String]) -> String {
        var kept = ["dlplot"]
        var skipNext = false
        for a in arguments.dropFirst() {
            if skipNext { skipNext = false; continue }
            if a == "--jobs" { skipNext = true; continue }
            if a == "--progress" || a.hasPrefix("--jobs=") { continue }
            kept.append(a)
        }
        return kept.joined(separator: " ")
    }
}
