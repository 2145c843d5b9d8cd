import RealModule

/// The range of an activation's output: its bounds (±infinity when unbounded) and whether each
/// bound is attained by some finite x.
public struct OutputRange: Sendable, Hashable {
    /// The infimum of f (−infinity when unbounded below).
    public let lower: Double
    /// The supremum of f (+infinity when unbounded above).
    public let upper: Double
    /// Whether f(x) = lower for some finite x.
    public let lowerAttained: Bool
    /// Whether f(x) = upper for some finite x.
    public let upperAttained: Bool

    /// A range with the given bounds.
    public init(lower: Double, upper: Double, lowerAttained: Bool, upperAttained: Bool) {
        self.lower = lower
        self.upper = upper
        self.lowerAttained = lowerAttained
        self.upperAttained = upperAttained
    }

    static let all = OutputRange(lower: -.infinity, upper: .infinity, lowerAttained: false, upperAttained: false)
    static func open(_ lo: Double, _ hi: Double) -> OutputRange {
        OutputRange(lower: lo, upper: hi, lowerAttained: false, upperAttained: false)
    }
    static func closed(_ lo: Double, _ hi: Double) -> OutputRange {
        OutputRange(lower: lo, upper: hi, lowerAttained: true, upperAttained: hi.isFinite)
    }
    static func openAbove(_ lo: Double) -> OutputRange {
        OutputRange(lower: lo, upper: .infinity, lowerAttained: false, upperAttained: false)
    }
}

/// A horizontal asymptote y = `y` approached as x → −∞ (`side` −1) or x → +∞ (`side` +1).
public struct Asymptote: Sendable, Hashable {
    /// The limit value.
    public let y: Double
    /// −1 for x → −∞, +1 for x → +∞.
    public let side: Int
}

/// The shape of an activation, for plotting: range, kinks, jumps, asymptotes, flags, steepest slope.
extension Activation {
    /// The output range (bounds and whether each is attained).
    public var outputRange: OutputRange {
        switch function {
        case .identity: return .all
        case .binaryStep: return .closed(0, 1)
        case .sigmoid: return .open(0, 1)
        case .tanh, .softsign: return .open(-1, 1)
        case .relu: return .closed(0, .infinity)
        case .leaky(let s): return s > 0 ? .all : .closed(0, .infinity)
        case .elu(let alpha): return alpha > 0 ? .openAbove(-alpha) : .closed(0, .infinity)
        case .selu: return .openAbove(-Kernel.seluScale * Kernel.seluAlpha)
        case .celu(let alpha): return .openAbove(-alpha)
        case .swish(let beta):
            // x·σ(βx) = silu(βx)/β: the minimum scales with 1/β.
            return .closed(Activation.siluMinimum.value / beta, .infinity)
        case .gelu, .geluTanh, .mish:
            return .closed(valueMinimum.value, .infinity)
        case .lisht: return .closed(0, .infinity)
        case .softplus: return .openAbove(0)
        case .hardtanh(let lo, let hi): return .closed(lo, hi)
        case .hardsigmoid: return .closed(0, 1)
        case .hardswish: return .closed(-0.375, .infinity)
        case .relu6: return .closed(0, 6)
        case .logSigmoid:
            return OutputRange(lower: -.infinity, upper: 0, lowerAttained: false, upperAttained: false)
        case .expression(let e): return e.shape.outputRange
        }
    }

    /// The values f takes when they are finitely many (the binary step's {0, 1}, a typed x/|x|'s {−1, 1}),
    /// sorted; nil for a function that takes a continuum of values (see `outputRange`).
    public var outputValues: [Double]? {
        switch function {
        case .binaryStep: return [0, 1]
        case .expression(let e): return e.shape.discreteValues
        default: return nil
        }
    }

    /// x positions where f is continuous but f′ jumps (so samplers can place points exactly there).
    public var kinks: [Double] {
        switch function {
        case .relu: return [0]
        case .leaky(let s): return s == 1 ? [] : [0]
        case .elu(let alpha): return alpha == 1 ? [] : [0]
        case .selu: return [0]
        case .hardtanh(let lo, let hi): return [lo, hi]
        case .hardsigmoid, .hardswish: return [-3, 3]
        case .relu6: return [0, 6]
        case .expression(let e): return e.shape.kinks
        default: return []
        }
    }

    /// x positions where f itself is discontinuous (binary step at 0). PyTorch's softplus also
    /// steps by log(1 + e^{−threshold})/β ≈ 2e-9 at x = threshold/β; that is not listed.
    public var jumps: [Double] {
        if case .binaryStep = function { return [0] }
        if case .expression(let e) = function { return e.shape.jumps }
        return []
    }

    /// Points where f is unbounded (a typed 1/x at 0); none for the built-ins.
    public var poles: [Pole] {
        if case .expression(let e) = function { return e.shape.poles }
        return []
    }

    /// Horizontal asymptotes with their side (e.g. sigmoid: y = 0 as x → −∞, y = 1 as x → +∞).
    /// Only values approached and never reached are listed (ReLU's flat 0 is not an asymptote).
    public var asymptoteDetails: [Asymptote] {
        switch function {
        case .sigmoid: return [Asymptote(y: 0, side: -1), Asymptote(y: 1, side: 1)]
        case .tanh, .softsign: return [Asymptote(y: -1, side: -1), Asymptote(y: 1, side: 1)]
        case .elu(let alpha): return alpha > 0 ? [Asymptote(y: -alpha, side: -1)] : []
        case .celu(let alpha): return [Asymptote(y: -alpha, side: -1)]
        case .selu: return [Asymptote(y: -Kernel.seluScale * Kernel.seluAlpha, side: -1)]
        case .gelu, .geluTanh, .swish, .mish, .softplus: return [Asymptote(y: 0, side: -1)]
        case .logSigmoid: return [Asymptote(y: 0, side: 1)]
        case .expression(let e): return e.shape.asymptotes
        default: return []
        }
    }

    /// The y values of the horizontal asymptotes (see `asymptoteDetails` for the side).
    public var asymptotes: [Double] { asymptoteDetails.map(\.y) }

    /// Whether f is monotonic (non-decreasing) on all of ℝ.
    public var isMonotonic: Bool {
        switch function {
        case .gelu, .geluTanh, .swish, .mish, .lisht, .hardswish: return false
        case .leaky(let s): return s >= 0
        case .expression(let e): return e.shape.isMonotonic
        default: return true
        }
    }

    /// Whether f is zero-centred, meaning odd: f(−x) = −f(x) for every x, so an input symmetric
    /// about 0 gives outputs centred on 0 (tanh, softsign, identity, hardtanh with min_val = −max_val;
    /// not ReLU, Leaky ReLU, PReLU, ELU or SELU, whose negative side is not the positive side mirrored).
    /// Decided the same way for built-ins and typed functions, from the values: f(0) is 0 (or undefined,
    /// as 1/x) and f(−x) = −f(x) within 10⁻⁹ relative at 200 points from 10⁻⁶ to 10⁶, both sides
    /// undefined counting as agreeing (a domain x > 0 alone is not odd).
    public var isZeroCentred: Bool {
        let v0 = value(0)
        guard !v0.isFinite || abs(v0) <= 1e-12 else { return false }
        for k in 0..<200 {
            let x = Double.pow(10, -6 + 12 * Double(k) / 199)
            let right = value(x), left = value(-x)
            if right.isNaN || left.isNaN {
                if right.isNaN != left.isNaN { return false }
                continue
            }
            if right.isInfinite || left.isInfinite {
                if left != -right { return false }
                continue
            }
            if abs(right + left) > 1e-9 * max(abs(right), abs(left)) + 1e-300 { return false }
        }
        return true
    }

    /// Whether both ends of the output range are finite.
    public var isBounded: Bool {
        let r = outputRange
        return r.lower.isFinite && r.upper.isFinite
    }

    /// The largest |f′(x)| and where it occurs. Closed forms where known (sigmoid 0.25 at 0; GELU at
    /// √2), otherwise a dense scan refined by golden-section search. For a maximum taken on a whole
    /// interval `at` is a representative point inside it (ReLU: 1 at x = 1; hardtanh: the middle);
    /// for a supremum approached at a kink `at` is the kink (hardswish: 1.5 as x → 3⁻); when it is
    /// only approached as x → ±∞ (softplus, log-sigmoid) `at` is ±infinity.
    public var maxAbsDerivative: (value: Double, at: Double) {
        switch function {
        case .identity: return (1, 0)
        case .binaryStep: return (0, 0)
        case .sigmoid: return (0.25, 0)
        case .tanh, .softsign, .celu: return (1, 0)
        case .relu: return (1, 1)
        case .relu6: return (1, 3)
        case .leaky(let s): return abs(s) > 1 ? (abs(s), -1) : (1, 1)
        case .elu(let alpha): return alpha > 1 ? (alpha, 0) : (1, 1)
        case .selu: return (Kernel.seluScale * Kernel.seluAlpha, 0)
        case .gelu:
            let at = 2.0.squareRoot()
            return (Kernel.geluDerivative(at), at)
        case .swish(let beta):
            // swish′(x; β) = silu′(βx): the same peak value, at x = x_silu/β.
            let silu = Activation.siluSteepest
            return (silu.value, silu.at / beta)
        case .geluTanh, .mish, .lisht:
            return Activation.extremum(of: { abs(self.derivative($0)) }, maximise: true)
        case .softplus: return (1, .infinity)
        case .logSigmoid: return (1, -.infinity)
        case .hardtanh(let lo, let hi): return (1, (lo + hi) / 2)
        case .hardsigmoid: return (1.0 / 6.0, 0)
        case .hardswish: return (1.5, 3)
        case .expression(let e): return (e.shape.maxAbsDerivative, e.shape.maxAbsDerivativeAt)
        }
    }

    /// The minimum of f for the smooth non-monotonic functions with a finite minimum.
    var valueMinimum: (value: Double, at: Double) {
        Activation.extremum(of: { self.value($0) }, maximise: false)
    }

    static let siluMinimum = extremum(of: { Kernel.swish($0, beta: 1) }, maximise: false)
    static let siluSteepest = extremum(of: { abs(Kernel.swishDerivative($0, beta: 1)) }, maximise: true)

    /// The extremum of g over [−8, 8] (scan at step 1/64, then golden-section search around the best).
    static func extremum(of g: (Double) -> Double, maximise: Bool) -> (value: Double, at: Double) {
        let sign: Double = maximise ? 1 : -1
        var bestX = -8.0
        var bestY = -Double.infinity
        var x = -8.0
        while x <= 8 {
            let y = sign * g(x)
            if y > bestY { (bestX, bestY) = (x, y) }
            x += 1.0 / 64
        }
        var a = bestX - 1.0 / 64
        var b = bestX + 1.0 / 64
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<80 {
            let c = b - ratio * (b - a)
            let d = a + ratio * (b - a)
            if sign * g(c) > sign * g(d) { b = d } else { a = c }
        }
        // To the precision g's values support: no noise digits in "max |f′| at x = …".
        let at = ExtremumPrecision.snap({ sign * g($0) }, maximiserAt: (a + b) / 2, reach: 1.0 / 64)
        return (g(at), at)
    }
}
