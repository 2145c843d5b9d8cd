/// A point of the plane (a minimum, a saddle, a start).
public struct Point2: Sendable, Hashable, CustomStringConvertible {
    /// First coordinate (x, or w for the dataset losses).
    public var x: Double
    /// Second coordinate (y, or b for the dataset losses).
    public var y: Double

    /// The point (x, y).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// "(x, y)".
    public var description: String { "(\(x), \(y))" }
}

/// The rectangle a figure of a surface should show: [xmin, xmax] × [ymin, ymax].
public struct ViewBox: Sendable, Hashable {
    /// Left edge.
    public var xmin: Double
    /// Right edge.
    public var xmax: Double
    /// Bottom edge.
    public var ymin: Double
    /// Top edge.
    public var ymax: Double

    /// The box [xmin, xmax] × [ymin, ymax].
    public init(xmin: Double, xmax: Double, ymin: Double, ymax: Double) {
        self.xmin = xmin
        self.xmax = xmax
        self.ymin = ymin
        self.ymax = ymax
    }
}

/// The descriptive part of a surface: names, formula, critical points, view and start.
struct SurfaceInfo: Sendable, Hashable {
    let displayName: String
    let summary: String
    let formula: String
    let minima: [Point2]
    let saddles: [Point2]
    let viewBox: ViewBox
    let suggestedStart: Point2
    /// Local minima that are not global (empty when there are none or too many to list).
    var localMinima: [Point2] = []
    /// Global minima that lie along curves (a typed (x² + y² − 4)²), not among `minima`.
    var minimumCurves: [MinimumCurve] = []
}
