/// A parsed expression compiled to a flat instruction list (one register per node, in postfix
/// order), evaluated over blocks of points by `TapeEvaluator`. Sub-expressions without a variable
/// are folded to constants once, at compile time; every instruction records whether it depends
/// on x and on y, so a tangent that is structurally zero is never formed (this is what makes
/// sqrt(x) in a surface have ∂/∂y = 0 rather than inf·0, as in torch's reverse mode).
struct Tape: Sendable, Hashable {
    enum Op: Sendable, Hashable {
        case x, y, constant
        case negate, add, subtract, multiply, divide
        /// a^c for a constant c.
        case powerConstant(Double)
        /// a^b.
        case power
        case maximum, minimum
        case elementary(ElementaryFunction)
        /// A built-in activation, by its index in `activations` (so an instruction holds no reference and
        /// copies as plain bits: copying an `Activation` with every instruction read cost more than the
        /// arithmetic on a long tape).
        case activation(Int)
        /// √(a² + b²) without forming the squares (`sqrt(x^2 + y^2)` compiles to it): a cone 10⁻²⁰⁰
        /// from its tip has f = 10⁻²⁰⁰ and |∇f| = 1, where x² underflows (f = 0, ∂f/∂x = inf) and
        /// 10²⁰⁰ overflows; its gradient at the tip is the subgradient 0, as the root's cone tip gives.
        case hypot
    }

    struct Instruction: Sendable, Hashable {
        var op: Op
        var a: Int = -1
        var b: Int = -1
        /// The value of a constant register.
        var value: Double = 0
        /// Whether the register depends on x / on y.
        var dx = false
        var dy = false
        /// Whether the register's sub-expression has a kink (abs, relu, max, min, a kinked activation): its
        /// tangent 0 at a 0 may be a convention (abs′(0) = 0), not a smooth minimum.
        var kinked = false
        /// For a root (sqrt(a), a^c with ½ ≤ c < 1): a is smooth, so where a = 0 with tangent 0 it is a
        /// minimum of order 2 or more and the root's tangent is 0 (a cone's tip, |x|^(2c) with 2c ≥ 1).
        var smoothTip = false
    }

    private(set) var instructions: [Instruction] = []
    /// The built-in activations the tape calls (each once), indexed by `Op.activation`.
    private(set) var activations: [Activation] = []

    /// The register holding the result.
    var output: Int { instructions.count - 1 }

    /// Compiles `nodes` (postfix order, root last).
    init(nodes: [ExpressionNode]) {
        instructions.reserveCapacity(nodes.count)
        for node in nodes {
            var ins = Instruction(op: .constant)
            switch node.kind {
            case .number(let v): ins.value = v
            case .constant(let c): ins.value = c.value
            case .parameter(_, let v): ins.value = v
            case .variable(let k):
                ins.op = k == 0 ? .x : .y
                ins.dx = k == 0
                ins.dy = k == 1
            case .negate: ins.op = .negate
            case .binary(let op):
                switch op {
                case .add: ins.op = .add
                case .subtract: ins.op = .subtract
                case .multiply: ins.op = .multiply
                case .divide: ins.op = .divide
                case .power:
                    let exponent = instructions[node.rhs]
                    ins.op = exponent.op == .constant ? .powerConstant(exponent.value) : .power
                }
            case .call(let f):
                switch f {
                case .elementary(let e): ins.op = .elementary(e)
                case .activation(let act):
                    if !activations.contains(act) { activations.append(act) }
                    ins.op = .activation(activations.firstIndex(of: act) ?? 0)
                }
                // sqrt(u² + v²) (squares as ^2 or u*u) is hypot(u, v); the squares stay, unused.
                if f == .elementary(.sqrt), let (u, v) = sumOfSquares(node.lhs) {
                    instructions.append(Tape.hypot(u, v, instructions))
                    continue
                }
            case .call2(let f): ins.op = f == .max ? .maximum : .minimum
            }
            if ins.op != .constant, ins.op != .x, ins.op != .y {
                ins.a = node.lhs
                ins.b = node.rhs
                ins.dx = instructions[node.lhs].dx || (node.rhs >= 0 && instructions[node.rhs].dx)
                ins.dy = instructions[node.lhs].dy || (node.rhs >= 0 && instructions[node.rhs].dy)
                ins.kinked = hasKink(ins.op) || instructions[node.lhs].kinked || (node.rhs >= 0 && instructions[node.rhs].kinked)
                ins.smoothTip = Tape.isRoot(ins.op) && !instructions[node.lhs].kinked
                if !ins.dx, !ins.dy {
                    let a = instructions[node.lhs].value
                    let b = node.rhs >= 0 ? instructions[node.rhs].value : 0
                    ins = Instruction(op: .constant, value: apply(ins.op, a, b).value)
                }
            }
            instructions.append(ins)
        }
    }

    /// Whether `op` itself is not differentiable somewhere on a line (abs, relu, max, min, hypot at its
    /// tip, an activation with kinks or jumps).
    func hasKink(_ op: Op) -> Bool {
        switch op {
        case .maximum, .minimum, .hypot, .elementary(.abs), .elementary(.relu): return true
        case .activation(let k): return !activations[k].kinks.isEmpty || !activations[k].jumps.isEmpty
        default: return false
        }
    }

    /// sqrt, or a^c with ½ ≤ c < 1: a root whose tangent at a smooth minimum a = 0 is 0 (see `smoothTip`).
    static func isRoot(_ op: Op) -> Bool {
        switch op {
        case .elementary(.sqrt): return true
        case .powerConstant(let c): return c >= 0.5 && c < 1
        default: return false
        }
    }

    /// The bases u, v when register `r` is u² + v² (each square written u^2 or u*u), else nil.
    private func sumOfSquares(_ r: Int) -> (Int, Int)? {
        let sum = instructions[r]
        guard sum.op == .add else { return nil }
        func base(_ k: Int) -> Int? {
            let s = instructions[k]
            if s.op == .powerConstant(2) { return s.a }
            // u*u: one register twice, or the same variable read twice (x*x parses to two reads of x).
            if s.op == .multiply, s.a == s.b || (instructions[s.a].op == instructions[s.b].op
                                                 && [Op.x, Op.y].contains(instructions[s.a].op)) { return s.a }
            return nil
        }
        guard let u = base(sum.a), let v = base(sum.b) else { return nil }
        return (u, v)
    }

    /// The hypot instruction over registers u and v (folded to a constant when neither depends on x or y).
    private static func hypot(_ u: Int, _ v: Int, _ instructions: [Instruction]) -> Instruction {
        let (iu, iv) = (instructions[u], instructions[v])
        guard iu.dx || iu.dy || iv.dx || iv.dy else {
            return Instruction(op: .constant, value: ExpressionKernels.hypot(iu.value, iv.value).0)
        }
        return Instruction(op: .hypot, a: u, b: v, dx: iu.dx || iv.dx, dy: iu.dy || iv.dy, kinked: true)
    }

    /// One operation on scalars: the value and the partial derivatives with respect to a and b.
    @inline(__always)
    func apply(_ op: Op, _ a: Double, _ b: Double) -> (value: Double, pa: Double, pb: Double) {
        switch op {
        case .x, .y, .constant: return (a, 1, 0)
        case .negate: return (-a, -1, 0)
        case .add: return (a + b, 1, 1)
        case .subtract: return (a - b, 1, -1)
        case .multiply: return (a * b, b, a)
        case .divide:
            let v = a / b
            return (v, 1 / b, -v / b)
        case .powerConstant(let c):
            let (v, p) = ExpressionKernels.power(a, constant: c)
            return (v, p, 0)
        case .power: return ExpressionKernels.power(a, b)
        case .maximum: return ExpressionKernels.maximum(a, b)
        case .minimum: return ExpressionKernels.minimum(a, b)
        case .hypot: return ExpressionKernels.hypot(a, b)
        case .elementary(let e):
            let (v, p) = ExpressionKernels.elementary(e, a)
            return (v, p, 0)
        case .activation(let k): return (activations[k].value(a), activations[k].derivative(a), 0)
        }
    }
}
