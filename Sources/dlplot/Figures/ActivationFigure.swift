import Optim
import Viz

/// The activation figure: f solid and f′ dashed on one axes, with saturation and dead zones shaded,
/// kinks sharp, jumps drawn as jumps with open/closed end dots, asymptotes dashed, the steepest
/// slope marked, and the formula in the title. Several activations overlay for comparison.
struct ActivationFigure {
    enum Curves: Equatable { case both, valueOnly, derivativeOnly }

    var activations: [Activation]
    var range: ClosedRange<Double>?
    var curves: Curves = .both
    /// Absolute threshold τ on |f′| for saturation zones.
    var saturation: Double? = 0.05
    /// Relative threshold: a fraction of max |f′|.
    var saturationRelative: Double?
    var zones = true

    /// The default x range: [−6, 6], widened to show every kink and jump with room around it.
    static func defaultRange(for acts: [Activation]) -> ClosedRange<Double> {
        var lo = -6.0, hi = 6.0
        for a in acts {
            for k in a.kinks + a.jumps {
                lo = min(lo, k - 3); hi = max(hi, k + 3)
            }
        }
        return lo...hi
    }

    /// The threshold τ for one activation.
    func tau(for a: Activation) -> Double? {
        if let r = saturationRelative { return r * a.maxAbsDerivative.value }
        return saturation
    }

    func build(into figure: inout Figure) -> [DataTable] {
        let theme = figure.theme
        let xr = range ?? ActivationFigure.defaultRange(for: activations)
        let single = activations.count == 1
        var axes = Axes(xLabel: "$x$", yLabel: yLabel(single: single))
        var tables: [DataTable] = []
        let sampler = FunctionSampler()
        let width = theme.lineWidth

        if let a = activations.first, single {
            figure.title = a.displayName + "   " + a.formula
            let desc = [a.isMonotonic ? "monotonic" : "not monotonic", a.isZeroCentred ? "zero-centred" : "not zero-centred",
                        a.isBounded ? "bounded" : "unbounded"]
            figure.subtitle = "range " + Self.rangeText(a.outputRange) + " · " + desc.joined(separator: " · ")
        } else {
            figure.title = "Activation functions" + (curves == .valueOnly ? "" : " and their derivatives")
        }

        for (i, a) in activations.enumerated() {
            let color = theme.color(i)
            let name = single ? "f" : Self.symbol(a)
            let derivativeJumps = Array(Set(a.kinks + a.jumps)).sorted()
            if curves != .derivativeOnly {
                let pts = sampler.sample(xr, kinks: a.kinks, jumps: a.jumps, a.value)
                axes.add(LineMark(points: pts, style: StrokeStyle(color: color, width: width, join: .miter),
                                  label: "$\(name)(x)$" + (single ? "" : "  " + a.displayName), zOrder: 3))
                for j in a.jumps where xr.contains(j) {
                    let left = a.value(j - (xr.upperBound - xr.lowerBound) * 1e-9), right = a.value(j)
                    axes.add(JumpDotsMark(closed: [Point(j, right)], open: [Point(j, left)], color: color))
                }
            }
            if curves != .valueOnly {
                let pts = sampler.sample(xr, kinks: [], jumps: derivativeJumps, a.derivative)
                let dash = curves == .derivativeOnly ? [] : [width * 3, width * 1.8]
                axes.add(LineMark(points: pts, style: StrokeStyle(color: color, width: width * 0.9, dash: dash, join: .miter),
                                  label: "$\(name)'(x)$" + (single && curves == .derivativeOnly ? "" : single ? "" : "  " + a.displayName + "′"),
                                  zOrder: 3))
                let (peak, at) = a.maxAbsDerivative
                if single, at.isFinite, xr.contains(at), peak > 0 {
                    let p = Point(at, a.derivative(at))
                    axes.add(ScatterMark(points: [p], shape: .diamond, size: theme.markerSize * 1.3, color: color,
                                         edge: theme.background, zOrder: 5))
                    axes.add(AnnotationMark("max $|f'|$ = " + TickFormat.short(peak) + " at $x$ = " + TickFormat.short(at),
                                            at: p, offset: Point(18, -26), color: theme.foreground, font: theme.noteFont, showsDot: false))
                }
            }
            if single {
                for asym in a.asymptotes {
                    axes.add(ReferenceLineMark.horizontal(y: asym, style: StrokeStyle(color: theme.muted, width: 1, dash: [4, 3]),
                                                          text: "$y$ = " + TickFormat.short(asym)))
                }
            }
            // The data behind the figure: a uniform grid plus kinks.
            var rows: [[Double]] = []
            let n = 601
            for k in 0..<n {
                let x = xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double(k) / Double(n - 1)
                rows.append([x, a.value(x), a.derivative(x)])
            }
            tables.append(DataTable(name: a.name, columns: ["x", "f", "df"], rows: rows))
        }

        if single, zones, let a = activations.first, let tau = tau(for: a) {
            let found = Zones.find(xr, tau: tau, a.derivative)
            var zoneRows: [[Double]] = []
            var labelledDead = false, labelledSat = false
            for z in found {
                let dead = z.kind == .dead
                let text = dead ? "dead: $f'$ = 0" : "saturated: $|f'|$ < " + TickFormat.short(tau)
                let legend: String? = dead ? (labelledDead ? nil : "dead zone ($f'$ = 0)") : (labelledSat ? nil : "saturation ($|f'|$ < " + TickFormat.short(tau) + ")")
                if dead { labelledDead = true } else { labelledSat = true }
                axes.add(BandMark(.vertical, from: z.lower, to: z.upper, color: theme.zoneColors[dead ? 1 : 0], text: text,
                                  textColor: theme.muted, label: legend))
                zoneRows.append([dead ? 0 : 1, z.lower, z.upper])
            }
            tables.append(DataTable(name: "zones (kind 0 = dead, 1 = saturated)", columns: ["kind", "x_from", "x_to"], rows: zoneRows))
        }
        axes.xLimits = Interval(xr.lowerBound, xr.upperBound)
        figure.add(axes)
        return tables
    }

    private func yLabel(single: Bool) -> String {
        switch curves {
        case .both: return single ? "$f(x)$, $f'(x)$" : "value, derivative"
        case .valueOnly: return single ? "$f(x)$" : "value"
        case .derivativeOnly: return single ? "$f'(x)$" : "derivative"
        }
    }

    /// A short symbol for legends: σ for sigmoid, the name otherwise.
    static func symbol(_ a: Activation) -> String {
        a.name == "sigmoid" ? "\\sigma" : "\\mathrm{\(a.name)}"
    }

    static func rangeText(_ r: OutputRange) -> String {
        func v(_ x: Double) -> String { x.isInfinite ? (x < 0 ? "−∞" : "∞") : TickFormat.short(x) }
        return (r.lowerAttained ? "[" : "(") + v(r.lower) + ", " + v(r.upper) + (r.upperAttained ? "]" : ")")
    }
}
