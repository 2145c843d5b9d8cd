/// A long series reduced to what a plot of it can show: its steps cut into at most `capacity` equal
/// ranges (buckets), each keeping only its first and last point, its smallest and largest finite value
/// (the first of equals), its last finite point, its first non-finite point and the first of the
/// non-finite points that end it, and its first point whose wall time is not a number. Drawn at four
/// points a pixel column, the kept points draw the same envelope as every point; the series' minimum,
/// maximum, final value, divergence (the non-finite values that end it) and first transient are among
/// them, exactly.
///
/// As steps grow past the last bucket, neighbouring buckets merge pairwise (the width doubles), so the
/// memory stays under `capacity` buckets of at most eight points, whatever the number of points.
struct StepBuckets {
    typealias Point = SpillFile.Point

    struct Bucket {
        var first: Point
        var last: Point
        var low: Point?
        var high: Point?
        var lastFinite: Point?
        var firstNonFinite: Point?
        /// The first point of the non-finite run that ends the bucket (nil when it ends finite).
        var trailing: Point?
        var nanTime: Point?

        init(_ p: Point) {
            first = p; last = p
            if p.value.isFinite { low = p; high = p; lastFinite = p } else { firstNonFinite = p; trailing = p }
            if p.time.isNaN { nanTime = p }
        }

        mutating func add(_ p: Point) {
            last = p
            if p.value.isFinite {
                if low.map({ p.value < $0.value }) ?? true { low = p }
                if high.map({ p.value > $0.value }) ?? true { high = p }
                lastFinite = p; trailing = nil
            } else {
                if firstNonFinite == nil { firstNonFinite = p }
                if trailing == nil { trailing = p }
            }
            if nanTime == nil, p.time.isNaN { nanTime = p }
        }

        /// This bucket followed by `b`.
        func merged(_ b: Bucket) -> Bucket {
            var m = self
            m.last = b.last
            if let l = b.low, m.low.map({ l.value < $0.value }) ?? true { m.low = l }
            if let h = b.high, m.high.map({ h.value > $0.value }) ?? true { m.high = h }
            m.lastFinite = b.lastFinite ?? lastFinite
            m.firstNonFinite = firstNonFinite ?? b.firstNonFinite
            // All of b non-finite: the trailing run starts in this bucket when it ends non-finite, else at b's first point.
            m.trailing = b.lastFinite != nil ? b.trailing : (trailing ?? b.first)
            m.nanTime = nanTime ?? b.nanTime
            return m
        }

        /// The kept points in step order, each once.
        var points: [Point] {
            let all = [first, low, high, lastFinite, firstNonFinite, trailing, nanTime, last].compactMap { $0 }
            var out: [Point] = []
            for p in all.sorted(by: { $0.step < $1.step }) where out.last?.step != p.step { out.append(p) }
            return out
        }
    }

    /// The most buckets kept; past it, pairs merge.
    static let capacity = 8192

    /// The first bucket's first step and every bucket's width in steps.
    private(set) var origin: Int64
    private(set) var width: Int64
    /// Buckets by index (nil: no point in that range).
    private var buckets: [Bucket?] = []

    /// Buckets from `origin`, `width` steps each.
    init(origin: Int64, width: Int64) {
        self.origin = origin
        self.width = max(1, width)
    }

    /// The bucket index of `step` (≥ origin).
    func index(_ step: Int64) -> Int {
        let d = UInt64(bitPattern: step) &- UInt64(bitPattern: origin)
        return Int(clamping: d / UInt64(width))
    }

    /// Adds a point after every point so far.
    mutating func add(_ p: Point) {
        var b = index(p.step)
        while b >= Self.capacity {
            halve()
            b = index(p.step)
        }
        if b >= buckets.count { buckets += Array(repeating: nil, count: b + 1 - buckets.count) }
        if buckets[b] == nil { buckets[b] = Bucket(p) } else { buckets[b]?.add(p) }
    }

    /// Merges neighbouring buckets: twice the width, half the buckets.
    private mutating func halve() {
        var out: [Bucket?] = []
        out.reserveCapacity(buckets.count / 2 + 1)
        var i = 0
        while i < buckets.count {
            let a = buckets[i], b = i + 1 < buckets.count ? buckets[i + 1] : nil
            out.append(a.map { a in b.map { a.merged($0) } ?? a } ?? b)
            i += 2
        }
        buckets = out
        let w = width.multipliedReportingOverflow(by: 2)
        width = w.overflow ? .max : w.partialValue
    }

    /// Drops every bucket from the one holding `step`; returns the first step of that bucket, whose
    /// points before `step` the caller adds again.
    mutating func dropBuckets(from step: Int64) -> Int64 {
        guard step > origin else { buckets = []; origin = step; return step }
        let b = index(step)
        if b < buckets.count { buckets.removeSubrange(b...) }
        return origin + Int64(b) * width
    }

    /// Every kept point, in step order.
    var points: [Point] { buckets.flatMap { $0?.points ?? [] } }
}
