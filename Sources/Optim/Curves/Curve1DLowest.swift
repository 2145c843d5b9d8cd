// Curve1DLowest: whether a curve's lowest minimum is global, or f goes lower in the view or beyond it.

import RealModule

extension Curve1D {
    /// Where f is lower than every minimum: inside the figure's view (at `w`), or past one of its edges.
    public struct Lower: Sendable, Hashable {
        /// Where the lowest value was found (w), and f there.
        public var w: Double, f: Double
        /// −1 or +1 when f keeps falling past the view's lower or upper edge (sampled out to 10⁶ views,
        /// each sample lower than the last, the last 10³ times the minimum's scale below it); 0 otherwise.
        public var unboundedSide: Int
    }

    /// Whether f is lower than its lowest minimum (`minima.first`) somewhere in `view` (601 samples) or past its
    /// edges (out to 10⁶ times the view's width): x³ − 3x on [−3, 3] has a minimum at 1 (f = −2), yet
    /// f(−3) = −18 and f → −∞, so that minimum is local and there is no global one. Nil when no value is lower
    /// (by more than 10⁻⁹ of the minimum's size), or when there is no minimum.
    public func lowerThanMinima(view: ClosedRange<Double>) -> Lower? {
        guard let m = minima.first else { return nil }
        let fm = value(m), span = view.upperBound - view.lowerBound, level = fm - 1e-9 * max(1, abs(fm))
        guard fm.isFinite, span > 0 else { return nil }
        var lowest: (w: Double, f: Double)?
        for k in 0...600 {
            let w = view.lowerBound + span * Double(k) / 600, f = value(w)
            if f < level, f < (lowest?.f ?? .infinity) { lowest = (w, f) }
        }
        for side in [-1, 1] {
            let edge = side < 0 ? view.lowerBound : view.upperBound
            var previous = value(edge), falling = true, found: (w: Double, f: Double)?
            for k in 0...12 {
                let w = edge + Double(side) * span * Double.pow(10, Double(k) / 2), f = value(w)
                if f.isNaN { falling = false; break }
                if !(f < previous) { falling = false }
                previous = f
                if f < level, f < (found?.f ?? .infinity) { found = (w, f) }
            }
            // Falling at every sample and far below (x³: −2×10²⁰ at 6×10⁶) is unbounded; an asymptote is not.
            if let found, falling, found.f < fm - 1e3 * (1 + abs(fm) + abs(value(edge) - fm)) {
                return Lower(w: lowest?.w ?? found.w, f: lowest?.f ?? found.f, unboundedSide: side)
            }
            if lowest == nil, let found { lowest = found }
        }
        return lowest.map { Lower(w: $0.w, f: $0.f, unboundedSide: 0) }
    }

    /// The minima that are global, given the figure's view: all those as low as the lowest (`minima`), or none
    /// when f goes lower in the view or past it (`lowerThanMinima`).
    public func globalMinima(view: ClosedRange<Double>) -> [Double] {
        guard lowerThanMinima(view: view) == nil, let m = minima.first else { return [] }
        let fMin = value(m)
        return minima.filter { value($0) <= fMin + 1e-9 * max(1, abs(fMin)) }
    }
}
