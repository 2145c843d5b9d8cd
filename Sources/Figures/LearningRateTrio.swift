import Optim
import Viz

/// The default rates of a learning-rate figure for a typed curve, checked by running them: the curvature rule
/// (`Curve1D.suggestedRates`) promises too small, good and diverging, but on e^x − x its third rate overshot to
/// w = −20 and crept back, on x⁴ − x² no rate was good, and on x⁴, whose minimum has f″ = 0, 2.2/f″ was
/// 9.5×10⁸. Candidates are two-digit numbers (10 to 99 times a power of ten) from 10⁻³ to 10² times the secant
/// rate s = |m − w₀| / |f′(w₀)|, the one step that lands on the minimum m ahead.
extension LearningRateFigure {
    /// What gradient descent at rate `lr` from `start` for `steps` steps does on `curve` (`verdict`), and how
    /// many times further from `target` it ends than it started (infinite when the run stopped).
    static func verdict(rate lr: Double, curve: Curve1D, start: Double, steps: Int, target: Double) throws -> (String, Double) {
        let optimizer = try Optimizer(name: "gd", settings: ["lr": .number(lr)])
        let objective = FunctionObjective(dimension: 1, value: { curve.value($0[0]) }, gradient: { [curve.derivative($0[0])] })
        let run = try runTrajectory(objective: objective, optimizer: optimizer, start: [start],
                                    options: TrajectoryOptions(steps: steps, recordGradients: false))
        let ws = run.coordinates(0)
        let growth: Double = run.stop == .maxSteps ? abs((ws.last ?? start) - target) / abs(start - target) : .infinity
        return (verdict(ws, curve: curve, stop: run.stop, leftDomain: run.leftDomain), growth.isNaN ? .infinity : growth)
    }

    /// Three rates whose runs are "too small", "good" and "diverges" (see the type): the good one nearest the
    /// secant rate (a plain "good" before "good (oscillates)"), the largest too-small one at most a fifth of it,
    /// and the smallest diverging one above it. Nil when no minimum lies ahead of the start or the candidates
    /// lack one of the three.
    public static func checkedRates(curve: Curve1D, start: Double, steps: Int) throws -> [Double]? {
        let slope = curve.derivative(start)
        guard slope != 0, slope.isFinite,
              let target = curve.minima.filter({ ($0 - start) * -slope > 0 }).min(by: { abs($0 - start) < abs($1 - start) })
        else { return nil }
        let secant = abs(target - start) / abs(slope)
        guard secant > 0, secant.isFinite else { return nil }
        let e0 = Int(Double.log10(secant).rounded(.down))
        // Every two-digit mantissa: x⁴ from 2.4 is good only for 0.042 ≤ α ≤ 0.046 in its 12 steps.
        let mantissas: [Double] = (10...99).map(Double.init)
        var ladder: [Double] = []
        for e in (e0 - 3)...(e0 + 2) {
            // Tenths times a power of ten, both exact, so each rate is the double nearest its decimal (0.012, not 0.012000000000000002).
            let scale: Double = Double.pow(10, Double(abs(e - 1)))
            for m in mantissas {
                let rate: Double = e >= 1 ? m * scale : m / scale
                if rate >= secant * 1e-3, rate <= secant * 1e2 { ladder.append(rate) }
            }
        }
        var verdicts: [String] = [], growth: [Double] = []
        for rate in ladder {
            let (word, g) = try verdict(rate: rate, curve: curve, start: start, steps: steps, target: target)
            verdicts.append(word); growth.append(g)
        }
        func distance(_ k: Int) -> Double { abs(Double.log(ladder[k] / secant)) }
        func nearestSecant(_ word: String) -> Int? {
            let found: [Int] = ladder.indices.filter { verdicts[$0] == word }
            return found.min { distance($0) < distance($1) }
        }
        guard let g = nearestSecant("good") ?? nearestSecant("good (oscillates)") else { return nil }
        let good = ladder[g], smallest = good / 5 * (1 + 1e-9)
        guard let small = ladder.indices.last(where: { ladder[$0] <= smallest && verdicts[$0] == "too small" }),
              // Diverging: thrown at least twice as far as it started (α = 1 on (x − 1)² bounces at one distance).
              let large = ladder.indices.first(where: { $0 > g && verdicts[$0] == "diverges" && growth[$0] > 2 }) else { return nil }
        return [ladder[small], good, ladder[large]]
    }
}
