/// The quadratic (and cubic) textbook surfaces: saddle, bowl, ellipse, booth, matyas, monkey saddle.
enum Quadratics {
    static let saddle = SurfaceInfo(
        displayName: "Saddle", summary: "x^2 - y^2: a saddle point at the origin, unbounded below",
        formula: "$f(x, y) = x^{2} - y^{2}$", minima: [], saddles: [Point2(0, 0)],
        viewBox: ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3), suggestedStart: Point2(2, 0.01))
    static let bowl = SurfaceInfo(
        displayName: "Bowl", summary: "x^2 + y^2: the round bowl, minimum 0 at the origin",
        formula: "$f(x, y) = x^{2} + y^{2}$", minima: [Point2(0, 0)], saddles: [],
        viewBox: ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3), suggestedStart: Point2(2.5, 2))
    static let ellipse = SurfaceInfo(
        displayName: "Elongated bowl", summary: "0.1x^2 + 2y^2: ill-conditioned bowl (curvatures 0.2 and 4)",
        formula: "$f(x, y) = 0.1x^{2} + 2y^{2}$", minima: [Point2(0, 0)], saddles: [],
        viewBox: ViewBox(xmin: -5, xmax: 5, ymin: -2.5, ymax: 2.5), suggestedStart: Point2(-4, 1.5))
    static let booth = SurfaceInfo(
        displayName: "Booth", summary: "(x + 2y - 7)^2 + (2x + y - 5)^2, minimum 0 at (1, 3)",
        formula: "$f(x, y) = (x + 2y - 7)^{2} + (2x + y - 5)^{2}$", minima: [Point2(1, 3)], saddles: [],
        viewBox: ViewBox(xmin: -10, xmax: 10, ymin: -10, ymax: 10), suggestedStart: Point2(-3, -2))
    static let matyas = SurfaceInfo(
        displayName: "Matyas", summary: "0.26(x^2 + y^2) - 0.48xy: a flat valley along y = x, minimum 0 at the origin",
        formula: "$f(x, y) = 0.26(x^{2} + y^{2}) - 0.48xy$", minima: [Point2(0, 0)], saddles: [],
        viewBox: ViewBox(xmin: -10, xmax: 10, ymin: -10, ymax: 10), suggestedStart: Point2(7, -3))
    static let monkeySaddle = SurfaceInfo(
        displayName: "Monkey saddle", summary: "x^3 - 3xy^2: a degenerate saddle (three valleys) at the origin",
        formula: "$f(x, y) = x^{3} - 3xy^{2}$", minima: [], saddles: [Point2(0, 0)],
        viewBox: ViewBox(xmin: -2, xmax: 2, ymin: -2, ymax: 2), suggestedStart: Point2(0.5, 0.1))

    static func booth(_ x: Double, _ y: Double) -> Double {
        let a = x + 2 * y - 7
        let b = 2 * x + y - 5
        return a * a + b * b
    }

    static func boothGradient(_ x: Double, _ y: Double) -> (Double, Double) {
        let a = x + 2 * y - 7
        let b = 2 * x + y - 5
        return (2 * a + 4 * b, 4 * a + 2 * b)
    }

    static func matyas(_ x: Double, _ y: Double) -> Double {
        0.26 * (x * x + y * y) - 0.48 * x * y
    }

    static func matyasGradient(_ x: Double, _ y: Double) -> (Double, Double) {
        (0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x)
    }
}
