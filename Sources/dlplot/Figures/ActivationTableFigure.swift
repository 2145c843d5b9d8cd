import Optim
import Viz

/// A property table of activations, every entry computed from the kernels: output range, monotonic,
/// zero-centred, bounded, max |f′| (and where), f′(0), and whether |f′| → 0 at either end.
struct ActivationTableFigure {
    /// Where |f′| tends to 0.
    enum Saturation: Equatable {
        case none, left, right, both
        var text: String {
            switch self {
            case .none: return "✗"
            case .left: return "✓  $x \\to -\\infty$"
            case .right: return "✓  $x \\to +\\infty$"
            case .both: return "✓  both ends"
            }
        }
    }

    /// One row of the table.
    struct Properties {
        var activation: Activation
        var range: OutputRange
        var monotonic: Bool
        var zeroCentred: Bool
        var bounded: Bool
        var maxAbsDerivative: Double
        var maxAbsDerivativeAt: Double
        var derivativeAtZero: Double
        var saturation: Saturation
    }

    var activations: [Activation]

    /// |f′(x)| → 0 as x → ±∞, from the closed forms (the same rule that shades saturated zones).
    static func saturation(of a: Activation) -> Saturation {
        switch a.derivativeVanishes {
        case (true, true): return .both
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .none
        }
    }

    static func properties(of a: Activation) -> Properties {
        let (peak, at) = a.maxAbsDerivative
        return Properties(activation: a, range: a.outputRange, monotonic: a.isMonotonic, zeroCentred: a.isZeroCentred,
                          bounded: a.isBounded, maxAbsDerivative: peak, maxAbsDerivativeAt: at,
                          derivativeAtZero: a.derivative(0), saturation: saturation(of: a))
    }

    /// "0.25 at 0", "1 for x→∞"; "1" when the maximum holds on an interval.
    static func peakText(_ p: Properties) -> String {
        let v = TickFormat.short(p.maxAbsDerivative, significant: 4)
        if p.maxAbsDerivativeAt.isInfinite { return v + " as $x \\to " + (p.maxAbsDerivativeAt < 0 ? "-" : "+") + "\\infty$" }
        let approach = p.activation.steepestSlope.approach
        if approach != 0 {
            return v + " as $x \\to " + TickFormat.short(p.maxAbsDerivativeAt) + (approach < 0 ? "^{-}" : "^{+}") + "$"
        }
        return v
    }

    func build(into figure: inout Figure) -> [DataTable] {
        let theme = figure.theme
        let props = activations.map(Self.properties)
        figure.title = "Activation functions at a glance"
        figure.subtitle = "computed from the kernels: range of $f$, largest slope, slope at 0 (PyTorch's choice at a kink), and whether $|f'|$ → 0 in the tails (saturation)"
        let header = ["activation", "range of $f$", "monotonic", "zero-centred", "bounded", "max $|f'|$", "$f'(0)$", "saturates?"]
        let yes = theme.color(2), no = theme.color(5)
        func mark(_ b: Bool) -> String { b ? "✓" : "✗" }
        var rows: [[String]] = []
        var colors: [[Color?]] = []
        for p in props {
            rows.append([p.activation.displayName, ActivationFigure.rangeText(p.range), mark(p.monotonic), mark(p.zeroCentred), mark(p.bounded),
                         Self.peakText(p), TickFormat.short(p.derivativeAtZero, significant: 4), p.saturation.text])
            colors.append([nil, nil, p.monotonic ? yes : no, p.zeroCentred ? yes : no, p.bounded ? yes : no, nil, nil,
                           p.saturation == .none ? no : yes])
        }
        var axes = Axes()
        axes.showAxes = false
        axes.grid = false
        axes.zeroLines = false
        axes.legend = .none
        axes.xLimits = Interval(0, 1)
        axes.yLimits = Interval(0, 1)
        axes.add(TableMark(header: header, rows: rows, alignments: [.leading, .center, .center, .center, .center, .center, .center, .leading],
                           cellColors: colors))
        figure.add(axes)
        return [DataTable(name: "properties (1 = yes, 0 = no; saturates: 0 none, 1 x→−∞, 2 x→+∞, 3 both)",
                          columns: ["activation", "range_lower", "range_upper", "monotonic", "zero_centred", "bounded",
                                    "max_abs_derivative", "max_abs_derivative_at", "derivative_at_0", "saturates"],
                          rows: props.enumerated().map { k, p in
                              let s: Double = [.none: 0, .left: 1, .right: 2, .both: 3][p.saturation] ?? 0
                              return [Double(k), p.range.lower, p.range.upper, p.monotonic ? 1 : 0, p.zeroCentred ? 1 : 0, p.bounded ? 1 : 0,
                                      p.maxAbsDerivative, p.maxAbsDerivativeAt, p.derivativeAtZero, s]
                          })]
    }
}
