/// Makes Cairo's SVG independent of what else the process drew before: Cairo numbers surfaces, glyphs
/// and clip paths from process-wide counters, so the same figure could get different ids. Ids are
/// renumbered in order of first appearance.
enum SVGNormalizer {
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var map: [[UInt8]: Int] = [:]
        var i = 0
        let n = bytes.count
        // Known id stems Cairo uses: surface, glyph, clip, image, pattern, mask, source.
        let stems: [[UInt8]] = ["surface", "glyph", "clip", "image", "pattern", "mask", "source", "linear", "radial", "filter"].map { Array($0.utf8) }
        while i < n {
            let c = bytes[i]
            // An id reference is preceded by `id="`, `#` or `url(#`.
            let prevIsMarker = i > 0 && (bytes[i - 1] == UInt8(ascii: "#") || (i >= 4 && bytes[i - 1] == UInt8(ascii: "\"")
                && bytes[i - 2] == UInt8(ascii: "=") && bytes[i - 3] == UInt8(ascii: "d") && bytes[i - 4] == UInt8(ascii: "i")))
            if prevIsMarker, let stem = stems.first(where: { s in i + s.count < n && bytes[i..<(i + s.count)].elementsEqual(s) }) {
                var j = i + stem.count
                let start = j
                while j < n, (bytes[j] >= 48 && bytes[j] <= 57) || bytes[j] == UInt8(ascii: "-") { j += 1 }
                if j > start {
                    let key = Array(bytes[i..<j])
                    let id: Int
                    if let k = map[key] { id = k } else { id = map.count + 1; map[key] = id }
                    out.append(UInt8(ascii: "i")); out.append(UInt8(ascii: "d"))
                    out.append(contentsOf: String(id).utf8)
                    i = j
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }
}
