/// Regression losses of one example: squared error, absolute error, Huber.
enum RegressionLoss {
    /// (p − y)².
    static func squared(_ p: Double, _ y: Double) -> Double { (p - y) * (p - y) }
    /// 2(p − y).
    static func squaredGradient(_ p: Double, _ y: Double) -> Double { 2 * (p - y) }
    /// |p − y|.
    static func absolute(_ p: Double, _ y: Double) -> Double { abs(p - y) }
    /// sign(p − y), 0 at p = y (PyTorch).
    static func absoluteGradient(_ p: Double, _ y: Double) -> Double {
        p > y ? 1 : (p < y ? -1 : 0)
    }
    /// ½d² for |d| < δ, else δ(|d| − ½δ), d = p − y.
    static func huber(_ p: Double, _ y: Double, delta: Double) -> Double {
        let d = p - y
        return abs(d) < delta ? 0.5 * d * d : delta * (abs(d) - 0.5 * delta)
    }
    /// d for |d| < δ, else δ·sign(d).
    static func huberGradient(_ p: Double, _ y: Double, delta: Double) -> Double {
        let d = p - y
        if d > delta { return delta }
        if d < -delta { return -delta }
        return d
    }
}
