/// How an animation's legends are laid out for its frames. By default (`withLastFrameLegends()`) as the last
/// frame's, which is the still figure of the same request. On request (`reservingLegendRoom()`) once for all
/// frames: each row as wide as its widest text in any frame ("→ (−4.2×10⁵, 3539.78), f = 3.11×10²⁴" while a
/// run is far out, "→ (0.75, 0.56), f = 0.064" at the end), one box for every frame, at the price of a last
/// frame whose legend box and plot differ from the still figure's.
extension Animation {
    /// This animation with `Axes.legendReserve` set on each panel of `still` whose legend rows are wider in
    /// some frame than in the last (the others are left as they are, so their last frame is the still
    /// figure exactly). Measures every frame's legend texts (each distinct text once).
    public func reservingLegendRoom() -> Animation {
        guard !legendRoomReserved else { return self }
        var out = self
        out.legendRoomReserved = true
        guard frameCount > 1,
              let canvas = try? CairoBackend(size: Size(16, 16), kind: .measuring(pixelsPerPoint: still.dpi / 72)) else { return out }
        let theme = still.theme, font = theme.legendFont
        var widths: [String: Double] = [:]
        func width(_ text: String) -> Double {
            if let w = widths[text] { return w }
            let w = TextLayout.make(text, font: font, canvas: canvas).width
            widths[text] = w
            return w
        }
        // One frame's moving marks at a time (a long run's frames hold many points each).
        func rows(_ p: Int, _ marks: [[any Mark]]) -> [String] {
            var axes = still.panels[p].axes
            if marks.indices.contains(p) { axes.add(contentsOf: marks[p]) }
            return axes.marks.flatMap { $0.legendEntries(theme: theme) }.map(\.label)
        }
        let final = moving(frameCount - 1)
        let last = still.panels.indices.map { rows($0, final) }
        var widest = last
        for k in 0..<(frameCount - 1) {
            let marks = moving(k)
            for p in still.panels.indices where !last[p].isEmpty {
                for (i, text) in rows(p, marks).enumerated() where i < widest[p].count && text != widest[p][i] && width(text) > width(widest[p][i]) {
                    widest[p][i] = text
                }
            }
        }
        for p in still.panels.indices where widest[p] != last[p] { out.still.modifyAxes(p) { $0.legendReserve = widest[p] } }
        return withExtendedLifetime(canvas) { out }
    }

    /// This animation with its legends as the last frame lays them out (no `Axes.legendReserve`), unless
    /// they are settled already (`reservingLegendRoom()` or `withoutLegendRoom()` was called): what the
    /// renderers draw, so the last frame is the still figure to the pixel.
    public func withLastFrameLegends() -> Animation {
        legendRoomReserved ? self : withoutLegendRoom()
    }

    /// This animation with its legends as the last frame lays them out (no `Axes.legendReserve`): the last
    /// frame is the still figure. A frame whose rows are wider widens its box into the room the page leaves,
    /// and is drawn a little smaller only where that is not enough (`AnimationRenderer.frameLayout`).
    public func withoutLegendRoom() -> Animation {
        var out = self
        out.legendRoomReserved = true
        for p in out.still.panels.indices where !out.still.panels[p].axes.legendReserve.isEmpty {
            out.still.modifyAxes(p) { $0.legendReserve = [] }
        }
        return out
    }
}
