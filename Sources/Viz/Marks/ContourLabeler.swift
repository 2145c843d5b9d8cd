/// Places inline contour labels in device space and breaks the lines under them.
///
/// For each level, every run is scanned at steps along its length; a candidate window (label width plus
/// padding) is scored by straightness (chord ÷ arc length) and rejected when the label box would leave the
/// plot, cover a placed label, or touch any segment of another line (found through a `SegmentIndex`, so
/// each test visits only the lines near the box). The best candidate per level wins (one more on long
/// lines), and the window is cut out of the run.
struct ContourLabeler {
    struct Placed {
        var level: Int; var text: String; var center: Point; var angle: Double; var box: [Point]
        /// The upright bounding box of the text itself (what a layout report records).
        var bounds: Rect
    }

    private(set) var runs: [[[Point]]]
    private(set) var placed: [Placed] = []
    let plot: Rect
    /// Every segment of every run, bucketed by position.
    private var index: SegmentIndex
    /// Cumulative arc length along each run.
    private var arcs: [[[Double]]]

    /// Boxes no label may cover: other marks' texts and markers, the legend.
    let obstacles: [Rect]
    /// Other marks' lines (paths over the contours) no label may cover, or nil.
    var ink: PointLabelMark.InkGrid?

    init(runs: [[[Point]]], plot: Rect, obstacles: [Rect] = [], cell: Double = 24) {
        self.runs = runs
        self.plot = plot
        self.obstacles = obstacles
        index = SegmentIndex(area: plot, cell: cell, levels: runs.count)
        arcs = runs.map { $0.map(ContourLabeler.cumulative) }
        for (k, level) in runs.enumerated() {
            for (r, run) in level.enumerated() { index.add(run, level: k, run: r) }
        }
    }

    mutating func place(level k: Int, text: String, size: Size) {
        let pad = size.height * 0.35
        let need = size.width + 2 * pad
        var labelsHere = 0
        var changed = true
        while changed && labelsHere < 2 {
            changed = false
            var best: (score: Double, run: Int, s0: Double, s1: Double, center: Point, angle: Double, box: [Point], bounds: Rect)?
            for (r, run) in runs[k].enumerated() {
                let cum = arcs[k][r]
                guard let total = cum.last, total > need * (labelsHere == 0 ? 1.6 : 4) else { continue }
                var s = need / 2 + pad
                let step = max(need / 3, 4)
                while s + need / 2 + pad <= total {
                    defer { s += step }
                    let s0 = s - need / 2, s1 = s + need / 2
                    let a = ContourLabeler.at(run, cum, s0), b = ContourLabeler.at(run, cum, s1)
                    let chord = (b - a).length
                    let straight = chord / need
                    guard straight > 0.9 else { continue }
                    var angle = Math.atan2(-(b.y - a.y), b.x - a.x)
                    if angle > Double.pi / 2 { angle -= Double.pi } else if angle < -Double.pi / 2 { angle += Double.pi }
                    let c = ContourLabeler.at(run, cum, s)
                    let box = ContourLabeler.box(center: c, angle: angle, width: size.width + pad, height: size.height + pad * 0.6)
                    guard box.allSatisfy({ plot.contains($0) }) else { continue }
                    guard !placed.contains(where: { ContourLabeler.overlap($0.box, box) }) else { continue }
                    // The text's upright bounds keep clear of other labels' and of every obstacle.
                    let bounds = ContourLabeler.bounds(ContourLabeler.box(center: c, angle: angle, width: size.width, height: size.height))
                    guard !placed.contains(where: { $0.bounds.overlapArea(bounds) > 0 }),
                          !obstacles.contains(where: { $0.overlapArea(bounds) > 0 }),
                          (ink?.count(in: ContourLabeler.bounds(box)) ?? 0) == 0 else { continue }
                    guard !coversOtherLines(box, level: k, run: r, s0: s0 - pad, s1: s1 + pad) else { continue }
                    // Prefer straight stretches near the middle of the run.
                    let mid = 1 - abs(s / total - 0.5)
                    let score = straight * 2 + mid * 0.5
                    if best == nil || score > best?.score ?? 0 { best = (score, r, s0, s1, c, angle, box, bounds) }
                }
            }
            if let b = best {
                placed.append(Placed(level: k, text: text, center: b.center, angle: b.angle, box: b.box, bounds: b.bounds))
                cut(level: k, run: b.run, from: b.s0, to: b.s1)
                labelsHere += 1
                changed = true
            }
        }
    }

    /// True when a segment of any line other than the window [s0, s1] of run `r` at level `k` touches `box`.
    private func coversOtherLines(_ box: [Point], level k: Int, run r: Int, s0: Double, s1: Double) -> Bool {
        guard let bb = Bounds(points: box) else { return false }
        return index.visit(bb) { e in
            let lk = Int(e.level), rk = Int(e.run), i = Int(e.segment)
            if lk == k && rk == r {
                let cum = arcs[lk][rk]
                if cum[i + 1] >= s0 && cum[i] <= s1 { return false }
            }
            let run = runs[lk][rk]
            return ContourLabeler.touches(run[i], run[i + 1], box)
        }
    }

    /// Removes the stretch [s0, s1] of run `r` at level `k`, splitting it in two.
    private mutating func cut(level k: Int, run r: Int, from s0: Double, to s1: Double) {
        let run = runs[k][r]
        let cum = arcs[k][r]
        var before: [Point] = [], after: [Point] = []
        for (i, p) in run.enumerated() where cum[i] < s0 { before.append(p) }
        before.append(ContourLabeler.at(run, cum, s0))
        after.append(ContourLabeler.at(run, cum, s1))
        for (i, p) in run.enumerated() where cum[i] > s1 { after.append(p) }
        runs[k][r] = before
        arcs[k][r] = ContourLabeler.cumulative(before)
        index.add(before, level: k, run: r)
        runs[k].append(after)
        arcs[k].append(ContourLabeler.cumulative(after))
        index.add(after, level: k, run: runs[k].count - 1)
    }

    /// Whether segment a→b touches the convex quadrilateral `q`: an end inside, or a crossing with a side.
    static func touches(_ a: Point, _ b: Point, _ q: [Point]) -> Bool {
        if inside(a, q) || inside(b, q) { return true }
        for i in 0..<4 where crosses(a, b, q[i], q[(i + 1) % 4]) { return true }
        return false
    }

    /// Whether segments a→b and c→d properly cross.
    static func crosses(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
        func side(_ p: Point, _ q: Point, _ r: Point) -> Double { (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) }
        let d1 = side(c, d, a), d2 = side(c, d, b), d3 = side(a, b, c), d4 = side(a, b, d)
        return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0
    }

    static func cumulative(_ run: [Point]) -> [Double] {
        var out = [0.0]
        out.reserveCapacity(run.count)
        for i in 1..<max(1, run.count) { out.append(out[i - 1] + (run[i] - run[i - 1]).length) }
        return out
    }

    /// The point at arc length `s`.
    static func at(_ run: [Point], _ cum: [Double], _ s: Double) -> Point {
        var lo = 0, hi = cum.count - 1
        while hi - lo > 1 { let m = (lo + hi) / 2; if cum[m] <= s { lo = m } else { hi = m } }
        let d = cum[hi] - cum[lo]
        let t = d > 0 ? (s - cum[lo]) / d : 0
        return run[lo] + (run[hi] - run[lo]) * min(1, max(0, t))
    }

    /// The corners of a `width`×`height` box centred on `center`, rotated by `angle` (counter-clockwise on the page).
    static func box(center c: Point, angle: Double, width: Double, height: Double) -> [Point] {
        let ux = Point(Math.cos(angle), -Math.sin(angle)), uy = Point(Math.sin(angle), Math.cos(angle))
        let w = width / 2, h = height / 2
        return [c - ux * w - uy * h, c + ux * w - uy * h, c + ux * w + uy * h, c - ux * w + uy * h]
    }

    /// The upright bounding rectangle of a polygon.
    static func bounds(_ q: [Point]) -> Rect {
        let b = Bounds(points: q) ?? Bounds(x: Interval(0, 0), y: Interval(0, 0))
        return Rect(x: b.x.lower, y: b.y.lower, width: b.x.span, height: b.y.span)
    }

    /// Point in convex quadrilateral.
    static func inside(_ p: Point, _ q: [Point]) -> Bool {
        var sign = 0.0
        for i in 0..<4 {
            let a = q[i], b = q[(i + 1) % 4]
            let c = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            if c != 0 { if sign == 0 { sign = c } else if (c > 0) != (sign > 0) { return false } }
        }
        return true
    }

    /// Two convex quadrilaterals overlap (separating-axis test on their edges).
    static func overlap(_ a: [Point], _ b: [Point]) -> Bool {
        for poly in [a, b] {
            for i in 0..<4 {
                let e = poly[(i + 1) % 4] - poly[i]
                let n = Point(-e.y, e.x)
                let pa = a.map { $0.x * n.x + $0.y * n.y }, pb = b.map { $0.x * n.x + $0.y * n.y }
                if (pa.max() ?? 0) < (pb.min() ?? 0) || (pb.max() ?? 0) < (pa.min() ?? 0) { return false }
            }
        }
        return true
    }
}
