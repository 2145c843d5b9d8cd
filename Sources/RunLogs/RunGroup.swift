/// Several runs of one configuration (seeds) summarised on a common x grid: mean, min, max and
/// standard deviation across the runs at each x.
///
/// Runs logged at different steps (different eval intervals, batch sizes or an offset) are aligned,
/// never averaged only where their steps happen to meet:
/// - the grid is the union of the x values every run logged (steps, epochs or seconds);
/// - at a grid x inside a run's own range (its first to its last logged x) the run's value is the
///   logged one where it logged x, else the linear interpolation between its two neighbouring
///   points, v₀ + (v₁ − v₀)·(x − x₀)/(x₁ − x₀) (NaN when either neighbour is NaN or infinite);
/// - outside a run's range the run is left out (never extrapolated), and `count` says how many runs
///   each statistic is over.
/// Non-finite values make the statistics of their x non-finite, so a seed that diverged shows. The
/// standard deviation is the population one (divide by n, as numpy's default `std`); with a single run
/// it is 0. Runs logged at the same x values get exactly the statistics of their logged values.
public struct RunGroupSummary: Sendable {
    /// The grid: every x any run logged, increasing.
    public var x: [Double] = []
    public var mean: [Double] = []
    public var minimum: [Double] = []
    public var maximum: [Double] = []
    public var standardDeviation: [Double] = []
    /// How many runs cover each x (whose first to last logged x contains it).
    public var count: [Int] = []
    /// How many grid points hold an interpolated value of at least one run.
    public var interpolated = 0

    /// The grid's x as steps (for a grid of logged steps).
    public var steps: [Int64] { x.map { Int64($0) } }

    /// Members given by their steps (the x of each point is its step).
    public init(_ members: [MetricSeries]) {
        self.init(x: members.map { $0.steps.map(Double.init) }, values: members.map(\.values))
    }

    /// - Parameters:
    ///   - x: each run's x values, one per value (points with a non-finite x are left out; a run whose x
    ///     go back is read in order of x, a later point replacing an earlier one at the same x).
    ///   - values: each run's values.
    public init(x: [[Double]], values: [[Double]]) {
        let runs = zip(x, values).map { Self.ordered(x: $0, values: $1) }
        var all = runs.flatMap(\.x)
        all.sort()
        var grid: [Double] = []
        grid.reserveCapacity(all.count)
        for v in all where grid.last != v { grid.append(v) }
        var cursor = [Int](repeating: 0, count: runs.count)
        var vs: [Double] = []
        for g in grid {
            vs.removeAll(keepingCapacity: true)
            var interpolatedHere = false
            for (m, run) in runs.enumerated() {
                guard let first = run.x.first, let last = run.x.last, g >= first, g <= last else { continue }
                var c = cursor[m]
                while run.x[c] < g { c += 1 }
                cursor[m] = c
                if run.x[c] == g {
                    vs.append(run.values[c])
                } else {
                    let (x0, x1, v0, v1) = (run.x[c - 1], run.x[c], run.values[c - 1], run.values[c])
                    vs.append(v0.isFinite && v1.isFinite ? v0 + (v1 - v0) * ((g - x0) / (x1 - x0)) : .nan)
                    interpolatedHere = true
                }
            }
            append(x: g, vs)
            if interpolatedHere { interpolated += 1 }
        }
    }

    /// One grid point's statistics over the values `vs` of the runs covering it.
    private mutating func append(x g: Double, _ vs: [Double]) {
        let mu = vs.reduce(0, +) / Double(vs.count)
        let variance = vs.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(vs.count)
        x.append(g)
        mean.append(mu)
        minimum.append(vs.contains { $0.isNaN } ? .nan : vs.min() ?? .nan)
        maximum.append(vs.contains { $0.isNaN } ? .nan : vs.max() ?? .nan)
        standardDeviation.append(variance.squareRoot())
        count.append(vs.count)
    }

    /// A run's points with finite x, in increasing x, one per x (the last logged wins).
    static func ordered(x: [Double], values: [Double]) -> (x: [Double], values: [Double]) {
        let n = min(x.count, values.count)
        var sorted = true
        for i in 0..<n where !x[i].isFinite || (i > 0 && x[i] <= x[i - 1]) { sorted = false; break }
        if sorted { return (Array(x.prefix(n)), Array(values.prefix(n))) }
        let order = (0..<n).filter { x[$0].isFinite }.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
        var ox: [Double] = [], ov: [Double] = []
        for i in order {
            if ox.last == x[i] { ov[ov.count - 1] = values[i] } else { ox.append(x[i]); ov.append(values[i]) }
        }
        return (ox, ov)
    }

    /// Keeps the first `n` grid points.
    public mutating func truncate(to n: Int) {
        guard n < x.count else { return }
        x.removeSubrange(n...); mean.removeSubrange(n...); minimum.removeSubrange(n...)
        maximum.removeSubrange(n...); standardDeviation.removeSubrange(n...); count.removeSubrange(n...)
    }
}
