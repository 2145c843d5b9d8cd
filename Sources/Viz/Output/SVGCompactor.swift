/// Shortens Cairo's SVG without changing what it draws. Every SVG written goes through it as the last
/// step of `SVGNormalizer.normalize`: still figures and the frames an animated SVG is merged from alike, so the
/// last frame of an animation draws the still figure's elements byte for byte.
///
/// Cairo writes every property of every element in full: `fill-rule:nonzero;fill:rgb(27.632157%,74.069532%,
/// 42.215795%);fill-opacity:1;stroke-width:0.6;stroke-linecap:butt;stroke-linejoin:round;stroke:rgb(…);
/// stroke-opacity:1;stroke-miterlimit:10;`. In each `style` attribute this pass
/// - drops the declarations that restate SVG's initial values (`fill-rule:nonzero`, `fill-opacity:1`,
///   `stroke-opacity:1`, `stroke-linecap:butt`): Cairo sets these properties on no element that holds
///   others, so nothing else could be inherited in their place;
/// - drops `stroke-miterlimit` where the joins are round or bevelled (the limit applies to miter joins only);
/// - writes `rgb(r%,g%,b%)` as `#rrggbb`, the 8 bits per channel an SVG renderer resolves it to;
/// - drops the spaces around declarations;
///
/// and it drops the move-to Cairo writes after a path's final `Z` (a lone move-to draws nothing).
/// Path data keeps Cairo's spelling (`M x y L x y …`, one space between words): the animated-SVG merge reads
/// polylines in that form. A 3-D surface (one fill and stroke per face) shrinks by about half.
enum SVGCompactor {
    static func compact(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let n = bytes.count
        var i = 0
        let style = Array(" style=\"".utf8), path = Array(" d=\"".utf8)
        while i < n {
            if bytes[i] == UInt8(ascii: " "), matches(bytes, i, style), let end = closingQuote(bytes, from: i + style.count) {
                out.append(contentsOf: style)
                out.append(contentsOf: compactStyle(Array(bytes[(i + style.count)..<end])))
                out.append(UInt8(ascii: "\""))
                i = end + 1
                continue
            }
            if bytes[i] == UInt8(ascii: " "), matches(bytes, i, path), let end = closingQuote(bytes, from: i + path.count) {
                out.append(contentsOf: path)
                out.append(contentsOf: trimTrailingMove(bytes[(i + path.count)..<end]))
                out.append(UInt8(ascii: "\""))
                i = end + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    private static func matches(_ bytes: [UInt8], _ i: Int, _ word: [UInt8]) -> Bool {
        i + word.count <= bytes.count && bytes[i..<(i + word.count)].elementsEqual(word)
    }

    private static func closingQuote(_ bytes: [UInt8], from start: Int) -> Int? {
        var j = start
        while j < bytes.count {
            if bytes[j] == UInt8(ascii: "\"") { return j }
            if bytes[j] == UInt8(ascii: "<") || bytes[j] == UInt8(ascii: ">") { return nil }
            j += 1
        }
        return nil
    }

    /// One style attribute's declarations, shortened (see the type's description).
    static func compactStyle(_ text: [UInt8]) -> [UInt8] {
        // Declarations without the spaces Cairo leaves around some (` stroke:none;` before a fill).
        let declarations = text.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: true).map { d in
            Array(d.drop { $0 == UInt8(ascii: " ") }.reversed().drop { $0 == UInt8(ascii: " ") }.reversed())
        }.filter { !$0.isEmpty }
        let initial: Set<[UInt8]> = Set(["fill-rule:nonzero", "fill-opacity:1", "stroke-opacity:1", "stroke-linecap:butt"].map { Array($0.utf8) })
        let roundJoins = declarations.contains { $0 == Array("stroke-linejoin:round".utf8) || $0 == Array("stroke-linejoin:bevel".utf8) }
        let miter = Array("stroke-miterlimit:".utf8)
        var out: [UInt8] = []
        for d in declarations {
            if initial.contains(d) { continue }
            if roundJoins, d.starts(with: miter) { continue }
            out.append(contentsOf: hexColors(d))
            out.append(UInt8(ascii: ";"))
        }
        return out
    }

    /// `rgb(a%,b%,c%)` inside a declaration as `#rrggbb`; anything else unchanged.
    static func hexColors(_ d: [UInt8]) -> [UInt8] {
        let open = Array("rgb(".utf8)
        guard let start = d.firstRange(of: open), let close = d[start.upperBound...].firstIndex(of: UInt8(ascii: ")")) else { return d }
        let parts = d[start.upperBound..<close].split(separator: UInt8(ascii: ","))
        guard parts.count == 3 else { return d }
        var channels: [Int] = []
        for part in parts {
            guard part.last == UInt8(ascii: "%"), let v = Double(String(decoding: part.dropLast(), as: UTF8.self)),
                  v.isFinite, v >= 0, v <= 100 else { return d }
            channels.append(Int((v / 100 * 255).rounded()))
        }
        let digits = Array("0123456789abcdef".utf8)
        var out = Array(d[..<start.lowerBound])
        out.append(UInt8(ascii: "#"))
        for c in channels { out.append(digits[c >> 4]); out.append(digits[c & 15]) }
        out.append(contentsOf: d[(close + 1)...])
        return out
    }

    /// Path data without the trailing ` M x y` Cairo writes after a final `Z`.
    static func trimTrailingMove(_ d: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let z = d.lastIndex(of: UInt8(ascii: "Z")) else { return d }
        let rest = d[(z + 1)...]
        let allowed = Set(" M.-0123456789e".utf8)
        guard rest.contains(UInt8(ascii: "M")), rest.allSatisfy({ allowed.contains($0) }),
              rest.filter({ $0 == UInt8(ascii: "M") }).count == 1 else { return d }
        return d[...z]
    }
}
