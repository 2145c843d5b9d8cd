/// A label laid out for drawing: text runs and rules positioned relative to the left end of the baseline.
struct TextLayout {
    enum Item {
        case text(String, Font, Point)
        case rule(Rect)
        case stroke([Point], width: Double)
    }
    var width: Double
    var ascent: Double
    var descent: Double
    var items: [Item]
    var height: Double { ascent + descent }
    /// The text runs joined (math rendered as its characters), for reports.
    var plainText: String {
        items.compactMap { if case let .text(s, _, _) = $0 { s } else { nil } }.joined()
    }

    static let empty = TextLayout(width: 0, ascent: 0, descent: 0, items: [])

    /// Lays out `label` in `font`, measuring text with `canvas`. `display` (a page's title) stacks a fraction
    /// at the base level of a formula; everywhere else (legends, panel titles, table cells, notes), and inside
    /// a script or another fraction even in a title, a fraction is set inline with a slash at the size of the
    /// text around it (`e^{−x²/2}/√(2π)`), as TeX sets a formula in a line of text.
    static func make(_ label: String, font: Font, canvas: any DrawingBackend, display: Bool = false) -> TextLayout {
        let node = MathParser.parse(label)
        if case let .text(s, false, 0) = node {
            // Plain text: one Pango run (keeps bidirectional text and shaping intact).
            let m = canvas.measure(s, font: font)
            return TextLayout(width: m.width, ascent: m.ascent, descent: m.descent, items: [.text(s, font, Point(0, 0))])
        }
        var b = Builder(canvas: canvas, display: display, root: font.size)
        // A right-to-left paragraph with math in it: its pieces (each shaped by Pango in its own direction,
        // math left to right) go right to left, so the words keep their order and their spaces.
        if case let .row(nodes) = node, Self.isRightToLeft(label) {
            var out = TextLayout.empty
            for n in nodes.reversed() { out.appendHorizontally(b.layout(n, font: font)) }
            return out
        }
        return b.layout(node, font: font)
    }

    /// True when the first strongly directional character outside `$…$` is right-to-left (Hebrew, Arabic,
    /// Syriac, Thaana, N'Ko… — Unicode's paragraph direction rule P2, by script block).
    static func isRightToLeft(_ label: String) -> Bool {
        var inMath = false
        for u in label.unicodeScalars {
            if u == "$" { inMath.toggle(); continue }
            if inMath { continue }
            let v = u.value
            if (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
                || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v) { return true }
            if u.properties.isAlphabetic { return false }
        }
        return false
    }

    private struct Builder {
        let canvas: any DrawingBackend
        /// Stacks fractions at the base level (`depth` 0).
        let display: Bool
        /// The label's own font size: no script is set below `scriptFloor` of it.
        let root: Double
        /// Scripts and fractions around the node being laid out.
        var depth = 0

        /// The smallest script, as a fraction of the label's font: a script of a script (the ² in e^{−x²/2})
        /// stays legible where 0.7 of 0.7 of 0.8 of a title was a 3-pixel glyph.
        static let scriptFloor = 0.55
        /// A stacked fraction's numerator and denominator, as a fraction of the font around them.
        static let fractionScale = 0.9

        /// `node` laid out one level deeper (a script, a numerator).
        mutating func nested(_ node: MathNode, font: Font) -> TextLayout {
            depth += 1
            defer { depth -= 1 }
            return layout(node, font: font)
        }

        mutating func layout(_ node: MathNode, font: Font) -> TextLayout {
            switch node {
            case let .text(s, italic, spacing):
                // Math italics keep the weight of the text around them: a bold title's variables are bold italic,
                // so a formula in a title is set in one weight (f(x) = x·tanh(x), not a light x between bold parts).
                let f = italic ? font.with(italic: true) : font
                let m = canvas.measure(s, font: f)
                let pad = spacing * font.size
                // Italic letters lean out of their advance: a little room keeps them off their neighbours.
                let lean = italic ? font.size * 0.04 : 0
                return TextLayout(width: m.width + 2 * pad + lean, ascent: m.ascent, descent: m.descent,
                                  items: [.text(s, f, Point(pad, 0))])
            case let .space(em):
                return TextLayout(width: em * font.size, ascent: 0, descent: 0, items: [])
            case let .row(nodes):
                return layoutRow(nodes, font: font)
            case let .scripts(base, sup, sub):
                var out = layout(base, font: font)
                // 0.7 of the base (TeX's scriptstyle), never below `scriptFloor` of the label's font.
                let small = font.scaled(max(0.7, min(1, root * Self.scriptFloor / font.size)))
                var scriptsWidth = 0.0
                let x0 = out.width
                if let sup {
                    let s = nested(sup, font: small)
                    let shift = max(font.size * 0.38, out.ascent - s.ascent * 0.55)
                    out.place(s, at: Point(x0, -shift))
                    scriptsWidth = max(scriptsWidth, s.width)
                }
                if let sub {
                    let s = nested(sub, font: small)
                    let shift = max(font.size * 0.2, out.descent * 0.6 + s.ascent * 0.35)
                    out.place(s, at: Point(x0, shift))
                    scriptsWidth = max(scriptsWidth, s.width)
                }
                out.width = x0 + scriptsWidth + font.size * 0.05
                return out
            case let .fraction(a, b):
                guard display, depth == 0 else { return nested(.row(MathNode.inlineFraction(a, b)), font: font) }
                let small = font.scaled(Self.fractionScale)
                let num = nested(a, font: small), den = nested(b, font: small)
                let axis = font.size * 0.3, gap = font.size * 0.12, bar = max(0.4, font.size * 0.06)
                let pad = font.size * 0.12
                let w = max(num.width, den.width) + 2 * pad
                var out = TextLayout(width: w, ascent: 0, descent: 0, items: [])
                out.place(num, at: Point((w - num.width) / 2, -(axis + bar / 2 + gap + num.descent)))
                out.place(den, at: Point((w - den.width) / 2, -(axis - bar / 2 - gap - den.ascent)))
                out.items.append(.rule(Rect(x: pad * 0.5, y: -axis - bar / 2, width: w - pad, height: bar)))
                out.width = w + font.size * 0.08
                return out
            case let .sqrt(a):
                let inner = layout(a, font: font)
                let lw = max(0.4, font.size * 0.06)
                let top = inner.ascent + font.size * 0.12, bottom = inner.descent
                let hook = font.size * 0.5
                // A little room before the radical: after a slash (e^{−x²/2}/√(2π)) the hook touched it.
                let lead = font.size * 0.06
                var out = TextLayout(width: 0, ascent: top + lw, descent: bottom, items: [])
                out.items.append(.stroke([Point(lead, -top * 0.35), Point(lead + hook * 0.25, -top * 0.45), Point(lead + hook * 0.55, bottom),
                                          Point(lead + hook, -top), Point(lead + hook + inner.width + font.size * 0.1, -top)], width: lw))
                out.place(inner, at: Point(lead + hook + font.size * 0.05, 0))
                out.width = lead + hook + inner.width + font.size * 0.15
                return out
            }
        }

        /// A row of nodes side by side; a sign at the start of a group or after another operator is unary.
        mutating func layoutRow(_ nodes: [MathNode], font: Font) -> TextLayout {
            var out = TextLayout.empty
            var previousIsOperator = true
            for (k, n) in nodes.enumerated() {
                // An inline fraction beside a factor is bracketed: (1/2)(p − y)², not 1/2(p − y)².
                if case .fraction = n, !(display && depth == 0), MathNode.isJuxtaposed(nodes, at: k) {
                    out.appendHorizontally(layout(.row([MathNode.open, n, MathNode.close]), font: font))
                    previousIsOperator = false
                    continue
                }
                // A sign at the start of a group or after another operator is unary: no space around it.
                if case let .text(s, italic, spacing) = n, spacing > 0 {
                    let node: MathNode = previousIsOperator && (s == "−" || s == "+" || s == "±") ? .text(s, italic: italic, spacing: 0) : n
                    out.appendHorizontally(layout(node, font: font))
                    previousIsOperator = true
                    continue
                }
                switch n {
                case .space: break
                case let .row(items) where items.isEmpty: break
                case let .text(s, _, _): previousIsOperator = ["(", "[", "{", ",", "|"].contains(s)
                default: previousIsOperator = false
                }
                out.appendHorizontally(layout(n, font: font))
                // A comma between items is followed by a thin space, as TeX's punctuation: max(x, 0.1x),
                // not max(x,0.1x), which reads as a decimal comma ({,} stays tight: 1{,}5).
                if case .text(",", _, _) = n, nodes[(k + 1)...].contains(where: { !$0.isBlank }) {
                    out.appendHorizontally(layout(.space(MathNode.commaSpace), font: font))
                }
            }
            if out.ascent == 0 && out.descent == 0 && !nodes.isEmpty {
                let m = canvas.measure("x", font: font)
                out.ascent = m.ascent; out.descent = m.descent
            }
            return out
        }
    }

    /// Appends `other` to the right, on the same baseline.
    mutating func appendHorizontally(_ other: TextLayout) {
        place(other, at: Point(width, 0))
        width += other.width
    }

    /// Places `other` with its baseline origin at `p` (y down), growing ascent/descent as needed.
    mutating func place(_ other: TextLayout, at p: Point) {
        for item in other.items {
            switch item {
            case let .text(s, f, q): items.append(.text(s, f, q + p))
            case let .rule(r): items.append(.rule(Rect(x: r.x + p.x, y: r.y + p.y, width: r.width, height: r.height)))
            case let .stroke(pts, w): items.append(.stroke(pts.map { $0 + p }, width: w))
            }
        }
        ascent = max(ascent, other.ascent - p.y)
        descent = max(descent, other.descent + p.y)
    }
}

/// Where a label sits relative to its anchor point.
public struct TextAnchor: Sendable, Hashable {
    /// 0 = left edge at the point, 0.5 = centred, 1 = right edge.
    public var horizontal: Double
    /// Which line of the text box sits on the anchor point.
    public enum Vertical: Sendable, Hashable { case top, middle, baseline, bottom }
    /// The vertical reference: top, middle, baseline or bottom of the text box.
    public var vertical: Vertical
    /// An anchor at fraction `horizontal` of the width and the `vertical` line.
    public init(_ horizontal: Double, _ vertical: Vertical) { self.horizontal = horizontal; self.vertical = vertical }
    /// Centred both ways.
    public static let center = TextAnchor(0.5, .middle)
    /// The middle of the top edge.
    public static let topCenter = TextAnchor(0.5, .top)
    /// The middle of the bottom edge.
    public static let bottomCenter = TextAnchor(0.5, .bottom)
    /// The middle of the left edge.
    public static let left = TextAnchor(0, .middle)
    /// The middle of the right edge.
    public static let right = TextAnchor(1, .middle)
}

extension TextLayout {
    /// Where the baseline origin goes relative to the anchor point.
    func offset(for anchor: TextAnchor) -> (dx: Double, dy: Double) {
        let dy: Double
        switch anchor.vertical {
        case .top: dy = ascent
        case .middle: dy = (ascent - descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -descent
        }
        return (-width * anchor.horizontal, dy)
    }
}

extension DrawingBackend {
    /// Draws a laid-out label at `point` with `anchor`, rotated by `angle` radians (counter-clockwise).
    func draw(_ t: TextLayout, at point: Point, anchor: TextAnchor, angle: Double = 0, color: Color) {
        save()
        translate(point.x, point.y)
        if angle != 0 { rotate(-angle) }
        let (dx, dy) = t.offset(for: anchor)
        for item in t.items {
            switch item {
            case let .text(s, f, q): drawText(s, font: f, color: color, at: Point(q.x + dx, q.y + dy))
            case let .rule(r): fill(Path(rect: Rect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height)), color)
            case let .stroke(pts, w): stroke(Path(polyline: pts.map { Point($0.x + dx, $0.y + dy) }), StrokeStyle(color: color, width: w, cap: .round))
            }
        }
        restore()
    }

    /// The device-space box of a label drawn with `draw(_:at:anchor:angle:color:)` (axis-aligned bound).
    func box(of t: TextLayout, at point: Point, anchor: TextAnchor, angle: Double = 0) -> Rect {
        let (dx, dy) = t.offset(for: anchor)
        let local = [Point(dx, dy - t.ascent), Point(dx + t.width, dy - t.ascent), Point(dx, dy + t.descent), Point(dx + t.width, dy + t.descent)]
        let c = Math.cos(-angle), s = Math.sin(-angle)
        let pts = local.map { Point(point.x + $0.x * c - $0.y * s, point.y + $0.x * s + $0.y * c) }
        let b = Bounds(points: pts) ?? Bounds(x: Interval(point.x, point.x), y: Interval(point.y, point.y))
        return Rect(x: b.x.lower, y: b.y.lower, width: b.x.span, height: b.y.span)
    }
}
