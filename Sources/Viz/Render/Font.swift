// Render: fonts and their lookup, and the drawing of a laid-out panel.

/// A font request: family, size in points, weight and slant.
public struct Font: Sendable, Hashable {
    /// A fontconfig family name, e.g. "DejaVu Sans".
    public var family: String
    /// Size in points (the em height).
    public var size: Double
    /// Bold weight.
    public var bold: Bool
    /// Italic slant.
    public var italic: Bool
    /// A font of `family` at `size` points.
    public init(family: String = "DejaVu Sans", size: Double, bold: Bool = false, italic: Bool = false) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic
    }
    /// The same font at `factor` times the size.
    public func scaled(_ factor: Double) -> Font { var f = self; f.size *= factor; return f }
    /// The same font with its weight or slant changed where given.
    public func with(bold: Bool? = nil, italic: Bool? = nil) -> Font {
        var f = self
        if let bold { f.bold = bold }
        if let italic { f.italic = italic }
        return f
    }
}

/// The measured extent of a piece of text: advance width, ascent above and descent below the baseline.
public struct TextMetrics: Sendable, Hashable {
    /// Advance width in points.
    public var width: Double
    /// Height above the baseline in points.
    public var ascent: Double
    /// Depth below the baseline in points (positive).
    public var descent: Double
    /// Metrics of the given extents.
    public init(width: Double, ascent: Double, descent: Double) { self.width = width; self.ascent = ascent; self.descent = descent }
    /// `ascent + descent`.
    public var height: Double { ascent + descent }
}
