import Optim
import Viz

/// The default rates of a learning-rate figure for a typed curve, checked by running them: the curvature rule
/// (`Curve1D.suggestedRates`) promises too small, good and diverging, but on e^x − x its third rate overshot to
/// w = −20 and crept back ("too small"), on x⁴ − x² no rate was good, and on x⁴, whose minimum has f″ = 0,
/// 2.2/f″ was 9.5×10⁸.
extension LearningRateFigure {
    /// What gradient descent at rate `lr` from `start` for `steps` steps does on `curve` (`verdict`).
    static func verdict(rate lr: Double, curve: Curve1D, start: Double, steps: Int) throws -> String {
        let optimizer = try Optimizer(name: "gd", settings: ["lr": .number(lr)])
        let objective = FunctionObjective(dimension: 1, value: { curve.value($0[0]) }, gradient: { [curve.derivative($0[0])] })
        let run = try runTrajectory(objective: objective, optimizer: optimizer, start: [start],
                                    options: TrajectoryOptions(steps: steps, recordGradients: false))
        return verdict(run.coordinates(0), curve: curve, stop: run.stop, leftDomain: run.leftDomain)
    }

    /// Three rates whose runs are "too small", "good" and "diverges", from a 1, 2, 5 ladder over eight decades
    /// around the curvature rule's middle rate: the smallest good one (a plain "good" before "good (oscillates)"),
    /// the largest too-small one at most a fifth of it, and the smallest diverging one above it. Nil when the
    /// curve has no minimum, the rule gives no rates, or the ladder lacks one of the three.
    public static func checkedRates(curve: Curve1D, start: Double, steps: Int) throws -> [Double]? {
        guard !curve.minima.isEmpty, let guess = curve.suggestedRates(from: start), guess.count == 3,
              guess[1] > 0, guess[1].isFinite else { return nil }
        let e0 = Int(Double.log10(guess[1]).rounded(.down)) - 4
        let ladder = (e0...(e0 + 8)).flatMap { e in [1.0, 2, 5].map { $0 * Double.pow(10, Double(e)) } }
        let verdicts = try ladder.map { try verdict(rate: $0, curve: curve, start: start, steps: steps) }
        guard let g = ladder.indices.first(where: { verdicts[$0] == "good" })
            ?? ladder.indices.first(where: { verdicts[$0] == "good (oscillates)" }) else { return nil }
        let good = ladder[g]
        guard let small = ladder.indices.last(where: { $0 < g && ladder[$0] <= good / 5 * (1 + 1e-9) && verdicts[$0] == "too small" }),
              let large = ladder.indices.first(where: { $0 > g && verdicts[$0] == "diverges" }) else { return nil }
        return [ladder[small], good, ladder[large]]
    }
}
