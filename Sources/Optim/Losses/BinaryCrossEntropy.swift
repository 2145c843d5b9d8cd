// Losses: loss functions as torch.nn defines them, with their gradients.

import RealModule

/// Binary cross-entropy of one example, on a probability p or on a logit z.
enum BinaryCrossEntropy {
    /// PyTorch's floor under p(1 − p) in the BCE gradient: 1e-12 rounded to float32.
    static let gradientFloor = Double(Float(1e-12))

    /// −(y·max(log p, −100) + (1 − y)·max(log(1 − p), −100)), PyTorch's clamp.
    static func probability(_ p: Double, _ y: Double) -> Double {
        let logP = max(Double.log(p), -100)
        let logQ = max(Double.log(onePlus: -p), -100)
        return -(y * logP + (1 - y) * logQ)
    }

    /// (p − y)/max(p(1 − p), ε) with ε the float32 1e-12 (PyTorch).
    static func probabilityGradient(_ p: Double, _ y: Double) -> Double {
        (p - y) / max((1 - p) * p, gradientFloor)
    }

    /// max(z, 0) − z·y + log(1 + e^{−|z|}): finite for every finite z.
    static func logit(_ z: Double, _ y: Double) -> Double {
        max(z, 0) - z * y + Double.log(onePlus: Double.exp(-abs(z)))
    }

    /// σ(z) − y.
    static func logitGradient(_ z: Double, _ y: Double) -> Double {
        Kernel.sigmoid(z) - y
    }
}
