/// Lines of an animated SVG that show a moving stretch of a longer line (a fading tail, say: the last steps
/// of a path before the current one): each frame's stretch is cut from one polyline, the union of the
/// stretches seen so far, written once; a frame shows its stretch with the dash pattern (a dash from the
/// stretch's start to its end, the gap elsewhere). The stretches are matched by their points as written:
/// the same data point lands on the same text in every frame, and a stretch that runs past the union's end
/// extends it (points the line's simplification dropped in one frame and kept in another differ from the
/// union by less than the output resolution).
extension SVGFrameMerge {
    /// Where a line's stretch lies on a union polyline: how far along the union it starts and ends, the
    /// index of the union's segment where it starts, and the stretch's points to append to the union first
    /// (those past its end).
    struct Window {
        var from: Double
        var to: Double
        var fromIndex: Int
        var appended: [Substring]
    }

    /// The points of a polyline as numbers.
    static func coordinates(_ points: [Substring]) -> [(Double, Double)] {
        points.map { p in
            let c = p.split(separator: " ")
            return (Double(c.first ?? "") ?? 0, Double(c.last ?? "") ?? 0)
        }
    }

    /// Where `p` lies on `union`, looking at segments `after` ..< `before`: among the first run of segments
    /// that pass within `tolerance` of it, the nearest (a line that comes back near a point later, as a run
    /// circling a minimum does, is matched where it first gets there): the segment's index and how far
    /// along the union the point is.
    static func project(_ p: (Double, Double), on union: [(Double, Double)], along: [Double], after: Int,
                        before: Int = .max, tolerance: Double) -> (index: Int, along: Double)? {
        var best: (index: Int, along: Double, distance: Double)?
        let end = min(before, union.count - 1)
        guard after < end else { return nil }
        for i in max(0, after)..<end {
            let a = union[i], b = union[i + 1]
            let dx = b.0 - a.0, dy = b.1 - a.1, ll = dx * dx + dy * dy
            let t = ll > 0 ? min(1, max(0, ((p.0 - a.0) * dx + (p.1 - a.1) * dy) / ll)) : 0
            let qx = a.0 + t * dx - p.0, qy = a.1 + t * dy - p.1
            let d = (qx * qx + qy * qy).squareRoot()
            if d <= tolerance, best.map({ d < $0.distance }) ?? true { best = (i, along[i] + t * ll.squareRoot(), d) }
            if d > tolerance, best != nil { break }
        }
        return best.map { ($0.index, $0.along) }
    }

    /// Where `piece` lies on `union` (`xy` its points as numbers, `along` their distances along it): its
    /// first point on the union at or after segment `after`, then each next point a little further along
    /// (so a line that turns back is followed), and the points past the union's end to append; nil when
    /// they are not within `tolerance` units (a little more than the lines' simplification and rounding
    /// move a point) or the piece's length and the stretch's differ by more than 0.5 units plus 2 %.
    static func window(of piece: [Substring], in union: [Substring], xy: [(Double, Double)], along: [Double], after: Int,
                       tolerance: Double = 0.15) -> Window? {
        guard piece.count >= 2, xy.count >= 2 else { return nil }
        let p = coordinates(piece)
        guard let start = project(p[0], on: xy, along: along, after: after, tolerance: tolerance) else { return nil }
        let end = along.last ?? 0
        var cursor = start, matched = 0
        for j in p.indices.dropFirst() {
            guard let e = project(p[j], on: xy, along: along, after: cursor.index, before: cursor.index + 16, tolerance: tolerance),
                  e.along >= cursor.along - tolerance else { break }
            cursor = e
            matched = j
        }
        var stop = cursor.along, appended: [Substring] = []
        if matched < p.count - 1 {
            // The rest runs past the union's end: it must leave from there.
            guard cursor.along >= end - tolerance else { return nil }
            appended = Array(piece[(matched + 1)...])
            let tail = [(xy.last ?? p[0])] + coordinates(appended)
            stop = end + zip(tail, tail.dropFirst()).reduce(0) { s, q in
                s + ((q.1.0 - q.0.0) * (q.1.0 - q.0.0) + (q.1.1 - q.0.1) * (q.1.1 - q.0.1)).squareRoot()
            }
        }
        let a = length(piece), b = stop - start.along
        guard b > 0, abs(a - b) <= 0.5 + 0.02 * max(a, b) else { return nil }
        return Window(from: start.along, to: stop, fromIndex: start.index, appended: appended)
    }

    /// The length along `points` from the first to each point (0 first).
    static func cumulativeLengths(_ points: [Substring]) -> [Double] {
        var out = [0.0]
        out.reserveCapacity(points.count)
        var previous: (Double, Double)?
        for p in points {
            let c = p.split(separator: " ")
            let xy = (Double(c.first ?? "") ?? 0, Double(c.last ?? "") ?? 0)
            if let q = previous {
                let dx = xy.0 - q.0, dy = xy.1 - q.1
                out.append((out.last ?? 0) + (dx * dx + dy * dy).squareRoot())
            }
            previous = xy
        }
        return out
    }

    /// `element` (a `<path>`) with its `d` drawing the polyline `points`.
    static func path(_ element: Substring, through points: [Substring]) -> Substring {
        guard let r = element.firstRange(of: " d=\""), let end = element[r.upperBound...].firstIndex(of: "\"") else { return element }
        let d = "M " + points.joined(separator: " L ") + " "
        return Substring(String(element[..<r.upperBound]) + d + String(element[end...]))
    }
}
