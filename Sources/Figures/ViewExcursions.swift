import Viz

/// The times a path is outside the view after it was first in it: each excursion's first step outside
/// and the step it comes back (nil: it never does). The words a legend and a note use for them, so that a
/// run which leaves and returns is never summed up as "leaves the view".
public struct ViewExcursions: Sendable, Equatable {
    /// One time outside: the first recorded step outside, the last recorded step outside, and the step
    /// it is back in the view (nil: it stays out to its last recorded point).
    public struct Excursion: Sendable, Equatable {
        public var out: Int
        public var lastOut: Int
        public var back: Int?
    }

    public var list: [Excursion] = []

    /// The excursions of a path whose recorded `steps` are inside the view where `inside` is true (from
    /// its first point inside on; what comes before is its entry).
    public init(steps: [Int], inside: [Bool]) {
        let n = min(steps.count, inside.count)
        guard let first = inside.prefix(n).firstIndex(of: true) else { return }
        var k = first + 1
        while k < n {
            guard !inside[k] else { k += 1; continue }
            var m = k
            while m + 1 < n, !inside[m + 1] { m += 1 }
            list.append(Excursion(out: steps[k], lastOut: steps[m], back: m + 1 < n ? steps[m + 1] : nil))
            k = m + 2
        }
    }

    /// The excursions as they stand at `step` (those begun by then; a return after it is not yet known).
    public func upTo(_ step: Int) -> ViewExcursions {
        var copy = self
        copy.list = list.filter { $0.out <= step }.map { e in
            var e = e
            if let b = e.back, b > step { e.back = nil; e.lastOut = min(e.lastOut, step) }
            return e
        }
        return copy
    }

    /// The path is outside the view at its last recorded point (its last excursion never comes back).
    public var endsOutside: Bool { list.last.map { $0.back == nil } ?? false }

    /// The first step outside, if any.
    public var firstOut: Int? { list.first?.out }

    /// What happened, or nil when the path never left: "leaves the view at step 4" (it never comes back),
    /// "leaves the view at step 4, returns at step 9", "outside the view at steps 4–8 and 12", "outside the
    /// view 12 times from step 1" (more than three times), each followed by ", leaves again at
    /// step 15" when the last time out is for good.
    public var words: String? {
        guard let first = list.first else { return nil }
        let returning = list.filter { $0.back != nil }
        let final = list.last.flatMap { $0.back == nil ? $0 : nil }
        if returning.isEmpty, let final { return "leaves the view at step \(final.out)" }
        var said: String
        if returning.count == 1, let back = returning[0].back {
            said = "leaves the view at step \(first.out), returns at step \(back)"
        } else if returning.count <= 3 {
            let spans = returning.map { $0.lastOut > $0.out ? "\($0.out)–\($0.lastOut)" : "\($0.out)" }
            said = "outside the view at steps " + spans.dropLast().joined(separator: ", ") + " and " + (spans.last ?? "")
        } else {
            said = "outside the view \(returning.count) times from step \(first.out)"
        }
        if let final { said += ", leaves again at step \(final.out)" }
        return said
    }
}
