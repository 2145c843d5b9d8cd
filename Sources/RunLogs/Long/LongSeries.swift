// Long: series too long to hold in memory: every point in a temporary file, the points a plot needs in buckets.

/// A series that grew past `RunLogBuilder.longSeriesPoints` points while it was read: every point goes on to
/// `SpilledPoints` (a temporary file, for `--data` and smoothing) and into `StepBuckets` (the few points a
/// plot needs, in memory), so memory stays bounded however long the log is.
///
/// The newest point waits (`pending`) until a later step arrives: a step logged again replaces it at no
/// cost. A step going back (a resumed run) cuts the points from that step on, in the file and in the buckets
/// (the bucket it falls in is made again from the file's points before it), as `RunLogBuilder` does for
/// short series.
struct LongSeries {
    typealias Point = SpillFile.Point
    private(set) var points = SpilledPoints()
    /// The first `headPoints` points, kept whole: on a log-step axis (`--time log`) the first steps take half
    /// the width, where equal step ranges would be a few points.
    private var head: [Point] = []
    /// The points after the head, from the first of them on.
    private var buckets: StepBuckets?
    private let width: Int64
    private var pending: Point?

    /// The points kept whole at the start.
    static let headPoints = 4096

    /// The series so far (every point, steps strictly increasing, at least two), taken over.
    init(steps: StepColumn, values: [Double], times: [Double]) {
        let first = steps.first ?? 0, last = steps.last ?? 0
        let span = UInt64(bitPattern: last &- first) / UInt64(StepBuckets.capacity / 2) + 1
        width = Int64(clamping: span)
        for i in 0..<(values.count - 1) { commit(Point(step: steps[i], value: values[i], time: times.isEmpty ? 0 : times[i])) }
        if let v = values.last, let s = steps.last { pending = Point(step: s, value: v, time: times.last ?? 0) }
    }

    /// Whether the points could be written to the temporary file (else they stay in memory, as before).
    var isSpilled: Bool { points.failure == nil }

    /// The newest step.
    var lastStep: Int64? { pending?.step ?? points.lastStep }

    /// Adds a point; returns how many earlier points it replaced and whether its step went back.
    mutating func append(_ p: Point) -> (dropped: Int, wentBack: Bool) {
        guard let q = pending else {
            pending = p
            return (0, false)
        }
        if p.step > q.step {
            commit(q)
            pending = p
            return (0, false)
        }
        pending = p
        if p.step == q.step { return (1, false) }
        var dropped = 1
        if let last = points.lastStep, p.step <= last {
            dropped += points.cut(from: p.step)
            if let h = head.last, p.step <= h.step {
                // Cut in the head: every bucket point is after it.
                head.removeAll { $0.step >= p.step }
                buckets = nil
            } else if var b = buckets {
                let from = b.dropBuckets(from: p.step)
                points.forEach(from: from) { b.add($0) }
                buckets = b
            }
        }
        return (dropped, true)
    }

    private mutating func commit(_ p: Point) {
        points.append(p)
        if buckets == nil, head.count < Self.headPoints {
            head.append(p)
        } else if buckets == nil {
            var b = StepBuckets(origin: p.step, width: width)
            b.add(p)
            buckets = b
        } else {
            buckets?.add(p)
        }
    }

    /// The finished series: the plot's points (steps, values, wall times) and every point, written out.
    mutating func finish() -> (steps: StepColumn, values: [Double], times: [Double], all: SpilledPoints) {
        if let p = pending { commit(p); pending = nil }
        points.flush()
        let kept = head + (buckets?.points ?? [])
        var steps = StepColumn()
        for p in kept { steps.append(p.step) }
        return (steps, kept.map(\.value), kept.map(\.time), points)
    }
}
