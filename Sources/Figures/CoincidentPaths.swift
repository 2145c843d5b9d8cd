import Optim
import Viz

/// Paths that coincide: a run whose path lies along a later run's (drawn over it) cannot be seen. Tried as
/// a new user would: on booth, gd's path lay wholly under AdamW's, and the legend listed three runs where
/// the figure showed one and a half. The legend says so under the hidden run: "beneath adamw's path".
extension SurfaceFigure {
    /// For each run, the index of the first later run whose path covers it, or nil: at least 90 % of the
    /// run's drawn length in the view (200 points spread evenly along it; not by step, or a run resting at a
    /// shared minimum would count as covered whatever its route) lies within 0.6 % of the view's larger
    /// side (about 3 px on a 600-px plot, a path's width) of the later run's path, and the run has at least
    /// two points in the view. The later path is measured on at most 2000 of its points.
    public func coveringRuns() -> [Int?] {
        let side = max(plan.x.upper - plan.x.lower, plan.y.upper - plan.y.lower)
        let tolerance = 0.006 * side
        let inView = runs.map { run in run.points.filter { $0.isFinite && plan.inView($0.x, $0.y) } }
        return runs.indices.map { i -> Int? in
            let mine = Self.alongLength(inView[i], count: 200)
            guard mine.count >= 2 else { return nil }
            return (i + 1..<runs.count).first { j in
                let theirs = Self.spread(inView[j], count: 2000)
                guard theirs.count >= 2 else { return false }
                // Stops at the first miss past 10 %: most pairs part at once.
                let allowed = mine.count / 10
                var misses = 0
                for p in mine where Self.distance(p, toPolyline: theirs) > tolerance {
                    misses += 1
                    if misses > allowed { return false }
                }
                return true
            }
        }
    }

    /// The legend line under a run that a later run covers: "beneath adamw's path".
    func coveredNote(_ i: Int, covering: [Int?]) -> String? {
        guard covering.indices.contains(i), let j = covering[i] else { return nil }
        let same = runs.filter { $0.config.name == runs[j].config.name }.count > 1
        return "beneath " + (same ? runs[j].config.displayLabel : runs[j].config.name) + "'s path"
    }

    /// At most `count` of `points`, evenly spread by index, the last one included.
    static func spread(_ points: [Point], count: Int) -> [Point] {
        guard points.count > count, count > 1 else { return points }
        return (0..<count).map { points[$0 * (points.count - 1) / (count - 1)] }
    }

    /// `count` points spread evenly along the polyline `points` by length; empty for a polyline of no length.
    static func alongLength(_ points: [Point], count: Int) -> [Point] {
        guard points.count >= 2, count >= 2 else { return [] }
        var cumulative = [0.0]
        for k in 1..<points.count { cumulative.append(cumulative[k - 1] + (points[k] - points[k - 1]).length) }
        guard let total = cumulative.last, total > 0, total.isFinite else { return [] }
        var out: [Point] = [], k = 1
        for n in 0..<count {
            let s = total * Double(n) / Double(count - 1)
            while k < points.count - 1, cumulative[k] < s { k += 1 }
            let span = cumulative[k] - cumulative[k - 1]
            let t = span > 0 ? min(1, max(0, (s - cumulative[k - 1]) / span)) : 0
            out.append(points[k - 1] + (points[k] - points[k - 1]) * t)
        }
        return out
    }

    /// The distance from `p` to the nearest segment of `line`.
    static func distance(_ p: Point, toPolyline line: [Point]) -> Double {
        var best = Double.infinity
        for k in 1..<line.count {
            let (a, b) = (line[k - 1], line[k])
            let (dx, dy) = (b.x - a.x, b.y - a.y)
            let len2 = dx * dx + dy * dy
            let t = len2 > 0 ? min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0
            best = min(best, ((p.x - a.x - t * dx) * (p.x - a.x - t * dx) + (p.y - a.y - t * dy) * (p.y - a.y - t * dy)).squareRoot())
        }
        return best
    }
}
