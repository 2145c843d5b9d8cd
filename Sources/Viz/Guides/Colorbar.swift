// Guides: what explains the marks: legends (layout and placement) and colorbars.

/// A colour key beside an axes: a continuous strip for a heatmap (linear or log ticks), or equal-height
/// bands for filled contours (one tick per level boundary, thinned when they would collide).
public struct Colorbar: SideGuide {
    /// What the strip shows.
    public enum Content: Sendable, Hashable {
        /// Colours varying continuously with the value through a normalisation.
        case continuous(Normalization)
        /// `levels.count + 1` bands of equal height; the boundaries are the levels.
        case bands(levels: [Double])
    }

    /// The colours shown (the same colormap as the mark the bar explains).
    public var colormap: Colormap
    /// A continuous strip or equal bands.
    public var content: Content
    /// The title, drawn along the strip (math syntax allowed).
    public var label: String?
    /// About this many ticks on a continuous strip.
    public var tickCount: Int
    /// Width of the colour strip in points.
    public var barWidth: Double
    /// The one value of a constant field, ticked at the middle of its single band (a bare strip said nothing).
    public var constantValue: Double?

    /// A colour key for `colormap` showing `content`.
    public init(colormap: Colormap, content: Content, label: String? = nil, tickCount: Int = 6, barWidth: Double = 12) {
        self.colormap = colormap; self.content = content; self.label = label
        self.tickCount = max(2, tickCount); self.barWidth = barWidth
    }

    /// The colorbar of a heatmap: same colormap and normalisation.
    public init(for heatmap: HeatmapMark, label: String? = nil, tickCount: Int = 6) {
        self.init(colormap: heatmap.colormap, content: .continuous(heatmap.normalization), label: label, tickCount: tickCount)
    }

    /// The colorbar of filled contours: one band per colour, boundaries at the levels.
    public init(for filled: FilledContourMark, label: String? = nil) {
        self.init(colormap: filled.colormap, content: .bands(levels: filled.levels.values), label: label)
        if filled.levels.values.isEmpty, let r = filled.field.finiteRange, r.lower == r.upper { constantValue = r.lower }
    }

    /// The tick values: nice values inside the range (log: powers of ten, or 1-2-5 in short ranges) for a
    /// continuous strip, the levels for bands.
    public func tickValues() -> [Double] {
        switch content {
        case let .bands(levels): return levels.isEmpty ? constantValue.map { [$0] } ?? [] : levels
        case let .continuous(n):
            switch n.kind {
            case .linear: return Ticks.values(n.lower, n.upper, count: tickCount)
            case .log:
                let s = Scale(.log, domain: Interval(n.lower - n.offset, n.upper - n.offset))
                return s.ticks(count: tickCount).map { $0 + n.offset }
            }
        }
    }

    /// Position of `v` along the strip, 0 at the bottom and 1 at the top.
    func position(_ v: Double) -> Double {
        switch content {
        case let .continuous(n): return n(v)
        case let .bands(levels):
            if levels.isEmpty, v == constantValue { return 0.5 }
            guard let k = levels.firstIndex(of: v) else { return .nan }
            return Double(k + 1) / Double(levels.count + 1)
        }
    }

    /// Tick labels for `ticks`.
    /// Every label tells its value apart from the others (see `ScalarFormatter`); evenly spaced values
    /// near a large common part show the difference, with the offset or power of ten in the title.
    func labels(_ ticks: [Double]) -> [String] { formatted(ticks).labels }

    /// The tick labels and what the title must add to them.
    func formatted(_ ticks: [Double]) -> ScalarLabels {
        let plain = { (labels: [String]) in ScalarLabels(labels: labels, offset: 0, exponent: 0) }
        switch content {
        case .continuous(let n) where n.kind == .log:
            if n.offset == 0 {
                let labels = ticks.map(TickFormat.power)
                return plain(TickFormat.tellsApart(labels, values: ticks) ? labels : TickFormat.distinct(ticks))
            }
            return plain(TickFormat.distinct(ticks))
        case .continuous: return ScalarFormatter.labels(ticks)
        case .bands:
            let gaps = zip(ticks.dropFirst(), ticks).map { $0 - $1 }
            if let lo = gaps.min(), let hi = gaps.max(), lo > 0, hi <= lo * 1.001, ticks.count > 2 {
                let f = ScalarFormatter.labels(ticks)
                if f.hasSuffix { return f }
            }
            return plain(TickFormat.distinct(ticks))
        }
    }

    /// The title drawn along the strip, with the labels' shared offset or power of ten.
    func title() -> String? { formatted(tickValues()).axisTitle(label) }

    /// The strip width the colorbar needs beside the plot, in points (its bar, ticks and title).
    public func width(_ ctx: GuideContext) -> Double {
        let font = ctx.theme.tickFont
        let widest = labels(tickValues()).map { ctx.measure($0, font: font).width }.max() ?? 0
        var w = barWidth + ctx.theme.tickLength + font.size * 0.35 + widest
        if let label = title() { w += font.size * 0.6 + ctx.measure(label, font: ctx.theme.labelFont).height }
        return w
    }

    /// Half a tick label, or the half of the title's length that exceeds the strip's.
    public func topOverhang(height: Double, _ ctx: GuideContext) -> Double {
        let half = ctx.theme.tickFont.size * 0.75
        guard let label = title() else { return half }
        return max(half, (ctx.measure(label, font: ctx.theme.labelFont).width - height) / 2)
    }

    /// Draws the colorbar into `strip` (device points).
    public func draw(in strip: Rect, _ ctx: GuideContext) {
        let theme = ctx.theme
        let bar = Rect(x: strip.minX, y: strip.minY, width: barWidth, height: strip.height)
        switch content {
        case .continuous:
            // 256 rows, top = 1: one row per colormap entry, so the strip shows every colour.
            let n = 256
            var rgba = [UInt8](repeating: 0, count: n * 4)
            for r in 0..<n {
                let c = colormap.color(at: (Double(n - 1 - r) + 0.5) / Double(n))
                rgba[r * 4] = byte(c.r); rgba[r * 4 + 1] = byte(c.g); rgba[r * 4 + 2] = byte(c.b); rgba[r * 4 + 3] = 255
            }
            ctx.image(rgba: rgba, width: 1, height: n, in: bar, smooth: false)
        case let .bands(levels):
            let count = levels.count + 1
            let h = bar.height / Double(count)
            for k in 0..<count {
                let c = colormap.color(at: (Double(k) + 0.5) / Double(count))
                // Overlap neighbours by a hair so the bands show no seams.
                let y = bar.maxY - Double(k + 1) * h
                ctx.fill(Path(rect: Rect(x: bar.minX, y: y - (k + 1 < count ? 0.5 : 0), width: bar.width, height: h + (k + 1 < count ? 0.5 : 0))), c)
            }
        }
        ctx.stroke(Path(rect: bar), StrokeStyle(color: theme.axisColor, width: theme.axisLineWidth))

        // Ticks and labels, thinned to every m-th when labels would collide.
        let font = theme.tickFont
        let ticks = tickValues()
        let texts = labels(ticks)
        let lineH = font.size * 1.35
        var stride = 1
        let positions = ticks.map(position)
        while stride < ticks.count {
            var ok = true
            var last = -Double.infinity
            for k in Swift.stride(from: 0, to: ticks.count, by: stride) where positions[k].isFinite {
                let y = positions[k] * bar.height
                if y - last < lineH { ok = false; break }
                last = y
            }
            if ok { break }
            stride += 1
        }
        var tickPath = Path()
        let tl = theme.tickLength
        for k in Swift.stride(from: 0, to: ticks.count, by: stride) {
            let t = positions[k]
            guard t.isFinite, t >= -1e-9, t <= 1 + 1e-9 else { continue }
            let y = bar.maxY - t * bar.height
            tickPath.move(to: Point(bar.maxX, y)); tickPath.line(to: Point(bar.maxX + tl, y))
            ctx.text(texts[k], at: Point(bar.maxX + tl + font.size * 0.35, y), anchor: TextAnchor(0, .middle), font: font, color: theme.muted)
        }
        ctx.stroke(tickPath, StrokeStyle(color: theme.axisColor, width: theme.axisLineWidth))
        if let label = title() {
            ctx.text(label, at: Point(strip.maxX, strip.midY), anchor: TextAnchor(0.5, .bottom), font: theme.labelFont,
                     color: theme.foreground, angle: Double.pi / 2)
        }
    }

    private func byte(_ v: Double) -> UInt8 { UInt8((min(max(v, 0), 1) * 255).rounded()) }
}
