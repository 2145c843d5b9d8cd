/// The steps of a series, strictly increasing, stored as an arithmetic progression (first step,
/// stride, count) while they are one — logs write every step, or every 10th or 50th, so a 10⁷-point
/// series' steps cost no memory per point — and as an array from the first step that breaks it.
///
/// It reads like `[Int64]` (a random-access collection; `==` compares the steps, however stored).
public struct StepColumn: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
    private var first: Int64 = 0
    private var stride: Int64 = 1
    private var regularCount = 0
    /// The steps, once they are not a progression.
    private var explicit: [Int64]?

    public init() {}

    public init(_ steps: [Int64]) {
        guard steps.count >= 2 else {
            if let s = steps.first { first = s; regularCount = 1 }
            return
        }
        let d = steps[1] &- steps[0]
        var regular = true
        for i in 2..<steps.count where steps[i] &- steps[i - 1] != d { regular = false; break }
        if regular { first = steps[0]; stride = d; regularCount = steps.count } else { explicit = steps }
    }

    public init(arrayLiteral elements: Int64...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { explicit?.count ?? regularCount }

    @inline(__always)
    public subscript(i: Int) -> Int64 {
        if let explicit { return explicit[i] }
        precondition(i >= 0 && i < regularCount, "step index out of range")
        return first &+ Int64(i) &* stride
    }

    /// Whether the steps are held as a progression (no memory per step).
    public var isProgression: Bool { explicit == nil }

    /// Adds a step after the last.
    public mutating func append(_ step: Int64) {
        if explicit != nil { explicit?.append(step); return }
        switch regularCount {
        case 0: first = step
        case 1: stride = step &- first
        default:
            if step != first &+ Int64(regularCount) &* stride { materialize(); explicit?.append(step); return }
        }
        regularCount += 1
    }

    /// Replaces the last step (which must stay above the one before it).
    public mutating func setLast(_ step: Int64) {
        precondition(!isEmpty, "no last step")
        if explicit != nil { let last = count - 1; explicit?[last] = step; return }
        switch regularCount {
        case 1: first = step
        case 2: stride = step &- first
        default: materialize(); let last = count - 1; explicit?[last] = step
        }
    }

    /// Keeps the first `n` steps.
    public mutating func removeSuffix(from n: Int) {
        guard n < count else { return }
        if explicit != nil { explicit?.removeSubrange(n...) } else { regularCount = n }
    }

    /// Makes room for `n` steps when they are held as an array.
    public mutating func reserveCapacity(_ n: Int) { explicit?.reserveCapacity(n) }

    public static func == (a: StepColumn, b: StepColumn) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    public var description: String { Array(self).description }

    private mutating func materialize() {
        var steps: [Int64] = []
        steps.reserveCapacity(regularCount + regularCount / 4 + 16)
        for i in 0..<regularCount { steps.append(first &+ Int64(i) &* stride) }
        explicit = steps
    }
}
