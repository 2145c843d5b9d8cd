extension TextLayout {
    /// `text` laid out in `font`, shrunk when wider than `maxWidth` (but not below 60% of its size for
    /// that), and shrunk further whatever it takes when wider than `hardLimit`, so long titles and labels
    /// stay on the page instead of being cut at its edge.
    static func fitted(_ text: String, _ font: Font, maxWidth: Double, hardLimit: Double? = nil, canvas: any DrawingBackend) -> TextLayout {
        let t = TextLayout.make(text, font: font, canvas: canvas)
        let hard = hardLimit ?? maxWidth
        guard t.width > maxWidth, t.width > 0 else { return t }
        let factor = min(max(maxWidth / t.width, 0.6), max(hard, 1) / t.width) * 0.98
        return TextLayout.make(text, font: font.scaled(factor), canvas: canvas)
    }
}
