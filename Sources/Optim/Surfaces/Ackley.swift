import RealModule

/// Ackley's function −20·exp(−0.2√(0.5(x² + y²))) − exp(0.5(cos 2πx + cos 2πy)) + e + 20:
/// nearly flat outer region, a deep hole at the origin (global minimum 0).
enum Ackley {
    static let info = SurfaceInfo(
        displayName: "Ackley", summary: "nearly flat with many ripples and a deep funnel, global minimum 0 at the origin",
        formula: "$f(x, y) = -20e^{-0.2\\sqrt{0.5(x^{2}+y^{2})}} - e^{0.5(\\cos 2\\pi x + \\cos 2\\pi y)} + e + 20$",
        minima: [Point2(0, 0)], saddles: [],
        viewBox: ViewBox(xmin: -5, xmax: 5, ymin: -5, ymax: 5), suggestedStart: Point2(2.5, 3))

    static func value(_ x: Double, _ y: Double) -> Double {
        let r = (0.5 * (x * x + y * y)).squareRoot()
        let c = 0.5 * (Double.cos(2 * Double.pi * x) + Double.cos(2 * Double.pi * y))
        return -20 * Double.exp(-0.2 * r) - Double.exp(c) + Double.exp(1) + 20
    }

    /// The gradient; at the origin, where the √ term is not differentiable, (0, 0) (a subgradient).
    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        let r = (0.5 * (x * x + y * y)).squareRoot()
        let radial = r > 0 ? 2 * Double.exp(-0.2 * r) / r : 0
        let c = Double.exp(0.5 * (Double.cos(2 * Double.pi * x) + Double.cos(2 * Double.pi * y)))
        return (radial * x + Double.pi * c * Double.sin(2 * Double.pi * x),
                radial * y + Double.pi * c * Double.sin(2 * Double.pi * y))
    }
}
