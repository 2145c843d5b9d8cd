import Viz

/// The layout rules every figure keeps, checked on its layout report: no two text boxes intersect, no
/// box leaves the page, no text is cut off, and legends, notes and annotations inside a plot cover no data.
enum LayoutChecks {
    /// Overlaps thinner than this (output pixels) are antialiasing, not a collision.
    static let tolerance = 1.0

    /// One line per broken rule, empty when the layout is clean.
    static func problems(_ r: LayoutReport) -> [String] {
        var out: [String] = []
        let t = tolerance
        let els = r.elements
        func name(_ e: LayoutReport.Element) -> String { "\(e.kind.rawValue) '\(e.text.prefix(40))'" }
        for e in els {
            let b = e.box
            if b.minX < -t || b.minY < -t || b.maxX > r.width + t || b.maxY > r.height + t {
                out.append("\(name(e)) leaves the page: \(rounded(b))")
            }
            if e.truncated { out.append("\(name(e)) is cut off") }
            if [.legend, .note, .annotation].contains(e.kind), e.covers > 0,
               r.frames.contains(where: { $0.box.intersects(b) }) {
                out.append("\(name(e)) covers \(e.covers) data points")
            }
        }
        // Pairs, swept along x: only boxes whose x ranges meet are compared.
        let order = els.indices.sorted { els[$0].box.minX < els[$1].box.minX }
        for (i, a) in order.enumerated() {
            for b in order[(i + 1)...] {
                if els[b].box.minX >= els[a].box.maxX - t { break }
                let p = els[a].box, q = els[b].box
                let w = min(p.maxX, q.maxX) - max(p.minX, q.minX), h = min(p.maxY, q.maxY) - max(p.minY, q.minY)
                if w > t && h > t { out.append("\(name(els[a])) and \(name(els[b])) intersect") }
            }
        }
        return out
    }

    private static func rounded(_ b: Rect) -> String {
        "[\(Int(b.minX)), \(Int(b.minY)), \(Int(b.width)), \(Int(b.height))] "
    }
}
