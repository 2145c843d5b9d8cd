import Optim
import Viz

/// Where the label of a horizontal asymptote goes: at the left or right end of its line (the end where it
/// holds, for a one-sided one), above or below it, whichever leaves the most room to the curves drawn there. The label sits
/// over about the last 22 % of the plot's width and 8 % of its height next to the line; the room is
/// the least vertical distance from that box to any curve in it, as a share of the y span shown.
/// Tried as a new user would: x/(3(2x + 1)) has y = 1/6 in both tails and its label at the left end
/// sat on the curve, which runs just above the line there.
enum AsymptoteLabels {
    /// One dashed line per distinct asymptote of `a` (y = 1/6 in both tails is one line), each
    /// labelled where the curves leave it the most room.
    static func add(_ a: Activation, drawn: [(Double) -> Double], over xr: ClosedRange<Double>, theme: Theme, to axes: inout Axes) {
        var seen: [Double] = []
        let xs = (0...600).map { xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double($0) / 600 }
        let fit = RobustYLimits(xs: xs, series: drawn.map { f in xs.map(f) }, poles: a.poles.map(\.at))
        for asym in a.asymptoteDetails where !seen.contains(where: { abs($0 - asym.y) <= 1e-12 * max(1, abs(asym.y)) }) {
            seen.append(asym.y)
            let lo = min(fit?.lower ?? asym.y, asym.y), hi = max(fit?.upper ?? asym.y, asym.y)
            // A one-sided asymptote (softplus: y = 0 as x → −∞ only) is labelled at the end where it holds; its label at
            // the right end sat where f ≈ x.
            let sides = Set(a.asymptoteDetails.filter { abs($0.y - asym.y) <= 1e-12 * max(1, abs(asym.y)) }.map(\.side))
            let ends: [Bool] = sides.count == 1 ? [sides.contains(-1)] : [false, true]
            let place = placement(y: asym.y, curves: drawn, over: xr, ySpan: lo...max(hi, lo + 1e-12), ends: ends)
            var line = ReferenceLineMark.horizontal(y: asym.y, style: StrokeStyle(color: theme.muted, width: 1, dash: [4, 3]),
                                                    text: "$y$ = " + TickFormat.short(asym.y))
            line.textAtStart = place.atStart
            line.textBelow = place.below
            axes.add(line)
        }
    }

    /// (label at the left end, label below the line) for the line y = `y`.
    static func placement(y: Double, curves: [(Double) -> Double], over xr: ClosedRange<Double>,
                          ySpan: ClosedRange<Double>, ends: [Bool] = [false, true]) -> (atStart: Bool, below: Bool) {
        let span = max(ySpan.upperBound - ySpan.lowerBound, 1e-300)
        let width = 0.22 * (xr.upperBound - xr.lowerBound), height = 0.08 * span
        var best = (atStart: ends.first ?? false, below: false), bestRoom = -Double.infinity
        for atStart in ends {
            let xs = (0...24).map { k in
                atStart ? xr.lowerBound + width * Double(k) / 24 : xr.upperBound - width * Double(k) / 24
            }
            for below in [false, true] {
                // Room above the line counts from the box's edges: a curve inside the box has none.
                let lo = below ? y - height : y, hi = below ? y : y + height
                var room = Double.infinity
                for f in curves {
                    for x in xs {
                        let v = f(x)
                        guard v.isFinite else { continue }
                        room = min(room, v >= lo && v <= hi ? -1 : min(abs(v - lo), abs(v - hi)) / span)
                    }
                }
                // Inside the shown span only, and a small preference for the usual place (right, above).
                let inside = below ? y - height >= ySpan.lowerBound : y + height <= ySpan.upperBound
                let score = (inside ? room : room - 2) - (atStart ? 1e-3 : 0) - (below ? 1e-3 : 0)
                if score > bestRoom { bestRoom = score; best = (atStart, below) }
            }
        }
        return best
    }
}
