/// Where a vertical band's text goes: across the band when it fits, else along it, at the height asked for;
/// and, with ink to avoid, the height along the band where its box covers the least of it.
extension BandMark {
    /// `candidate` across the band if it fits, else along it (rotated to read upwards), centred at
    /// `textHeightFraction` when set (kept inside) or at `textPlacement`; nil when it fits neither way.
    func verticalText(_ candidate: String, in box: Rect, ctx: PlotContext, color: Color) -> PlacedText? {
        let font = ctx.theme.noteFont
        let pad = font.size * 0.4
        let flat = ctx.textBox(candidate, at: Point(0, 0), anchor: .topCenter, font: font)
        if flat.width + 2 * pad <= box.width, flat.height + 2 * pad <= box.height {
            var y: Double, anchor: TextAnchor
            switch textPlacement {
            case .middle, .baseline: y = box.midY; anchor = .center
            case .bottom: y = box.maxY - pad; anchor = .bottomCenter
            case .top: y = box.minY + pad; anchor = .topCenter
            }
            if let f = textHeightFraction, f.isFinite {
                let half = flat.height / 2 + pad
                y = min(max(box.maxY - f * box.height, box.minY + half), box.maxY - half)
                anchor = .center
            }
            return PlacedText(text: candidate, at: Point(box.midX, y), anchor: anchor, font: font, color: color)
        }
        // Along the band, the text may be a little wider than a narrow band, never longer than the band is tall.
        guard flat.height <= 2 * box.width, flat.width + 2 * pad <= box.height else { return nil }
        // At `textHeightFraction` when set (the band's part clear of the curves), kept inside; else from the top.
        if let f = textHeightFraction, f.isFinite {
            let half = flat.width / 2 + pad
            let y = min(max(box.maxY - f * box.height, box.minY + half), box.maxY - half)
            return PlacedText(text: candidate, at: Point(box.midX, y), anchor: .center, font: font, color: color, angle: Double.pi / 2)
        }
        return PlacedText(text: candidate, at: Point(box.midX, box.minY + pad), anchor: TextAnchor(1, .middle), font: font,
                          color: color, angle: Double.pi / 2)
    }

    /// `placed` moved up or down its band (kept inside it, with the font's padding) to the height where its box,
    /// widened by 2 points, holds the fewest inked cells; among equals the one nearest where it was.
    static func leastInk(_ placed: PlacedText, in band: Rect, ink: PointLabelMark.InkGrid,
                         ctx: PlotContext) -> (text: PlacedText, ink: Int) {
        let box = placed.box(ctx), pad = placed.font.size * 0.4
        func count(_ r: Rect) -> Int { ink.count(in: r.expanded(by: 2)) }
        let here = count(box)
        guard here > 0 else { return (placed, 0) }
        let top = band.minY + pad, bottom = band.maxY - pad - box.height
        guard bottom > top else { return (placed, here) }
        var best = (dy: 0.0, ink: here)
        var y = top
        while y <= bottom {
            let dy = y - box.minY
            let n = count(Rect(x: box.minX, y: y, width: box.width, height: box.height))
            if n < best.ink || (n == best.ink && abs(dy) < abs(best.dy)) { best = (dy, n) }
            y += 2
        }
        var moved = placed
        moved.at = Point(placed.at.x, placed.at.y + best.dy)
        return (moved, best.ink)
    }
}
