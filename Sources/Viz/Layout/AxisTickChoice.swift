// The automatic ticks of one panel's axes: how many nice ticks a plot rectangle holds, and how x labels
// are kept apart (fewer ticks, every k-th tick, labels turned 45°, one shared power of ten) and y labels
// too (fewer ticks, then every k-th one).

/// Tick values with their shared offset or power of ten and their measured labels.
struct TickSet {
    var values: [Double]
    var format: ScalarLabels
    var labels: [TextLayout]
}

/// Makes and measures automatic tick labels for one plot rectangle.
struct TickMaker {
    let font: Font
    let canvas: any DrawingBackend
    /// The plot rectangle's width (device units), which x labels share.
    let width: Double
    let xScale: Scale

    /// `n` nice ticks of `scale` with their labels, in plain or scientific notation (linear scales).
    func make(_ scale: Scale, _ n: Int, scientific: Bool) -> TickSet {
        let t = scale.ticks(count: n)
        let f = scale.kind == .linear ? ScalarFormatter.labels(t, scientific: scientific)
            : ScalarLabels(labels: scale.labels(for: t), offset: 0, exponent: 0)
        return TickSet(values: t, format: f, labels: f.labels.map { TextLayout.make($0, font: font, canvas: canvas) })
    }

    /// True when neighbouring x labels keep a gap (upright: side by side; rotated: their slanted bands).
    func fits(_ t: [Double], _ l: [TextLayout], rotated: Bool) -> Bool {
        guard t.count > 1 else { return true }
        for k in 1..<t.count {
            let slot = width * abs(xScale.normalize(t[k]) - xScale.normalize(t[k - 1]))
            // Turned labels: their upright bounding boxes (what a layout report checks) keep apart.
            let need = rotated ? (max(l[k].width, l[k - 1].width) + max(l[k].height, l[k - 1].height)) * 0.7071 + font.size * 0.25
                : (l[k].width + l[k - 1].width) / 2 + font.size * 0.8
            if !(slot >= need) { return false }
        }
        return true
    }

    func fits(_ s: TickSet, rotated: Bool) -> Bool { fits(s.values, s.labels, rotated: rotated) }

    /// The x ticks: `count` is the number of nice ticks asked for (the minor ticks follow it).
    func chooseX(rotate: Bool) -> (ticks: TickSet, count: Int, rotated: Bool) {
        let nx = Ticks.count(forLength: width, fontSize: font.size, horizontal: true)
        var n = nx
        var x = make(xScale, n, scientific: false)
        // A short range on a small plot: ask for more nice ticks until two fall inside it.
        while x.values.count < 2, n < nx + 3 { n += 1; x = make(xScale, n, scientific: false) }
        var rotated = false
        while !fits(x, rotated: false), n > 2 {
            let next = make(xScale, n - 1, scientific: false)
            if next.values.count < 3 && x.values.count >= 3 { break }
            n -= 1
            x = next
        }
        // Two or more upright labels (every k-th tick's) read better than turned ones, which also take
        // height a strip of small plots cannot spare.
        if !fits(x, rotated: false), x.values.count > 2 { x = everyKth(x) }
        if !fits(x, rotated: false) {
            if rotate, fits(x, rotated: true) {
                rotated = true
            } else {
                let sci = make(xScale, n, scientific: true)
                if fits(sci, rotated: false) { x = sci } else if rotate, fits(sci, rotated: true) { x = sci; rotated = true }
            }
        }
        // Still colliding with the fewest nice ticks (wide labels on a narrow plot): keep every k-th one.
        if !fits(x, rotated: rotated), x.values.count > 1, let widest = x.labels.map(\.width).max() {
            let gap = width * abs(xScale.normalize(x.values[1]) - xScale.normalize(x.values[0]))
            let k = max(2, Int(((widest + font.size * 0.8) / max(gap, 1e-9)).rounded(.up)))
            let keep = Array(stride(from: 0, to: x.values.count, by: k))
            x.values = keep.map { x.values[$0] }
            x.labels = keep.map { x.labels[$0] }
            rotated = false
        }
        return (x, n, rotated)
    }

    /// Every k-th tick of `x` for the smallest k whose upright labels fit while two stay; `x` when none does.
    private func everyKth(_ x: TickSet) -> TickSet {
        var x = x
        for k in 2..<x.values.count {
            let keep = Array(stride(from: 0, to: x.values.count, by: k))
            guard keep.count >= 2 else { break }
            if fits(keep.map { x.values[$0] }, keep.map { x.labels[$0] }, rotated: false) {
                (x.values, x.labels) = (keep.map { x.values[$0] }, keep.map { x.labels[$0] })
                break
            }
        }
        return x
    }

    /// The y ticks on a plot `height` high: labels stacked on a short plot get fewer nice ticks (down to
    /// two), then every k-th one, so neighbours always keep a gap (down to a single labelled tick on a
    /// plot a label high). `count` is the number of nice ticks asked for.
    func chooseY(_ yScale: Scale, height: Double) -> (ticks: TickSet, count: Int) {
        let ny = Ticks.count(forLength: height, fontSize: font.size, horizontal: false)
        var y = make(yScale, ny, scientific: false)
        var m = ny
        while y.values.count < 2, m < ny + 3 { m += 1; y = make(yScale, m, scientific: false) }
        while m > 2, !AxisLayout.fitsVertically(y.values, y.labels, scale: yScale, height: height, font: font) {
            let next = make(yScale, m - 1, scientific: false)
            if next.values.count < 2 { break }
            m -= 1
            y = next
        }
        (y.values, y.labels) = AxisLayout.thinFixedYLabels(y.values, y.labels, scale: yScale, height: height, font: font)
        return (y, m)
    }
}
