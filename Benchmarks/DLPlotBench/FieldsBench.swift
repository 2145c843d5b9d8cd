import Viz

/// Viz fields: sample a grid, trace 20 contour levels, draw a heatmap, and encode a 1280×720 PNG.
func runFieldBenchmarks(_ h: inout Harness) {
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
