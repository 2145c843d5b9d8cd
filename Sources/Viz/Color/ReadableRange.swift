/// Contrast between colours, and the part of a colour map that stays readable on a background.
extension Color {
    /// The WCAG contrast ratio with `other`, from 1 (the same luminance) to 21 (black on white); alpha is ignored.
    public func contrast(with other: Color) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// This colour for text on each of `backgrounds`: itself when it keeps `minimum` contrast with every one
    /// (WCAG's 4.5:1 for text), else mixed towards black (on light backgrounds) or white (on dark ones) just far
    /// enough, in steps of 5 %, so its hue still tells it apart: a pale olive (191, 185, 106) at 2:1 on white
    /// becomes a dark olive.
    public func readableText(on backgrounds: [Color], minimum: Double = 4.5) -> Color {
        guard let first = backgrounds.first else { return self }
        let target = first.luminance > 0.18 ? Color(r: 0, g: 0, b: 0, a: a) : Color(r: 1, g: 1, b: 1, a: a)
        for step in 0...20 {
            let c = mixed(with: target, Double(step) / 20)
            if backgrounds.allSatisfy({ c.contrast(with: $0) >= minimum }) { return c }
        }
        return target
    }
}

extension Colormap {
    /// The contrast a line or its label in a map's colour keeps with the plot's background: WCAG's 3:1 for
    /// graphical objects. Viridis's darkest purple on the dark theme's #15191F is 1.16, its yellow on white 1.26.
    public static let readableContrast = 3.0

    /// The widest stretch of positions `lo...hi` (in [0, 1]) whose colours all keep at least `minimum` contrast
    /// with `background`, so lines drawn from it stay visible on it; the whole map when no stretch a quarter
    /// of it long does (a map that is dark at both ends on a dark page: better all colours than a few).
    public func readableRange(on background: Color, minimum: Double = Colormap.readableContrast) -> ClosedRange<Double> {
        let n = 256
        let ok = (0...n).map { color(at: Double($0) / Double(n)).contrast(with: background) >= minimum }
        var best: (lo: Int, hi: Int)?
        var k = 0
        while k <= n {
            guard ok[k] else { k += 1; continue }
            var j = k
            while j < n, ok[j + 1] { j += 1 }
            if best.map({ j - k > $0.hi - $0.lo }) ?? true { best = (k, j) }
            k = j + 1
        }
        guard let best, best.hi - best.lo >= n / 4 else { return 0...1 }
        return Double(best.lo) / Double(n)...Double(best.hi) / Double(n)
    }
}
