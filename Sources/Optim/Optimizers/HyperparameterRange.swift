extension Hyperparameter {
    /// The values a setting accepts (PyTorch's argument checks).
    public enum Range: Sendable, Equatable {
        /// On or off.
        case flag
        /// Any finite number.
        case any
        /// key ≥ bound.
        case atLeast(Double)
        /// key ≤ bound.
        case atMost(Double)
        /// key > bound.
        case greaterThan(Double)
        /// lower ≤ key ≤ upper.
        case closed(Double, Double)
        /// lower ≤ key < upper.
        case closedOpen(Double, Double)
        /// lower < key < upper.
        case open(Double, Double)
        /// A whole number in the range.
        case wholeNumber(ClosedRange<Int>)

        /// Whether `v` is accepted.
        public func contains(_ v: Double) -> Bool {
            switch self {
            case .flag, .any: return true
            case let .atLeast(b): return v >= b
            case let .atMost(b): return v <= b
            case let .greaterThan(b): return v > b
            case let .closed(a, b): return v >= a && v <= b
            case let .closedOpen(a, b): return v >= a && v < b
            case let .open(a, b): return v > a && v < b
            case let .wholeNumber(r): return v >= Double(r.lowerBound) && v <= Double(r.upperBound) && v.rounded() == v
            }
        }

        /// What is accepted, in words naming `key`, e.g. "0 <= rho <= 1".
        public func text(_ key: String) -> String {
            func n(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }
            switch self {
            case .flag: return "true or false"
            case .any: return "a finite number"
            case let .atLeast(b): return "\(key) >= \(n(b))"
            case let .atMost(b): return "\(key) <= \(n(b))"
            case let .greaterThan(b): return "\(key) > \(n(b))"
            case let .closed(a, b): return "\(n(a)) <= \(key) <= \(n(b))"
            case let .closedOpen(a, b): return "\(n(a)) <= \(key) < \(n(b))"
            case let .open(a, b): return "\(n(a)) < \(key) < \(n(b))"
            case let .wholeNumber(r): return "a whole number from \(r.lowerBound) to \(r.upperBound)"
            }
        }
    }
}
