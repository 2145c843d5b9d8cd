/// The inner loops of `MLP`'s forward and backward passes over raw buffers, written so that the compiler
/// vectorises them while every sum keeps the textbook order (and so the same bits):
///
/// - forward, z[o] = b[o] + Σᵢ W[o][i]·a[i]: the sum for each output still adds i = 0, 1, … in turn, but
///   the loop runs over i outside and over o inside, reading Wᵀ (one transposed copy per call), so the
///   inner loop is an element-wise multiply-add across outputs instead of one long dependent chain;
/// - backward, ∂L/∂W[o][i] += δ[o]·a[i] and ∂L/∂a[i] = Σₒ W[o][i]·δ[o]: element-wise over i already.
///
/// Pointer arithmetic instead of checked index arithmetic is what lets the loops vectorise.
enum DenseKernels {
    /// `y[k] += x[k] * a` for k < n (each element on its own: no reassociation).
    @inline(__always)
    static func addScaled(_ y: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ a: Double, _ n: Int) {
        for k in 0..<n { y[k] += x[k] * a }
    }

    /// `y[k] += a * x[k]` for k < n (the backward pass's operand order).
    @inline(__always)
    static func addScaledLeft(_ y: UnsafeMutablePointer<Double>, _ a: Double, _ x: UnsafePointer<Double>, _ n: Int) {
        for k in 0..<n { y[k] += a * x[k] }
    }

    /// Wᵀ of every layer in one block (layer l at `offsets[l]`, `inputs`×`outputs` row-major), so that
    /// the forward pass reads the weights of input i for all outputs contiguously.
    static func transposedWeights(_ layers: [DenseLayer]) -> (block: UnsafeMutablePointer<Double>, offsets: [Int]) {
        var offsets: [Int] = []
        var total = 0
        for layer in layers { offsets.append(total); total += layer.weights.count }
        let block = UnsafeMutablePointer<Double>.allocate(capacity: max(1, total))
        for (l, layer) in layers.enumerated() {
            let t = block + offsets[l]
            layer.weights.withUnsafeBufferPointer { w in
                for o in 0..<layer.outputs {
                    for i in 0..<layer.inputs { t[i * layer.outputs + o] = w[o * layer.inputs + i] }
                }
            }
        }
        return (block, offsets)
    }

    /// z = b + W·a for one layer, with `wt` its transposed weights: z[o] starts at b[o] and adds
    /// W[o][i]·a[i] for i = 0, 1, … in turn (the order of the plain dot product).
    @inline(__always)
    static func preActivation(_ layer: DenseLayer, wt: UnsafePointer<Double>, input a: UnsafePointer<Double>,
                              into z: UnsafeMutablePointer<Double>) {
        let outputs = layer.outputs
        layer.biases.withUnsafeBufferPointer { b in
            for o in 0..<outputs { z[o] = b[o] }
        }
        // z[o] += W[o][i]·a[i]: weight times input, as in the dot product.
        for i in 0..<layer.inputs { addScaled(z, wt + i * outputs, a[i], outputs) }
    }
}
