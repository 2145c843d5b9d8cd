// Color: colours, colormaps, palettes and the normalisation of values to colours.

/// An sRGB colour with straight (not premultiplied) alpha, components in [0, 1].
public struct Color: Sendable, Hashable {
    /// Red, 0 to 1 (sRGB-encoded).
    public var r: Double
    /// Green, 0 to 1 (sRGB-encoded).
    public var g: Double
    /// Blue, 0 to 1 (sRGB-encoded).
    public var b: Double
    /// Opacity, 0 (transparent) to 1 (opaque).
    public var a: Double
    /// A colour of sRGB components in [0, 1], opaque unless `a` is given.
    public init(r: Double, g: Double, b: Double, a: Double = 1) { self.r = r; self.g = g; self.b = b; self.a = a }

    /// A colour from a 24-bit `0xRRGGBB` value.
    public init(hex: UInt32, alpha: Double = 1) {
        r = Double((hex >> 16) & 0xFF) / 255
        g = Double((hex >> 8) & 0xFF) / 255
        b = Double(hex & 0xFF) / 255
        a = alpha
    }

    /// The same colour with another alpha.
    public func withAlpha(_ alpha: Double) -> Color { Color(r: r, g: g, b: b, a: alpha) }

    /// Mixed towards `other` by `t` (0 = self, 1 = other).
    public func mixed(with other: Color, _ t: Double) -> Color {
        Color(r: r + (other.r - r) * t, g: g + (other.g - g) * t, b: b + (other.b - b) * t, a: a + (other.a - a) * t)
    }

    /// Relative luminance (WCAG), used to pick readable text colours and to check greyscale contrast.
    public var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow_(((c + 0.055) / 1.055), 2.4) }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// `#rrggbb` (or `#rrggbbaa` when not opaque).
    public var hexString: String {
        func h(_ v: Double) -> String {
            let n = Int((min(max(v, 0), 1) * 255).rounded())
            let s = String(n, radix: 16)
            return n < 16 ? "0" + s : s
        }
        return "#" + h(r) + h(g) + h(b) + (a < 1 ? h(a) : "")
    }

    /// Opaque black.
    public static let black = Color(hex: 0x000000)
    /// Opaque white.
    public static let white = Color(hex: 0xFFFFFF)
    /// Fully transparent.
    public static let clear = Color(r: 0, g: 0, b: 0, a: 0)

    /// Named colours accepted by `Color(parsing:)`.
    public static let named: [(String, Color)] = [
        ("black", .black), ("white", .white), ("grey", Color(hex: 0x808080)), ("gray", Color(hex: 0x808080)),
        ("blue", Palette.okabeIto[0]), ("orange", Palette.okabeIto[1]), ("green", Palette.okabeIto[2]),
        ("purple", Palette.okabeIto[3]), ("skyblue", Palette.okabeIto[4]), ("vermillion", Palette.okabeIto[5]),
        ("red", Palette.okabeIto[5]), ("yellow", Palette.okabeIto[6]),
    ]

    /// Parses `#rgb`, `#rrggbb`, `#rrggbbaa` or a name from `Color.named`.
    /// - Throws: `VizError.invalidValue` when `text` is neither a name in `Color.named` (any case) nor `#` with 3, 6 or 8
    ///   hexadecimal digits.
    public init(parsing text: String) throws(VizError) {
        let s = text.lowercased()
        if let hit = Color.named.first(where: { $0.0 == s }) { self = hit.1; return }
        if s.hasPrefix("#") {
            let digits = Array(s.dropFirst())
            var values: [UInt32] = []
            for c in digits {
                guard let v = c.hexDigitValue else { values = []; break }
                values.append(UInt32(v))
            }
            switch values.count {
            case 3:
                self.init(hex: (values[0] * 17) << 16 | (values[1] * 17) << 8 | values[2] * 17); return
            case 6, 8:
                var n: UInt32 = 0
                for v in values.prefix(6) { n = n << 4 | v }
                var alpha = 1.0
                if values.count == 8 { alpha = Double(values[6] << 4 | values[7]) / 255 }
                self.init(hex: n, alpha: alpha); return
            default: break
            }
        }
        throw VizError.invalidValue(
            what: "colour", value: text,
            allowed: "#rgb, #rrggbb, #rrggbbaa or one of " + Color.named.map(\.0).joined(separator: ", "))
    }
}

@inline(__always) func pow_(_ x: Double, _ y: Double) -> Double { Math.pow(x, y) }
