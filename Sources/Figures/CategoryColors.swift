import Viz

/// Flat colours for categorical maps (basins, stable/diverged), drawn as a heatmap through a
/// banded colormap: category c of k is the value (c + 0.5)/k.
public enum CategoryColors {
    /// Basin colours: the Okabe–Ito hues lightened so markers and lines stay visible on them; beyond the eight
    /// hues each further round is lighter or darker (neighbouring basins of a periodic surface had one colour).
    public static func basins(_ count: Int, theme: Theme) -> [Color] {
        let n = Palette.okabeIto.count
        let rounds: [(Color, Double)] = [(Color.white, 0.35), (Color.black, 0.3), (Color.white, 0.7), (Color.black, 0.55)]
        return (0..<count).map { i in
            let (toward, amount) = rounds[(i / n) % rounds.count]
            return Palette.okabeIto[i % n].mixed(with: toward, amount)
        }
    }

    /// The colour of diverged starts or cells (a dark red that stays dark in greyscale).
    public static let diverged = Color(hex: 0x4A1020)
    /// The colour of starts that ended away from every minimum.
    public static let notConverged = Color(hex: 0xB8B8B8)

    /// A 256-entry colormap whose k equal bands are `colors`.
    public static func colormap(_ colors: [Color]) throws -> Colormap {
        let table: [UInt32] = (0..<256).map { i in
            let c = colors[min(colors.count - 1, i * colors.count / 256)]
            func byte(_ v: Double) -> UInt32 { UInt32(max(0, min(255, (v * 255).rounded()))) }
            return byte(c.r) << 16 | byte(c.g) << 8 | byte(c.b)
        }
        return try Colormap(name: "categories", table: table)
    }

    /// The heatmap value of category `index` of `count`.
    public static func value(_ index: Int, of count: Int) -> Double { (Double(index) + 0.5) / Double(count) }
}
