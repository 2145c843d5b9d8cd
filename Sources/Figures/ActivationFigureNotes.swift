import Optim
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
    func addDomainNotes(over xr: ClosedRange<Double>, figure: inout Figure, axes: inout Axes) {
        let single = activations.count == 1
        var notes: [String] = []
        var domains: [ActivationDomain] = []
        for a in activations {
            guard a.expression != nil || !single else { continue }
            let domain = ActivationDomain(value: a.value, derivative: a.derivative, over: xr, poles: a.poles,
                                          includeValue: curves != .derivativeOnly, includeDerivative: curves != .valueOnly,
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
        if !notes.isEmpty {
            let text = ([figure.subtitle].compactMap { $0 } + notes).joined(separator: " · ")
            figure.subtitle = text.count <= Self.subtitleLimit ? text : String(text.prefix(Self.subtitleLimit - 1)) + "…"
        }
        if single {
            axes.yLimits = domains.first?.yLimits
        } else if domains.contains(where: { !$0.unbounded.isEmpty }) {
            let limits = domains.compactMap(\.dataLimits)
            if let lo = limits.map(\.lower).min(), let hi = limits.map(\.upper).max() {
                axes.yLimits = ActivationDomain.padded(lo, hi)
            }
        }
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
                if y0 <= fit.shownUpper, !(y1 <= fit.shownUpper) { up.append(Point(x0, fit.shownUpper)) }
                if y0 >= fit.shownLower, !(y1 >= fit.shownLower) { down.append(Point(x0, fit.shownLower)) }
            }
            if !up.isEmpty { axes.add(ScatterMark(points: up, shape: .triangle, size: theme.markerSize, color: color, edge: theme.background, zOrder: 5)) }
            if !down.isEmpty { axes.add(ScatterMark(points: down, shape: .triangleDown, size: theme.markerSize, color: color, edge: theme.background, zOrder: 5)) }
        }
    }

    /// The longest subtitle (characters) the notes may make; longer ones end in "…".
    static let subtitleLimit = 200

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
