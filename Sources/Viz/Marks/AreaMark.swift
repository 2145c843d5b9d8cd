/// The region between two curves `y1(x)` and `y2(x)` filled with a colour (a confidence band, the area
/// under a loss curve). A NaN or infinite value in x, y1 or y2 cuts the band: each finite run is filled
/// separately and nothing bridges the gap.
public struct AreaMark: Mark {
    /// `Mark`: An area is a band drawn with data.
    public var isDataBand: Bool { true }
    /// The x of each sample.
    public var x: [Double]
    /// One edge of the band at each x.
    public var y1: [Double]
    /// The other edge of the band at each x.
    public var y2: [Double]
    /// The fill (its alpha included).
    public var color: Color
    /// Outline of both curves (nil: none).
    public var edge: StrokeStyle?
    /// Legend text (a filled patch); nil for no entry.
    public var label: String?
    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double

    /// The band between `y1` and `y2` over `x` (the shortest array sets the count).
    public init(x: [Double], y1: [Double], y2: [Double], color: Color, edge: StrokeStyle? = nil, label: String? = nil, zOrder: Double = 1) {
        let n = min(x.count, y1.count, y2.count)
        self.x = Array(x.prefix(n)); self.y1 = Array(y1.prefix(n)); self.y2 = Array(y2.prefix(n))
        self.color = color; self.edge = edge; self.label = label; self.zOrder = zOrder
    }

    /// The area between `y` and a constant `baseline` (0 by default).
    public init(x: [Double], y: [Double], baseline: Double = 0, color: Color, edge: StrokeStyle? = nil, label: String? = nil, zOrder: Double = 1) {
        self.init(x: x, y1: y, y2: Array(repeating: baseline, count: y.count), color: color, edge: edge, label: label, zOrder: zOrder)
    }

    /// Index ranges of the finite runs (at least two points each).
    func runs() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int?
        for i in 0...x.count {
            let ok = i < x.count && x[i].isFinite && y1[i].isFinite && y2[i].isFinite
            if ok { if start == nil { start = i } } else if let s = start {
                if i - s >= 2 { out.append(s..<i) }
                start = nil
            }
        }
        return out
    }

    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? {
        var b: Bounds?
        for r in runs() {
            let pts = r.flatMap { [Point(x[$0], y1[$0]), Point(x[$0], y2[$0])] }
            if let rb = Bounds(points: pts) { b = b.map { $0.union(rb) } ?? rb }
        }
        return b
    }

    /// `Mark`: Entries this mark contributes to the legend.
    public var legendEntries: [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, sample: .patch(color, edge: edge?.color))]
    }

    /// Both curves and the middle of the band, so the legend avoids the filled area too.
    public func occupiedPoints() -> [Point] {
        let step = max(1, x.count / 200)
        return stride(from: 0, to: x.count, by: step).flatMap { i -> [Point] in
            let a = y1[i], b = y2[i]
            return [Point(x[i], a), Point(x[i], b), Point(x[i], (a + b) / 2), Point(x[i], a + (b - a) / 4), Point(x[i], a + 3 * (b - a) / 4)]
        }
    }

    /// `Mark`: Draws the mark.
    public func draw(in ctx: PlotContext) {
        let tolerance = 0.25 / max(ctx.resolution, 1)
        let bound = ctx.plotRect.expanded(by: 4)
        var fill = Path()
        var outline = Path()
        for r in runs() {
            let upper = r.map { ctx.point(Point(x[$0], y1[$0])) }
            let lower = r.map { ctx.point(Point(x[$0], y2[$0])) }
            guard upper.allSatisfy(\.isFinite), lower.allSatisfy(\.isFinite) else {
                // A log scale can map some values to NaN: fall back to the finite sub-runs.
                for sub in splitFinite(upper, lower) { fill.append(Path(polygon: Polyline.clipPolygon(sub, to: bound))) }
                continue
            }
            let a = Polyline.simplify(upper, tolerance: tolerance), b = Polyline.simplify(lower, tolerance: tolerance)
            fill.append(Path(polygon: Polyline.clipPolygon(a + b.reversed(), to: bound)))
            if edge != nil {
                for run in Polyline.clip(a, to: bound) { outline.append(Path(polyline: run)) }
                for run in Polyline.clip(b, to: bound) { outline.append(Path(polyline: run)) }
            }
        }
        ctx.fill(fill, color)
        if let edge { ctx.stroke(outline, edge) }
    }

    /// Closed outlines of the stretches where both device curves are finite.
    private func splitFinite(_ upper: [Point], _ lower: [Point]) -> [[Point]] {
        var out: [[Point]] = []
        var a: [Point] = [], b: [Point] = []
        for (u, l) in zip(upper, lower) {
            if u.isFinite && l.isFinite { a.append(u); b.append(l); continue }
            if a.count >= 2 { out.append(a + b.reversed()) }
            a = []; b = []
        }
        if a.count >= 2 { out.append(a + b.reversed()) }
        return out
    }
}
