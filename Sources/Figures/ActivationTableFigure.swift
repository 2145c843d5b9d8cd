import Optim
import Viz

/// A property table of activations, every entry computed from the kernels: output range, monotonic,
/// zero-centred, bounded, max |f′| (and where), f′(0), and whether |f′| → 0 at either end.
/// Its data table has one row per activation: the name, numbers, `true`/`false` and the saturating
/// side (`none`, `left`, `right`, `both`).
public struct ActivationTableFigure: FigureRecipe {
    /// Where |f′| tends to 0.
    public enum Saturation: Hashable {
        case none, left, right, both
        public var text: String {
            switch self {
            case .none: return "✗"
            case .left: return "✓  $x \\to -\\infty$"
            case .right: return "✓  $x \\to +\\infty$"
            case .both: return "✓  both ends"
            }
        }
    }

    /// One row of the table.
    public struct Properties {
        public var activation: Activation
        public var range: OutputRange
        public var monotonic: Bool
        public var zeroCentred: Bool
        public var bounded: Bool
        public var maxAbsDerivative: Double
        public var maxAbsDerivativeAt: Double
        public var derivativeAtZero: Double
        public var saturation: Saturation
    }

    public var activations: [Activation]

    /// A recipe (or value) with these fields; see each field.
    public init(activations: [Activation]) {
        self.activations = activations
    }

    /// |f′(x)| → 0 as x → ±∞, from the closed forms (the same rule that shades saturated zones).
    /// A typed function is judged by its tails alone: 1/x's |f′| = 1/x² → 0 at both ends.
    public static func saturation(of a: Activation) -> Saturation {
        var ends = a.derivativeVanishes
        if let shape = a.typedShape { ends = (shape.tailFlattensLeft, shape.tailFlattensRight) }
        switch ends {
        case (true, true): return .both
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .none
        }
    }

    public static func properties(of a: Activation) -> Properties {
        let (peak, at) = a.maxAbsDerivative
        return Properties(activation: a, range: a.outputRange, monotonic: a.isMonotonic, zeroCentred: a.isZeroCentred,
                          bounded: a.isBounded, maxAbsDerivative: peak, maxAbsDerivativeAt: at,
                          derivativeAtZero: a.derivative(0), saturation: saturation(of: a))
    }

    /// How the largest |f′| is reached, for the data table: `attained` (f′ takes it at max_abs_derivative_at),
    /// `left_limit` or `right_limit` (only approached as x → at⁻ or at⁺: hardswish's 1.5 at 3, where
    /// f′(3) = 1), `limit` (approached from both sides of at, in a tail, x → ±∞, or at a pole).
    public static func reachedText(_ p: Properties) -> String {
        if p.maxAbsDerivativeAt.isInfinite || p.maxAbsDerivative.isInfinite { return "limit" }
        let approach = p.activation.steepestSlope.approach
        return approach == -1 ? "left_limit" : approach == 1 ? "right_limit" : approach == 0 ? "attained" : "limit"
    }

    /// "0.25 at 0", "1 for x→∞"; "1" when the maximum holds on an interval.
    public static func peakText(_ p: Properties) -> String {
        let v = TickFormat.short(p.maxAbsDerivative, significant: 4)
        if p.maxAbsDerivative.isInfinite, p.maxAbsDerivativeAt.isFinite {
            // At a pole: name it when it is the only one, else say where (tan: at every pole).
            if (p.activation.typedShape?.poles.count ?? 0) > 1 { return v + " at each pole" }
            let approach = p.activation.steepestSlope.approach
            return v + " as $x \\to " + TickFormat.short(p.maxAbsDerivativeAt) + (approach == -1 ? "^{-}" : approach == 1 ? "^{+}" : "") + "$"
        }
        if p.maxAbsDerivative.isInfinite, p.activation.typedShape?.steepInBothTails == true { return v + " as $x \\to \\pm\\infty$" }
        if p.maxAbsDerivativeAt.isInfinite { return v + " as $x \\to " + (p.maxAbsDerivativeAt < 0 ? "-" : "+") + "\\infty$" }
        let approach = p.activation.steepestSlope.approach
        if approach != 0 {
            // From both sides (approach 2): the two-sided limit, no side named.
            return v + " as $x \\to " + TickFormat.short(p.maxAbsDerivativeAt) + (approach == -1 ? "^{-}" : approach == 1 ? "^{+}" : "") + "$"
        }
        return v
    }

    public func build(into figure: inout Figure) -> [DataTable] {
        let theme = figure.theme
        let props = activations.map(Self.properties)
        figure.title = "Activation functions at a glance"
        figure.subtitle = "computed from each function: range of $f$, largest slope, slope at 0 (PyTorch's choice at a kink), and whether $|f'|$ → 0 in the tails (saturation)"
        let header = ["activation", "range of $f$", "monotonic", "zero-centred", "bounded", "max $|f'|$", "$f'(0)$", "saturates?"]
        let yes = theme.color(2), no = theme.color(5)
        func mark(_ b: Bool) -> String { b ? "✓" : "✗" }
        var rows: [[String]] = []
        var colors: [[Color?]] = []
        for p in props {
            rows.append([ActivationGridFigure.title(of: p.activation, among: activations), ActivationFigure.rangeText(of: p.activation), mark(p.monotonic), mark(p.zeroCentred), mark(p.bounded),
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
        let sides: [Saturation: String] = [.none: "none", .left: "left", .right: "right", .both: "both"]
        return [DataTable(name: "properties",
                          columns: ["activation", "range_lower", "range_upper", "monotonic", "zero_centred", "bounded",
                                    "max_abs_derivative", "max_abs_derivative_at", "max_abs_derivative_reached", "derivative_at_0", "saturates"],
                          cells: props.map { p in
                              [.text(p.activation.tableName), .real(p.range.lower), .real(p.range.upper), .bool(p.monotonic),
                               .bool(p.zeroCentred), .bool(p.bounded), .real(p.maxAbsDerivative), .real(p.maxAbsDerivativeAt),
                               .text(Self.reachedText(p)), .real(p.derivativeAtZero), .text(sides[p.saturation] ?? "none")]
                          })]
    }
}
