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
            notes.append(single ? domain.clauses.joined(separator: " · ")
                         : legendLabel(a) + ": " + domain.clauses.joined(separator: ", "))
        }
        if !notes.isEmpty {
            figure.subtitle = ([figure.subtitle].compactMap { $0 } + notes).joined(separator: " · ")
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
}
