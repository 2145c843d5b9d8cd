/// Rosenbrock's banana valley (1 − x)² + 100(y − x²)², minimum 0 at (1, 1).
enum Rosenbrock {
    static let info = SurfaceInfo(
        displayName: "Rosenbrock", summary: "(1 - x)^2 + 100(y - x^2)^2: curved narrow valley, minimum 0 at (1, 1)",
        formula: "$f(x, y) = (1 - x)^{2} + 100(y - x^{2})^{2}$", minima: [Point2(1, 1)], saddles: [],
        viewBox: ViewBox(xmin: -2, xmax: 2, ymin: -1, ymax: 3), suggestedStart: Point2(-1.5, 2))

    /// In torch's operation order (`(1 - x)**2 + 100*(y - x**2)**2`): L-BFGS amplifies a last-bit
    /// difference to 1e-5 within four steps, so the order matters.
    static func value(_ x: Double, _ y: Double) -> Double {
        let a = 1 - x
        let b = y - x * x
        return a * a + 100 * (b * b)
    }

    /// torch.autograd's operation order: ∂f/∂x = −(2a) + (−100·2b)·(2x), ∂f/∂y = 100·(2b), with
    /// a = 1 − x and b = y − x² (bit-identical to torch's gradients).
    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        let a = 1 - x
        let b = y - x * x
        let gb = 100 * (2 * b)
        return (-(2 * a) + (-gb) * (2 * x), gb)
    }
}
