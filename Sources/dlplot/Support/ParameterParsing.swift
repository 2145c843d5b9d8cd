import Foundation
import ArgumentParser

/// Parsing helpers shared by commands: `k=v` parameters, `a:b` ranges, comma lists.
enum ArgumentText {
    /// Parses `key=value` pairs; `option` names the flag in messages.
    static func keyValues(_ items: [String], option: String) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("invalid \(option) '\(item)': expected name=value, e.g. \(option) alpha=0.5")
            }
            guard let v = Double(parts[1]), v.isFinite else {
                throw ValidationError("invalid \(option) '\(item)': '\(parts[1])' is not a finite number")
            }
            out[String(parts[0])] = v
        }
        return out
    }

    /// Parses `a:b` with a < b.
    static func range(_ text: String, option: String) throws -> ClosedRange<Double> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), a.isFinite, b.isFinite else {
            throw ValidationError("invalid \(option) '\(text)': expected two numbers as a:b, e.g. \(option) -6:6")
        }
        guard a < b else { throw ValidationError("invalid \(option) '\(text)': the lower end must be below the upper end") }
        // Samples, ticks and limits are computed from the span: it must be a finite number too.
        guard (b - a).isFinite, max(abs(a), abs(b)) <= 1e150 else {
            throw ValidationError("invalid \(option) '\(text)': expected ends within ±1e150")
        }
        if let why = tooNarrow(a, b) { throw ValidationError("invalid \(option) '\(text)': \(why)") }
        return a...b
    }

    /// How many float64 steps a range must span to be sampled and drawn (a curve takes 1201 samples, a
    /// surface grid up to 400 a side, and each must differ from its neighbours).
    static let minimumSteps = 10_000.0

    /// Why `a...b` is too narrow to draw, or nil. `0:5e-324` holds two doubles: samples repeat and a line
    /// between them is invented. The span must be `minimumSteps` float64 steps at its larger end, and
    /// steps are counted no finer than the smallest normal double (2.2×10⁻³⁰⁸): subnormal numbers
    /// lose precision, and ticks and labels cannot be computed for them.
    static func tooNarrow(_ a: Double, _ b: Double) -> String? {
        let step = max(max(abs(a), abs(b)).ulp, Double.leastNormalMagnitude)
        let least = minimumSteps * step
        guard b - a < least else { return nil }
        return "too narrow to draw (less than \(Int(minimumSteps)) float64 steps); "
            + "give a range at least \(String(format: "%.2g", least)) wide"
    }

    /// Parses a comma-separated list of finite numbers.
    static func numbers(_ text: String, option: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var out: [Double] = []
        for p in parts {
            guard let v = Double(p.trimmingCharacters()), v.isFinite else {
                throw ValidationError("invalid \(option) '\(text)': '\(p)' is not a finite number (expected a comma-separated list, e.g. 0.05,0.2,1.1)")
            }
            out.append(v)
        }
        return out
    }
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
