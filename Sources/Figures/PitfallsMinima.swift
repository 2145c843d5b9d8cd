import Optim
import Viz

/// How a pitfalls figure names the minima of its curve. A few are named under each dip; more (sin 3w + 0.1w²
/// has ten in view) are each marked on the curve — a star labelled "global minimum" for the lowest, a triangle
/// for each local one, which one legend row names: ten "local minimum" notes had floated off to free space,
/// several nearer a neighbouring dip than their own, and labels placed around their triangles still landed
/// beside other dips and runs.
extension PitfallsFigure {
    /// Up to this many minima are named by a note under each.
    static let namedMinima = 3

    /// The minima of `curve` (more than `namedMinima`) whose values lie in the y range shown, each marked (see
    /// the type); the global one labelled beside its star.
    static func markMinima(_ curve: Curve1D, view: ClosedRange<Double>, shownY: Interval, on axes: inout Axes,
                           curvePoints: [Point], theme: Theme) {
        let global = curve.globalMinima(view: view)
        let minima = curve.minima.filter { view.contains($0) && shownY.contains(curve.value($0)) }
        let items = minima.sorted { global.contains($0) && !global.contains($1) }.map { m in
            global.contains(m) ? PointLabelMark.Item(Point(m, curve.value(m)), label: "global minimum", shape: .star)
                : PointLabelMark.Item(Point(m, curve.value(m)), label: nil, shape: .marker(.triangle))
        }
        var labels = PointLabelMark(items, markerSize: 9, zOrder: 4.5)
        labels.avoiding = curvePoints
        axes.add(labels)
        if minima.contains(where: { !global.contains($0) }) { axes.add(MarkerKey(.triangle, "local minimum")) }
    }
}
