import Viz

/// The y view of a panel where some values run away: a diverging run's loss climbing from 25 to 10³⁰⁵, or a
/// spike of 10⁸ in a loss near 1. Scaled to those values, every other run was a flat line on the zero
/// gridline of a "×10³⁰⁵" axis. When the largest finite magnitude is more than `trigger` times the largest
/// first value of any curve (the level where training starts), the view keeps the values within `factor`
/// times that first value; each line that goes beyond is clipped by the frame and marked with a triangle on
/// the edge where it first leaves (as a computed path is clipped where it leaves the view), and the
/// legend keeps the logged numbers. A log y axis shows every value and is left alone.
struct RunawayView {
    /// Values over this many times the largest first value make a panel's view run away.
    static let trigger = 1e6
    /// The view keeps the values within this many times the largest first value.
    static let factor = 3.0

    /// The y limits (padded as `PanelLimits.y` pads).
    var limits: Interval
    /// The largest first value (magnitude) of any curve.
    var start: Double

    /// The view for the drawn `columns` (each a curve's values), or nil when nothing runs away.
    init?(_ columns: [ArraySlice<Double>]) {
        var start = 0.0, top = 0.0
        for values in columns {
            if let first = values.first(where: { $0.isFinite && $0 != 0 }) { start = max(start, abs(first)) }
            for v in values where v.isFinite { top = max(top, abs(v)) }
        }
        guard start > 0, top > start * Self.trigger else { return nil }
        let bound = start * Self.factor
        guard let limits = PanelLimits.y(columns.map { $0.filter { abs($0) <= bound }[...] }, log: false) else { return nil }
        self.limits = limits
        self.start = start
    }

    /// The first of `values` drawn outside the view, and whether it is above it; nil when none is.
    func exit(_ values: ArraySlice<Double>) -> (index: Int, above: Bool)? {
        guard let i = values.firstIndex(where: { $0.isFinite && !limits.contains($0) }) else { return nil }
        return (i, values[i] > limits.upper)
    }

    /// A triangle on the frame's edge at `x`, pointing where the line went (up or down).
    func mark(at x: Double, above: Bool, color: Color, theme: Theme) -> ScatterMark {
        var m = ScatterMark(points: [Point(x, above ? limits.upper : limits.lower)], shape: above ? .triangle : .triangleDown,
                            size: theme.markerSize * 1.2, color: color)
        m.clipsToPlot = false  // whole, on the edge of the view
        return m
    }

    /// The footnote for the panels whose values ran away: what their view shows (the first value named when
    /// it is one for all) and how to see the rest; nil for none.
    static func note(_ views: [RunawayView]) -> String? {
        guard let first = views.first else { return nil }
        let value = views.allSatisfy({ $0.start == first.start }) ? " (" + CurvePoints.value(first.start) + ")" : ""
        return "The y axis shows values up to \(TickFormat.shortest(factor)) times the largest first value\(value); "
            + "lines leave the view at ▲: --log-y shows them all."
    }
}

extension RunsFigure {
    /// Sets the panel's y limits from the drawn values `shown` (on a linear axis, clipped where values run
    /// away, see `RunawayView`) and marks where each line (`lines`: its x values, its drawn values and its
    /// style index) first leaves the view. Returns the view when values ran away.
    func setYLimits(_ ax: inout Axes, shown: [ArraySlice<Double>], lines: [(x: (Int) -> Double, values: ArraySlice<Double>, style: Int)],
                    theme: Theme) -> RunawayView? {
        ax.yPadding = 0
        guard !logY, clipsRunaways, let view = RunawayView(shown) else {
            // A panel whose runs all diverged at once still draws (empty, with its legend).
            ax.yLimits = PanelLimits.y(shown, log: logY) ?? (logY ? Interval(0.1, 1) : Interval(0, 1))
            return nil
        }
        ax.yLimits = view.limits
        for line in lines {
            guard let (i, above) = view.exit(line.values), line.x(i).isFinite else { continue }
            let look = TrajectoryStyle(index: line.style, theme: theme, width: theme.lineWidth * 0.8)
            let mark = view.mark(at: line.x(i), above: above, color: look.color, theme: theme)
            ax.add(mark, animated: animated, as: .appearing(mark, at: line.x(i)))
        }
        return view
    }
}
