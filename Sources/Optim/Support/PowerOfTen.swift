extension Double {
    /// 10ᵉ by repeated multiplication, and for e < 0 its reciprocal: exact for |e| ≤ 22 (every power of
    /// ten up to 10²² is a double, and one division rounds 1/10ᵏ correctly), so `5 * .powerOfTen(-3)`
    /// is the double nearest 0.005, as typed. `pow(10, e)` promises no such rounding. Beyond |e| = 22
    /// each product rounds, and the result is near 10ᵉ, not always the nearest double.
    public static func powerOfTen(_ e: Int) -> Double {
        var v = 1.0
        for _ in 0..<e.magnitude { v *= 10 }
        return e < 0 ? 1 / v : v
    }
}
