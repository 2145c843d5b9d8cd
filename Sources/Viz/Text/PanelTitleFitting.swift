/// Fitting a panel title into the room over its plot without making it unreadable: one line, shrunk a
/// little (to `panelTitleOneLine` of its size at most); else two lines (split at the space outside `$…$`
/// nearest the middle), as large as they fit up to full size; else one line, shrunk to the floor. Nothing
/// is set below `panelTitleFloor` of the title font (the tick labels' size, so a panel title never reads
/// smaller than its own tick labels, and never under the page's smallest text, 8 pixels). A title that
/// does not fit even so says it: the page is too small for it (grown or refused like any other text).
/// The panel titles of one figure are then set at one size, the smallest any of them needed
/// (`fixedScale`): one title shrunk to a quarter of its neighbours' size read as a misprint.
extension TextLayout {
    /// The smallest size of a panel title, as a fraction of the title font: the tick labels' size (0.9/1.12).
    public static let panelTitleFloor = 0.9 / 1.12
    /// One line shrinks to this fraction of the title font at most; below it the title goes on two lines.
    static let panelTitleOneLine = 0.88

    /// A fitted panel title: its layout, the fraction of the title font it is set at, and whether it fits
    /// the room at that size (false: the page is too small for it).
    struct PanelTitleFit {
        var layout: TextLayout
        var scale: Double
        var fits: Bool
    }

    /// `text` in `font` fitted to `room` as above; with `fixedScale`, set at exactly that fraction of the
    /// font (one line when it fits, else two).
    static func panelTitle(_ text: String, font: Font, room: Double, fixedScale: Double? = nil,
                           canvas: any DrawingBackend) -> PanelTitleFit {
        let room = max(room, 1)
        func one(_ s: Double) -> TextLayout { make(text, font: font.scaled(s), canvas: canvas) }
        func two(_ s: Double) -> TextLayout? {
            guard let (a, b) = split(text) else { return nil }
            let f = font.scaled(s)
            return stacked(make(a, font: f, canvas: canvas), make(b, font: f, canvas: canvas), font: f)
        }
        if let s = fixedScale {
            let single = one(s)
            if single.width <= room { return PanelTitleFit(layout: single, scale: s, fits: true) }
            if let double = two(s), double.width <= room { return PanelTitleFit(layout: double, scale: s, fits: true) }
            return PanelTitleFit(layout: single, scale: s, fits: false)
        }
        let full = one(1)
        guard full.width > room, full.width > 0 else { return PanelTitleFit(layout: full, scale: 1, fits: true) }
        // Text width is proportional to the font size, up to hinting: a hair of slack.
        let shrink = room / full.width * 0.98
        if shrink >= panelTitleOneLine { return PanelTitleFit(layout: one(shrink), scale: shrink, fits: true) }
        if let double = two(1), double.width > 0 {
            let factor = min(1, room / double.width * 0.98)
            if factor >= panelTitleFloor, factor > shrink {
                return PanelTitleFit(layout: factor < 1 ? two(factor) ?? double : double, scale: factor, fits: true)
            }
        }
        if shrink >= panelTitleFloor { return PanelTitleFit(layout: one(shrink), scale: shrink, fits: true) }
        let floor = two(panelTitleFloor) ?? one(panelTitleFloor)
        return PanelTitleFit(layout: floor, scale: panelTitleFloor, fits: false)
    }
}
