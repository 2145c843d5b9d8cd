import Foundation
import Optim
import RealModule
import Viz

extension ActivationFigure {
    /// Says where each typed function drawn is undefined or unbounded (one typed activation, several
    /// activations drawn together, or a `--param` family), in the subtitle, and fits the y axis to the
    /// values away from the unbounded points so that one pole does not flatten every curve.
    ///
    /// One activation: its clauses follow the range claim ("… · f undefined for x < 0 · f′ → ∞ at
    /// x = 0"). Several: each member's clauses are prefixed by its legend label ("√x: f undefined for
    /// x < 0, f′ → ∞ at x = 0"; in a family "p = 0.5: …"). Built-in activations are defined and
    /// bounded everywhere; they only take part in the shared y limits.
    /// Whether a typed formula holds an exponential (exp, sigmoid, softplus, sinh, cosh, …), whose overflow or
    /// underflow far out makes f NaN (∞/∞) where the function is defined (see `ActivationDomain.rangeArtefact`).
    static func overflowProne(_ a: Activation) -> Bool {
        guard let source = a.expression?.source.lowercased() else { return false }
        return ["exp", "sigmoid", "softplus", "sinh", "cosh", "elu", "gelu", "silu", "swish", "mish", "softmax", "logistic"]
            .contains { source.contains($0) }
    }

    func addDomainNotes(over xr: ClosedRange<Double>, figure: inout Figure, axes: inout Axes) {
        let single = activations.count == 1
        var notes: [String] = []
        var domains: [ActivationDomain] = []
        for a in activations {
            guard a.expression != nil || !single || logY else { continue }
            let domain = ActivationDomain(value: a.value, derivative: a.derivative, over: xr, poles: a.poles,
                                          includeValue: curves != .derivativeOnly, includeDerivative: curves != .valueOnly,
                                          logScale: logY, overflowProne: Self.overflowProne(a),
                                          batch: { xs in
                                              var v: [Double] = [], d: [Double] = []
                                              a.values(xs, into: &v)
                                              a.derivatives(xs, into: &d)
                                              return (v, d)
                                          })
            domains.append(domain)
            guard !domain.clauses.isEmpty else { continue }
            let clauses = Self.summarised(domain.clauses)
            notes.append(single ? clauses.joined(separator: " · ") : legendLabel(a) + ": " + clauses.joined(separator: ", "))
        }
        if single, let domain = domains.first { axes.add(contentsOf: Self.undefinedBands(domain, theme: figure.theme)) }
        if single, let domain = domains.first, let a = activations.first, curves != .derivativeOnly {
            if let dots = Self.holeDots(a, domain.holes, over: xr, color: figure.theme.color(0)) { axes.add(dots) }
        }
        if single, let domain = domains.first, let fit = domain.robust, fit.trimmed, let a = activations.first {
            notes.append(clippingClause(a, fit: fit, over: xr))
            addClipMarks(a, fit: fit, over: xr, to: &axes, theme: figure.theme)
        }
        // A vertical asymptote at each pole in view (the curves break there and leave the view).
        for a in activations {
            for p in a.poles where xr.contains(p.at) {
                axes.add(ReferenceLineMark(.vertical, at: p.at, style: StrokeStyle(color: figure.theme.muted, width: 0.9, dash: [2, 3]),
                                           includeInLimits: false, zOrder: 1.5))
            }
        }
        if logY, let clause = nonPositiveClause(over: xr) {
            figure.footnote = [figure.footnote, clause].compactMap { $0 }.joined(separator: " · ")
        }
        if !notes.isEmpty {
            let text = ([figure.subtitle].compactMap { $0 } + notes).joined(separator: " · ")
            figure.subtitle = Self.shortened(text, limit: Self.subtitleLimit)
        }
        if single {
            axes.yLimits = domains.first?.yLimits
        } else if logY {
            let limits = domains.compactMap(\.dataLimits)
            if let lo = limits.map(\.lower).min(), let hi = limits.map(\.upper).max() {
                axes.yLimits = Self.logPadded(lo, hi)
            }
        } else if domains.contains(where: { !$0.unbounded.isEmpty }) {
            let limits = domains.compactMap(\.dataLimits)
            if let lo = limits.map(\.lower).min(), let hi = limits.map(\.upper).max() {
                axes.yLimits = ActivationDomain.padded(lo, hi)
            }
        }
    }

    /// Grey hatched bands where f is undefined, labelled "f undefined" where they are wide enough, as
    /// surfaces hatch their undefined regions: a blank half-plot reads as a rendering failure.
    /// An open dot at each removable hole of f (sin(x)/x at 0: undefined there, 0/0 as in torch, with the same
    /// limit 1 from both sides), where the curve would otherwise pass through as if f were defined. A jump
    /// (x/|x|, limits −1 and 1) has its own dots.
    static func holeDots(_ a: Activation, _ holes: [Double], over xr: ClosedRange<Double>, color: Color) -> JumpDotsMark? {
        let eps = (xr.upperBound - xr.lowerBound) * 1e-7
        let open = holes.compactMap { m -> Point? in
            let l = a.value(m - eps), r = a.value(m + eps)
            guard l.isFinite, r.isFinite, abs(l - r) <= 1e-5 * max(1, abs(l)), !a.jumps.contains(where: { abs($0 - m) <= 10 * eps }) else { return nil }
            return Point(m, (l + r) / 2)
        }
        return open.isEmpty ? nil : JumpDotsMark(closed: [], open: open, color: color)
    }

    static func undefinedBands(_ domain: ActivationDomain, theme: Theme) -> [BandMark] {
        domain.undefined.map { r in
            var band = BandMark(.vertical, from: r.lowerBound, to: r.upperBound, color: theme.plotBackground.mixed(with: theme.foreground, 0.12),
                                text: "$f$ undefined", textColor: theme.muted, zOrder: 0.45)
            band.shorterTexts = ["undefined"]
            band.textPlacement = .middle
            band.hatch = StrokeStyle(color: theme.foreground.withAlpha(0.3), width: 0.7)
            return band
        }
    }

    /// [lo, hi] (both > 0) padded by 5 % of the decades it spans (a decade each side when lo = hi).
    static func logPadded(_ lo: Double, _ hi: Double) -> Interval {
        let a = Double.log10(lo), b = Double.log10(hi)
        let pad = b > a ? 0.05 * (b - a) : 1
        return Interval(max(Double.pow(10, a - pad), Double.leastNormalMagnitude), min(Double.pow(10, b + pad), Double.greatestFiniteMagnitude))
    }

    /// On a log y axis, what is not drawn because it is ≤ 0: "f′ ≤ 0 for 0 < x < 0.37 (not drawn on the log
    /// axis)"; nil when every finite value drawn is > 0. Runs of one sample (x^x's isolated values at
    /// negative integers) are not drawn anyway and are not named.
    func nonPositiveClause(over xr: ClosedRange<Double>) -> String? {
        let xs = (0...1200).map { xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double($0) / 1200 }
        var parts: [String] = []
        for a in activations {
            let prefix = activations.count == 1 ? "" : legendLabel(a) + ": "
            let drawn: [(String, (Double) -> Double)] = (curves != .derivativeOnly ? [("$f$", a.value)] : [])
                + (curves != .valueOnly ? [("$f'$", { x in a.value(x).isFinite ? a.derivative(x) : .nan })] : [])
            for (name, g) in drawn {
                let runs = Self.runs(xs.map { g($0) <= 0 }).filter { $0.count >= 2 }
                guard let run = runs.first else { continue }
                guard runs.count == 1 else { parts.append(prefix + name + " ≤ 0 at some $x$"); continue }
                // An end next to an undefined sample is the sample itself (f′ of x^x from x = 0); else the
                // sign change, found by bisection (−x² − 1's f′ = −2x is ≤ 0 from x = 0, not −0.005).
                func edge(_ inside: Double, _ outside: Double) -> Double {
                    guard g(outside).isFinite else { return inside }
                    var a = inside, b = outside
                    for _ in 0..<60 { let m = (a + b) / 2; if g(m) <= 0 { a = m } else { b = m } }
                    return ActivationDomain.rounded(a, span: xr.upperBound - xr.lowerBound)
                }
                let lo = run.lowerBound == 0 ? nil : edge(xs[run.lowerBound], xs[run.lowerBound - 1])
                let hi = run.upperBound == xs.count - 1 ? nil : edge(xs[run.upperBound], xs[run.upperBound + 1])
                let place: String
                switch (lo, hi) {
                case (nil, nil): place = " everywhere"
                case let (nil, h?): place = " for $x$ < " + TickFormat.short(h, significant: 2)
                case let (l?, nil): place = " for $x$ > " + TickFormat.short(l, significant: 2)
                case let (l?, h?): place = " for " + TickFormat.short(l, significant: 2) + " < $x$ < " + TickFormat.short(h, significant: 2)
                }
                parts.append(prefix + name + " ≤ 0" + place)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ") + " (not drawn on the log axis)"
    }

    /// The index ranges where `flags` is true.
    static func runs(_ flags: [Bool]) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        var start: Int?
        for (k, on) in flags.enumerated() {
            if on, start == nil { start = k }
            if !on, let s = start { out.append(s...(k - 1)); start = nil }
        }
        if let s = start { out.append(s...(flags.count - 1)) }
        return out
    }

    /// "f clipped above 665 (it reaches 1.1×10¹⁷⁵ at x = 6)": where a fast-growing tail was cut off.
    func clippingClause(_ a: Activation, fit: RobustYLimits, over xr: ClosedRange<Double>) -> String {
        let xs = (0...600).map { xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double($0) / 600 }
        let values = xs.map { (x: $0, y: a.value($0)) }.filter { $0.y.isFinite }
        let top = values.max { $0.y < $1.y }, bottom = values.min { $0.y < $1.y }
        var parts: [String] = []
        if let top, top.y > fit.shownUpper {
            parts.append("above " + TickFormat.short(fit.shownUpper) + " (f reaches " + TickFormat.short(top.y) + " at x = " + TickFormat.short(top.x) + ")")
        }
        if let bottom, bottom.y < fit.shownLower {
            parts.append("below " + TickFormat.short(fit.shownLower) + " (f reaches " + TickFormat.short(bottom.y) + " at x = " + TickFormat.short(bottom.x) + ")")
        }
        return "y clipped " + (parts.isEmpty ? "to show the shape" : parts.joined(separator: " and "))
    }

    /// A small triangle where each drawn curve leaves the view through the top (pointing up) or the
    /// bottom (pointing down) of a view whose fast-growing tail was cut off.
    func addClipMarks(_ a: Activation, fit: RobustYLimits, over xr: ClosedRange<Double>, to axes: inout Axes, theme: Theme) {
        let curvesDrawn: [((Double) -> Double, Color)] = (curves != .derivativeOnly ? [(a.value, theme.color(0))] : [])
            + (curves != .valueOnly ? [(a.derivative, theme.color(1))] : [])
        let xs = (0...1200).map { xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double($0) / 1200 }
        for (g, color) in curvesDrawn {
            var up: [Point] = [], down: [Point] = []
            for (x0, x1) in zip(xs, xs.dropFirst()) {
                let (y0, y1) = (g(x0), g(x1))
                guard y0.isFinite else { continue }
                // Only where the curve goes on beyond the limit: a lone value next to undefined samples
                // (x^x at the negative integers) leaves nowhere.
                if y0 <= fit.shownUpper, y1 > fit.shownUpper { up.append(Point(x0, fit.shownUpper)) }
                if y0 >= fit.shownLower, y1 < fit.shownLower { down.append(Point(x0, fit.shownLower)) }
            }
            if !up.isEmpty { axes.add(ScatterMark(points: up, shape: .triangle, size: theme.markerSize, color: color, edge: theme.background, zOrder: 5)) }
            if !down.isEmpty { axes.add(ScatterMark(points: down, shape: .triangleDown, size: theme.markerSize, color: color, edge: theme.background, zOrder: 5)) }
        }
    }

    /// The longest subtitle (characters) the notes may make; longer ones end in "…".
    static let subtitleLimit = 200

    /// `text` when it has at most `limit` characters, else its first whole items (separated by " · ") followed by
    /// " · …": a cut at 200 characters fell inside a number ("f → −∞ as x → 3.…") and lost the rest unsaid. A first
    /// item longer than `limit` is cut at its last space before it.
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let items = text.components(separatedBy: " · ")
        var kept = ""
        for item in items {
            let next = kept.isEmpty ? item : kept + " · " + item
            guard next.count + 4 <= limit else { break }
            kept = next
        }
        if !kept.isEmpty { return kept + " · …" }
        let head = text.prefix(limit - 1)
        return String(head.lastIndex(of: " ").map { head[..<$0] } ?? head) + "…"
    }

    /// `clauses` with the unbounded points of each kind counted rather than listed when there are more
    /// than two ("f → ±∞ at 4 points in view (x = −4.712, −1.571, 1.571, …)"), so a periodic pole
    /// (tan) makes one clause, not one per pole.
    static func summarised(_ clauses: [String]) -> [String] {
        var groups: [(name: String, signs: Set<String>, at: [String])] = []
        var out: [(String, Int?)] = []
        for clause in clauses {
            let parts = clause.components(separatedBy: " at x = ")
            let head = parts[0].components(separatedBy: " → ")
            guard parts.count == 2, head.count == 2 else { out.append((clause, nil)); continue }
            if let g = groups.firstIndex(where: { $0.name == head[0] }) {
                groups[g].signs.insert(head[1]); groups[g].at.append(parts[1])
            } else {
                groups.append((head[0], [head[1]], [parts[1]]))
                out.append(("", groups.count - 1))
            }
        }
        // A few unbounded points keep their clauses, in x order.
        guard groups.contains(where: { $0.at.count > 2 }) else { return clauses }
        // f and f′ unbounded at the same points (tan) share one clause: "f → ±∞, f′ → ∞ at 4 points …".
        var lines: [String] = []
        var lastAt: [String]?
        for (text, group) in out {
            guard let group else { lines.append(text); lastAt = nil; continue }
            let g = groups[group]
            let head = g.name + " → " + (g.signs.count == 1 ? g.signs.first ?? "±∞" : "±∞")
            let tail = (g.at.count == 1 ? " at x = " : " at \(g.at.count) points in view (x = ")
                + g.at.prefix(3).joined(separator: ", ") + (g.at.count > 3 ? ", …)" : g.at.count == 1 ? "" : ")")
            if let previous = lastAt, previous == g.at, let last = lines.popLast(), let cut = last.range(of: " at ") {
                lines.append(String(last[..<cut.lowerBound]) + ", " + head + tail)
            } else {
                lines.append(head + tail)
            }
            lastAt = g.at
        }
        return lines
    }
}
