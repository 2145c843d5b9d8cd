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

    /// `Mark`: Marks are drawn in increasing z order (ties keep insertion order).
    public var zOrder: Double { mark.zOrder }
    /// `Mark`: The data extent the axes' automatic limits should include, or nil.
    public func dataBounds() -> Bounds? { mark.dataBounds() }
    /// `Mark`: Entries this mark contributes to the legend.
    public var legendEntries: [LegendEntry] { mark.legendEntries }
    /// `Mark`: Entries this mark contributes to the legend.
    public func legendEntries(theme: Theme) -> [LegendEntry] { mark.legendEntries(theme: theme) }
    /// `Mark`: Data points the legend should avoid covering.
    public func occupiedPoints() -> [Point] { mark.occupiedPoints() }
    /// `Mark`: Device rectangles (text boxes) the legend should avoid covering even more than data points.
    public func occupiedRects(in context: PlotContext) -> [Rect] { mark.occupiedRects(in: context) }
    /// `Mark`: Draws the mark.
    public func draw(in context: PlotContext) { mark.draw(in: context) }
    /// `Mark`: True when the mark's text is the most dispensable on the plot: it gives way to the legend and to
    /// every other mark's text (it is shortened or left out instead of covering them).
    public var textGivesWay: Bool { mark.textGivesWay }
    /// `Mark`: True when what the mark draws is data ink (curves, paths, markers, bars) that legends, notes and
    /// annotations must not cover; false for backgrounds (fields, bands, grids of arrows).
    public var isDataInk: Bool { mark.isDataInk }
    /// `Mark`: True when the mark's `occupiedPoints` are the vertices of lines, whose segments are ink however
    /// long (a curve of five points spans the plot with five segments); false for scattered points, which legends
    /// and notes treat as joined only across short gaps.
    public var joinsPoints: Bool { mark.joinsPoints }
    /// `Mark`: The wrapped mark's: a growing area is a band drawn with data.
    public var isDataBand: Bool { mark.isDataBand }
    /// `Mark`: False for a mark drawn whole over the plot's frame (matplotlib's `clip_on=False`): a marker at the
    /// edge of the data, such as a minimum on the border of a map, is not cut in half.
    public var clipsToPlot: Bool { mark.clipsToPlot }
    /// `Mark`: What the mark's texts are, for a layout report.
    public var textKind: FigureElement.Kind { mark.textKind }
    /// `Mark`: The device box of text the layout may move off the data (a note), or nil; the mark draws it
    /// shifted by the context's `textShift`.
    public func movableTextBox(in context: PlotContext) -> Rect? { mark.movableTextBox(in: context) }
    /// `Mark`: The only shifts (device points) the layout may give the movable text, best first, or nil to let it
    /// search rings around its place (a label that must stay on its line lists spots along it).
    public func movableTextShifts(in context: PlotContext) -> [Point]? { mark.movableTextShifts(in: context) }
    /// `Mark`: The wrapped mark's leader target.
    public func movableTextLeaderTarget(in context: PlotContext) -> Point? { mark.movableTextLeaderTarget(in: context) }
    /// `Mark`: True when the mark places its texts around other marks' texts and markers (given to it as the
    /// context's `textObstacles`): contour labels, point labels.
    public var placesTextAroundOthers: Bool { mark.placesTextAroundOthers }
    /// `Mark`: Among marks that place their texts around others, higher goes first (its texts are the others'
    /// obstacles); 0 by default.
    public var textPriority: Double { mark.textPriority }
    /// `Mark`: The sentence the figure's footnote says instead when the mark's movable text finds no spot in the
    /// plot free of data and other text (the mark then draws nothing), or nil: the text stays, pulled wholly
    /// inside the plot.
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
            let n = revealed(times, upTo: t)
            m.points = Array(line.points.prefix(n))
            // Between two points (a log written every 10 steps, a frame at step 14): the segment drawn up to t,
            // so the line grows with the frames' clock, not by whole logged rows.
            if n > 0, n < min(times.count, line.points.count), times[n] > times[n - 1], line.points[n - 1].isFinite, line.points[n].isFinite {
                let f = (t - times[n - 1]) / (times[n] - times[n - 1]), a = line.points[n - 1], b = line.points[n]
                if f > 0 { m.points.append(Point(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f)) }
            }
            let finite = line.points.prefix(n).filter(\.isFinite)
            guard finite.count == 1 else { return [m] }
            var dot = ScatterMark(points: Array(finite), shape: .circle, size: max(5, m.style.width * 3.5), color: m.style.color,
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
