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
        for (r, ins) in tape.instructions.enumerated() {
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
            TapeEvaluator.values(ins.op, n, a, b, out, pA, pB)
            let ia = tape.instructions[ins.a]
            let ib = ins.b >= 0 ? tape.instructions[ins.b] : Tape.Instruction(op: .constant)
            if tangents >= 1, ins.dx {
                TapeEvaluator.tangent(ins.op, n, ia.dx ? tX + ins.a * lanes : nil,
                                      ib.dx ? tX + ins.b * lanes : nil, a, b, pA, pB, tX + r * lanes, smoothTip: ins.smoothTip)
            }
            if twoD, ins.dy, let tY {
                TapeEvaluator.tangent(ins.op, n, ia.dy ? tY + ins.a * lanes : nil,
                                      ib.dy ? tY + ins.b * lanes : nil, a, b, pA, pB, tY + r * lanes, smoothTip: ins.smoothTip)
            }
        }
    }

    /// f, ∂f/∂x and ∂f/∂y at one point, with the registers on the stack (no heap allocation: the
    /// path that optimizer runs take, one point per step).
    static func point(tape: Tape, _ x: Double, _ y: Double) -> (value: Double, dx: Double, dy: Double) {
        let registers = tape.instructions.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * registers + 2) { buffer in
            guard let base = buffer.baseAddress else { return (.nan, .nan, .nan) }
            base.initialize(repeating: 0, count: 3 * registers + 2)
            let v = base, tX = base + registers, tY = base + 2 * registers
            for (r, ins) in tape.instructions.enumerated() {
                switch ins.op {
                case .constant: v[r] = ins.value
                case .x: tX[r] = 1
                case .y: tY[r] = 1
                default: break
                }
            }
            var px = x, py = y
            withUnsafePointer(to: &px) { xp in
                withUnsafePointer(to: &py) { yp in
                    block(tape: tape, lanes: 1, tangents: 2, 1, xp, yp, registers: (v, tX, tY),
                          partials: (base + 3 * registers, base + 3 * registers + 1))
                }
            }
            let out = tape.output, result = tape.instructions[out]
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
