/// A font request: family, size in points, weight and slant.
public struct Font: Sendable, Hashable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public init(family: String = "DejaVu Sans", size: Double, bold: Bool = false, italic: Bool = false) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic
    }
    /// The same font at `factor` times the size.
    public func scaled(_ factor: Double) -> Font { var f = self; f.size *= factor; return f }
    public func with(bold: Bool? = nil, italic: Bool? = nil) -> Font {
        var f = self
        if let bold { f.bold = bold }
        if let italic { f.italic = italic }
        return f
    }
}

/// The measured extent of a piece of text: advance width, ascent above and descent below the baseline.
public struct TextMetrics: Sendable, Hashable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) { self.width = width; self.ascent = ascent; self.descent = descent }
    public var height: Double { ascent + descent }
}
