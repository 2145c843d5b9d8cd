import Figures
import Glibc
import Optim
import Viz

/// `--animate`, in-process: one frame after the first (background copy, moving layer, palette mapping, as the
/// GIF writer draws it) of the paired comparison's animation against a full static render of the same figure
/// (goal: under 20 %).
func runAnimationFrameBenchmarks(_ h: inout Harness) {
    do {
        let (animation, renderer) = try benchAnimation()
        let still = animation.lastFrame
        var staticMs = 0.0, frameMs = 0.0
        try h.time("static render of the last frame, 800×500 PNG") { _ = try still.render(as: .png) }
        staticMs = bestMilliseconds(3) { _ = try? still.render(as: .png) }
        let samples = (0..<3).compactMap { try? renderer.frameWords($0 * 49) }
        let palette = IndexedPalette(samples: samples)
        let first = try renderer.frameWords(0)
        let firstIndices = palette.indices(of: first)
        frameMs = bestMilliseconds(3) {
            for k in 1..<animation.frameCount {
                _ = try? renderer.frameIndices(k, palette: palette, reference: first, referenceIndices: firstIndices)
            }
        } / Double(animation.frameCount - 1)
        h.record("one frame after the first (draw + palette), one thread", formatMilliseconds(frameMs))
        h.record("  per-frame cost / static render (goal < 20 %)", fixed(100 * frameMs / staticMs, 1) + " %")
        // The same in CPU time of this process, which other processes' load does not lengthen.
        let staticCPU = bestCPUMilliseconds(3) { _ = try? still.render(as: .png) }
        let frameCPU = bestCPUMilliseconds(3) {
            for k in 1..<animation.frameCount {
                _ = try? renderer.frameIndices(k, palette: palette, reference: first, referenceIndices: firstIndices)
            }
        } / Double(animation.frameCount - 1)
        h.record("static render, CPU time", formatMilliseconds(staticCPU))
        h.record("one frame after the first, CPU time", formatMilliseconds(frameCPU))
        h.record("  per-frame CPU / static render CPU (goal < 20 %)", fixed(100 * frameCPU / staticCPU, 1) + " %")
    } catch {
        print("animation benchmark failed: \(error)")
    }
}

/// The animation of `animationFigure`, built in-process as the command builds it.
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

/// The best of `runs` CPU times of `body` (this process, every thread), in milliseconds.
func bestCPUMilliseconds(_ runs: Int, _ body: () -> Void) -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
    }
    return (0..<runs).map { _ in let a = now(); body(); return now() - a }.min() ?? 0
}
