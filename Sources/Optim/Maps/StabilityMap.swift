/// An optimizer's outcome over a grid of two hyper-parameters (lr × momentum by default): the
/// final loss gap f − f* after a fixed number of steps, or the steps needed to reach a tolerance,
/// from one start. This is the picture of Goh, "Why Momentum Really Works" (Distill, 2017).
///
/// A cell is `diverged` when a value became non-finite, or the final loss gap exceeds the start's and
/// the loss is growing (see `grew`: the second half of the run peaks above twice the first). Cells run in parallel on every core; each cell is an
/// ordinary run, so the map does not depend on the number of cores.
public struct StabilityMap: Sendable {
    /// What a cell shows.
    public enum Measure: Sendable, Hashable {
        /// f(θ_N) − f* after all steps (f itself when the surface has no known minimum value).
        case finalLoss
        /// The first step k with f(θ_j) − f* ≤ tolerance for every j from k to the last step (NaN when
        /// never reached, or left again before the end).
        case stepsToTolerance(Double)
    }

    /// The setting on the x axis (torch's name, e.g. `lr`) and its values (columns).
    public let xSetting: String, xs: [Double]
    /// The setting on the y axis (e.g. `momentum`) and its values (rows).
    public let ySetting: String, ys: [Double]
    /// One value per cell, row-major (row j = ys[j]); NaN where diverged or never reached.
    public let values: [Double]
    /// Whether each cell diverged.
    public let diverged: [Bool]
    /// The measure shown.
    public let measure: Measure

    /// Runs `name` with `settings` plus the two swept settings from `start` for `steps` steps per
    /// cell (1...100000; at most 1001² cells). Throws `OptimError` when a swept setting is not one
    /// of the optimizer's numbers or a cell's settings are rejected (e.g. beta1 ≥ 1).
    public init(surface: Surface, optimizer name: String, settings: [String: OptimizerSetting] = [:],
                x: (setting: String, values: [Double]), y: (setting: String, values: [Double]),
                start: Point2, steps: Int, measure: Measure = .finalLoss) throws {
        guard (1...100_000).contains(steps) else { throw OptimError("steps = \(steps) is not allowed; expected 1...100000") }
        guard (1...1001).contains(x.values.count), (1...1001).contains(y.values.count) else {
            throw OptimError("the grid must have 1...1001 values per axis")
        }
        guard x.setting != y.setting else { throw OptimError("the two axes sweep the same setting '\(x.setting)'") }
        for axis in [x, y] {
            let defaults = try OptimizerConfig.defaults(for: name)
            guard let entry = defaults.first(where: { $0.name == axis.setting }), case .number = entry.value else {
                let numbers = defaults.filter { if case .number = $0.value { return true } else { return false } }.map(\.name)
                throw OptimError("\(name) has no numeric setting '\(axis.setting)' to sweep; its numbers: " + numbers.joined(separator: ", "))
            }
        }
        var configs: [OptimizerConfig] = []
        configs.reserveCapacity(x.values.count * y.values.count)
        for yv in y.values {
            for xv in x.values {
                var s = settings
                s[x.setting] = .number(xv)
                s[y.setting] = .number(yv)
                configs.append(try OptimizerConfig(name: name, settings: s))
            }
        }
        xSetting = x.setting; xs = x.values
        ySetting = y.setting; ys = y.values
        self.measure = measure
        let offset = surface.minimumValue ?? 0
        var out = [Double](repeating: .nan, count: 2 * configs.count)
        let all = configs
        out.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let writes = DisjointWrites(base: base)
            forEachChunk(count: all.count, chunk: max(1, x.values.count)) { range in
                if let e = surface.expression, all[range].allSatisfy({ $0.kind != .lbfgs }) {
                    let cells = StabilityMap.lockstep(expression: e, configs: Array(all[range]), start: start, steps: steps,
                                                      offset: offset, measure: measure)
                    for (c, (value, bad)) in zip(range, cells) {
                        writes.set(2 * c, value)
                        writes.set(2 * c + 1, bad ? 1 : 0)
                    }
                    return
                }
                for c in range {
                    let (value, bad) = StabilityMap.cell(surface: surface, config: all[c], start: start, steps: steps,
                                                         offset: offset, measure: measure)
                    writes.set(2 * c, value)
                    writes.set(2 * c + 1, bad ? 1 : 0)
                }
            }
        }
        values = (0..<configs.count).map { out[2 * $0] }
        diverged = (0..<configs.count).map { out[2 * $0 + 1] == 1 }
    }

    /// One run: (the measure, diverged?).
    static func cell(surface: Surface, config: OptimizerConfig, start: Point2, steps: Int, offset: Double,
                     measure: Measure) -> (Double, Bool) {
        var opt = Optimizer(config: config)
        var theta = [start.x, start.y]
        var g = [0.0, 0.0]
        let f0 = surface.value(start.x, start.y) - offset
        var reached = Double.nan
        if case .stepsToTolerance(let tol) = measure, f0 <= tol { reached = 0 }
        var f = f0
        var peaks = (early: f0, late: -Double.infinity)
        for k in 1...steps {
            let d = surface.gradient(theta[0], theta[1])
            (g[0], g[1]) = (d.dx, d.dy)
            opt.step(parameters: &theta, gradient: &g, objective: surface)
            f = surface.value(theta[0], theta[1]) - offset
            guard f.isFinite, theta[0].isFinite, theta[1].isFinite else { return (.nan, true) }
            if 2 * k <= steps { peaks.early = max(peaks.early, f) } else { peaks.late = max(peaks.late, f) }
            // The first step from which the loss stays within the tolerance to the end of the run (an
            // oscillating run that dips below it and climbs out again has not reached it).
            if case .stepsToTolerance(let tol) = measure {
                if f > tol { reached = .nan } else if reached.isNaN { reached = Double(k) }
            }
        }
        if grew(final: f, start: f0, peaks: peaks, steps: steps) && reached.isNaN { return (.nan, true) }
        switch measure {
        case .finalLoss: return (f, false)
        case .stepsToTolerance: return (reached, false)
        }
    }

    /// Whether a run that stayed finite diverged: its final loss gap is above the start's and, over four
    /// steps or more, the peak of the second half of the run is above twice the peak of the first half (the
    /// loss is growing). A decaying oscillation (heavy ball with momentum 0.99: 10 steps end at 11.2 from
    /// 10.25) has a falling envelope: its final loss may sit above the start's, but it is not diverging.
    static func grew(final f: Double, start f0: Double, peaks: (early: Double, late: Double), steps: Int) -> Bool {
        guard f > max(f0, 0) else { return false }
        return steps < 4 || peaks.late > 2 * peaks.early
    }

    /// The Hessian eigenvalues (ascending) when `surface` is a quadratic (its Hessian, by central
    /// differences of the exact gradient, is the same at two distant points), else nil.
    public static func curvatures(of surface: Surface) -> [Double]? {
        func hessian(_ p: Point2) -> (Double, Double, Double) {
            let h = 1e-3
            let gx1 = surface.gradient(p.x + h, p.y), gx0 = surface.gradient(p.x - h, p.y)
            let gy1 = surface.gradient(p.x, p.y + h), gy0 = surface.gradient(p.x, p.y - h)
            return ((gx1.dx - gx0.dx) / (2 * h), (gx1.dy - gx0.dy + gy1.dx - gy0.dx) / (4 * h), (gy1.dy - gy0.dy) / (2 * h))
        }
        let a = hessian(Point2(0.3, -0.2)), b = hessian(Point2(-1.7, 2.1))
        let same = [abs(a.0 - b.0), abs(a.1 - b.1), abs(a.2 - b.2)].allSatisfy { $0 <= 1e-6 * (1 + abs(a.0) + abs(a.2)) }
        guard same, surface.dataset == nil else { return nil }
        let mean = (a.0 + a.2) / 2
        let radius = (((a.0 - a.2) / 2) * ((a.0 - a.2) / 2) + a.1 * a.1).squareRoot()
        return [mean - radius, mean + radius].map { ($0 * 1e9).rounded() / 1e9 }
    }

    /// For SGD on a convex quadratic with largest curvature λ: the largest stable lr for momentum β,
    /// 2(1 + β)/λ (heavy ball), or 2(1 + β)/((1 + 2β)λ) with Nesterov; nil when not a convex quadratic.
    public static func largestStableLR(surface: Surface, momentum beta: Double, nesterov: Bool) -> Double? {
        guard let l = curvatures(of: surface), let lo = l.first, let hi = l.last, lo > 0, beta >= 0, beta < 1 else { return nil }
        return nesterov ? 2 * (1 + beta) / ((1 + 2 * beta) * hi) : 2 * (1 + beta) / hi
    }
}
