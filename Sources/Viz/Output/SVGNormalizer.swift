/// Makes Cairo's SVG independent of what else the process drew before: Cairo numbers surfaces, glyphs
/// and clip paths from process-wide counters, so the same figure could get different ids. Ids are
/// renumbered in order of first appearance.
///
/// Coordinates in path data (`d`) and glyph positions (`x`, `y`) are rounded to 0.01 pt, a fiftieth of a
/// pixel at 144 dpi: Cairo writes six decimals, which triples the size of a large figure and shows nothing.
/// Styles are then shortened (`SVGCompactor`).
enum SVGNormalizer {
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        SVGCompactor.compact(renumbered(bytes))
    }

    /// Ids renumbered in order of first appearance and coordinates rounded (see the type's description).
    static func renumbered(_ bytes: [UInt8]) -> [UInt8] {
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
            // A coordinate attribute: ` d="`, ` x="` or ` y="`.
            if c == UInt8(ascii: "\""), i >= 3, bytes[i - 1] == UInt8(ascii: "="), bytes[i - 3] == UInt8(ascii: " "),
               [UInt8(ascii: "d"), UInt8(ascii: "x"), UInt8(ascii: "y")].contains(bytes[i - 2]) {
                out.append(c)
                i = roundNumbers(bytes, from: i + 1, into: &out)
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// Copies an attribute value from `start` up to and including its closing quote, every decimal number
    /// rounded to two decimals (half away from zero, trailing zeros dropped); returns the index after it.
    static func roundNumbers(_ bytes: [UInt8], from start: Int, into out: inout [UInt8]) -> Int {
        let n = bytes.count
        var i = start
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        while i < n, bytes[i] != UInt8(ascii: "\"") {
            let b = bytes[i]
            let signed = b == UInt8(ascii: "-") && i + 1 < n && isDigit(bytes[i + 1])
            guard isDigit(b) || signed else { out.append(b); i += 1; continue }
            let digitsStart = signed ? i + 1 : i
            var j = digitsStart
            while j < n, isDigit(bytes[j]) { j += 1 }
            let intEnd = j
            if j + 1 < n, bytes[j] == UInt8(ascii: "."), isDigit(bytes[j + 1]) {
                j += 1
                while j < n, isDigit(bytes[j]) { j += 1 }
            }
            // Two decimals or fewer (or an implausibly long integer part): copied unchanged.
            guard j - intEnd > 3, intEnd - digitsStart <= 15 else { out.append(contentsOf: bytes[i..<j]); i = j; continue }
            var hundredths = 0
            for k in digitsStart..<intEnd { hundredths = hundredths * 10 + Int(bytes[k] - 48) }
            hundredths = hundredths * 100 + Int(bytes[intEnd + 1] - 48) * 10 + Int(bytes[intEnd + 2] - 48)
            if bytes[intEnd + 3] >= 53 { hundredths += 1 }
            let negative = signed && hundredths != 0
            if negative { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: String(hundredths / 100).utf8)
            hundredths %= 100
            if hundredths != 0 {
                out.append(UInt8(ascii: "."))
                out.append(UInt8(48 + hundredths / 10))
                if hundredths % 10 != 0 { out.append(UInt8(48 + hundredths % 10)) }
            }
            i = j
        }
        if i < n { out.append(bytes[i]); i += 1 }
        return i
    }
}
