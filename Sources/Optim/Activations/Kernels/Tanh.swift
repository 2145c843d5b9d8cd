import RealModule

// MARK: - The tanh family: tanh, LiSHT, softsign

extension Kernel {
    /// sech²(x) = 4e/(1+e)² with e = e^{−2|x|}: exact in the tails (1 − tanh² rounds to 0).
    @inline(__always)
    static func sech2(_ x: Double) -> Double {
        let e = Double.exp(-2 * abs(x))
        let d = 1 + e
        return 4 * e / (d * d)
    }

    /// tanh′(x) = sech²(x).
    @inline(__always)
    static func tanhDerivative(_ x: Double) -> Double {
        sech2(x)
    }

    /// LiSHT x·tanh(x).
    @inline(__always)
    static func lisht(_ x: Double) -> Double {
        x * Double.tanh(x)
    }

    /// LiSHT′(x) = tanh(x) + x·sech²(x).
    @inline(__always)
    static func lishtDerivative(_ x: Double) -> Double {
        Double.tanh(x) + x * sech2(x)
    }

    /// Softsign x/(1+|x|).
    @inline(__always)
    static func softsign(_ x: Double) -> Double {
        x / (1 + abs(x))
    }

    /// Softsign′(x) = 1/(1+|x|)².
    @inline(__always)
    static func softsignDerivative(_ x: Double) -> Double {
        let d = 1 + abs(x)
        return 1 / (d * d)
    }
}
