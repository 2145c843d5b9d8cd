import Viz

extension SurfaceFigure {
    /// The radius in points of the labelled points' markers, the start's circle among them (a path's exit
    /// arrow keeps clear of it).
    static let startCircleRadius = 5.0

    /// The plane's labelled points (minima, saddles, a pole, the start), kept off the runs and paths drawn.
    func pointLabels(_ view: SurfaceFieldView?) -> PointLabelMark {
        var items: [PointLabelMark.Item] = []
        for m in markedMinima {
            items.append(.init(Point(m.x, m.y), label: surface.minima.count > 1 ? "min" : "min " + minimumCoordinates(m), shape: .star))
        }
        // The start before the local minima and saddles: the legend keys the local minima's triangle and a saddle's
        // diamond says what it is, but nothing else says what the circle is (six-hump camel's start went unlabelled).
        if !runs.isEmpty, plan.inView(plan.start.x, plan.start.y) {
            items.append(.init(Point(plan.start.x, plan.start.y), label: "start", shape: .marker(.circle)))
        }
        for m in surface.localMinima where plan.inView(m.x, m.y) {
            items.append(.init(Point(m.x, m.y), label: "local min", shape: .marker(.triangle)))
        }
        for p in markedSaddles {
            items.append(.init(Point(p.x, p.y), label: "saddle", shape: .saddle))
        }
        if let pole = view?.pole, plan.inView(pole.point.x, pole.point.y) {
            items.append(.init(pole.point, label: pole.positive ? "f → ∞" : "f → −∞", shape: .marker(.cross)))
        }
        var labels = PointLabelMark(items, markerSize: 2 * Self.startCircleRadius, zOrder: 6)
        // The labels keep off the runs where they can: "start" once hid the one step drawn, and a minimum's
        // label the last steps of every run that reached it.
        // Paths from files too: "start" half hid a file path's end marker.
        labels.avoiding = drawnPaths
        labels.clipsToPlot = false  // a start or minimum on the view's corner is drawn whole, not a quarter of it
        return labels
    }
}
