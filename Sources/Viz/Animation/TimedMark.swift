/// A mark that an animation reveals over time: a still figure draws `mark` whole; frame k of
/// `Animation(revealing:frames:timing:)` draws instead the marks `at(t)` returns for that frame's time t.
///
/// Times are plain numbers on one axis shared by the whole figure (a step, an epoch, a panel index…);
/// `span` is the interval over which the mark changes, and `at(span.upper)` should look like `mark` (the
/// last frame draws `mark` itself, so the last frame is exactly the still figure).
public struct TimedMark: Mark {
    /// The mark as the finished figure shows it.
    public var mark: any Mark
    /// The times over which the mark changes, from its first appearance to its finished state.
    public var span: ClosedRange<Double>
    /// What the mark draws at time t: nothing (an empty array) before it appears.
    public var at: @Sendable (Double) -> [any Mark]

    /// A mark that is `at(t)` at time t, and `mark` once finished.
    public init(_ mark: any Mark, span: ClosedRange<Double>, at: @escaping @Sendable (Double) -> [any Mark]) {
        self.mark = mark; self.span = span; self.at = at
    }

    public var zOrder: Double { mark.zOrder }
    public func dataBounds() -> Bounds? { mark.dataBounds() }
    public var legendEntries: [LegendEntry] { mark.legendEntries }
    public func legendEntries(theme: Theme) -> [LegendEntry] { mark.legendEntries(theme: theme) }
    public func occupiedPoints() -> [Point] { mark.occupiedPoints() }
    public func occupiedRects(in context: PlotContext) -> [Rect] { mark.occupiedRects(in: context) }
    public func draw(in context: PlotContext) { mark.draw(in: context) }
    public var textGivesWay: Bool { mark.textGivesWay }
    public var isDataInk: Bool { mark.isDataInk }
    public var joinsPoints: Bool { mark.joinsPoints }
    public var clipsToPlot: Bool { mark.clipsToPlot }
    public var textKind: FigureElement.Kind { mark.textKind }
    public func movableTextBox(in context: PlotContext) -> Rect? { mark.movableTextBox(in: context) }
    public func movableTextShifts(in context: PlotContext) -> [Point]? { mark.movableTextShifts(in: context) }
    public var placesTextAroundOthers: Bool { mark.placesTextAroundOthers }
    public var textPriority: Double { mark.textPriority }
    public var footnoteText: String? { mark.footnoteText }
}

extension TimedMark {
    /// `mark`, shown from time `time` on (nothing before).
    public static func appearing(_ mark: any Mark, at time: Double) -> TimedMark {
        TimedMark(mark, span: time...time) { t in t >= time ? [mark] : [] }
    }

    /// A line drawn up to time t: the points whose time (`times[i]` for `points[i]`) is at most t.
    /// `times` are non-decreasing, one a point. While a single point is revealed (a line needs two) it is
    /// shown as a dot of the line's colour, so the line's start is seen from its first frame.
    public static func line(_ line: LineMark, times: [Double]) -> TimedMark {
        TimedMark(line, span: timeSpan(times)) { t in
            var m = line
            m.points = Array(line.points.prefix(revealed(times, upTo: t)))
            let finite = m.points.filter(\.isFinite)
            guard finite.count == 1 else { return [m] }
            var dot = ScatterMark(points: finite, shape: .circle, size: max(5, m.style.width * 3.5), color: m.style.color,
                                  zOrder: line.zOrder)
            dot.clipsToPlot = false  // whole, also on the plot's edge (the first step of a curve)
            return [m, dot]
        }
    }

    /// A path drawn up to time t (see `line(_:times:)`); nothing before its first point's time.
    public static func path(_ path: PathMark, times: [Double]) -> TimedMark {
        TimedMark(path, span: timeSpan(times)) { t in
            let n = revealed(times, upTo: t)
            guard n > 0 else { return [] }
            var m = path
            m.points = Array(path.points.prefix(n))
            return [m]
        }
    }

    /// Markers shown from their own times on (see `line(_:times:)`).
    public static func scatter(_ scatter: ScatterMark, times: [Double]) -> TimedMark {
        TimedMark(scatter, span: timeSpan(times)) { t in
            let n = revealed(times, upTo: t)
            guard n > 0 else { return [] }
            var m = scatter
            m.points = Array(scatter.points.prefix(n))
            return [m]
        }
    }

    /// A filled area drawn up to time t: the x values whose time (`times[i]` for `x[i]`) is at most t.
    public static func area(_ area: AreaMark, times: [Double]) -> TimedMark {
        TimedMark(area, span: timeSpan(times)) { t in
            let n = revealed(times, upTo: t)
            guard n > 1 else { return [] }
            var m = area
            m.x = Array(area.x.prefix(n)); m.y1 = Array(area.y1.prefix(n)); m.y2 = Array(area.y2.prefix(n))
            return [m]
        }
    }

    /// An arrow that grows from its tail to its head between times `from` and `to`.
    public static func growing(_ arrow: ArrowMark, from: Double, to: Double) -> TimedMark {
        TimedMark(arrow, span: from...max(from, to)) { t in
            guard t >= from else { return [] }
            let f = to > from ? min(1, (t - from) / (to - from)) : 1
            var m = arrow
            m.to = arrow.from + (arrow.to - arrow.from) * f
            return f > 0 ? [m] : []
        }
    }

    /// The first time and the last of non-decreasing `times` (0...0 when empty).
    public static func timeSpan(_ times: [Double]) -> ClosedRange<Double> {
        guard let a = times.first(where: \.isFinite), let b = times.last(where: \.isFinite) else { return 0...0 }
        return min(a, b)...max(a, b)
    }

    /// How many of the non-decreasing `times` are at most t (binary search).
    public static func revealed(_ times: [Double], upTo t: Double) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
