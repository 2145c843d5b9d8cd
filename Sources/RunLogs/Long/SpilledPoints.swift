import Foundation

/// Every point of a long series, in step order, kept in `SpillFile` a block at a time (the newest,
/// unfinished block in memory): what `--data` writes and smoothing reads, row by row, exactly as logged.
///
/// Steps are strictly increasing. `cut(from:)` drops the points at and after a step (a resumed run), in
/// place: blocks after it are forgotten (their bytes stay in the file, unused).
public struct SpilledPoints: Sendable {
    struct Block: Sendable {
        var offset: Int64
        var count: Int
        var firstStep: Int64
        var lastStep: Int64
    }

    private var blocks: [Block] = []
    /// The newest points, not yet written.
    private var tail: [SpillFile.Point] = []
    /// Why a block could not be written, if one could not.
    private(set) var failure: String?

    init() {}

    /// How many points there are.
    public var count: Int { blocks.reduce(tail.count) { $0 + $1.count } }

    /// The step of the last point.
    var lastStep: Int64? { tail.last?.step ?? blocks.last?.lastStep }

    mutating func append(_ p: SpillFile.Point) {
        tail.append(p)
        if tail.count >= SpillFile.blockPoints { flush() }
    }

    /// Writes the tail as a block (done when it is full, and once reading is finished). When the file
    /// cannot be written (no temporary space), the points stay in memory: exact, as a short series is.
    mutating func flush() {
        guard !tail.isEmpty, failure == nil, let first = tail.first, let last = tail.last else { return }
        guard let offset = SpillFile.shared.append(tail) else {
            failure = SpillFile.shared.failure ?? "write failed"
            return
        }
        blocks.append(Block(offset: offset, count: tail.count, firstStep: first.step, lastStep: last.step))
        tail.removeAll(keepingCapacity: true)
    }

    /// Drops the points at step `step` and after; returns how many.
    mutating func cut(from step: Int64) -> Int {
        var dropped = 0
        if let k = tail.firstIndex(where: { $0.step >= step }) { dropped += tail.count - k; tail.removeSubrange(k...) }
        guard tail.isEmpty else { return dropped }
        while let last = blocks.last, last.lastStep >= step {
            blocks.removeLast()
            if last.firstStep < step {
                // The block the step falls in: its points before the step become the tail again.
                let kept = SpillFile.shared.read(offset: last.offset, count: last.count).filter { $0.step < step }
                dropped += last.count - kept.count
                tail = kept
                break
            }
            dropped += last.count
        }
        return dropped
    }

    /// Calls `body` with every point whose step is at least `from`, in order.
    func forEach(from: Int64 = .min, _ body: (SpillFile.Point) -> Void) {
        for b in blocks where b.lastStep >= from {
            for p in SpillFile.shared.read(offset: b.offset, count: b.count) where p.step >= from { body(p) }
        }
        for p in tail where p.step >= from { body(p) }
    }

    /// A reader of the points by index, for rows made in order (one block read at a time); with
    /// `smoothing`, each point's value smoothed as `Smoothing.debiasedEMA` smooths the whole series.
    public func cursor(smoothing: Double? = nil) -> Cursor { Cursor(self, smoothing: smoothing) }

    /// Reads points by index; fastest in order. Safe to share: a lock guards the block it holds.
    public final class Cursor: @unchecked Sendable {
        private let points: SpilledPoints
        private let starts: [Int]
        private let lock = NSLock()
        private var block = -1
        private var loaded: [SpillFile.Point] = []
        private let weight: Double
        /// The smoothing so far: the next point to take, the average and wⁿ (see `Smoothing`).
        private var next = 0, average = 0.0, debias = 1.0

        init(_ points: SpilledPoints, smoothing: Double?) {
            self.points = points
            weight = smoothing ?? 0
            var starts: [Int] = [], n = 0
            for b in points.blocks { starts.append(n); n += b.count }
            starts.append(n)
            self.starts = starts
        }

        /// Point `i` (0 ≤ i < count): step, value and wall time.
        public func point(_ i: Int) -> (step: Int64, value: Double, time: Double) {
            lock.lock(); defer { lock.unlock() }
            let p = load(i)
            return (p.step, p.value, p.time)
        }

        /// The smoothed value of point `i` (its value without smoothing): fastest in order, as each point's
        /// average folds in every point before it.
        public func smoothed(_ i: Int) -> Double {
            lock.lock(); defer { lock.unlock() }
            // The state holds points 0..<next folded in; going back further starts again.
            if i < next - 1 { next = 0; average = 0; debias = 1 }
            while next <= i {
                let q = load(next).value
                if weight > 0, q.isFinite {
                    average = weight * average + (1 - weight) * q
                    debias *= weight
                }
                next += 1
            }
            let v = load(i).value
            return weight > 0 && v.isFinite ? average / (1 - debias) : v
        }

        private func load(_ i: Int) -> SpillFile.Point {
            let p: SpillFile.Point
            if i >= starts[starts.count - 1] {
                p = points.tail[i - starts[starts.count - 1]]
            } else {
                if block < 0 || i < starts[block] || i >= starts[block + 1] {
                    var lo = 0, hi = starts.count - 1
                    while lo + 1 < hi { let mid = (lo + hi) / 2; if starts[mid] <= i { lo = mid } else { hi = mid } }
                    block = lo
                    let b = points.blocks[lo]
                    loaded = SpillFile.shared.read(offset: b.offset, count: b.count)
                }
                // A block that cannot be read back (the file was truncated under us) gives no value.
                guard i - starts[block] < loaded.count else { return SpillFile.Point(step: 0, value: .nan, time: .nan) }
                p = loaded[i - starts[block]]
            }
            return p
        }
    }
}
