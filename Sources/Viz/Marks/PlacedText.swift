/// A label a mark has placed in device space: computed once, then both drawn and reported to the
/// legend placement (`Mark.occupiedRects`), so the two never disagree.
struct PlacedText {
    var text: String
    var at: Point
    var anchor: TextAnchor
    var font: Font
    var color: Color
    var angle: Double = 0

    func box(_ ctx: PlotContext) -> Rect { ctx.textBox(text, at: at, anchor: anchor, font: font, angle: angle) }
    func draw(_ ctx: PlotContext) { ctx.text(text, at: at, anchor: anchor, font: font, color: color, angle: angle) }
}
