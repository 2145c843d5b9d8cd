// Surfaces: two-dimensional test functions and dataset losses to optimize on, with gradients and minima.

import RealModule

/// Ackley's function −20·exp(−0.2√(0.5(x² + y²))) − exp(0.5(cos 2πx + cos 2πy)) + e + 20:
/// nearly flat outer region, a deep hole at the origin (global minimum 0).
enum Ackley {
    static let info = SurfaceInfo(
        displayName: "Ackley", summary: "nearly flat with many ripples and a deep funnel, global minimum 0 at the origin",
        formula: "$f(x, y) = -20e^{-0.2\\sqrt{0.5(x^{2}+y^{2})}} - e^{0.5(\\cos 2\\pi x + \\cos 2\\pi y)} + e + 20$",
        minima: [Point2(0, 0)], saddles: [],
        viewBox: ViewBox(xmin: -5, xmax: 5, ymin: -5, ymax: 5), suggestedStart: Point2(2.5, 3))

    ///
    /// Formed without cancellation near the minimum: −20·expm1(−0.2r) − e·expm1(c − 1) with
    /// c − 1 = −(sin²(πx) + sin²(πy)), which is the same function (e^{−0.2r} − 1 and e^{c−1} − 1 taken
    /// whole), so f(1e-15, 0) = 2.83e-15 and f(1e-200, 0) = 2.83e-200 keep every digit (20 + e − 20e^{−0.2r} −
    /// e^c gave 3.55e-15 and 0).
    static func value(_ x: Double, _ y: Double) -> Double {
        let r = radius(x, y)
        let sx: Double = Double.sin(Double.pi * x), sy: Double = Double.sin(Double.pi * y)
        let radial: Double = -20 * Double.expMinusOne(-0.2 * r)
        let ripples: Double = Double.exp(1) * Double.expMinusOne(-(sx * sx + sy * sy))
        return radial - ripples
    }

    /// √(0.5(x² + y²)) as hypot(x, y)/√2: no underflow of x² for tiny x (1e-200) nor overflow for huge x.
    static func radius(_ x: Double, _ y: Double) -> Double {
        Double.hypot(x, y) / 2.0.squareRoot()
    }

    /// The gradient. The radial term 2e^{−0.2r}·x/r is formed as 2√2·e^{−0.2r}·x/hypot(x, y), so it
    /// keeps its size (→ 2√2 along an axis) as x → 0 instead of underflowing; at the origin, where the
    /// √ term is not differentiable, it is 0 (a subgradient).
    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        let h = Double.hypot(x, y)
        let radial = h > 0 ? 2 * 2.0.squareRoot() * Double.exp(-0.2 * radius(x, y)) : 0
        let ux = h > 0 ? x / h : 0, uy = h > 0 ? y / h : 0
        let c = Double.exp(0.5 * (Double.cos(2 * Double.pi * x) + Double.cos(2 * Double.pi * y)))
        return (radial * ux + Double.pi * c * Double.sin(2 * Double.pi * x),
                radial * uy + Double.pi * c * Double.sin(2 * Double.pi * y))
    }
}
