/// Categorical series styles: twelve colours, twelve dash patterns and twelve marker shapes, cycled
/// together so that series differ in colour, in greyscale and for colour-blind readers.
///
/// The colours start from Okabe & Ito's set (Makie's `wong_colors` order) and were extended by a greedy
/// search for the colour farthest (CIELAB ΔE) from those already chosen, in normal vision and under
/// Machado et al. (2009) protanopia and deuteranopia simulations, keeping every colour at least 3:1
/// against its background (WCAG 2.1 SC 1.4.11, graphical objects). Okabe–Ito's yellow (1.3:1 on white)
/// and the light orange and sky blue (2.3:1) were darkened or dropped on light backgrounds.
public enum Palette {
    /// Light backgrounds: blue, orange, bluish green, reddish purple, sky blue, vermillion, indigo, wine,
    /// olive, magenta, azure, plum. Every pair is ≥ 13 ΔE apart in normal, protan and deutan vision.
    public static let light: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xCC8400), Color(hex: 0x009E73), Color(hex: 0xB05A96),
        Color(hex: 0x5A96C3), Color(hex: 0xA33C00), Color(hex: 0x1E3CB4), Color(hex: 0x871E2D),
        Color(hex: 0x78964B), Color(hex: 0x870078), Color(hex: 0x3C87FF), Color(hex: 0x960F5A),
    ]

    /// Dark backgrounds: Okabe–Ito (sky blue first) and five light colours found by the same search.
    public static let dark: [Color] = [
        Color(hex: 0x56B4E9), Color(hex: 0xE69F00), Color(hex: 0x009E73), Color(hex: 0xCC79A7),
        Color(hex: 0xF0E442), Color(hex: 0xD55E00), Color(hex: 0x5A69B4), Color(hex: 0x87F096),
        Color(hex: 0xD21E3C), Color(hex: 0x5AF0C3), Color(hex: 0x0069E1), Color(hex: 0x5AF0FF),
    ]

    /// Print: black first, then the light colours ordered so that the first four differ in grey level.
    public static let print: [Color] = [
        Color(hex: 0x000000), Color(hex: 0xCC8400), Color(hex: 0x1E3CB4), Color(hex: 0x0072B2),
        Color(hex: 0xA33C00), Color(hex: 0x009E73), Color(hex: 0x871E2D), Color(hex: 0x5A96C3),
        Color(hex: 0xB05A96), Color(hex: 0x78964B), Color(hex: 0x870078), Color(hex: 0x960F5A),
    ]

    /// The seven Okabe–Ito colours as published (Makie's order, yellow last).
    public static let okabeIto: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xE69F00), Color(hex: 0x009E73), Color(hex: 0xCC79A7),
        Color(hex: 0x56B4E9), Color(hex: 0xD55E00), Color(hex: 0xF0E442),
    ]

    /// Dash patterns in line widths (empty: solid), all different: solid, dashed, dotted, dash-dot,
    /// short dashes, dash-dot-dot, long dashes, long-short, sparse dots, dash-three-dots, long-two-short,
    /// dot-long.
    public static let dashes: [[Double]] = [
        [], [6, 3], [1.2, 2.4], [8, 3, 1.5, 3], [3, 2], [10, 3, 1.5, 3, 1.5, 3],
        [14, 4], [14, 3, 4, 3], [1.2, 5], [6, 2, 1.2, 2, 1.2, 2, 1.2, 2], [10, 2, 3, 2, 3, 2], [1.2, 3, 9, 3],
    ]

    /// Marker shapes, all different.
    public static let markers: [MarkerShape] = [
        .circle, .square, .triangle, .diamond, .cross, .plus, .triangleDown, .star, .pentagon, .hexagon,
        .triangleLeft, .triangleRight,
    ]

    /// The number of distinct series styles (colour × dash × marker).
    public static let styleCount = 12
}
