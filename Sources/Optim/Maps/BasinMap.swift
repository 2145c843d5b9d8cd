// Maps: grids of runs (basins of attraction, stability over learning rates), computed in parallel chunks.

/// Which minimum each start on a grid reaches: the basins of attraction of an optimizer on a surface.
///
///     let map = try BasinMap(surface: try Surface(named: "himmelblau"),
///                            optimizer: try OptimizerConfig(name: "gd", settings: ["lr": 0.01]),
///                            x: -5...5, y: -5...5, grid: 201, steps: 500)
///     map.shares   // [four basins..., diverged, not converged], summing to 1
///
/// Every start runs `steps` optimizer steps (with the schedule, if any). The run is vectorised over
/// starts: the elementwise torch optimizers (all but LBFGS and Adafactor, whose steps use norms over
/// the whole parameter) update one parameter vector holding a chunk of starts, which gives each start
/// exactly its own trajectory; chunks run in parallel on every core. LBFGS and Adafactor run start by
/// start. A start ends in basin i when its final point lies within `radius` of target i (the
/// surface's global and listed local minima), is `diverged` when a coordinate became non-finite or
/// left the box enlarged 10⁶-fold, and `notConverged` otherwise.
public struct BasinMap: Sendable {
    /// Outcome code of a diverged start.
    public static let diverged: Int32 = -1
    /// Outcome code of a start that ended away from every target.
    public static let notConverged: Int32 = -2

    /// Grid x coordinates (columns), ascending.
    public let xs: [Double]
    /// Grid y coordinates (rows), ascending.
    public let ys: [Double]
    /// The minima a start can reach (global, then listed local minima).
    public let targets: [Point2]
    /// Outcome per start, row-major (row j = ys[j], column i = xs[i]): a target index,
    /// `diverged` or `notConverged`.
    public let outcomes: [Int32]
    /// The radius around a target within which a final point counts as reaching it.
    public let radius: Double

    /// Share of starts per target, then diverged, then not converged (sums to 1).
    public var shares: [Double] {
        var counts = [Int](repeating: 0, count: targets.count + 2)
        for o in outcomes {
            switch o {
            case BasinMap.diverged: counts[targets.count] += 1
            case BasinMap.notConverged: counts[targets.count + 1] += 1
            default: counts[Int(o)] += 1
            }
        }
        let n = Double(max(1, outcomes.count))
        return counts.map { Double($0) / n }
    }

    /// Runs the map. `grid` starts per side (2...2001), `steps` in 1...100000; `radius` defaults to
    /// 1 % of the larger side of the box. Throws `OptimError` for bad sizes, an empty box, or a
    /// schedule that cannot run this optimizer or this many steps.
    public init(surface: Surface, optimizer: OptimizerConfig, schedule: LRSchedule? = nil,
                x: ClosedRange<Double>, y: ClosedRange<Double>, grid: Int, steps: Int, radius: Double? = nil) throws {
        guard (2...2001).contains(grid) else { throw OptimError("grid = \(grid) is not allowed; expected 2...2001 starts per side") }
        guard (1...100_000).contains(steps) else { throw OptimError("steps = \(steps) is not allowed; expected 1...100000") }
        guard x.upperBound > x.lowerBound, y.upperBound > y.lowerBound, [x.lowerBound, x.upperBound, y.lowerBound, y.upperBound].allSatisfy(\.isFinite)
        else { throw OptimError("the start box must be finite with lower < upper on both axes") }
        if let schedule {
            var probe = Optimizer(config: optimizer)
            _ = try LRScheduler(schedule: schedule, optimizer: &probe)
            if let cap = schedule.stepLimit, steps > cap {
                throw OptimError("\(schedule.text) allows at most \(cap) steps; the map runs \(steps)")
            }
        }
        xs = (0..<grid).map { x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(grid - 1) }
        ys = (0..<grid).map { y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(grid - 1) }
        targets = surface.minima + surface.localMinima
        let r = radius ?? 0.01 * max(x.upperBound - x.lowerBound, y.upperBound - y.lowerBound)
        self.radius = r
        let span = 1e6 * max(x.upperBound - x.lowerBound, y.upperBound - y.lowerBound, abs(x.lowerBound), abs(x.upperBound),
                             abs(y.lowerBound), abs(y.upperBound))
        let count = grid * grid
        var finals = [Double](repeating: .nan, count: 2 * count)
        let (xsLocal, ysLocal) = (xs, ys)
        let elementwise = optimizer.kind != .lbfgs && optimizer.kind != .adafactor
        finals.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            let buffer = DisjointWrites(base: base)
            forEachChunk(count: count, chunk: elementwise ? 2048 : 64) { range in
                var theta = [Double](repeating: 0, count: 2 * range.count)
                for (k, s) in range.enumerated() {
                    theta[2 * k] = xsLocal[s % grid]
                    theta[2 * k + 1] = ysLocal[s / grid]
                }
                if elementwise {
                    BasinMap.runVectorised(&theta, surface: surface, optimizer: optimizer, schedule: schedule, steps: steps)
                } else {
                    BasinMap.runOneByOne(&theta, surface: surface, optimizer: optimizer, schedule: schedule, steps: steps)
                }
                for (k, s) in range.enumerated() {
                    buffer.set(2 * s, theta[2 * k])
                    buffer.set(2 * s + 1, theta[2 * k + 1])
                }
            }
        }
        let targetsLocal = targets
        outcomes = (0..<count).map { s in
            BasinMap.classify(finals[2 * s], finals[2 * s + 1], targets: targetsLocal, radius: r, span: span)
        }
    }

    static func classify(_ px: Double, _ py: Double, targets: [Point2], radius: Double, span: Double) -> Int32 {
        guard px.isFinite, py.isFinite, abs(px) <= span, abs(py) <= span else { return diverged }
        var best = -1
        var bestDistance = Double.infinity
        for (i, t) in targets.enumerated() {
            let d = ((px - t.x) * (px - t.x) + (py - t.y) * (py - t.y)).squareRoot()
            if d < bestDistance { (best, bestDistance) = (i, d) }
        }
        return best >= 0 && bestDistance <= radius ? Int32(best) : notConverged
    }

    /// All starts of a chunk as one parameter vector [x₀, y₀, x₁, y₁, …] under one optimizer.
    static func runVectorised(_ theta: inout [Double], surface: Surface, optimizer: OptimizerConfig,
                              schedule: LRSchedule?, steps: Int) {
        var opt = Optimizer(config: optimizer)
        var scheduler = schedule.flatMap { try? LRScheduler(schedule: $0, optimizer: &opt) }
        var g = [Double](repeating: 0, count: theta.count)
        // A typed expression: one pass of its compiled tape over every start of the chunk per step,
        // instead of setting up an evaluator for each point (the same numbers, many times faster).
        let n = theta.count / 2
        var xs = [Double](repeating: 0, count: n), ys = xs, values = xs, gx = xs, gy = xs
        for _ in 0..<steps {
            if let e = surface.expression {
                for i in 0..<n { xs[i] = theta[2 * i]; ys[i] = theta[2 * i + 1] }
                e.evaluate(xs: xs, ys: ys, values: &values, dfdx: &gx, dfdy: &gy)
                for i in 0..<n { g[2 * i] = gx[i]; g[2 * i + 1] = gy[i] }
            } else {
                var k = 0
                while k < theta.count {
                    let d = surface.gradient(theta[k], theta[k + 1])
                    g[k] = d.dx
                    g[k + 1] = d.dy
                    k += 2
                }
            }
            opt.step(parameters: &theta, gradient: g)
            scheduler?.step(optimizer: &opt)
        }
    }

    /// Start by start (LBFGS, Adafactor), each with a fresh optimizer.
    static func runOneByOne(_ theta: inout [Double], surface: Surface, optimizer: OptimizerConfig,
                            schedule: LRSchedule?, steps: Int) {
        var k = 0
        while k < theta.count {
            let options = TrajectoryOptions(steps: steps, recordEvery: steps, recordGradients: false)
            let run = try? runTrajectory(objective: surface, optimizer: Optimizer(config: optimizer), start: [theta[k], theta[k + 1]],
                                         options: options, schedule: schedule)
            if let run, case .maxSteps = run.stop, let p = run.finalPosition {
                (theta[k], theta[k + 1]) = (p[0], p[1])
            } else {
                (theta[k], theta[k + 1]) = (.nan, .nan)
            }
            k += 2
        }
    }
}
