/// A 256-entry colour table and the rule that maps numbers in [0, 1] to its colours.
///
/// Lookup follows matplotlib's `Colormap.__call__`: `x = t·N`, `x == N → N−1`, then the entry `Int(x)`;
/// `t < 0` gives the `under` colour, `t > 1` the `over` colour (both default to the end entries), and NaN
/// gives the `bad` colour (transparent by default, so holes show the plot background).
public struct Colormap: Sendable, Hashable {
    /// The name as accepted by `named(_:)` (with `_r` when reversed).
    public let name: String
    /// The entries as 0xRRGGBB, low values first.
    public let table: [UInt32]
    /// The colour for NaN and ±∞.
    public var bad: Color = .clear
    /// The colour below 0 (nil: the first entry).
    public var under: Color?
    /// The colour above 1 (nil: the last entry).
    public var over: Color?

    /// A colormap from a table of 0xRRGGBB entries (at least two).
    /// - Throws: `VizError.invalidValue` when `table` has fewer than 2 entries.
    public init(name: String, table: [UInt32]) throws(VizError) {
        guard table.count >= 2 else {
            throw VizError.invalidValue(what: "colormap table", value: "\(table.count) entries", allowed: "at least 2")
        }
        self.name = name; self.table = table
    }
    private init(unchecked name: String, _ table: [UInt32]) { self.name = name; self.table = table }

    /// Perceptually uniform, colour-blind safe, light at the top (the default).
    public static let viridis = Colormap(unchecked: "viridis", ColormapData.viridis)
    /// Perceptually uniform, black through purple to light yellow (matplotlib's magma).
    public static let magma = Colormap(unchecked: "magma", ColormapData.magma)
    /// Perceptually uniform, black through red to yellow (matplotlib's inferno).
    public static let inferno = Colormap(unchecked: "inferno", ColormapData.inferno)
    /// Perceptually uniform, blue through magenta to yellow (matplotlib's plasma).
    public static let plasma = Colormap(unchecked: "plasma", ColormapData.plasma)
    /// Made for colour-vision deficiency (blue to yellow).
    public static let cividis = Colormap(unchecked: "cividis", ColormapData.cividis)
    /// ColorBrewer RdBu (red for low values, white in the middle, blue for high), as matplotlib.
    public static let rdbu = Colormap(unchecked: "rdbu", ColormapData.rdbu)
    /// Blue–white–red diverging map for signed data centred on zero (matplotlib's `RdBu_r`): negative blue,
    /// zero white, positive red. Use with `Normalization.centered`.
    public static let diverging = rdbu.reversed()

    /// The built-in maps (not reversed).
    public static let all: [Colormap] = [.viridis, .magma, .inferno, .plasma, .cividis, .rdbu]

    /// The map called `name` (case-insensitive); a `_r` suffix reverses it, and `diverging` is `rdbu_r`.
    /// - Throws: `VizError.invalidValue` when `name` (any case, with or without a `_r` suffix) names no map of `all` and is not
    ///   `diverging`.
    public static func named(_ name: String) throws(VizError) -> Colormap {
        var s = name.lowercased()
        if s == "diverging" { return .diverging }
        var reverse = false
        if s.hasSuffix("_r") { reverse = true; s.removeLast(2) }
        guard let m = all.first(where: { $0.name == s }) else {
            throw VizError.invalidValue(what: "colormap", value: name,
                                        allowed: all.map(\.name).joined(separator: ", ") + ", diverging (each also with _r)")
        }
        return reverse ? m.reversed() : m
    }

    /// The same map from top to bottom (`viridis` → `viridis_r`, and back).
    public func reversed() -> Colormap {
        let n = name.hasSuffix("_r") ? String(name.dropLast(2)) : name + "_r"
        var m = Colormap(unchecked: n, table.reversed())
        m.bad = bad; m.under = over; m.over = under
        return m
    }

    /// Number of entries.
    public var count: Int { table.count }

    /// Entry `i` as a colour.
    public func entry(_ i: Int) -> Color { Color(hex: table[min(max(i, 0), table.count - 1)]) }

    /// The colour for `t` (0 = first entry, 1 = last).
    public func color(at t: Double) -> Color {
        guard let i = index(t) else {
            if t.isNaN { return bad }
            return t < 0 ? (under ?? entry(0)) : (over ?? entry(count - 1))
        }
        return entry(i)
    }

    /// The table index for `t`, or nil when `t` is NaN or outside [0, 1].
    @inline(__always) public func index(_ t: Double) -> Int? {
        guard t >= 0, t <= 1 else { return nil }
        let n = table.count
        let x = t * Double(n)
        return x >= Double(n) ? n - 1 : Int(x)
    }

    /// `t` as straight-alpha RGBA bytes packed little-end first (r in the low byte), for image building.
    @inline(__always) func rgba(_ t: Double, lut: ColormapLUT) -> UInt32 {
        if let i = index(t) { return lut.entries[i] }
        return t.isNaN ? lut.bad : (t < 0 ? lut.under : lut.over)
    }

    /// A packed lookup table for building images quickly.
    func lut() -> ColormapLUT { ColormapLUT(self) }
}

/// A colormap's entries packed as RGBA bytes in memory order (r, g, b, a).
struct ColormapLUT {
    let entries: [UInt32]
    let bad: UInt32
    let under: UInt32
    let over: UInt32

    init(_ m: Colormap) {
        entries = m.table.map { ColormapLUT.pack(Color(hex: $0)) }
        bad = ColormapLUT.pack(m.bad)
        under = ColormapLUT.pack(m.under ?? m.entry(0))
        over = ColormapLUT.pack(m.over ?? m.entry(m.count - 1))
    }

    static func pack(_ c: Color) -> UInt32 {
        func b(_ v: Double) -> UInt32 { UInt32((min(max(v, 0), 1) * 255).rounded()) }
        return b(c.r) | b(c.g) << 8 | b(c.b) << 16 | b(c.a) << 24
    }
}
