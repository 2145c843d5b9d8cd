import Dispatch

/// Evaluates a function of two variables on a grid, rows in parallel.
///
/// Every value is computed independently into its own slot, so the result is the same whatever the
/// number of cores (provided `f` itself is deterministic).
public enum FieldSampler {
    /// `n` evenly spaced values from `a` to `b` inclusive (the end points exactly).
    public static func linspace(_ a: Double, _ b: Double, count n: Int) -> [Double] {
        guard n > 1 else { return n == 1 ? [a] : [] }
        return (0..<n).map { k in k == n - 1 ? b : a + (b - a) * Double(k) / Double(n - 1) }
    }

    /// Samples `f` on `nx`×`ny` evenly spaced points covering `x`×`y` (both ends included).
    /// - Throws: `VizError.invalidValue` when `nx` or `ny` is below 2, `nx × ny` above 10⁸, or a range is not two different
    ///   finite numbers.
    public static func sample(x: Interval, y: Interval, nx: Int, ny: Int,
                              _ f: @Sendable (Double, Double) -> Double) throws(VizError) -> ScalarField {
        try sample(x: x, y: y, nx: nx, ny: ny, rows: { y, xs, out in
            for i in xs.indices { out[i] = f(xs[i], y) }
        })
    }

    /// As `sample(x:y:nx:ny:_:)`, one row at a time: `row(y, xs, out)` writes f(xs[i], y) to `out[i]`
    /// (`xs.count` slots), rows spread over the cores. For a function that evaluates an array faster
    /// than point by point (a compiled expression: no per-point set-up, no derivatives).
    /// - Throws: As `sample(x:y:nx:ny:_:)`.
    public static func sample(x: Interval, y: Interval, nx: Int, ny: Int,
                              rows row: @Sendable (Double, [Double], UnsafeMutableBufferPointer<Double>) -> Void) throws(VizError) -> ScalarField {
        guard nx >= 2, ny >= 2, nx * ny <= 100_000_000 else {
            throw VizError.invalidValue(what: "grid", value: "\(nx)x\(ny)", allowed: "2 to 10000 points per axis, at most 10⁸ in all")
        }
        for (name, r) in [("x", x), ("y", y)] where !(r.isFinite && r.lower != r.upper) {
            throw VizError.invalidValue(what: "\(name) range", value: "\(r.lower):\(r.upper)", allowed: "two different finite numbers")
        }
        let xs = linspace(x.lower, x.upper, count: nx), ys = linspace(y.lower, y.upper, count: ny)
        let z = [Double](unsafeUninitializedCapacity: nx * ny) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            base.initialize(repeating: 0, count: nx * ny)
            let out = SendablePointer(base: base)
            let chunks = min(ny, 64)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for j in (c * ny / chunks)..<((c + 1) * ny / chunks) {
                    row(ys[j], xs, UnsafeMutableBufferPointer(start: out.base + j * nx, count: nx))
                }
            }
            initialized = nx * ny
        }
        return try ScalarField(xs: xs, ys: ys, z: z)
    }

    /// `f` at every `(xs[i], ys[j])`, row-major, rows spread over the available cores.
    public static func evaluate(xs: [Double], ys: [Double], _ f: @Sendable (Double, Double) -> Double) -> [Double] {
        let nx = xs.count, ny = ys.count
        guard nx > 0, ny > 0 else { return [] }
        return [Double](unsafeUninitializedCapacity: nx * ny) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            let out = SendablePointer(base: base)
            // Chunks of rows: enough chunks to balance the cores, few enough to keep overhead low.
            let chunks = min(ny, 64)
            withoutActuallyEscaping(f) { g in
                let fn = SendableFunction(f: g)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let j0 = c * ny / chunks, j1 = (c + 1) * ny / chunks
                    for j in j0..<j1 {
                        let y = ys[j], row = out.base + j * nx
                        for i in 0..<nx { (row + i).initialize(to: fn.f(xs[i], y)) }
                    }
                }
            }
            initialized = nx * ny
        }
    }
}

/// A pointer handed to worker threads that write disjoint slots.
private struct SendablePointer: @unchecked Sendable { let base: UnsafeMutablePointer<Double> }
/// A non-escaping function value shared with worker threads for the duration of one call.
private struct SendableFunction: @unchecked Sendable { let f: (Double, Double) -> Double }
