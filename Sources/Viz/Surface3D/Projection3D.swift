/// A point in three dimensions.
public struct Point3: Sendable, Hashable {
    /// x coordinate.
    public var x: Double
    /// y coordinate.
    public var y: Double
    /// z coordinate (height).
    public var z: Double
    /// The point (`x`, `y`, `z`).
    public init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }
    /// All three coordinates are finite.
    public var isFinite: Bool { x.isFinite && y.isFinite && z.isFinite }
    static func - (a: Point3, b: Point3) -> Point3 { Point3(a.x - b.x, a.y - b.y, a.z - b.z) }
    static func + (a: Point3, b: Point3) -> Point3 { Point3(a.x + b.x, a.y + b.y, a.z + b.z) }
    static func * (a: Point3, s: Double) -> Point3 { Point3(a.x * s, a.y * s, a.z * s) }
    func dot(_ b: Point3) -> Double { x * b.x + y * b.y + z * b.z }
    func cross(_ b: Point3) -> Point3 { Point3(y * b.z - z * b.y, z * b.x - x * b.z, x * b.y - y * b.x) }
    var length: Double { dot(self).squareRoot() }
}

/// An orthographic view from azimuth φ and elevation θ (degrees, as matplotlib's `view_init`): the eye
/// direction is (cos θ cos φ, cos θ sin φ, sin θ). Screen x runs along (−sin φ, cos φ, 0) and screen y
/// (upwards) along (−sin θ cos φ, −sin θ sin φ, cos θ); depth grows towards the viewer. Every angle is
/// valid: looking straight down (θ = 90°) keeps a well-defined screen frame.
struct Projection3D {
    let eye: Point3
    let right: Point3
    let up: Point3

    init(azimuth: Double, elevation: Double) {
        let a = azimuth * Double.pi / 180, e = elevation * Double.pi / 180
        let ca = Math.cos(a), sa = Math.sin(a), ce = Math.cos(e), se = Math.sin(e)
        eye = Point3(ce * ca, ce * sa, se)
        right = Point3(-sa, ca, 0)
        up = Point3(-se * ca, -se * sa, ce)
    }

    /// Screen coordinates (x right, y up) and depth (larger = nearer).
    @inline(__always) func project(_ p: Point3) -> (Point, Double) { (Point(p.dot(right), p.dot(up)), p.dot(eye)) }
}
