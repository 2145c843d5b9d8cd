/// Beale's function (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0 at (3, 0.5).
enum Beale {
    static let info = SurfaceInfo(
        displayName: "Beale", summary: "sum of three squared terms; flat plateaus and sharp ridges, minimum 0 at (3, 0.5)",
        formula: "$f(x, y) = (1.5 - x + xy)^{2} + (2.25 - x + xy^{2})^{2} + (2.625 - x + xy^{3})^{2}$",
        minima: [Point2(3, 0.5)], saddles: [Point2(0, 1)],
        viewBox: ViewBox(xmin: -4.5, xmax: 4.5, ymin: -4.5, ymax: 4.5), suggestedStart: Point2(1, 1.5))

    static func value(_ x: Double, _ y: Double) -> Double {
        let a = 1.5 - x + x * y
        let b = 2.25 - x + x * (y * y)
        let c = 2.625 - x + x * (y * y * y)
        return a * a + b * b + c * c
    }

    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        let y2 = y * y
        let y3 = y2 * y
        let a = 1.5 - x + x * y
        let b = 2.25 - x + x * y2
        let c = 2.625 - x + x * y3
        let dx = 2 * a * (y - 1) + 2 * b * (y2 - 1) + 2 * c * (y3 - 1)
        let dy = 2 * a * x + 4 * b * x * y + 6 * c * x * y2
        return (dx, dy)
    }
}
