// MARK: - Piecewise-linear "hard" functions: binary step, hardtanh, hardsigmoid, hardswish

extension Kernel {
    /// 1 for x ≥ 0, else 0 (derivative 0 everywhere, the jump at 0 excluded).
    @inline(__always)
    static func binaryStep(_ x: Double) -> Double { x >= 0 ? 1 : 0 }

    /// min(max(x, lo), hi).
    @inline(__always)
    static func hardtanh(_ x: Double, lo: Double, hi: Double) -> Double { min(max(x, lo), hi) }

    /// 1 strictly between the kinks, 0 elsewhere (0 at the kinks, as PyTorch).
    @inline(__always)
    static func hardtanhDerivative(_ x: Double, lo: Double, hi: Double) -> Double { x > lo && x < hi ? 1 : 0 }

    /// relu6(x + 3)/6.
    @inline(__always)
    static func hardsigmoid(_ x: Double) -> Double {
        if x <= -3 { return 0 }
        if x >= 3 { return 1 }
        return (x + 3) / 6
    }

    /// 1/6 on (−3, 3), 0 elsewhere (0 at ±3, as PyTorch; PyTorch's 1/6 is rounded to float32, this
    /// is the exact double).
    @inline(__always)
    static func hardsigmoidDerivative(_ x: Double) -> Double { x > -3 && x < 3 ? 1.0 / 6.0 : 0 }

    /// x·relu6(x + 3)/6.
    @inline(__always)
    static func hardswish(_ x: Double) -> Double {
        if x <= -3 { return 0 }
        if x >= 3 { return x }
        return x * (x + 3) / 6
    }

    /// 0 for x ≤ −3, x/3 + 1/2 on (−3, 3), 1 for x ≥ 3 (PyTorch: 0 at −3, 1 at 3).
    @inline(__always)
    static func hardswishDerivative(_ x: Double) -> Double {
        if x <= -3 { return 0 }
        if x >= 3 { return 1 }
        return x / 3 + 0.5
    }
}
