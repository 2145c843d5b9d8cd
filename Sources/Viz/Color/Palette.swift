/// Categorical colours that stay distinct for colour-blind readers (Okabe & Ito; order as Makie's
/// `wong_colors`, yellow last because it is weak on white).
public enum Palette {
    /// blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow.
    public static let okabeIto: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xE69F00), Color(hex: 0x009E73), Color(hex: 0xCC79A7),
        Color(hex: 0x56B4E9), Color(hex: 0xD55E00), Color(hex: 0xF0E442),
    ]

    /// Dash patterns (in line widths) cycled with the colours so series differ in greyscale too.
    public static let dashes: [[Double]] = [[], [6, 3], [1.5, 2.5], [8, 3, 1.5, 3], [4, 2], [10, 3, 2, 3, 2, 3], [2, 2]]

    /// Marker shapes cycled with the colours.
    public static let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond, .cross, .plus, .circle]
}
