import Optim
import Viz

/// Which critical points a surface's plane marks: a typed surface may have hundreds (sin 10x · sin 10y has
/// 180 minima and 360 saddles on [−3, 3]²), and a star on each buries the colours and the runs. At most
/// `markedLimit` of each kind are marked; the rest are counted in one footnote.
extension SurfaceFigure {
    /// At most this many global minima, and this many saddles, are marked.
    static let markedLimit = 4

    /// The global minima in view marked with a star: all of them when they are few; otherwise the one nearest
    /// where each run ends (up to `markedLimit`), or without runs the `markedLimit` nearest the view's centre.
    var markedMinima: [Point2] {
        let inView = surface.minima.filter { plan.inView($0.x, $0.y) }
        guard inView.count > Self.markedLimit else { return inView }
        var chosen: [Point2] = []
        let ends = runs.compactMap { $0.points.last(where: \.isFinite) }
        for end in ends {
            if let m = inView.filter({ m in !chosen.contains(m) }).min(by: { distance($0, end) < distance($1, end) }),
               chosen.count < Self.markedLimit { chosen.append(m) }
        }
        guard chosen.isEmpty else { return chosen }
        let centre = Point((plan.x.lower + plan.x.upper) / 2, (plan.y.lower + plan.y.upper) / 2)
        return Array(inView.sorted { distance($0, centre) < distance($1, centre) }.prefix(Self.markedLimit))
    }

    /// The saddles in view marked: all of them when they are few, none when they are many (a lattice of crossed
    /// diamonds hides the surface; the footnote counts them).
    var markedSaddles: [Point2] {
        let inView = surface.saddles.filter { plan.inView($0.x, $0.y) }
        return inView.count > Self.markedLimit ? [] : inView
    }

    /// "176 more minima (f = −1) and 338 saddles in the view, not marked" when some are left unmarked; nil otherwise.
    var unmarkedNote: String? {
        let minima = surface.minima.filter { plan.inView($0.x, $0.y) }.count - markedMinima.count
        let saddles = surface.saddles.filter { plan.inView($0.x, $0.y) }.count - markedSaddles.count
        var parts: [String] = []
        if minima > 0, let m = surface.minima.first {
            let f = TickFormat.short(surface.value(m.x, m.y), significant: 3)
            parts.append("\(minima) more minima (\(isDataset ? "L" : "f") = \(f))")
        }
        if saddles > 0 { parts.append("\(saddles) saddle" + (saddles == 1 ? "" : "s")) }
        return parts.isEmpty ? nil : parts.joined(separator: " and ") + " in the view, not marked"
    }

    private func distance(_ p: Point2, _ q: Point) -> Double { (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) }
}
