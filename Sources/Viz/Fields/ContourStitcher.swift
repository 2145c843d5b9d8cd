/// Joins marching-squares segments into polylines and rings by edge identity (STYLE.md §B5).
///
/// Every crossing lies on one grid edge, and an edge is shared by at most two cells, so each edge joins at
/// most two segments. The stitcher keeps two slots per edge (reused across levels: only touched slots are
/// reset) and walks the chains: first from the edges used once (open lines, which end on the boundary or at
/// a hole), then around what remains (rings).
struct ContourStitcher {
    private var slotA: [Int32]
    private var slotB: [Int32]

    init(edgeCount: Int) {
        slotA = [Int32](repeating: -1, count: edgeCount)
        slotB = [Int32](repeating: -1, count: edgeCount)
    }

    /// One stitched chain in data coordinates.
    struct Chain { var points: [Point]; var closed: Bool; var edges: [Int32] }

    /// Chains from `segments` (flat edge-id pairs); `point` gives the crossing on an edge.
    mutating func stitch(_ segments: [Int32], keepEdges: Bool = false, point: (Int32) -> Point) -> [Chain] {
        let count = segments.count / 2
        guard count > 0 else { return [] }
        for k in 0..<(2 * count) {
            let e = Int(segments[k])
            if slotA[e] < 0 { slotA[e] = Int32(k / 2) } else { slotB[e] = Int32(k / 2) }
        }
        var used = [Bool](repeating: false, count: count)
        var chains: [Chain] = []

        // The segment at edge `e` other than `s`, or -1.
        func next(_ e: Int32, after s: Int32) -> Int32 {
            let a = slotA[Int(e)], b = slotB[Int(e)]
            return a == s ? b : a
        }
        func walk(from start: Int32, segment first: Int32) -> Chain {
            var pts = [point(start)]
            var edges: [Int32] = keepEdges ? [start] : []
            var e = start, s = first
            while s >= 0, !used[Int(s)] {
                used[Int(s)] = true
                let a = segments[2 * Int(s)], b = segments[2 * Int(s) + 1]
                e = a == e ? b : a
                if e == start { return Chain(points: pts, closed: true, edges: edges) }
                pts.append(point(e))
                if keepEdges { edges.append(e) }
                s = next(e, after: s)
            }
            return Chain(points: pts, closed: false, edges: edges)
        }
        // Open lines start at an edge used by one segment only.
        for k in 0..<(2 * count) where !used[k / 2] && slotB[Int(segments[k])] < 0 {
            chains.append(walk(from: segments[k], segment: Int32(k / 2)))
        }
        for s in 0..<count where !used[s] {
            chains.append(walk(from: segments[2 * s], segment: Int32(s)))
        }
        for e in segments { slotA[Int(e)] = -1; slotB[Int(e)] = -1 }
        return chains
    }
}
