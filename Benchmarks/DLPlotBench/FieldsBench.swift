import Viz

/// Viz fields: sample a grid, trace 20 contour levels, draw a heatmap, and encode a 1280×720 PNG; then the
/// full surface pipeline (filled bands and labelled lines at 30 levels) from 250² to 2000², per grid cell.
func runFieldBenchmarks(_ h: inout Harness) {
    defer { runSurfacePipelineScale(&h) }
    let f: @Sendable (Double, Double) -> Double = { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
    for n in [250, 500, 1000, 2000] {
        do {
            var field: ScalarField?
            try h.time("sample \(n)×\(n) (all cores)") {
                field = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-1, 3), nx: n, ny: n, f)
            }
            guard let field else { continue }
            try h.time("contour \(n)×\(n), 20 levels") {
                _ = try ContourMark(field: field, levels: .exactly(20))
            }
            try h.time("sample + contour + heatmap + PNG \(n)×\(n)") {
                let s = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-1, 3), nx: n, ny: n, f)
                var ax = Axes(title: "Rosenbrock", xLabel: "x", yLabel: "y")
                ax.add(HeatmapMark(field: s))
                ax.add(try ContourMark(field: s, levels: .exactly(20)))
                var fig = try Figure(width: 1280, height: 720)
                fig.add(ax)
                _ = try fig.render(as: .png)
            }
        } catch {
            h.record("fields \(n)×\(n)", "failed: \(error)")
        }
    }
}

/// The surface figure's field pipeline at growing grids: sample, filled contours and labelled lines at 30
/// levels, colorbar, 1280×720 PNG. Linear in cells means a constant time per cell once fixed costs fade.
func runSurfacePipelineScale(_ h: inout Harness) {
    let f: @Sendable (Double, Double) -> Double = { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
    for n in [250, 500, 1000, 2000] {
        do {
            var best = Double.infinity
            let clock = ContinuousClock()
            for _ in 0..<5 {
                var failure: VizError?
                let d = clock.measure {
                    do throws(VizError) {
                        let s = try FieldSampler.sample(x: Interval(-2, 2), y: Interval(-1, 3), nx: n, ny: n, f)
                        var ax = Axes(title: "Rosenbrock", xLabel: "x", yLabel: "y")
                        let filled = try FilledContourMark(field: s, levels: .exactly(30))
                        ax.add(filled)
                        ax.add(try ContourMark(field: s, levels: .exactly(30), lineWidth: 0.5, showLabels: true))
                        ax.sideGuides = [Colorbar(for: filled)]
                        var fig = try Figure(width: 1280, height: 720)
                        fig.add(ax)
                        _ = try fig.render(as: .png)
                    } catch { failure = error }
                }
                if let failure { throw failure }
                best = min(best, seconds(d))
            }
            let cells = Double((n - 1) * (n - 1))
            h.record("surface pipeline \(n)², 30 levels (filled + lines + PNG)",
                     formatMilliseconds(best * 1000) + "  (" + fixed(best / cells * 1e9, 1) + " ns/cell)")
        } catch {
            h.record("surface pipeline \(n)²", "failed: \(error)")
        }
    }
}
