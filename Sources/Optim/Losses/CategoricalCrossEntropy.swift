import RealModule

/// Categorical cross-entropy of one row: on probabilities (used as given) or on logits.
enum CategoricalCrossEntropy {
    /// −Σ yₖ log pₖ (a term with yₖ = 0 counts 0) and its gradient −yₖ/pₖ.
    static func probabilities(_ p: [Double], _ y: [Double]) -> (Double, [Double]) {
        var loss = 0.0
        var grad = [Double](repeating: 0, count: p.count)
        for k in p.indices {
            if y[k] == 0 {
                grad[k] = -0.0
            } else {
                loss -= y[k] * Double.log(p[k])
                grad[k] = -y[k] / p[k]
            }
        }
        return (loss, grad)
    }

    /// −Σ yₖ log softmax(z)ₖ and its gradient softmax(z)ₖ·Σy − yₖ.
    static func logits(_ z: [Double], _ y: [Double]) -> (Double, [Double]) {
        let logS = Softmax.logProbabilities(z)
        let s = Softmax.probabilities(z)
        var loss = 0.0
        var total = 0.0
        for k in z.indices where y[k] != 0 {
            loss -= y[k] * logS[k]
            total += y[k]
        }
        return (loss, z.indices.map { s[$0] * total - y[$0] })
    }
}
