import RealModule

/// Rastrigin's function 20 + x² − 10cos(2πx) + y² − 10cos(2πy): a bowl covered in a grid of local
/// minima, global minimum 0 at the origin. (Its many saddles are not listed.)
enum Rastrigin {
    static let info = SurfaceInfo(
        displayName: "Rastrigin", summary: "20 + x^2 - 10cos(2 pi x) + y^2 - 10cos(2 pi y): many local minima, global 0 at the origin",
        formula: "$f(x, y) = 20 + x^{2} - 10\\cos(2\\pi x) + y^{2} - 10\\cos(2\\pi y)$",
        minima: [Point2(0, 0)], saddles: [],
        viewBox: ViewBox(xmin: -5.12, xmax: 5.12, ymin: -5.12, ymax: 5.12), suggestedStart: Point2(2.2, -1.3))

    static func value(_ x: Double, _ y: Double) -> Double {
        20 + x * x - 10 * Double.cos(2 * Double.pi * x) + y * y - 10 * Double.cos(2 * Double.pi * y)
    }

    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        (2 * x + 20 * Double.pi * Double.sin(2 * Double.pi * x),
         2 * y + 20 * Double.pi * Double.sin(2 * Double.pi * y))
    }
}
