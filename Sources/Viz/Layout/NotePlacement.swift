/// Moves notes and other movable text off the data: each box that covers data ink, another text, the
/// legend, or runs out of the plot is shifted to the nearest free spot inside the plot (candidates on
/// rings of growing distance around where the recipe put it, nearest first). When no spot is free, the
/// text keeps its place but is pulled wholly inside the plot, so it is never cut off.
struct NotePlacement {
    /// The device shift of each movable mark (by mark index); marks not listed stay where they are.
    static func shifts(marks: [any Mark], ctx: PlotContext, legend: Rect?) -> [Int: Point] {
        place(marks: marks, ctx: ctx, legend: legend).shifts
    }

    /// The shifts, and the movable marks for which no spot was free of data ink, other texts and the
    /// legend (by mark index, in order).
    static func place(marks: [any Mark], ctx: PlotContext, legend: Rect?) -> (shifts: [Int: Point], crowded: [Int]) {
        let movable = marks.indices.compactMap { k in marks[k].movableTextBox(in: ctx).map { (k, $0) } }
        guard !movable.isEmpty else { return ([:], []) }
        let plot = ctx.plotRect
        var grid = OccupancyGrid(over: plot, cell: 3)
        for m in marks where m.isDataInk {
            // A line's segments are ink however long (a steep branch leaving the plot towards a pole);
            // scattered markers are joined only across short gaps.
            grid.mark(ink: m.occupiedPoints().map(ctx.point), radius: m.markerRadius, maxGap: m.joinsPoints ? .infinity : max(plot.width, plot.height) / 6)
        }
        var texts: [Rect] = legend.map { [$0] } ?? []
        // A room kept clear (`KeepClearMark`) is kept for the text that some frames draw there, not from it.
        for (k, m) in marks.enumerated() where !movable.contains(where: { $0.0 == k }) && !(m is KeepClearMark) { texts += m.occupiedRects(in: ctx) }
        let room = plot.inset(by: Insets(top: 2, left: 2, bottom: 2, right: 2))
        var out: [Int: Point] = [:], crowded: [Int] = []
        for (k, box) in movable {
            // A name beside its own curve is offered spots a small gap off the curve, so its box is checked
            // as drawn; other texts keep a 1.5-unit margin. (With the margin, a name in the narrow wedge
            // between its curve and the next one touched both curves' 3-unit cells at every spot near
            // the curve's end, and slid along its curve to where another curve was nearer.)
            let shifts = marks[k].movableTextShifts(in: ctx)
            // A text with a leader (max |f′| = 1 at x = 0) keeps it and its box `clearance` off every curve.
            let target = marks[k].movableTextLeaderTarget(in: ctx)
            let margin = target != nil ? Self.clearance : shifts == nil ? 1.5 : 0
            func cost(_ b: Rect) -> Int {
                guard room.containsRect(b) else { return Int.max }
                if texts.contains(where: { $0.overlapArea(b) > 0.5 }) { return Int.max / 2 }
                let leader = target.flatMap { Self.leader(from: b, to: $0) }
                return grid.count(in: b.expanded(by: margin)) + (leader.map { grid.count(along: $0.0, $0.1, within: Self.leaderClearance) } ?? 0)
            }
            var best = Point(0, 0), bestCost = cost(box)
            if bestCost != 0, let shifts {
                for s in shifts {
                    let c = cost(Rect(x: box.x + s.x, y: box.y + s.y, width: box.width, height: box.height))
                    if c < bestCost { bestCost = c; best = s }
                    if c == 0 { break }
                }
            }
            // A text with a leader may go farther than its own spots offer: a longer leader beats one over a curve.
            if bestCost != 0, shifts == nil || target != nil {
                let stepX = max(4, box.height * 0.75), stepY = max(4, box.height * 0.5)
                ring: for r in 1...40 {
                    for (dx, dy) in Self.ring(r) {
                        let s = Point(Double(dx) * stepX, Double(dy) * stepY)
                        let c = cost(Rect(x: box.x + s.x, y: box.y + s.y, width: box.width, height: box.height))
                        if c < bestCost { bestCost = c; best = s }
                        if c == 0 { break ring }
                    }
                }
            }
            if bestCost != 0 { crowded.append(k) }
            if bestCost >= Int.max / 2 {
                // Nowhere free: stay, but wholly inside the plot.
                best = Point(min(max(0, room.minX - box.minX), room.maxX - box.maxX), min(max(0, room.minY - box.minY), room.maxY - box.maxY))
            }
            if best != Point(0, 0) { out[k] = best }
            texts.append(Rect(x: box.x + best.x, y: box.y + best.y, width: box.width, height: box.height))
        }
        return (out, crowded)
    }

    /// How far (device points) a text with a leader keeps off data ink.
    static let clearance = 3.0
    /// How far (device points) the leader keeps off data ink: clear of a curve's stroke, not touching it.
    static let leaderClearance = 1.5
    /// The end of a leader near the point it marks is not checked: it meets the marker, and the curve the
    /// marker is on, there.
    static let leaderEndSkipped = 10.0

    /// The part of a leader from a text box at `box` to `target` that should be clear of data ink: from where
    /// it leaves the box to `leaderEndSkipped` short of the target; nil when the box holds the target or is that close.
    static func leader(from box: Rect, to target: Point) -> (Point, Point)? {
        let around = box.expanded(by: 2)
        guard !around.contains(target) else { return nil }
        let start = AnnotationMark.exit(from: around, towards: target)
        let d = target - start, length = d.length
        guard length > leaderEndSkipped else { return nil }
        return (start, start + d * ((length - leaderEndSkipped) / length))
    }

    /// The integer offsets at Chebyshev distance `r`, the nearest (by Euclidean distance) first.
    static func ring(_ r: Int) -> [(Int, Int)] {
        var pts: [(Int, Int)] = []
        for dx in -r...r { pts.append((dx, -r)); pts.append((dx, r)) }
        for dy in (-r + 1)..<r { pts.append((-r, dy)); pts.append((r, dy)) }
        return pts.sorted { ($0.0 * $0.0 + $0.1 * $0.1, $0.1, $0.0) < ($1.0 * $1.0 + $1.1 * $1.1, $1.1, $1.0) }
    }
}
