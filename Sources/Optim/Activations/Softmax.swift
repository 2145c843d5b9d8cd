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

    /// log softmax(x/T)ᵢ = zᵢ − log1p(Σ_{j≠k} e^{zⱼ}), zᵢ = (xᵢ − m)/T, m = max x = x_k: log1p keeps
    /// log s_k ≈ −Σ_{j≠k} e^{zⱼ} when that sum is below the rounding of 1 (near-one-hot inputs).
    public static func logProbabilities(_ logits: [Double], temperature: Double = 1) -> [Double] {
        guard let m = logits.max(), let k = logits.firstIndex(of: m) else { return logits.map { _ in .nan } }
        let shifted = logits.map { ($0 - m) / temperature }
        var others = 0.0
        for (j, z) in shifted.enumerated() where j != k { others += Double.exp(z) }
        let logSum = Double.log(onePlus: others)
        return shifted.map { $0 - logSum }
    }

    /// J[i][j] = ∂sᵢ/∂xⱼ = sᵢ(δᵢⱼ − sⱼ)/T. For the largest probability, 1 − s_k is formed as
    /// Σ_{j≠k} sⱼ, so a near-one-hot softmax keeps its diagonal (3.72e-42, not 0, for (1000, 1001, 1002) at
    /// T = 0.01).
    public static func jacobian(_ logits: [Double], temperature: Double = 1) -> [[Double]] {
        let s = probabilities(logits, temperature: temperature)
        return s.indices.map { i in
            s.indices.map { j in
                (i == j ? s[i] * complement(s, i) : -s[i] * s[j]) / temperature
            }
        }
    }

    /// 1 − s[i] without cancellation: Σ_{j≠i} s[j] when s[i] > 0.5, else 1 − s[i].
    static func complement(_ s: [Double], _ i: Int) -> Double {
        guard s[i] > 0.5 else { return 1 - s[i] }
        var sum = 0.0
        for (j, v) in s.enumerated() where j != i { sum += v }
        return sum
    }

    /// J[i][j] = ∂ log sᵢ/∂xⱼ = (δᵢⱼ − sⱼ)/T.
    public static func logJacobian(_ logits: [Double], temperature: Double = 1) -> [[Double]] {
        let s = probabilities(logits, temperature: temperature)
        return s.indices.map { i in
            s.indices.map { j in ((i == j ? 1 : 0) - s[j]) / temperature }
        }
    }

    /// The entropy −Σ sᵢ log sᵢ in nats, in log space: with zᵢ = (xᵢ − m)/T (z = 0 at the largest
    /// logit k) and S = Σ_{j≠k} e^{zⱼ}, H = log1p(S) − Σ_{j≠k} sⱼ zⱼ. Every term is ≥ 0 and log1p keeps
    /// S ≪ 1, so near-one-hot inputs keep their digits: logits (1000, 1001, 1002) at T = 0.01 give
    /// 101·e^{−100}/(1 + …) ≈ 3.757e-42 (the naive sum gives 3.720e-42, losing the −s_k log s_k term).
    public static func entropy(_ logits: [Double], temperature: Double = 1) -> Double {
        guard let m = logits.max(), let k = logits.firstIndex(of: m) else { return 0 }
        if m.isNaN || logits.contains(where: \.isNaN) { return .nan }
        var others = 0.0
        for (j, x) in logits.enumerated() where j != k { others += Double.exp((x - m) / temperature) }
        let logSum = Double.log(onePlus: others)
        var weighted = 0.0
        for (j, x) in logits.enumerated() where j != k {
            let z = (x - m) / temperature
            let p = Double.exp(z - logSum)
            if p > 0 { weighted += p * z }
        }
        return logSum - weighted
    }

    /// Checks a temperature: finite and > 0.
    public static func validate(temperature: Double) throws {
        guard temperature.isFinite, temperature > 0 else {
            throw OptimError("softmax: temperature = \(temperature) is not allowed; expected a finite number > 0")
        }
    }
}
