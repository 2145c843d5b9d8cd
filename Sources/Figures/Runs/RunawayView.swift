import Viz

/// The y view of a panel where some values run away: a diverging run's loss climbing from 25 to 10³⁰⁵, or a
/// spike of 10⁸ in a loss near 1. Scaled to those values, every other run was a flat line on the zero
/// gridline of a "×10³⁰⁵" axis (on a log axis, a flat line at "1" under 255 decades). When the largest finite
/// magnitude is more than `trigger` times the largest first value of any curve (the level where training
/// starts), the view keeps the values within `factor` times that first value (`logFactor` on a log axis);
/// each line that goes beyond is clipped by the frame and marked with a triangle on the edge where it first
/// leaves (as a computed path is clipped where it leaves the view), and the legend keeps the numbers. Used by
/// `runs` (linear axes: its `--log-y` shows every value and is left alone) and by `curves` (log axes).
struct RunawayView {
    /// Values over this many times the largest first value make a panel's view run away.
    static let trigger = 1e6
    /// The view keeps the values within this many times the largest first value (linear axis).
    static let factor = 3.0
    /// The view keeps the values within this many times the largest first value (log axis: three decades).
    static let logFactor = 1e3

    /// The y limits (padded as `PanelLimits.y` pads).
    var limits: Interval
    /// The largest first value (magnitude) of any curve.
    var start: Double
    /// Whether the view is of a log axis (only positive values are drawn there).
    var log = false

    /// The view for the drawn `columns` (each a curve's values), or nil when nothing runs away.
    init?(_ columns: [ArraySlice<Double>], log: Bool = false) {
        self.init(curves: columns, log: log)
    }

    /// The view for the drawn `curves` (each a collection of values, not copied), or nil when nothing runs
    /// away. On a log axis (`log`) only positive values count.
    init?<C: Collection>(curves: [C], log: Bool) where C.Element == Double {
        func drawn(_ v: Double) -> Bool { v.isFinite && (log ? v > 0 : true) }
        var start = 0.0, top = 0.0
        for values in curves {
            if let first = values.first(where: { drawn($0) && $0 != 0 }) { start = max(start, abs(first)) }
            for v in values where drawn(v) { top = max(top, abs(v)) }
        }
        guard start > 0, top > start * Self.trigger else { return nil }
        let bound = start * (log ? Self.logFactor : Self.factor)
        var lo = Double.infinity, hi = -Double.infinity
        for values in curves {
            for v in values where drawn(v) && abs(v) <= bound { lo = min(lo, v); hi = max(hi, v) }
        }
        guard let limits = PanelLimits.y([[lo, hi][...]], log: log) else { return nil }
        self.limits = limits
        self.start = start
        self.log = log
    }

    /// The first of `values` drawn outside the view, and whether it is above it; nil when none is.
    func exit<C: Collection>(_ values: C) -> (index: C.Index, above: Bool)? where C.Element == Double {
        guard let i = values.firstIndex(where: { $0.isFinite && (!log || $0 > 0) && !limits.contains($0) }) else { return nil }
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
    /// it is one for all) and how to see the rest (`rest`); nil for none.
    static func note(_ views: [RunawayView], rest: String = "--log-y shows them all") -> String? {
        guard let first = views.first else { return nil }
        let value = views.allSatisfy({ $0.start == first.start }) ? " (" + CurvePoints.value(first.start) + ")" : ""
        let times = TickFormat.shortest(first.log ? logFactor : factor)
        return "The y ax\(views.count > 1 ? "es show" : "is shows") values up to \(times) times the largest first value\(value); "
            + "lines leave the view at ▲: \(rest)."
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
