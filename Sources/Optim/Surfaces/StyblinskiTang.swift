/// Styblinski–Tang ½((x⁴ − 16x² + 5x) + (y⁴ − 16y² + 5y)): a separable quartic with four minima,
/// the global one ≈ −78.332 at (−2.9035, −2.9035), four saddles and a maximum near (0.157, 0.157).
enum StyblinskiTang {
    static let minimumCoordinate = -2.903534027771177
    static let localMinimumCoordinate = 2.746802770990837
    static let maximumCoordinate = 0.1567312567803401

    static let info = SurfaceInfo(
        displayName: "Styblinski-Tang", summary: "separable quartic, four minima; global -78.33 at (-2.9035, -2.9035)",
        formula: "$f(x, y) = \\frac{1}{2}(x^{4} - 16x^{2} + 5x + y^{4} - 16y^{2} + 5y)$",
        minima: [Point2(minimumCoordinate, minimumCoordinate)],
        saddles: [
            Point2(minimumCoordinate, maximumCoordinate), Point2(maximumCoordinate, minimumCoordinate),
            Point2(localMinimumCoordinate, maximumCoordinate), Point2(maximumCoordinate, localMinimumCoordinate),
        ],
        viewBox: ViewBox(xmin: -5, xmax: 5, ymin: -5, ymax: 5), suggestedStart: Point2(0, 0),
        localMinima: [
            Point2(minimumCoordinate, localMinimumCoordinate), Point2(localMinimumCoordinate, minimumCoordinate),
            Point2(localMinimumCoordinate, localMinimumCoordinate),
        ])

    static func value(_ x: Double, _ y: Double) -> Double {
        0.5 * ((x * x * x * x - 16 * x * x + 5 * x) + (y * y * y * y - 16 * y * y + 5 * y))
    }

    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        (2 * x * x * x - 16 * x + 2.5, 2 * y * y * y - 16 * y + 2.5)
    }
}
