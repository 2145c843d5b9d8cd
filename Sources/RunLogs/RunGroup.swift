/// Several runs of one configuration (seeds) summarised step by step: mean, min, max and standard
/// deviation across the runs that logged each step.
///
/// Steps are joined exactly (never by position); a step logged by only some runs is summarised over
/// those (`count` tells how many). Non-finite values make the statistics of their step non-finite, so
/// a seed that diverged shows. The standard deviation is the population one (divide by n, as numpy's
/// default `std`); with a single run it is 0.
public struct RunGroupSummary: Sendable {
    public var steps: [Int64] = []
    public var mean: [Double] = []
    public var minimum: [Double] = []
    public var maximum: [Double] = []
    public var standardDeviation: [Double] = []
    public var count: [Int] = []

    public init(_ members: [MetricSeries]) {
        var cursor = [Int](repeating: 0, count: members.count)
        while true {
            var next: Int64?
            for (m, s) in members.enumerated() where cursor[m] < s.count {
                next = min(next ?? s.steps[cursor[m]], s.steps[cursor[m]])
            }
            guard let step = next else { break }
            var vs: [Double] = []
            for (m, s) in members.enumerated() where cursor[m] < s.count && s.steps[cursor[m]] == step {
                vs.append(s.values[cursor[m]])
                cursor[m] += 1
            }
            let mu = vs.reduce(0, +) / Double(vs.count)
            let variance = vs.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(vs.count)
            steps.append(step)
            mean.append(mu)
            minimum.append(vs.contains { $0.isNaN } ? .nan : vs.min() ?? .nan)
            maximum.append(vs.contains { $0.isNaN } ? .nan : vs.max() ?? .nan)
            standardDeviation.append(variance.squareRoot())
            count.append(vs.count)
        }
    }

    /// Keeps the first `n` steps.
    public mutating func truncate(to n: Int) {
        guard n < steps.count else { return }
        steps.removeSubrange(n...); mean.removeSubrange(n...); minimum.removeSubrange(n...)
        maximum.removeSubrange(n...); standardDeviation.removeSubrange(n...); count.removeSubrange(n...)
    }
}
