/// What each mark's adaptable text must keep clear of. Marks that place text around others (point
/// labels, contour labels) go one after another, highest `textPriority` first: each sees the legend,
/// every fixed text (notes where the layout moved them), and the texts of those placed before it. Text
/// that gives way (a band's label) sees all of them.
enum TextObstacles {
    /// The obstacles by mark index; marks not listed have none.
    static func forMarks(_ marks: [any Mark], ctx: PlotContext, shifts: [Int: Point], legend: Rect?) -> [Int: [Rect]] {
        let adaptive = marks.indices.filter { marks[$0].placesTextAroundOthers && !marks[$0].textGivesWay }
        let giving = marks.indices.filter { marks[$0].textGivesWay }
        guard !adaptive.isEmpty || !giving.isEmpty else { return [:] }
        var fixed: [Rect] = legend.map { [$0] } ?? []
        for (k, m) in marks.enumerated() where !adaptive.contains(k) && !giving.contains(k) {
            let s = shifts[k] ?? Point(0, 0)
            fixed += m.occupiedRects(in: ctx).map { Rect(x: $0.x + s.x, y: $0.y + s.y, width: $0.width, height: $0.height) }
        }
        var out: [Int: [Rect]] = [:]
        var placed: [Rect] = []
        for k in adaptive.sorted(by: { marks[$0].textPriority != marks[$1].textPriority ? marks[$0].textPriority > marks[$1].textPriority : $0 < $1 }) {
            var mctx = ctx
            mctx.textObstacles = fixed + placed
            out[k] = mctx.textObstacles
            // Contour labels come last and nothing waits for them: skip measuring them twice.
            if marks[k].textPriority >= 0 { placed += marks[k].occupiedRects(in: mctx) }
        }
        for k in giving { out[k] = fixed + placed }
        return out
    }
}
