// Numbers: numbers typed on the command line and printed as CSV or JSON tables.

import ArgumentParser
import Foundation
import Optim

/// Parsing of the number-valued command-line arguments: single finite numbers, comma lists,
/// `;`-separated rows, `x:y` points, `a:b` ranges and `key=value` parameters. Every failure is a
/// `ValidationError` that quotes the offending text and says what is expected.
enum NumberArguments {
    /// `text` (spaces around it ignored) read as a decimal number such as `-1.5`, `2e-3` or `1e400` (which
    /// reads as infinity: `finite` words that), else nil: `DecimalNumber`, the one rule for typed numbers.
    static func decimal<S: StringProtocol>(_ text: S) -> Double? {
        DecimalNumber.decimal(text)
    }

    /// A finite number, or an error naming `text` and the option, in `DecimalNumber`'s words (the same for a
    /// number in a torch call).
    /// `whole`, when given, is the value as typed that `text` is an item of (`1,,2`), named with it.
    static func finite(_ text: String, option: String, in whole: String? = nil) throws -> Double {
        switch DecimalNumber.read(text) {
        case .success(let v): return v
        case .failure(let problem):
            if text.trimmingSpaces.isEmpty, whole != nil {
                throw ArgumentRefusal.invalid(option, whole ?? text,
                                              "an item is empty; expected finite decimal numbers such as -1.5 or 2e-3 between the separators")
            }
            // Worded only on a refusal: a list of n items would otherwise cut its text n times (n² work).
            throw ArgumentRefusal.invalid(option, whole ?? text, whole == nil ? problem.reason : "'\(text)' " + problem.reason)
        }
    }

    /// For `@Option(transform:)`: a finite number.
    static func finiteTransform(option: String) -> @Sendable (String) throws -> Double {
        { try finite($0, option: option) }
    }

    /// "1,-2,3.5" → [1, -2, 3.5] (at least one number).
    static func list(_ text: String, option: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !text.trimmingSpaces.isEmpty else {
            throw ArgumentRefusal.invalid(option, text, "no values given; expected a comma-separated list such as -1,0,2.5")
        }
        return try parts.map { try finite($0, option: option, in: parts.count > 1 ? text : nil) }
    }

    /// "0.8,0.1;0.2,0.7" → [[0.8, 0.1], [0.2, 0.7]].
    static func rows(_ text: String, option: String) throws -> [[Double]] {
        try text.split(separator: ";", omittingEmptySubsequences: false).map { try list(String($0), option: option) }
    }

    /// "1:2,-3:0.5" → [(1, 2), (−3, 0.5)].
    static func points(_ text: String, option: String) throws -> [(x: Double, y: Double)] {
        guard !text.trimmingSpaces.isEmpty else {
            throw ArgumentRefusal.invalid(option, text, "no points given; expected x:y pairs separated by commas, e.g. 1:2,-0.5:3")
        }
        return try text.split(separator: ",", omittingEmptySubsequences: false).map { pair in
            let xy = pair.split(separator: ":", omittingEmptySubsequences: false)
            guard xy.count == 2 else {
                throw ArgumentRefusal.invalid(option, text, "'\(pair)' is not a point; expected x:y, e.g. 1.5:-2")
            }
            return (try finite(String(xy[0]), option: option, in: text), try finite(String(xy[1]), option: option, in: text))
        }
    }

    /// "x,y" → [x, y] exactly two numbers.
    static func pair(_ text: String, option: String) throws -> [Double] {
        // An empty value (--start=) asks for x,y, not for a list of any length.
        guard !text.trimmingSpaces.isEmpty else { throw ArgumentRefusal.invalid(option, text, "no values given; expected two, x,y (e.g. -1.5,2)") }
        let v = try list(text, option: option)
        guard v.count == 2 else {
            throw ArgumentRefusal.invalid(option, text, "\(v.count) numbers; expected two, x,y (e.g. -1.5,2)")
        }
        return v
    }

    /// Parses `a:b` with a < b and both ends finite decimal numbers (`DecimalNumber`) within ±1e150.
    static func range(_ text: String, option: String) throws -> ClosedRange<Double> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw ArgumentRefusal.invalid(option, text, "expected two numbers as a:b, e.g. \(option) -6:6") }
        // Each end read by the one rule for typed numbers and named when refused ('0x10' is not a number), as --xrange does.
        let a = try finite(String(parts[0]), option: option, in: text), b = try finite(String(parts[1]), option: option, in: text)
        guard a < b else { throw ArgumentRefusal.invalid(option, text, "the lower end must be below the upper end") }
        // Samples, ticks and limits are computed from the span: it must be a finite number too.
        guard (b - a).isFinite, max(abs(a), abs(b)) <= 1e150 else {
            throw ArgumentRefusal.invalid(option, text, "expected ends within ±1e150")
        }
        if let why = tooNarrow(a, b) { throw ArgumentRefusal.invalid(option, text, why) }
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

    /// ["negative_slope=0.1", "alpha=2"] → dictionary; duplicate keys and malformed items are errors.
    static func parameters(_ items: [String], option: String) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for item in items {
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2, !kv[0].trimmingSpaces.isEmpty else {
                throw ArgumentRefusal.invalid(option, item, "expected key=value, e.g. --param negative_slope=0.1")
            }
            let key = kv[0].trimmingSpaces
            guard out[key] == nil else { throw ArgumentRefusal.invalid(option, item, "\(key) is given twice") }
            out[key] = try finite(String(kv[1]), option: "\(option) \(key)")
        }
        return out
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
