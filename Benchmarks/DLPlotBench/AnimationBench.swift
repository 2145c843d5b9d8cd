import Figures
import Optim
import Viz
#if canImport(Glibc)
import Glibc
#endif

/// The animation the issue names: Beale's function, four optimizers, 100 frames of 800×500 as a GIF.
let animationCommand = ["surface", "beale", "--optimizers", "gd,momentum,adam,rmsprop", "--animate",
                        "--size", "800x500", "--frames", "100"]

/// `--animate` costs: in-process, one frame after the first (background copy, moving layer, palette
/// mapping) against a full static render of the same figure (goal: under 20 %); as a whole process, the
/// 100-frame GIF and its size, paired with Benchmarks/matplotlib/animation.py (FuncAnimation + PillowWriter,
/// same figure and frame count) when that script and matplotlib are there (goals: 30× faster, no larger).
func runAnimationBenchmarks(_ h: inout Harness, dlplot: String?, python: String?, runs: Int) {
    do {
        let (animation, renderer) = try benchAnimation()
        let still = animation.lastFrame
        var staticMs = 0.0, frameMs = 0.0
        try h.time("static render of the last frame, 800×500 PNG") { _ = try still.render(as: .png) }
        staticMs = bestMilliseconds(3) { _ = try? still.render(as: .png) }
        let samples = (0..<3).compactMap { try? AnimationWriterProbe.words(renderer.frame($0 * 49)) }
        let palette = IndexedPalette(samples: samples)
        let first = try AnimationWriterProbe.words(renderer.frame(0))
        let firstIndices = palette.indices(of: first)
        frameMs = bestMilliseconds(3) {
            for k in 1..<animation.frameCount {
                let w = (try? AnimationWriterProbe.words(renderer.frame(k))) ?? first
                _ = palette.indices(of: w, reference: first, referenceIndices: firstIndices)
            }
        } / Double(animation.frameCount - 1)
        h.record("one frame after the first (draw + palette), one thread", formatMilliseconds(frameMs))
        h.record("  per-frame cost / static render (goal < 20 %)", fixed(100 * frameMs / staticMs, 1) + " %")
    } catch {
        print("animation benchmark failed: \(error)")
    }
    guard let dlplot else { return }
    let gif = "/tmp/dlplot-bench-animation.gif"
    guard let ours = bestTime([dlplot] + animationCommand + ["-o", gif], runs: runs) else {
        print("dlplot --animate failed"); return
    }
    h.record("dlplot --animate, 100 frames 800×500 GIF (whole process)", formatMilliseconds(ours * 1000))
    h.record("  GIF size", "\(fileSize(gif) / 1024) KiB")
    let script = "Benchmarks/matplotlib/animation.py"
    guard let python, access(script, R_OK) == 0 else {
        print("  (no \(script) or no Python: the matplotlib comparison is skipped)"); return
    }
    let theirs = "/tmp/dlplot-bench-matplotlib.gif"
    guard let mpl = bestTime([python, script, theirs], runs: max(1, runs / 3)) else {
        print("  \(script) failed: the matplotlib comparison is skipped"); return
    }
    h.record("matplotlib FuncAnimation + PillowWriter, same GIF", formatMilliseconds(mpl * 1000))
    h.record("  matplotlib GIF size", "\(fileSize(theirs) / 1024) KiB")
    h.record("  dlplot speed-up (goal ≥ 30×)", fixed(mpl / ours, 1) + "×")
    h.record("  dlplot size / matplotlib size (goal ≤ 1)", fixed(Double(fileSize(gif)) / Double(max(1, fileSize(theirs))), 2))
}

/// The animation of `animationCommand`, built in-process as the command builds it.
func benchAnimation() throws -> (Animation, AnimationRenderer) {
    let surface = try Surface(named: "beale")
    let box = surface.viewBox
    let plan = SurfacePlan(surface: surface, start: surface.suggestedStart, steps: 300,
                           x: Interval(box.xmin, box.xmax), y: Interval(box.ymin, box.ymax), seed: 0)
    let runs = try SurfaceRuns.run(["gd", "momentum", "adam", "rmsprop"].map { OptimizerRequest(name: $0) }, plan: plan)
    let figure = try Figure(width: 800, height: 500, dpi: 160 * (800.0 * 500 / (1280 * 720)).squareRoot())
    let (animation, _) = try SurfaceAnimation(recipe: SurfaceFigure(plan: plan, runs: runs), frames: 100).build(into: figure)
    return (animation, try AnimationRenderer(animation))
}

/// The best of `runs` wall times of `body`, in milliseconds.
func bestMilliseconds(_ runs: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    return (0..<runs).map { _ in seconds(clock.measure(body)) * 1000 }.min() ?? 0
}

/// ARGB32 bytes as words, as the GIF writer sees them.
enum AnimationWriterProbe {
    static func words(_ bytes: [UInt8]) -> [UInt32] { bytes.withUnsafeBytes { Array($0.bindMemory(to: UInt32.self)) } }
}
