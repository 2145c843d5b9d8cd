/// Himmelblau's function (x² + y − 11)² + (x + y² − 7)²: four global minima (value 0), four
/// saddles and one local maximum.
enum Himmelblau {
    static let info = SurfaceInfo(
        displayName: "Himmelblau", summary: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2: four global minima (value 0)",
        formula: "$f(x, y) = (x^{2} + y - 11)^{2} + (x + y^{2} - 7)^{2}$",
        minima: [
            Point2(3, 2),
            Point2(-2.805118086952745, 3.131312518250573),
            Point2(-3.779310253377747, -3.2831859912861696),
            Point2(3.5844283403304917, -1.8481265269644036),
        ],
        saddles: [
            Point2(0.08667750455539636, 2.884254701174776),
            Point2(-3.0730257507643897, -0.08135304428796751),
            Point2(-0.12796134673068008, -1.9537149802445763),
            Point2(3.385154183607021, 0.07385187983774928),
        ],
        viewBox: ViewBox(xmin: -5, xmax: 5, ymin: -5, ymax: 5), suggestedStart: Point2(0, 0))

    static func value(_ x: Double, _ y: Double) -> Double {
        let a = x * x + y - 11
        let b = x + y * y - 7
        return a * a + b * b
    }

    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        let a = x * x + y - 11
        let b = x + y * y - 7
        return (4 * x * a + 2 * b, 2 * a + 4 * y * b)
    }
}
