/// A tiny benchmark harness: runs a body repeatedly for at least `minSeconds` and reports the best rate.
struct Harness {
    var minSeconds: Double = 0.5
    private(set) var rows: [(name: String, value: String)] = []

    /// Times `body`, which does `work` units of work per call, and records "units per second".
    mutating func rate(_ name: String, work: Double, unit: String, _ body: () -> Void) {
        let clock = ContinuousClock()
        var best = Double.infinity
        var total = 0.0
        var runs = 0
        while total < minSeconds || runs < 3 {
            let d = clock.measure(body)
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            best = min(best, s)
            total += s
            runs += 1
        }
        record(name, formatRate(work / best) + " \(unit)/s")
    }

    /// Times `body` and records the best wall time of one call in milliseconds.
    mutating func time(_ name: String, _ body: () throws -> Void) throws {
        let clock = ContinuousClock()
        var best = Double.infinity
        var total = 0.0
        var runs = 0
        while total < minSeconds || runs < 3 {
            var error: Error?
            let d = clock.measure { do { try body() } catch let e { error = e } }
            if let error { throw error }
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            best = min(best, s)
            total += s
            runs += 1
        }
        record(name, formatMilliseconds(best * 1000))
    }

    /// Records a precomputed value (for example a ratio).
    mutating func record(_ name: String, _ value: String) {
        rows.append((name, value))
        print(name.padding(to: 58) + " " + value)
    }
}

func formatRate(_ r: Double) -> String {
    if r >= 1e9 { return fixed(r / 1e9, 2) + " G" }
    if r >= 1e6 { return fixed(r / 1e6, 2) + " M" }
    if r >= 1e3 { return fixed(r / 1e3, 2) + " k" }
    return fixed(r, 2) + " "
}

func formatMilliseconds(_ ms: Double) -> String { fixed(ms, 2) + " ms" }

/// `x` with `digits` decimals, without Foundation; "–" when `x` is not finite (a CPU time that was not
/// measured, such as the wall-only rows' ratio), which `Int(_:)` would trap on.
func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite, abs(x) < 1e15 else { return "–" }
    var p = 1.0
    for _ in 0..<digits { p *= 10 }
    let n = (abs(x) * p).rounded()
    let whole = Int(n / p)
    var frac = String(Int(n.truncatingRemainder(dividingBy: p)))
    while frac.count < digits { frac = "0" + frac }
    return (x < 0 ? "-" : "") + String(whole) + (digits > 0 ? "." + frac : "")
}

extension String {
    func padding(to n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
