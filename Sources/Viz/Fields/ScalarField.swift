/// Numbers sampled on a rectilinear grid: `z[j * xs.count + i]` is the value at `(xs[i], ys[j])`.
///
/// Axes must be strictly monotonic; decreasing axes are stored reversed (with `z` reordered), so every
/// consumer sees increasing `xs` and `ys`. Non-finite values are allowed: they mark holes.
public struct ScalarField: Sendable {
    /// Grid x coordinates, strictly increasing.
    public let xs: [Double]
    /// Grid y coordinates, strictly increasing.
    public let ys: [Double]
    /// Values, row-major (one row per y).
    public let z: [Double]
    /// The smallest and largest finite values, or nil when no value is finite.
    public let finiteRange: Interval?

    /// A field from grid axes (`xs`, `ys`, increasing or decreasing) and row-major values (`z[j * xs.count + i]` at `xs[i]`, `ys[j]`).
    /// - Throws: `VizError.invalidData` when an axis has fewer than 2 points, `z` does not hold `xs.count × ys.count` values, or
    ///   an axis is not finite or not strictly monotonic.
    public init(xs: [Double], ys: [Double], z: [Double]) throws(VizError) {
        guard xs.count >= 2, ys.count >= 2 else {
            throw VizError.invalidData("a scalar field needs at least 2×2 grid points (got \(xs.count)×\(ys.count))")
        }
        guard z.count == xs.count * ys.count else {
            throw VizError.invalidData("a \(xs.count)×\(ys.count) field needs \(xs.count * ys.count) values (got \(z.count))")
        }
        let xDir = try ScalarField.direction(xs, axis: "x"), yDir = try ScalarField.direction(ys, axis: "y")
        var values = z
        let nx = xs.count, ny = ys.count
        if xDir < 0 || yDir < 0 {
            values = [Double](repeating: 0, count: z.count)
            for j in 0..<ny {
                let sj = yDir < 0 ? ny - 1 - j : j
                for i in 0..<nx { values[j * nx + i] = z[sj * nx + (xDir < 0 ? nx - 1 - i : i)] }
            }
        }
        self.xs = xDir < 0 ? xs.reversed() : xs
        self.ys = yDir < 0 ? ys.reversed() : ys
        self.z = values
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { if v < lo { lo = v }; if v > hi { hi = v } }
        finiteRange = lo <= hi ? Interval(lo, hi) : nil
    }

    /// +1 for a strictly increasing axis, −1 for a strictly decreasing one; throws otherwise.
    private static func direction(_ a: [Double], axis: String) throws(VizError) -> Int {
        guard a.allSatisfy(\.isFinite) else { throw VizError.invalidData("the field's \(axis) coordinates must be finite") }
        let up = a[1] > a[0]
        for k in 1..<a.count where up ? !(a[k] > a[k - 1]) : !(a[k] < a[k - 1]) {
            throw VizError.invalidData("the field's \(axis) coordinates must be strictly increasing or decreasing "
                                       + "(index \(k - 1): \(a[k - 1]), index \(k): \(a[k]))")
        }
        return up ? 1 : -1
    }

    /// Number of grid columns (x samples).
    public var nx: Int { xs.count }
    /// Number of grid rows (y samples).
    public var ny: Int { ys.count }
    /// The value at column `i`, row `j`.
    @inline(__always) public subscript(i: Int, j: Int) -> Double { z[j * xs.count + i] }
    /// The grid's extent.
    public var bounds: Bounds { Bounds(x: Interval(xs[0], xs[xs.count - 1]), y: Interval(ys[0], ys[ys.count - 1])) }

    /// Whether the x (or y) samples are evenly spaced (relative tolerance 1e-6 of the span).
    func isUniform(_ a: [Double]) -> Bool {
        let n = a.count - 1
        let step = (a[n] - a[0]) / Double(n)
        let tol = abs(a[n] - a[0]) * 1e-6
        for k in 0...n where abs(a[k] - (a[0] + Double(k) * step)) > tol { return false }
        return true
    }

    /// The field's value at `(x, y)` by bilinear interpolation, NaN outside the grid or next to a hole.
    public func value(at x: Double, _ y: Double) -> Double {
        guard let (i, tx) = ScalarField.locate(x, in: xs), let (j, ty) = ScalarField.locate(y, in: ys) else { return .nan }
        let a = self[i, j], b = self[i + 1, j], c = self[i, j + 1], d = self[i + 1, j + 1]
        return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty
    }

    /// The cell index and fraction of `v` along increasing `a`, or nil outside.
    static func locate(_ v: Double, in a: [Double]) -> (Int, Double)? {
        guard v >= a[0], v <= a[a.count - 1] else { return nil }
        var lo = 0, hi = a.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if a[mid] <= v { lo = mid } else { hi = mid }
        }
        return (lo, (v - a[lo]) / (a[lo + 1] - a[lo]))
    }
}
