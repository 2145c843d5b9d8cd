import ArgumentParser
import Optim

extension DLPlot.StabilityCommand {
    /// The values swept for `setting` from `text` (its range as typed) or `fallback`: the grid of `values`, or for
    /// a whole-number setting (lbfgs's max_iter, max_eval, history_size) evenly spaced whole numbers, every one
    /// in the range when there are at most --grid of them (`--y-range 1:5` sweeps 1, 2, 3, 4, 5), else every
    /// k-th from the lowest. Without a range a whole-number setting sweeps its lowest 20 values.
    /// - Throws: `ValidationError` (exit 64) naming `option` as typed when the range holds fewer than two whole
    ///   numbers, and naming `logOption` with `log`, since whole numbers are swept evenly.
    func axisValues(_ setting: String, _ text: String?, fallback: (Double, Double), log: Bool, option: String,
                    logOption: String) throws -> [Double] {
        guard let whole = Self.wholeNumbers(of: setting) else {
            return try values(text, fallback: fallback, log: log, option: option)
        }
        if log { throw ArgumentRefusal.flag(logOption, "\(setting) takes whole numbers, swept evenly; drop \(logOption)") }
        let lowest = Double(whole.lowerBound)
        let range = try text.map { try NumberArguments.interval($0, option: option, logAxis: false) }.map { ($0.lower, $0.upper) }
            ?? (lowest, min(Double(whole.upperBound), lowest + 19))
        let (lo, hi) = (range.0.rounded(.up), range.1.rounded(.down))
        guard hi - lo >= 1 else {
            let reason = "\(setting) takes whole numbers and this range holds \(hi == lo ? "only one" : "none"); "
                + "give one holding two or more, e.g. \(whole.lowerBound):\(min(whole.upperBound, whole.lowerBound + 4))"
            throw text.map { ArgumentRefusal.invalid(option, $0, reason) } ?? ValidationError(reason)
        }
        let step = ((hi - lo) / Double(grid - 1)).rounded(.up)
        return Array(stride(from: lo, through: hi, by: step))
    }

    /// The whole numbers `setting` accepts, or nil when it takes any number in its range.
    static func wholeNumbers(of setting: String) -> ClosedRange<Int>? {
        guard let key = HyperparameterKey.allCases.first(where: { $0.name == setting }),
              case let .wholeNumber(r) = key.entry.range else { return nil }
        return r
    }
}
