/// Categorical series styles: twelve colours, twelve dash patterns and twelve marker shapes, cycled
/// together so that series differ in colour, in greyscale and for colour-blind readers.
///
/// The colours start from Okabe & Ito's first four (Makie's `wong_colors` order) and were extended by a
/// greedy search over an sRGB grid for the colour farthest (CIEDE2000) from those already chosen, in
/// normal vision and under Machado et al. (2009) protanopia and deuteranopia simulations (the simulated
/// distances weighted 1/1.5–1/2), keeping every colour at least 3:1 against its background (WCAG 2.1
/// SC 1.4.11, graphical objects), L* ≥ 30 and chroma ≥ 30 (no near-black or grey series). Every pair is
/// ≥ 18 CIEDE2000 apart in normal vision — no two blues or two magentas of one hue — and ≥ 13 CIE76
/// apart in the simulations; where two colours are close for a colour-blind reader, dash and marker differ.
public enum Palette {
    /// Light backgrounds: blue, orange, bluish green, reddish purple, olive, brick red, dark green,
    /// violet, lavender, coral, raspberry, plum. Styles 1, 2, 7 and 5 (gd, momentum, adam, rmsprop, the
    /// default surface figure's runs) are ≥ 30 apart.
    public static let light: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xCC8400), Color(hex: 0x009E73), Color(hex: 0xB05A96),
        Color(hex: 0x78783C), Color(hex: 0x901800), Color(hex: 0x00543C), Color(hex: 0x4800D8),
        Color(hex: 0x9078FC), Color(hex: 0xFC486C), Color(hex: 0xA80048), Color(hex: 0x603C6C),
    ]

    /// Dark backgrounds: Okabe–Ito's sky blue, orange, bluish green and reddish purple, then eight light
    /// colours found by the same search (L* ≤ 88, so no series looks like the white text).
    public static let dark: [Color] = [
        Color(hex: 0x56B4E9), Color(hex: 0xE69F00), Color(hex: 0x009E73), Color(hex: 0xCC79A7),
        Color(hex: 0x3CF0E4), Color(hex: 0xCC3000), Color(hex: 0xCCE4A8), Color(hex: 0x9C18FC),
        Color(hex: 0xFC3C60), Color(hex: 0xCC0090), Color(hex: 0xE4E400), Color(hex: 0x7884FC),
    ]

    /// Print: black first, then the light colours ordered so that the first four differ in grey level
    /// (L* 0, 61, 31, 46), also when an animation draws them faint (mixed 20 % towards white: black's L* 21,
    /// so a third colour darker than the dark green would come within 70 % of black's grey).
    public static let print: [Color] = [
        Color(hex: 0x000000), Color(hex: 0xCC8400), Color(hex: 0x00543C), Color(hex: 0x0072B2),
        Color(hex: 0x009E73), Color(hex: 0x901800), Color(hex: 0x78783C), Color(hex: 0x4800D8),
        Color(hex: 0x9078FC), Color(hex: 0xFC486C), Color(hex: 0xA80048), Color(hex: 0x603C6C),
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
