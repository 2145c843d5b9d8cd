/// The six-hump camel (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²: two global minima
/// (≈ −1.0316 at ±(0.0898, −0.7126)), four local minima, seven saddles.
enum SixHumpCamel {
    static let info = SurfaceInfo(
        displayName: "Six-hump camel", summary: "six minima, two of them global (-1.0316 at +-(0.0898, -0.7126))",
        formula: "$f(x, y) = (4 - 2.1x^{2} + \\frac{x^{4}}{3})x^{2} + xy + (-4 + 4y^{2})y^{2}$",
        minima: [
            Point2(0.08984201310031806, -0.7126564030207396),
            Point2(-0.08984201310031806, 0.7126564030207396),
        ],
        saddles: [
            Point2(0, 0),
            Point2(1.1092053368047863, -0.7682680925095399), Point2(-1.1092053368047863, 0.7682680925095399),
            Point2(1.2960702671671092, 0.6050843880386585), Point2(-1.2960702671671092, -0.6050843880386585),
            Point2(1.6380679841897787, 0.22867406904439408), Point2(-1.6380679841897787, -0.22867406904439408),
        ],
        viewBox: ViewBox(xmin: -2, xmax: 2, ymin: -1, ymax: 1), suggestedStart: Point2(-1.5, -0.8),
        localMinima: [
            Point2(-1.703606714969981, 0.7960835686726251), Point2(1.703606714969981, -0.7960835686726251),
            Point2(1.6071047529201974, 0.5686514548841313), Point2(-1.6071047529201974, -0.5686514548841313),
        ])

    static func value(_ x: Double, _ y: Double) -> Double {
        let x2 = x * x
        let y2 = y * y
        return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2
    }

    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        let x2 = x * x
        return (8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y, x - 8 * y + 16 * y * y * y)
    }
}
