/// The room of a text that only some frames of an animation draw (a "step k" badge), kept clear in every
/// frame and in the still figure alike: it draws nothing, and reports the text's box as occupied, so the
/// labels placed around other marks (contour labels, point labels), notes and an inside legend keep off it.
/// Without it, contour labels placed once for the still part of the frames lay under the badge.
public struct KeepClearMark: Mark {
    /// The mark whose text box is kept clear (not drawn).
    public var mark: any Mark

    /// Keeps the text box of `mark` clear.
    public init(for mark: any Mark) { self.mark = mark }

    /// `Mark`: the kept mark's z order.
    public var zOrder: Double { mark.zOrder }
    /// `Mark`: none; the room takes no part in the limits.
    public func dataBounds() -> Bounds? { nil }
    /// `Mark`: the kept mark's text boxes, as if it were drawn.
    public func occupiedRects(in context: PlotContext) -> [Rect] { mark.occupiedRects(in: context) }
    /// `Mark`: draws nothing.
    public func draw(in context: PlotContext) {}
}
