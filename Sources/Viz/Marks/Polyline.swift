/// Device-space polyline helpers: clipping to a rectangle and simplification to the output resolution.
enum Polyline {
    /// Splits `points` (device space, NaN = break) into runs clipped to `rect` (Liang–Barsky per segment).
    /// Points far outside never reach Cairo, whose fixed-point coordinates overflow near 2²³.
    static func clip(_ points: [Point], to rect: Rect) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        func flush() { if current.count >= 2 { runs.append(current) }; current = [] }
        var prev: Point?
        for p in points {
            guard p.isFinite else { flush(); prev = nil; continue }
            defer { prev = p }
            guard let a = prev else { if rect.contains(p) { current = [p] }; continue }
            guard let (c0, c1) = clipSegment(a, p, rect) else { flush(); continue }
            if current.isEmpty { current.append(c0) }
            else if let last = current.last, last != c0 { flush(); current.append(c0) }
            current.append(c1)
            if c1 != p { flush() }
        }
        flush()
        return runs
    }

    /// `points` as paths of at most `size` points, each starting where the previous one ends.
    static func pieces(_ points: [Point], size: Int) -> [Path] {
        guard points.count > 1 else { return points.isEmpty ? [] : [Path(polyline: points[...])] }
        var out: [Path] = []
        var start = 0
        while start < points.count - 1 {
            let end = min(points.count, start + max(2, size))
            out.append(Path(polyline: points[start..<end]))
            start = end - 1
        }
        return out
    }

    /// The part of segment a→b inside `r`, or nil.
    static func clipSegment(_ a: Point, _ b: Point, _ r: Rect) -> (Point, Point)? {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let checks: [(Double, Double)] = [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { if t > t1 { return nil }; if t > t0 { t0 = t } }
                else { if t < t0 { return nil }; if t < t1 { t1 = t } }
            }
        }
        let c0 = t0 == 0 ? a : Point(a.x + t0 * dx, a.y + t0 * dy)
        let c1 = t1 == 1 ? b : Point(a.x + t1 * dx, a.y + t1 * dy)
        return (c0, c1)
    }

    /// The part of a closed polygon inside `rect` (Sutherland–Hodgman): exact for a rectangle, so the
    /// visible fill is unchanged while far-away vertices never reach Cairo.
    static func clipPolygon(_ polygon: [Point], to rect: Rect) -> [Point] {
        var pts = polygon
        // Each edge: is a point inside, and where a segment crosses the edge.
        let edges: [(inside: (Point) -> Bool, cross: (Point, Point) -> Point)] = [
            ({ $0.x >= rect.minX }, { a, b in Point(rect.minX, a.y + (b.y - a.y) * (rect.minX - a.x) / (b.x - a.x)) }),
            ({ $0.x <= rect.maxX }, { a, b in Point(rect.maxX, a.y + (b.y - a.y) * (rect.maxX - a.x) / (b.x - a.x)) }),
            ({ $0.y >= rect.minY }, { a, b in Point(a.x + (b.x - a.x) * (rect.minY - a.y) / (b.y - a.y), rect.minY) }),
            ({ $0.y <= rect.maxY }, { a, b in Point(a.x + (b.x - a.x) * (rect.maxY - a.y) / (b.y - a.y), rect.maxY) }),
        ]
        for edge in edges {
            guard let last = pts.last else { return [] }
            var out: [Point] = []
            out.reserveCapacity(pts.count + 4)
            var prev = last
            for p in pts {
                let pin = edge.inside(p), qin = edge.inside(prev)
                if pin {
                    if !qin { out.append(edge.cross(prev, p)) }
                    out.append(p)
                } else if qin {
                    out.append(edge.cross(prev, p))
                }
                prev = p
            }
            pts = out
        }
        return pts.count >= 3 ? pts : []
    }

    /// Drops points that change nothing at the output resolution. Every input point stays within
    /// `tolerance` of the result: runs much denser than the pixel grid with increasing x keep only
    /// first/min/max/last per column `tolerance / 2` wide (M4; a dropped point lies within half a column
    /// of the min→max segment), then points closer than `tolerance / 2` to the last kept one are dropped
    /// (a dropped stretch stays within that distance of the kept polyline). The two halves add up to
    /// `tolerance`.
    static func simplify(_ run: [Point], tolerance: Double) -> [Point] {
        guard run.count > 2, tolerance > 0 else { return run }
        var pts = run
        let half = tolerance / 2
        let span = (pts.last?.x ?? 0) - pts[0].x
        if pts.count > 8, span > 0, Double(pts.count) > 4 * span / half {
            var monotonic = true
            for k in 1..<pts.count where pts[k].x < pts[k - 1].x { monotonic = false; break }
            if monotonic { pts = m4(pts, column: half) }
        }
        var out: [Point] = [pts[0]]
        out.reserveCapacity(pts.count)
        let tol2 = half * half
        for k in 1..<pts.count {
            let p = pts[k]
            guard let last = out.last else { continue }
            let d = p - last
            if d.x * d.x + d.y * d.y < tol2 && k != pts.count - 1 { continue }
            out.append(p)
        }
        return out
    }

    private static func m4(_ pts: [Point], column: Double) -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(pts.count / 4)
        var i = 0
        while i < pts.count {
            let col = (pts[i].x / column).rounded(.down)
            var first = pts[i], last = pts[i], lo = pts[i], hi = pts[i]
            var j = i + 1
            while j < pts.count, (pts[j].x / column).rounded(.down) == col {
                let p = pts[j]
                if p.y < lo.y { lo = p }
                if p.y > hi.y { hi = p }
                last = p
                j += 1
            }
            first = pts[i]
            out.append(first)
            if lo.x <= hi.x { if lo != first { out.append(lo) }; if hi != first && hi != lo { out.append(hi) } }
            else { if hi != first { out.append(hi) }; if lo != first && lo != hi { out.append(lo) } }
            if last != out.last { out.append(last) }
            i = j
        }
        return out
    }

    /// Drops points that lie within `tolerance` of the chord between the points kept around them (a
    /// greedy sweep over windows of at most 64 points, so the cost stays linear): straight runs become one
    /// segment and smooth curves keep only the vertices the output resolution can show. The first and last
    /// points are kept, so closed rings stay closed.
    static func reduce(_ pts: [Point], tolerance: Double) -> [Point] {
        let n = pts.count
        guard n > 2, tolerance > 0 else { return pts }
        var out: [Point] = [pts[0]]
        out.reserveCapacity(n / 2 + 2)
        let tol2 = tolerance * tolerance
        pts.withUnsafeBufferPointer { p in
            var anchor = 0
            var k = 2
            while k < n {
                let a = p[anchor], d = p[k] - a
                let len2 = d.x * d.x + d.y * d.y
                var fits = k - anchor <= 64
                var m = anchor + 1
                while fits, m < k {
                    let q = p[m] - a
                    if len2 > 0 {
                        let cross = d.x * q.y - d.y * q.x
                        let t = (d.x * q.x + d.y * q.y) / len2
                        fits = cross * cross <= tol2 * len2 && t >= 0 && t <= 1
                    } else {
                        fits = q.x * q.x + q.y * q.y <= tol2
                    }
                    m += 1
                }
                if fits { k += 1; continue }
                anchor = k - 1
                out.append(p[anchor])
                k = anchor + 2
            }
        }
        out.append(pts[n - 1])
        return out
    }
}
