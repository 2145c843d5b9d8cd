import Optim
import Viz

extension SurfaceFieldView {
    /// The curves other than the axes along which a typed f is unbounded: for each of the expression's
    /// singular factors g (divisors, log's arguments; `MathExpression.singularFactors`), the points where
    /// g changes sign along the edges of a 41 × 41 grid over the view, located by bisection; the zero set
    /// counts when |f| grows without bound towards 80 % or more of those points (at least four) from
    /// either side, as 1/(x − y) does at the line x = y (x/x, which is 1, does not). A factor whose zeros
    /// all lie on axes already named (x·y in log(x·y)) is left out. Empty for built-in surfaces.
    static func singularCurves(of surface: Surface, in b: Bounds, besides axes: [SingularSet]) -> [SingularSet] {
        guard let expression = surface.expression, expression.dimension == 2 else { return [] }
        let size = max(b.x.upper - b.x.lower, b.y.upper - b.y.lower)
        var out: [SingularSet] = []
        for g in expression.singularFactors {
            let zeros = zeroPoints(of: g, in: b)
            guard zeros.count >= 4 else { continue }
            let onAxes = zeros.allSatisfy { p in
                axes.contains { $0.vertical ? abs(p.x) <= 1e-9 * size : abs(p.y) <= 1e-9 * size }
            }
            if onAxes || axes.contains(where: { $0.line == g.source + " = 0" }) { continue }
            var plus = 0, minus = 0, unbounded = 0
            for p in zeros {
                let d = g.gradient(p.x, p.y)
                let norm = (d.dx * d.dx + d.dy * d.dy).squareRoot()
                let n = norm > 0 && norm.isFinite ? (d.dx / norm, d.dy / norm) : (1.0, 0.0)
                var hit = false
                for sideSign in [-1.0, 1.0] {
                    if let s = growth(surface, from: p, direction: (sideSign * n.0, sideSign * n.1), step: size / 40) {
                        hit = true
                        if s > 0 { plus += 1 } else { minus += 1 }
                    }
                }
                if hit { unbounded += 1 }
            }
            guard Double(unbounded) >= 0.8 * Double(zeros.count) else { continue }
            out.append(SingularSet(line: plainMath(g.source) + " = 0", sign: minus == 0 ? 1 : plus == 0 ? -1 : 0, factor: g, vertical: false))
        }
        return out
    }

    /// Where g changes sign (or is 0) on the edges of a 41 × 41 grid over `b`, by bisection; at most 400.
    static func zeroPoints(of g: MathExpression, in b: Bounds) -> [Point] {
        let n = 40
        let xs = (0...n).map { b.x.lower + (b.x.upper - b.x.lower) * Double($0) / Double(n) }
        let ys = (0...n).map { b.y.lower + (b.y.upper - b.y.lower) * Double($0) / Double(n) }
        let v = ys.map { y in xs.map { x in g.value(x, y) } }
        var out: [Point] = []
        func bisect(_ a0: Point, _ b0: Point, _ ga0: Double) {
            var (a, c, ga) = (a0, b0, ga0)
            for _ in 0..<60 {
                let m = Point((a.x + c.x) / 2, (a.y + c.y) / 2)
                let gm = g.value(m.x, m.y)
                if gm == 0 || !gm.isFinite { a = m; c = m; break }
                if (gm > 0) == (ga > 0) { a = m; ga = gm } else { c = m }
            }
            out.append(Point((a.x + c.x) / 2, (a.y + c.y) / 2))
        }
        for j in 0...n {
            for i in 0...n where out.count < 400 {
                if v[j][i] == 0 { out.append(Point(xs[i], ys[j])); continue }
                if i < n, v[j][i] * v[j][i + 1] < 0 { bisect(Point(xs[i], ys[j]), Point(xs[i + 1], ys[j]), v[j][i]) }
                if j < n, v[j][i] * v[j + 1][i] < 0 { bisect(Point(xs[i], ys[j]), Point(xs[i], ys[j + 1]), v[j][i]) }
            }
        }
        return out
    }

    /// +1 or −1 when f → ±∞ approaching `p` along `direction` (a unit vector pointing away from p): f is
    /// ±∞ next to p, or |f| at distances step·10⁻¹ … 10⁻¹⁰ keeps one sign and grows at every decade by
    /// no less than half of what it grew over the first (a pole's growth speeds up, a logarithm's is
    /// steady, a smooth bump's dies out tenfold a decade). Nil otherwise.
    static func growth(_ surface: Surface, from p: Point, direction: (Double, Double), step: Double) -> Int? {
        let values = (1...10).map { k -> Double in
            let t = step * Double.powerOfTen(-k)
            return surface.value(p.x + t * direction.0, p.y + t * direction.1)
        }
        guard !values.contains(where: \.isNaN), let last = values.last else { return nil }
        let sign = last > 0 ? 1 : -1
        guard values.allSatisfy({ ($0 > 0 ? 1 : -1) == sign }) else { return nil }
        if values.contains(where: \.isInfinite) { return sign }
        let a = values.map(abs)
        let steps = zip(a, a.dropFirst()).map { $1 - $0 }
        guard let first = steps.first, first > 0, steps.allSatisfy({ $0 >= 0.5 * first }) else { return nil }
        return sign
    }

    /// A factor's math label as plain text for a note: `x - y` → "x − y", `x^{2}` → "x²"; a label with other
    /// markup (fractions, roots) is written between `$` as math.
    static func plainMath(_ label: String) -> String {
        var text = label.replacingOccurrences(of: " - ", with: " − ").replacingOccurrences(of: "\\cdot", with: "·")
        let superscripts: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]
        while let r = text.range(of: "^{"), let close = text[r.upperBound...].firstIndex(of: "}"),
              text[r.upperBound..<close].allSatisfy({ superscripts[$0] != nil }) {
            text.replaceSubrange(r.lowerBound...close, with: String(text[r.upperBound..<close].compactMap { superscripts[$0] }))
        }
        return text.contains("\\") || text.contains("{") ? "$" + label + "$" : text
    }
}
