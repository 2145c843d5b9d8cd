import Optim
import RealModule
import Viz

/// The y ranges of a grid of activation panels: one shared range, so shapes and slopes compare across
/// panels, except for panels whose function would flatten every other one (exp(exp(x)) reaches
/// 2.8×10²⁵ on [−4, 4]; x³'s f′ reaches 48 while the others stay within [−2, 4]). Those get their own
/// range, fitted as the one-function figure fits it (`RobustYLimits`: a fast-growing tail cut off and
/// marked), and the subtitle names them — what a matplotlib user does by hand with `sharey=False` and
/// `set_ylim` on the one panel.
public struct ActivationGridYRanges: Sendable {
    /// The range every panel shares, except those in `own`.
    public var shared: ClosedRange<Double>
    /// Panels (by index) on their own y range, with the fit that chose it.
    public var own: [Int: RobustYLimits]

    /// One range for every panel (given by the user: `--y-range`).
    public init(shared: ClosedRange<Double>) {
        self.shared = shared
        own = [:]
    }

    /// How many times the median panel's span a panel may span and still share the axis.
    static let outlierFactor = 12.0
    /// How many times a sharing panel's span the shared axis may be before every panel of a grid with typed
    /// formulas gets its own range.
    static let typedSpanRatio = 4.0

    /// The ranges for `acts` over `x`; `logScale` when the y axis is logarithmic (fitted to log₁₀ of the
    /// positive values: every range then lies above 0).
    public init(for acts: [Activation], x: ClosedRange<Double>, logScale: Bool = false) {
        let xs = FieldSampler.linspace(x.lowerBound, x.upperBound, count: 601)
        var fits: [RobustYLimits?] = []
        // Each panel's own extent (in decades on a log axis) and whether a tail had to be cut off.
        var extents: [(lo: Double, hi: Double, cut: Bool)?] = []
        for a in acts {
            let d = ActivationDomain(value: a.value, derivative: a.derivative, over: x, poles: a.poles, logScale: logScale)
            let f = d.robust ?? Self.plainFit(a, xs: xs, logScale: logScale)
            fits.append(f)
            guard let f else { extents.append(nil); continue }
            // A pole's branches leave the shared axis rather than stretch it: its core is what counts.
            let (lo, hi) = d.unbounded.isEmpty ? (f.shownLower, f.shownUpper) : (f.coreLower, f.coreUpper)
            extents.append(logScale ? (Double.log10(lo), Double.log10(hi), f.trimmed) : (lo, hi, f.trimmed))
        }
        let spans = extents.compactMap { $0.map { $0.hi - $0.lo } }.sorted()
        let median = spans.isEmpty ? 1 : spans[spans.count / 2]
        let floor = 1.0  // one unit (a decade on a log axis): spans below it are all alike
        var own: [Int: RobustYLimits] = [:]
        var lo = logScale ? Double.infinity : 0.0, hi = logScale ? -Double.infinity : 1.0
        for (k, e) in extents.enumerated() {
            guard let e else { continue }
            let outlier = acts.count > 1 && (e.cut || e.hi - e.lo > Self.outlierFactor * max(median, floor))
            if outlier, let f = fits[k] { own[k] = f; continue }
            lo = min(lo, e.lo); hi = max(hi, e.hi)
        }
        // Typed formulas of unlike sizes (sin(x) spans 2 of the 20 that x² sets): when a sharing panel would fill
        // less than a quarter of the shared axis, every panel gets its own range, else the small ones are flat
        // lines. The built-in catalogue keeps one axis, to compare slopes.
        let sharedSpan = hi - max(lo, logScale ? lo : -2)
        if acts.count > 1, acts.contains(where: { $0.expression != nil }), extents.indices.contains(where: { k in
            guard own[k] == nil, let e = extents[k] else { return false }
            return min(e.hi, hi) - max(e.lo, logScale ? lo : -2) < sharedSpan / Self.typedSpanRatio
        }) {
            for (k, f) in fits.enumerated() { own[k] = f }
        }
        if logScale {
            if !(lo <= hi) { (lo, hi) = (-1, 1) }
            let pad = hi > lo ? 0.05 * (hi - lo) : 1
            shared = Double.pow(10, lo - pad)...Double.pow(10, hi + pad)
        } else {
            // Curves that fall further than −2 (the identity) leave through the bottom.
            lo = max(lo, -2)
            let pad = (hi - lo) * 0.05
            shared = (lo - pad)...(hi + pad)
        }
        self.own = own
    }

    /// A built-in activation's fit: its f and f′ sampled, nothing cut (they are bounded on any view).
    static func plainFit(_ a: Activation, xs: [Double], logScale: Bool) -> RobustYLimits? {
        let series = [xs.map(a.value), xs.map(a.derivative)]
        return logScale ? RobustYLimits(logOf: xs, series: series, poles: []) : RobustYLimits(xs: xs, series: series, poles: [])
    }
}
