import Viz

/// A stable name → series-style assignment, so that an optimizer or activation has the same colour, dash
/// and marker in every figure: its position in the catalogue (`dlplot list …` order) modulo the number of
/// styles. When two names of one figure land on the same style (a catalogue longer than the palette, or
/// the same name twice with other settings), the later one takes the next style no earlier series uses.
public enum SeriesStyles {
    /// One style index per name, all different while there are no more names than styles.
    /// With `inOrder` (a palette the user gave), the series take the styles in figure order instead.
    public static func indices(for names: [String], catalogue: [String], styles: Int = Palette.styleCount, inOrder: Bool = false) -> [Int] {
        if inOrder { return Array(names.indices) }
        var used = Set<Int>()
        var out: [Int] = []
        for (k, name) in names.enumerated() {
            let preferred = (catalogue.firstIndex(of: name) ?? k) % styles
            var s = preferred
            if used.count < styles {
                while used.contains(s) { s = (s + 1) % styles }
            }
            used.insert(s)
            out.append(s)
        }
        return out
    }
}
