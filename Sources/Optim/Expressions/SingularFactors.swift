/// Where a typed function may be unbounded along a whole curve: the zeros of a divisor (1/(x − y) on the
/// line y = x), of log's argument (log(x·y) on both axes) and of a base raised to a negative constant
/// power ((x² + y² − 1)^−2 on the unit circle). Found from the expression itself; whether f really
/// is unbounded there is for the caller to check numerically (x/x is not).
extension MathExpression {
    /// The subexpressions g at whose zeros f may be unbounded, each as an expression of the same
    /// variables and parameters (its `source` is its math label, e.g. `x - y`), in order of first
    /// appearance, without repeats; constants (1/2, log(3)) are left out.
    public var singularFactors: [MathExpression] {
        var out: [MathExpression] = []
        var variable = [Bool](repeating: false, count: nodes.count)  // whether each node's subtree has x or y
        for (i, node) in nodes.enumerated() {
            if case .variable = node.kind { variable[i] = true }
            if node.lhs >= 0, variable[node.lhs] { variable[i] = true }
            if node.rhs >= 0, variable[node.rhs] { variable[i] = true }
            var factor: Int?
            switch node.kind {
            case .binary(.divide): factor = node.rhs
            case .call(.elementary(.log)): factor = node.lhs
            case .binary(.power) where !variable[node.rhs]: factor = negativeConstant(node.rhs) ? node.lhs : nil
            default: factor = nil
            }
            guard let root = factor, variable[root] else { continue }
            for part in zeroFactors(root, variable: variable) {
                let sub = subexpression(part)
                if !out.contains(where: { $0.source == sub.source }) { out.append(sub) }
            }
        }
        return out
    }

    /// The parts of the subtree at `root` whose zeros are its zeros: a product splits into its factors
    /// (x·y vanishes on both axes), and −g, |g|, √g and g^c (c a positive constant) vanish where g does,
    /// so (x − y)² gives x − y, whose sign changes across the line (its square's does not).
    private func zeroFactors(_ root: Int, variable: [Bool]) -> [Int] {
        var out: [Int] = [], stack = [root]
        while let k = stack.popLast() {
            let node = nodes[k]
            switch node.kind {
            case .binary(.multiply):
                stack += [node.rhs, node.lhs].filter { variable[$0] }
            case .negate, .call(.elementary(.abs)), .call(.elementary(.sqrt)):
                stack.append(node.lhs)
            case .binary(.power) where !variable[node.rhs] && subexpression(node.rhs).value(0) > 0:
                stack.append(node.lhs)
            default:
                out.append(k)
            }
        }
        return out
    }

    /// Whether the constant subtree at `root` evaluates to a negative number.
    private func negativeConstant(_ root: Int) -> Bool {
        subexpression(root).value(0) < 0
    }

    /// The subtree at `root` as an expression of its own (nodes renumbered, in the same postfix order).
    func subexpression(_ root: Int) -> MathExpression {
        var keep = Set<Int>(), stack = [root]
        while let k = stack.popLast() {
            guard keep.insert(k).inserted else { continue }
            if nodes[k].lhs >= 0 { stack.append(nodes[k].lhs) }
            if nodes[k].rhs >= 0 { stack.append(nodes[k].rhs) }
        }
        let order = keep.sorted()
        let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let renumbered = order.map { k -> ExpressionNode in
            var n = nodes[k]
            n.lhs = n.lhs >= 0 ? index[n.lhs] ?? -1 : -1
            n.rhs = n.rhs >= 0 ? index[n.rhs] ?? -1 : -1
            return n
        }
        let unnamed = MathExpression(nodes: renumbered, source: "", dimension: dimension, parameters: parameters)
        return MathExpression(nodes: renumbered, source: unnamed.mathLabel, dimension: dimension, parameters: parameters)
    }

    /// An expression from already parsed nodes.
    init(nodes: [ExpressionNode], source: String, dimension: Int, parameters: [String: Double]) {
        self.source = source
        self.dimension = dimension
        self.parameters = parameters
        self.nodes = nodes
        tape = Tape(nodes: nodes)
    }
}
