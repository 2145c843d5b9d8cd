import Optim

extension PitfallsFigure {
    /// Starts for a curve given without `--starts`: the built-in pitfalls curve keeps its five
    /// lecture starts (a plateau, a local and a global minimum, an overshoot); any other curve (a typed
    /// expression, the square, …) gets `count` starts spread over the part of its view where f and f′
    /// are defined — at 10 %, 30 %, …, 90 % of the defined points of a 121-point grid over the view —
    /// so every start is in view and on the function (`log(x)*x` starts right of 0, not at −4.2).
    /// Empty when f is defined nowhere in the view.
    public static func defaultStarts(for curve: Curve1D, count: Int = 5) -> [Double] {
        if curve.kind == .pitfalls { return [-4.2, -2.4, 0.8, 3.2, 3.4] }
        let view = curve.viewRange, n = 120
        let width = view.upperBound - view.lowerBound
        // Inside the y range the figure shows, too: 1/x started at 0.05 (f = 20), above a view cut at ≈ 5.
        let fit = RobustYLimits.curve(curve.value, over: view, poles: curve.poles.map(\.at))
        let shown = { (f: Double) in fit.map { f >= $0.shownLower && f <= $0.shownUpper } ?? true }
        let defined = (0...n).map { view.lowerBound + width * Double($0) / Double(n) }
            .map { $0 == 0 ? 0 : $0 }
            .filter { curve.value($0).isFinite && curve.derivative($0).isFinite && shown(curve.value($0)) }
        guard !defined.isEmpty else { return [] }
        var starts: [Double] = []
        for k in 0..<count {
            let i = Int(((Double(k) + 0.5) / Double(count) * Double(defined.count - 1)).rounded())
            let s = defined[min(max(i, 0), defined.count - 1)]
            if !starts.contains(s) { starts.append(s) }
        }
        return starts
    }

    /// The learning rate for a run from `start` given without `--rates`: 0.05 for the lecture starts
    /// on the built-in pitfalls curve (0.18 for its overshooting start 3.4), otherwise the rate
    /// `LearningRateSearch` chooses for gradient descent from `start` over `steps` steps with the run
    /// kept in the curve's view (as `curves` and `surface` choose theirs).
    /// - Throws: `OptimError` from the optimizer.
    public static func defaultRate(for curve: Curve1D, start: Double, steps: Int) throws -> Double {
        if curve.kind == .pitfalls { return start == 3.4 ? 0.18 : 0.05 }
        let c = curve, view = curve.viewRange
        let objective = FunctionObjective(dimension: 1, value: { c.value($0[0]) }, gradient: { [c.derivative($0[0])] })
        return try LearningRateSearch.choose(objective: objective, start: [start], minima: curve.minima.map { [$0] }, steps: steps,
                                             staysInView: { view.contains($0[0]) },
                                             config: { try OptimizerConfig(name: "gd", settings: ["lr": .number($0)]) })
    }
}
