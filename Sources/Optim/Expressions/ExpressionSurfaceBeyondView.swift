/// A given view's minima judged against the whole search domain: zoomed in on one dip of
/// sin 3x · cos 3y + 0.1(x² + y²), the bottom of the view's bowl (1.54, 2.05), f = −0.33, was starred "min",
/// while the surface's minimum (−0.512, 0), f = −0.97, lay outside the view. A built-in surface knows its
/// minima wherever the view is; a typed one is searched over [−10, 10]² as well as over the view.
extension ExpressionSurface {
    /// The domain searched besides a given view.
    static let searchDomain = ViewBox(xmin: -10, xmax: 10, ymin: -10, ymax: 10)

    /// The global minima (those outside `view` included, as a built-in surface lists them) and the local
    /// minima inside `view`, from the view's own search `inView` and one of `searchDomain`: a minimum of the
    /// view is global only when nothing searched is lower. Where the domain's search cannot resolve f (it
    /// oscillates too fast), the view's own verdict stands.
    static func minima(_ f: MathExpression, view: ViewBox, inView: CriticalPoints) -> Found {
        let domain = CriticalPoints(f, in: searchDomain)
        guard domain.unresolvedPeriod == nil else { return Found(inView) }
        func contains(_ p: Point2) -> Bool { p.x >= view.xmin && p.x <= view.xmax && p.y >= view.ymin && p.y <= view.ymax }
        let outside = domain.minima.filter { !contains($0.0) }
        let all = inView.minima + outside
        let lowestSampled = [inView.lowestSampled, domain.lowestSampled].filter { !$0.isNaN }.min() ?? .nan
        guard let best = (all.map(\.1) + inView.curves.map(\.value) + domain.curves.map(\.value)).min() else { return Found() }
        let tolerance = 1e-9 * max(1, abs(best))
        guard lowestSampled >= best - tolerance else { return Found(local: inView.minima.map(\.0)) }
        let global = all.filter { $0.1 - best <= tolerance }.map(\.0)
        let local = inView.minima.filter { m in !global.contains(m.0) }.sorted { $0.1 < $1.1 }
        return Found(global: global, local: local.map(\.0), curves: inView.curves.filter { $0.value - best <= tolerance })
    }

    /// The minima a surface lists: global points, local points (none when over 8), global curves.
    struct Found {
        var global: [Point2] = []
        var local: [Point2] = []
        var curves: [MinimumCurve] = []

        init(global: [Point2] = [], local: [Point2] = [], curves: [MinimumCurve] = []) {
            self.global = global; self.local = local.count <= 8 ? local : []; self.curves = curves
        }

        /// A search's own verdict.
        init(_ c: CriticalPoints) { self.init(global: c.globalMinima, local: c.localMinima, curves: c.globalCurves) }
    }
}
