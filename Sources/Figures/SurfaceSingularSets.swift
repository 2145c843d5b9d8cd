import Optim
import Viz

/// A curve of the view along which a typed f is infinite: an axis (log(x·y) on x = 0 and y = 0) or the
/// zero set of a divisor or of log's argument (1/(x − y) on the line x − y = 0), with the sign f tends to
/// (+1 ∞, −1 −∞, 0 both) and the function whose sign tells its two sides apart.
struct SingularSet {
    /// How the note names it: "x = 0", "x − y = 0".
    let line: String
    let sign: Int
    /// x (for x = 0), y (for y = 0) or the factor g (for g = 0); nil: the axis y = 0 (`onXAxis`).
    let factor: MathExpression?
    let vertical: Bool

    /// The function whose sign changes across the set, at (x, y).
    func side(_ x: Double, _ y: Double) -> Double {
        if let factor { return factor.value(x, y) }
        return vertical ? x : y
    }
}

extension SurfaceFieldView {
    /// The axes of the view along which a typed f is infinite, with the sign it tends to: log(x·y) is −∞ on
    /// x = 0 and on y = 0, 1/x + y² is ±∞ on x = 0. A line counts when f is ±∞ at 80 % or more of 41 points
    /// along it inside the view (the line must cross the view's interior). Empty for built-in surfaces.
    static func singularAxes(of surface: Surface, in b: Bounds) -> [SingularSet] {
        guard surface.expression != nil else { return [] }
        var out: [SingularSet] = []
        let candidates: [(String, Bool)] = [("x = 0", b.x.lower < 0 && b.x.upper > 0), ("y = 0", b.y.lower < 0 && b.y.upper > 0)]
        for (line, crosses) in candidates where crosses {
            var plus = 0, minus = 0
            let delta = 1e-6 * max(b.x.upper - b.x.lower, b.y.upper - b.y.lower)
            for k in 0...40 {
                let t = Double(k) / 40
                // f on the line, and just off it on each side (1/x is +∞ at x = +0 but −∞ just left of it).
                let at = { (d: Double) in line.hasPrefix("x") ? surface.value(d, b.y.lower + t * (b.y.upper - b.y.lower))
                    : surface.value(b.x.lower + t * (b.x.upper - b.x.lower), d) }
                let v = at(0)
                guard v.isInfinite else { continue }
                if v > 0 { plus += 1 } else { minus += 1 }
                for side in [at(-delta), at(delta)] where side.isInfinite || abs(side) > 1e3 {
                    if side > 0 { plus += 1 } else { minus += 1 }
                }
            }
            let onLine = (0...40).filter { k in
                let t = Double(k) / 40
                return (line.hasPrefix("x") ? surface.value(0, b.y.lower + t * (b.y.upper - b.y.lower))
                    : surface.value(b.x.lower + t * (b.x.upper - b.x.lower), 0)).isInfinite
            }.count
            guard onLine >= 33 else { continue }
            out.append(SingularSet(line: line, sign: minus == 0 ? 1 : plus == 0 ? -1 : 0, factor: nil, vertical: line.hasPrefix("x")))
        }
        return out
    }

    /// For each run that steps across a singular axis, "adam lr=0.01 steps across x = 0 and y = 0 (f → −∞
    /// there) at step 178": on log(x·y) Adam jumped from (0.0005, 0.0005) over the origin into the third
    /// quadrant and its end "f = −6.9" read as a result. The first such step of each run.
    static func crossingNotes(_ runs: [SurfaceRun], singular: [SingularSet]) -> [String] {
        guard !singular.isEmpty else { return [] }
        return runs.compactMap { run in
            let p = run.points
            for k in p.indices.dropFirst() {
                let crossed = singular.filter { s in s.side(p[k - 1].x, p[k - 1].y) * s.side(p[k].x, p[k].y) < 0 }
                guard !crossed.isEmpty, run.trajectory.steps.indices.contains(k) else { continue }
                let sign = Set(crossed.map(\.sign)).count == 1 ? crossed[0].sign : 0
                return "\(run.config.displayLabel) steps across " + crossed.map(\.line).joined(separator: " and ")
                    + " (f → \(sign > 0 ? "∞" : sign < 0 ? "−∞" : "±∞") there) at step \(run.trajectory.steps[k])"
            }
            return nil
        }
    }

    /// "f → −∞ along x = 0 and y = 0 (no minimum)", "f → ∞ along x = 0", or nil when no axis is singular.
    static func singularAxesNote(_ lines: [SingularSet], fSymbol f: String) -> String? {
        guard !lines.isEmpty else { return nil }
        let signs = Set(lines.map(\.sign))
        let sign = signs.count == 1 ? lines[0].sign : 0
        let arrow = sign > 0 ? "∞" : sign < 0 ? "−∞" : "±∞"
        return "\(f) → \(arrow) along " + lines.map(\.line).joined(separator: " and ") + (signs.contains(where: { $0 <= 0 }) ? " (no minimum)" : "")
    }

    /// "x·y < 0" (or "x·y > 0", "x < 0 and y > 0", …) when the cells where f is undefined are whole
    /// quadrants about the origin (cells on an axis aside): log(x·y) is undefined where x and y have
    /// opposite signs. Nil otherwise, or when one side of an axis is undefined (`side(of:)` says that).
    static func quadrants(of f: ScalarField) -> String? {
        // For each quadrant (x > 0, y > 0 first, counter-clockwise): whether all / any of its cells are bad.
        var all = [true, true, true, true], any = [false, false, false, false], seen = [false, false, false, false]
        for j in 0..<f.ny {
            for i in 0..<f.nx {
                let x = f.xs[i], y = f.ys[j]
                guard x != 0, y != 0 else { continue }
                let q = x > 0 ? (y > 0 ? 0 : 3) : (y > 0 ? 1 : 2)
                seen[q] = true
                if f[i, j].isFinite { all[q] = false } else { any[q] = true }
            }
        }
        guard seen.allSatisfy({ $0 }), (0..<4).allSatisfy({ all[$0] == any[$0] }) else { return nil }
        let bad = Set((0..<4).filter { all[$0] })
        let names = ["x > 0 and y > 0", "x < 0 and y > 0", "x < 0 and y < 0", "x > 0 and y < 0"]
        switch bad {
        case [1, 3]: return "x·y < 0"
        case [0, 2]: return "x·y > 0"
        default: return bad.count == 1 ? bad.first.map { names[$0] } : nil
        }
    }
}
