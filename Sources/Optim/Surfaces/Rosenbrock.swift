/// Rosenbrock's banana valley (1 − x)² + 100(y − x²)², minimum 0 at (1, 1).
enum Rosenbrock {
    static let info = SurfaceInfo(
        displayName: "Rosenbrock", summary: "(1 - x)^2 + 100(y - x^2)^2: curved narrow valley, minimum 0 at (1, 1)",
        formula: "$f(x, y) = (1 - x)^{2} + 100(y - x^{2})^{2}$", minima: [Point2(1, 1)], saddles: [],
        viewBox: ViewBox(xmin: -2, xmax: 2, ymin: -1, ymax: 3), suggestedStart: Point2(-1.5, 2))

    static func value(_ x: Double, _ y: Double) -> Double {
        let a = 1 - x
        let b = y - x * x
        return a * a + 100 * b * b
    }

    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        let b = y - x * x
        return (-2 * (1 - x) - 400 * x * b, 200 * b)
    }
}
