import RealModule

/// Softmax and log-softmax of a vector with a temperature T > 0, their Jacobians and the entropy.
/// sᵢ = exp((xᵢ − max x)/T) / Σⱼ exp((xⱼ − max x)/T): the maximum is subtracted first, so any finite
/// logits (e.g. [1000, 999, 0]) give finite probabilities.
public enum Softmax {
    /// The probabilities s = softmax(x/T). Empty input gives an empty result.
    public static func probabilities(_ logits: [Double], temperature: Double = 1) -> [Double] {
        guard let m = logits.max() else { return [] }
        let e = logits.map { Double.exp(($0 - m) / temperature) }
        var sum = 0.0
        for v in e { sum += v }
        return e.map { $0 / sum }
    }

    /// log softmax(x/T)ᵢ = (xᵢ − m)/T − log Σⱼ exp((xⱼ − m)/T), m = max x.
    public static func logProbabilities(_ logits: [Double], temperature: Double = 1) -> [Double] {
        guard let m = logits.max() else { return [] }
        let shifted = logits.map { ($0 - m) / temperature }
        var sum = 0.0
        for z in shifted { sum += Double.exp(z) }
        let logSum = Double.log(sum)
        return shifted.map { $0 - logSum }
    }

    /// J[i][j] = ∂sᵢ/∂xⱼ = sᵢ(δᵢⱼ − sⱼ)/T.
    public static func jacobian(_ logits: [Double], temperature: Double = 1) -> [[Double]] {
        let s = probabilities(logits, temperature: temperature)
        return s.indices.map { i in
            s.indices.map { j in
                (i == j ? s[i] * (1 - s[j]) : -s[i] * s[j]) / temperature
            }
        }
    }

    /// J[i][j] = ∂ log sᵢ/∂xⱼ = (δᵢⱼ − sⱼ)/T.
    public static func logJacobian(_ logits: [Double], temperature: Double = 1) -> [[Double]] {
        let s = probabilities(logits, temperature: temperature)
        return s.indices.map { i in
            s.indices.map { j in ((i == j ? 1 : 0) - s[j]) / temperature }
        }
    }

    /// The entropy −Σ sᵢ log sᵢ in nats (0·log 0 = 0).
    public static func entropy(_ logits: [Double], temperature: Double = 1) -> Double {
        let logs = logProbabilities(logits, temperature: temperature)
        var h = 0.0
        for l in logs {
            let p = Double.exp(l)
            if p > 0 { h -= p * l }
        }
        return h
    }

    /// Checks a temperature: finite and > 0.
    public static func validate(temperature: Double) throws {
        guard temperature.isFinite, temperature > 0 else {
            throw OptimError("softmax: temperature = \(temperature) is not allowed; expected a finite number > 0")
        }
    }
}
