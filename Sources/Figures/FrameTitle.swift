import Viz

/// A panel title in the frames of an animation (`Axes.animatedTitle`) that says the time the frame shows,
/// "Loss · step 2525", so a curves or runs animation gives its current step as the surface animation's badge
/// does; the last frame keeps the still figure's title.
enum FrameTitle {
    /// `title` followed by the frame's time `t`: "· step 2525" for whole steps or epochs (`word`, the time
    /// rounded down: the curves are drawn to the last step at or before it), "· 3.2 h" with a `unit` after
    /// the number (a time axis; three significant digits).
    static func at(_ title: String, word: String?, unit: String? = nil) -> @Sendable (Double) -> String {
        { t in
            guard t.isFinite else { return title }
            if let unit { return title + " · " + TickFormat.short(t, significant: 3) + " " + unit }
            return title + " · " + (word.map { $0 + " " } ?? "") + String(Int(max(0, t).rounded(.down)))
        }
    }
}
