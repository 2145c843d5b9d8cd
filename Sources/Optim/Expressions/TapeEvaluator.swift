/// Runs a `Tape` over blocks of points: each instruction is one tight loop over the block (values,
/// then tangents), so the per-point cost is the arithmetic itself, not the dispatch. Holds the
/// registers (values and the x and y tangents, `lanes` points each) and is reused across blocks;
/// one evaluator per thread.
struct TapeEvaluator {
    let tape: Tape
    let lanes: Int
    let tangents: Int
    private var values: [Double]
    private var tx: [Double]
    private var ty: [Double]
    private var pa: [Double]
    private var pb: [Double]

    /// Registers for blocks of up to `lanes` points (fewer for long tapes) with 1 or 2 tangents.
    init(tape: Tape, tangents: Int, lanes: Int = 256) {
        self.tape = tape
        self.tangents = tangents
        let registers = tape.instructions.count
        self.lanes = max(1, min(lanes, 1 << 16 / max(registers, 1)))
        values = [Double](repeating: 0, count: registers * self.lanes)
        tx = [Double](repeating: 0, count: registers * self.lanes)
        ty = tangents == 2 ? [Double](repeating: 0, count: registers * self.lanes) : []
        pa = [Double](repeating: 0, count: self.lanes)
        pb = [Double](repeating: 0, count: self.lanes)
        for (r, ins) in tape.instructions.enumerated() {
            let base = r * self.lanes
            switch ins.op {
            case .constant: for i in 0..<self.lanes { values[base + i] = ins.value }
            case .x: for i in 0..<self.lanes { tx[base + i] = 1 }
            case .y where tangents == 2: for i in 0..<self.lanes { ty[base + i] = 1 }
            default: break
            }
        }
    }

    /// f, ∂f/∂x and (for 2 tangents) ∂f/∂y at `count` points; `ys` and `dfdy` are ignored with one
    /// tangent. Outputs must hold `count` elements.
    mutating func run(count: Int, xs: UnsafePointer<Double>, ys: UnsafePointer<Double>?,
                      f: UnsafeMutablePointer<Double>, dfdx: UnsafeMutablePointer<Double>?,
                      dfdy: UnsafeMutablePointer<Double>?) {
        let lanes = self.lanes
        let out = tape.output
        let result = tape.instructions[out]
        var start = 0
        while start < count {
            let n = min(lanes, count - start)
            block(n, xs + start, ys.map { $0 + start })
            values.withUnsafeBufferPointer { v in
                for i in 0..<n { f[start + i] = v[out * lanes + i] }
            }
            if let dfdx {
                tx.withUnsafeBufferPointer { t in
                    for i in 0..<n { dfdx[start + i] = result.dx ? t[out * lanes + i] : 0 }
                }
            }
            if let dfdy, tangents == 2 {
                ty.withUnsafeBufferPointer { t in
                    for i in 0..<n { dfdy[start + i] = result.dy ? t[out * lanes + i] : 0 }
                }
            }
            start += n
        }
    }

    /// One block of n ≤ lanes points.
    private mutating func block(_ n: Int, _ xs: UnsafePointer<Double>, _ ys: UnsafePointer<Double>?) {
        let (tape, lanes, tangents) = (self.tape, self.lanes, self.tangents)
        values.withUnsafeMutableBufferPointer { vb in
        tx.withUnsafeMutableBufferPointer { txb in
        ty.withUnsafeMutableBufferPointer { tyb in
        pa.withUnsafeMutableBufferPointer { pab in
        pb.withUnsafeMutableBufferPointer { pbb in
            guard let v = vb.baseAddress, let tX = txb.baseAddress, let pA = pab.baseAddress,
                  let pB = pbb.baseAddress else { return }
            TapeEvaluator.block(tape: tape, lanes: lanes, tangents: tangents, n, xs, ys,
                                registers: (v, tX, tyb.baseAddress), partials: (pA, pB))
        }}}}}
    }

    /// One block of n ≤ lanes points on registers laid out `lanes` per instruction (values, x and y
    /// tangents; constants and the unit tangents of x and y already in place).
    static func block(tape: Tape, lanes: Int, tangents: Int, _ n: Int, _ xs: UnsafePointer<Double>, _ ys: UnsafePointer<Double>?,
                      registers: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>?),
                      partials: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)) {
        let (v, tX, tY) = registers
        let (pA, pB) = partials
        let twoD = tangents == 2
        let activations = tape.activations
        // Instructions are plain bits (no references): read in place, none copied through the array.
        tape.instructions.withUnsafeBufferPointer { code in
            for r in code.indices {
                let ins = code[r]
                let out = v + r * lanes
                switch ins.op {
                case .constant: continue
                case .x:
                    out.update(from: xs, count: n)
                    continue
                case .y:
                    if let ys { out.update(from: ys, count: n) } else { out.update(repeating: 0, count: n) }
                    continue
                default: break
                }
                let a = v + ins.a * lanes
                let b = v + max(ins.b, 0) * lanes
                TapeEvaluator.values(ins.op, n, a, b, out, pA, pB, activations: activations)
                guard tangents >= 1 else { continue }
                let (adx, ady) = (code[ins.a].dx, code[ins.a].dy)
                let (bdx, bdy) = ins.b >= 0 ? (code[ins.b].dx, code[ins.b].dy) : (false, false)
                if ins.dx {
                    TapeEvaluator.tangent(ins.op, n, adx ? tX + ins.a * lanes : nil,
                                          bdx ? tX + ins.b * lanes : nil, a, b, pA, pB, tX + r * lanes, smoothTip: ins.smoothTip)
                }
                if twoD, ins.dy, let tY {
                    TapeEvaluator.tangent(ins.op, n, ady ? tY + ins.a * lanes : nil,
                                          bdy ? tY + ins.b * lanes : nil, a, b, pA, pB, tY + r * lanes, smoothTip: ins.smoothTip)
                }
            }
        }
    }

    /// f, ∂f/∂x and ∂f/∂y at one point, with the registers on the stack (no heap allocation: the
    /// path that optimizer runs take, one point per step). With `tangents: 0` only f is computed (the
    /// derivatives returned are 0), for the many callers that ask for the value alone.
    static func point(tape: Tape, _ x: Double, _ y: Double, tangents: Int = 2) -> (value: Double, dx: Double, dy: Double) {
        let registers = tape.instructions.count
        let count = tangents == 0 ? registers + 2 : 3 * registers + 2
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { buffer in
            guard let base = buffer.baseAddress else { return (.nan, .nan, .nan) }
            base.initialize(repeating: 0, count: count)
            let v = base, tX = tangents == 0 ? base : base + registers, tY = tangents == 0 ? base : base + 2 * registers
            tape.instructions.withUnsafeBufferPointer { code in
                for r in code.indices {
                    switch code[r].op {
                    case .constant: v[r] = code[r].value
                    case .x where tangents > 0: tX[r] = 1
                    case .y where tangents > 0: tY[r] = 1
                    default: break
                    }
                }
            }
            let partials = (base + count - 2, base + count - 1)
            var px = x, py = y
            withUnsafePointer(to: &px) { xp in
                withUnsafePointer(to: &py) { yp in
                    block(tape: tape, lanes: 1, tangents: tangents == 0 ? 0 : 2, 1, xp, yp, registers: (v, tX, tY),
                          partials: partials)
                }
            }
            let out = tape.output, result = tape.instructions[out]
            guard tangents > 0 else { return (v[out], 0, 0) }
            return (v[out], result.dx ? tX[out] : 0, result.dy ? tY[out] : 0)
        }
    }

    /// Every register's value at one point (an evaluator made with `lanes: 1`), for analyses that
    /// look inside the expression (where a max switches argument, where an abs crosses 0).
    mutating func registerValues(_ x: Double, _ y: Double = 0) -> [Double] {
        var px = x, py = y
        withUnsafePointer(to: &px) { xp in
            withUnsafePointer(to: &py) { yp in block(1, xp, yp) }
        }
        return values
    }
}
