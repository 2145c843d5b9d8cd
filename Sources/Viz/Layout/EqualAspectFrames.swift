/// Frames of equal-aspect panels: the largest rectangle of the data's aspect inside each panel's frame,
/// the same size for every equal-aspect panel of one grid row (a strip of panels reads as equals, not as
/// panels shrunk by their own tick labels), placed against the panel below it (no empty band between a
/// strip and its legend), else centred.
enum EqualAspectFrames {
    /// `frames[k]` narrowed to the aspect `dx:dy` of `aspects[k]` (nil: not an equal-aspect panel).
    static func place(_ frames: [Rect], aspects: [(dx: Double, dy: Double)?], panels: [Figure.Panel]) -> [Rect] {
        var sizes: [Size?] = frames.indices.map { k -> Size? in
            guard let a = aspects[k], a.dx > 0, a.dy > 0 else { return nil }
            // Limits that adjust take the whole frame: the data range follows its shape.
            if panels[k].axes.aspectAdjustsLimits { return Size(frames[k].width, frames[k].height) }
            let unit = min(frames[k].width / a.dx, frames[k].height / a.dy)
            return Size(a.dx * unit, a.dy * unit)
        }
        // One size per row: the smallest width and height of the row, each panel keeping its aspect in it.
        for k in frames.indices {
            guard let a = aspects[k], sizes[k] != nil else { continue }
            let row = frames.indices.filter { panels[$0].row == panels[k].row && panels[$0].rowSpan == panels[k].rowSpan && sizes[$0] != nil }
            let w = row.compactMap { sizes[$0]?.width }.min() ?? 0, h = row.compactMap { sizes[$0]?.height }.min() ?? 0
            let unit = min(w / a.dx, h / a.dy)
            sizes[k] = panels[k].axes.aspectAdjustsLimits ? Size(w, h) : Size(a.dx * unit, a.dy * unit)
        }
        return frames.indices.map { k in
            guard let s = sizes[k] else { return frames[k] }
            let r = frames[k], p = panels[k]
            let below = panels.contains { q in
                q.row == p.row + p.rowSpan && q.column < p.column + p.columnSpan && q.column + q.columnSpan > p.column
            }
            let y = below ? r.maxY - s.height : r.minY + (r.height - s.height) / 2
            // Frames that fill their cells sit against the right of it: their y labels take what is left.
            let x = p.axes.aspectAdjustsLimits ? r.maxX - s.width : r.minX + (r.width - s.width) / 2
            return Rect(x: x, y: y, width: s.width, height: s.height)
        }
    }

    /// `scale`'s domain widened about its centre so that it takes `length` points at `unit` points per
    /// `magnitude` data units (linear scales only; others are returned unchanged).
    static func widened(_ scale: Scale, toLength length: Double, unit: Double, magnitude: Double = 1) -> Scale {
        guard scale.kind == .linear, unit > 0 else { return scale }
        let d = scale.domain, c = d.lower / 2 + d.upper / 2
        let half = length / unit / 2 * magnitude * (d.upper >= d.lower ? 1 : -1)
        return Scale(.linear, domain: Interval(c - half, c + half))
    }
}
