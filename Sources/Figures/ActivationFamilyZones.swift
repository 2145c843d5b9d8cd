import Optim
import Viz

extension ActivationFigure {
    /// Whether the activations are one function at several parameter values: a typed expression's family
    /// (`'x*sigmoid(beta*x)' --param beta=0.5,1,2`) or a built-in's (`swish --param beta=0.5,1,2`). Both get
    /// the same analysis: each member's zones (the built-in family had none while the typed one had them).
    var isFamily: Bool {
        guard activations.count > 1, let first = activations.first else { return false }
        if sharedExpression != nil { return true }
        return activations.allSatisfy { $0.expression == nil && $0.name == first.name }
    }

    /// What tells member `a` of the family apart: its parameter values (`$\beta = 0.5$`).
    func memberLabel(_ a: Activation) -> String {
        if let e = a.expression { return e.parameterLabel }
        let twins = activations.filter { $0.name == a.name }
        let differing = a.parameters.filter { key, value in twins.contains { $0.parameters[key] != value } }
        return differing.isEmpty ? a.displayName : MathExpression.parameterLabel(differing)
    }

    /// The zones of a family (one function at several parameter values, e.g. `beta=0.5,1,2`):
    /// every member's own dead and saturated zones, each a light band in that member's colour and
    /// labelled with its parameter values.
    ///
    /// Per member rather than only the zones common to all members: what a lecturer shows with a family
    /// is how the parameter moves the zone edge (a larger β saturates x·σ(βx) sooner), and the common
    /// zone is often empty (for β = 0.5, x·σ(βx) has no tail with |f′| < 0.05 on [−6, 6]), which would
    /// hide exactly that. The bands are translucent, so where several members are saturated the shade
    /// deepens; the darkest band is the zone common to all. Returns the table
    /// `zones` (see `TidyTables.zones`), each member named as in the legend, and for a family of more than
    /// four the footnote that says which members' zones are drawn.
    func addFamilyZones(over xr: ClosedRange<Double>, theme: Theme, to axes: inout Axes) -> (table: DataTable, note: String?) {
        let styles = SeriesStyles.indices(for: activations.map(\.name), catalogue: Activation.allNames, inOrder: theme.seriesInFigureOrder)
        var rows: [TidyTables.Zone] = []
        var found: [(member: Int, zone: ActivationZone)] = []
        for (i, a) in activations.enumerated() {
            guard let tau = tau(for: a) else { continue }
            found += a.zones(over: xr, threshold: tau).map { (i, $0) }
        }
        for (i, z) in found { rows.append(.init(activation: activations[i].tableName, dead: z.kind == .dead, lower: z.lower, upper: z.upper)) }
        // Beyond four members the stacked bands turned the plot dark and their labels collided: the family's
        // two ends are drawn (the footnote says so); the table keeps every member's zones.
        let ends = Set([0, activations.count - 1])
        let note = familyZonesNote(drawn: Set(found.map(\.member)))
        if activations.count > Self.familyZonesDrawnAll { found = found.filter { ends.contains($0.member) } }
        // Each member's zones also as bars in its colour along the bottom edge, one row per member: nested zones
        // (β = 2 saturated on −6…−2.04, β = 1 on −6…−4.1) read as nested, where the bands only blend.
        let bothKinds = Set(found.map { $0.zone.kind == .dead }).count == 2
        let barRows = Dictionary(uniqueKeysWithValues: Set(found.map(\.member)).sorted().enumerated().map { ($1, $0) })
        for (k, (i, z)) in found.enumerated() {
            let a = activations[i]
            var color = theme.color(styles[i])
            axes.add(EdgeSpanMark(from: z.lower, to: z.upper, color: color, row: barRows[i] ?? 0, thickness: max(2.5, theme.lineWidth * 1.4)))
            color.a = 0.13
            axes.add(BandMark(.vertical, from: z.lower, to: z.upper, color: color))
            // The label sits in the part of the band no narrower band of another member covers
            // (nested tails share the view's edge), so each label names the ring it explains.
            let others = found.enumerated().filter { $0.offset != k && $0.element.member != i }.map(\.element.zone)
                .filter { $0.upper - $0.lower < z.upper - z.lower || ($0.upper - $0.lower == z.upper - z.lower && $0.lower != z.lower) }
            if let (lo, hi) = Self.widestUncovered(z.lower, z.upper, by: others.map { ($0.lower, $0.upper) }) {
                let who = memberLabel(a), extent = Self.extentText(z.lower, z.upper, view: xr)
                // The label states the zone's whole extent (it sits in the part no narrower zone covers); the legend's
                // key says what the shading is, so the label keeps its meaning however short it gets.
                // With both kinds of zone in the figure, the label names its kind.
                let kind = bothKinds ? (z.kind == .dead ? " dead" : " saturated") : ""
                var label = BandMark(.vertical, from: lo, to: hi, color: Color(r: 0, g: 0, b: 0, a: 0),
                                     text: who + kind + ": " + extent, textColor: theme.muted)
                label.shorterTexts = (bothKinds ? [who + ": " + extent] : []) + [who]
                label.textHeightFraction = Self.quietestRow(from: lo, to: hi, curves: curveFunctions(a), over: xr)
                // Clear of every member's curves, not only its own.
                label.avoiding = Self.curvePoints(from: lo, to: hi, curves: activations.flatMap(curveFunctions), over: xr)
                axes.add(label)
            }
        }
        addZoneKeys(found, to: &axes, theme: theme)
        return (TidyTables.zones(rows), note)
    }

    /// Legend entries that say what the family's shading means ("shaded: saturated, |f′| < 0.05 (bars: each
    /// member's zone)"), one per kind of zone drawn: at a large font the band labels shrink to "β = 1", which alone
    /// did not say it; the last also says what the coloured bars along the plot's foot are.
    private func addZoneKeys(_ found: [(member: Int, zone: ActivationZone)], to axes: inout Axes, theme: Theme) {
        let saturated = found.filter { $0.zone.kind != .dead }
        var taus: [String] = []
        for (i, _) in saturated {
            if let t = tau(for: activations[i]).map({ TickFormat.short($0) }), !taus.contains(t) { taus.append(t) }
        }
        let key = theme.muted.withAlpha(0.3)
        // The bars in the members' colours along the plot's foot looked like data (R15-12): the last key says them.
        let dead = found.contains(where: { $0.zone.kind == .dead })
        let bars = " (bars: each member's zone)"
        if !saturated.isEmpty {
            let threshold = taus.isEmpty ? "" : ", $|f'|$ < " + taus.joined(separator: ", ")
            axes.add(BandMark(.vertical, from: .nan, to: .nan, color: key, label: "shaded: saturated" + threshold + (dead ? "" : bars)))
        }
        if dead {
            axes.add(BandMark(.vertical, from: .nan, to: .nan, color: key, label: "shaded: dead, $f'$ = 0" + bars))
        }
    }

    /// Where a zone holds, for its label: "$x$ < −2.04" for a tail that reaches the view's left edge,
    /// "$x$ > 3" for one that reaches the right, "−1 < $x$ < 2" inside.
    static func extentText(_ lower: Double, _ upper: Double, view: ClosedRange<Double>) -> String {
        let span = view.upperBound - view.lowerBound
        let toLeft = lower <= view.lowerBound + span * 1e-9, toRight = upper >= view.upperBound - span * 1e-9
        switch (toLeft, toRight) {
        case (true, false): return "$x$ < " + TickFormat.short(upper)
        case (false, true): return "$x$ > " + TickFormat.short(lower)
        case (true, true): return "every $x$ in view"
        case (false, false): return TickFormat.short(lower) + " < $x$ < " + TickFormat.short(upper)
        }
    }

    /// The most members whose zones are all drawn.
    static let familyZonesDrawnAll = 4

    /// For a family of more than four: "zones shaded for a = 0.25 and a = 10 only (the family's ends)", naming
    /// only the ends that have zones in view (`withZones`: the members that have any) — "zones shaded for
    /// β = 16 only (of the family's ends; β = 0.25 has none in view)"; nil when neither end has one.
    func familyZonesNote(drawn withZones: Set<Int>) -> String? {
        let count = activations.count
        guard count > Self.familyZonesDrawnAll, let first = activations.first, let last = activations.last else { return nil }
        switch (withZones.contains(0), withZones.contains(count - 1)) {
        case (true, true): return "zones shaded for " + memberLabel(first) + " and " + memberLabel(last) + " only (the family's ends)"
        case (true, false): return "zones shaded for " + memberLabel(first) + " only (of the family's ends; " + memberLabel(last) + " has none in view)"
        case (false, true): return "zones shaded for " + memberLabel(last) + " only (of the family's ends; " + memberLabel(first) + " has none in view)"
        case (false, false): return nil
        }
    }

    /// For a family of more than four members: the theme with a sequential palette (viridis, the part that
    /// stands out from the background), so the members' order survives greyscale; unchanged otherwise or when
    /// the user gave the colours (`--colors`).
    static func familyTheme(_ theme: Theme, members: Int) -> Theme {
        guard members > familyZonesDrawnAll, !theme.paletteInOrder else { return theme }
        var out = theme
        let dark = theme.plotBackground.luminance < 0.5
        let (a, b) = dark ? (0.3, 1.0) : (0.0, 0.8)
        out.palette = (0..<members).map { Colormap.viridis.color(at: a + (b - a) * Double($0) / Double(members - 1)) }
        out.paletteInOrder = true
        return out
    }

    /// The widest piece of `lo…hi` outside every interval in `cuts`; nil when they cover it all.
    static func widestUncovered(_ lo: Double, _ hi: Double, by cuts: [(Double, Double)]) -> (Double, Double)? {
        var pieces = [(lo, hi)]
        for (a, b) in cuts {
            pieces = pieces.flatMap { p -> [(Double, Double)] in
                guard b > p.0, a < p.1 else { return [p] }
                return [(p.0, a), (b, p.1)].filter { $0.1 > $0.0 }
            }
        }
        return pieces.max { $0.1 - $0.0 < $1.1 - $1.0 }.flatMap { $0.1 - $0.0 > (hi - lo) * 1e-6 ? $0 : nil }
    }
}
