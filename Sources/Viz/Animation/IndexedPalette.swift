/// A palette of at most 255 colours for a GIF, with index 255 left free for transparency.
///
/// Built from sample frames (premultiplied ARGB32 words, opaque): every colour that covers a noticeable
/// area (flat fills, the theme's colours, series colours, the bands of a colormap) is kept exactly; the
/// remaining entries come from a median cut (Heckbert 1982) of the remaining colours, weighted by how
/// many pixels have them — the in-between shades of anti-aliased edges and text. Pixels map to the nearest
/// entry (squared distance, green weighted most), without dithering, so flat areas stay flat and
/// identical pixels give identical indices in every frame.
public struct IndexedPalette: Sendable {
    /// The colours as 0xRRGGBB.
    public let colors: [UInt32]
    /// Index reserved for "unchanged since the previous frame".
    public static let transparentIndex: UInt8 = 255
    /// The entry of every colour of the sample frames (the palette's own colours and their nearest entries
    /// for the others), so that mapping a frame rarely searches.
    private let exact: [UInt32: UInt8]

    /// A palette for `frames` (each `count` ARGB32 words).
    public init(samples frames: [[UInt32]]) {
        var counts: [UInt32: Int] = [:]
        var total = 0
        for f in frames {
            total += f.count
            for w in f { counts[w & 0xFF_FFFF, default: 0] += 1 }
        }
        let byCount = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let threshold = max(16, total / 5000)
        var kept = byCount.prefix { $0.value >= threshold }.prefix(192).map(\.key)
        if kept.isEmpty, let first = byCount.first { kept = [first.key] }
        let keptSet = Set(kept)
        let rest = byCount.filter { !keptSet.contains($0.key) }
        let free = 255 - kept.count
        kept += IndexedPalette.medianCut(rest.map { ($0.key, $0.value) }, boxes: free)
        colors = kept
        var e: [UInt32: UInt8] = [:]
        for (i, c) in kept.enumerated() where e[c] == nil { e[c] = UInt8(i) }
        for c in counts.keys where e[c] == nil { e[c] = IndexedPalette.nearest(c, in: kept) }
        exact = e
    }

    /// The index of the entry nearest to `argb` (alpha ignored: frames are opaque).
    public func index(of argb: UInt32) -> UInt8 {
        let c = argb & 0xFF_FFFF
        if let i = exact[c] { return i }
        return IndexedPalette.nearest(c, in: colors)
    }

    /// The index of the colour of `colors` nearest to `c` (0xRRGGBB; squared distance, green weighted most,
    /// the first of equally near ones).
    static func nearest(_ c: UInt32, in colors: [UInt32]) -> UInt8 {
        let r = Int(c >> 16), g = Int((c >> 8) & 0xFF), b = Int(c & 0xFF)
        var best = 0, bestD = Int.max
        colors.withUnsafeBufferPointer { p in
            for i in 0..<p.count {
                let q = p[i]
                let dr = r - Int(q >> 16), dg = g - Int((q >> 8) & 0xFF), db = b - Int(q & 0xFF)
                let d = 3 * dr * dr + 4 * dg * dg + 2 * db * db
                if d < bestD { bestD = d; best = i }
            }
        }
        return UInt8(best)
    }

    /// Maps a frame to indices; pixels equal to `reference` (an earlier frame) take `referenceIndices`.
    public func indices(of frame: [UInt32], reference: [UInt32]? = nil, referenceIndices: [UInt8]? = nil) -> [UInt8] {
        frame.withUnsafeBufferPointer { indices(of: $0, reference: reference, referenceIndices: referenceIndices) }
    }

    /// Maps a frame (ARGB32 words, read in place: a canvas's own memory) to indices; pixels equal to
    /// `reference` (an earlier frame of as many pixels) take `referenceIndices`. With a reference the
    /// indices start as a copy of its indices, and only the words that differ (found eight at a time) are
    /// looked up.
    public func indices(of frame: UnsafeBufferPointer<UInt32>, reference: [UInt32]? = nil, referenceIndices: [UInt8]? = nil) -> [UInt8] {
        let n = frame.count
        let cache = ColorCache(self)
        guard let ref = reference, let refIndices = referenceIndices, ref.count == n, refIndices.count == n, let f = frame.baseAddress else {
            return [UInt8](unsafeUninitializedCapacity: n) { o, count in
                for k in 0..<n { o[k] = cache.lookup(frame[k]) }
                count = n
            }
        }
        var out = refIndices
        out.withUnsafeMutableBufferPointer { o in
            ref.withUnsafeBufferPointer { r in
                guard let rb = r.baseAddress else { return }
                let fw = UnsafeRawPointer(f), rw = UnsafeRawPointer(rb)
                var k = 0
                while k + 8 <= n {
                    let a = fw.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<UInt32>.self)
                    let b = rw.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<UInt32>.self)
                    if any(a .!= b) {
                        for j in k..<(k + 8) where f[j] != rb[j] { o[j] = cache.lookup(f[j]) }
                    }
                    k += 8
                }
                for j in k..<n where f[j] != rb[j] { o[j] = cache.lookup(f[j]) }
            }
        }
        return out
    }

    /// A direct-mapped cache of recent colours (4096 slots; 0 is never an opaque pixel) in front of the
    /// palette, and the last colour looked up: runs of one colour (most of a frame) skip even the cache.
    private final class ColorCache {
        let palette: IndexedPalette
        let keys = UnsafeMutablePointer<UInt32>.allocate(capacity: 4096), values = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
        var lastWord: UInt32 = 0, lastIndex: UInt8

        init(_ palette: IndexedPalette) {
            self.palette = palette
            lastIndex = palette.index(of: 0)
            keys.initialize(repeating: 0, count: 4096)
            values.initialize(repeating: 0, count: 4096)
        }

        deinit { keys.deallocate(); values.deallocate() }

        @inline(__always) func lookup(_ w: UInt32) -> UInt8 {
            if w == lastWord { return lastIndex }
            let slot = Int((w &* 2_654_435_761) >> 20)
            let i: UInt8
            if keys[slot] == w { i = values[slot] } else { i = palette.index(of: w); keys[slot] = w; values[slot] = i }
            lastWord = w; lastIndex = i
            return i
        }
    }

    /// The 768 bytes of a GIF colour table (unused entries black).
    public var rgbTable: [UInt8] {
        var t = [UInt8](repeating: 0, count: 768)
        for (i, c) in colors.enumerated() where i < 256 {
            t[3 * i] = UInt8(c >> 16); t[3 * i + 1] = UInt8((c >> 8) & 0xFF); t[3 * i + 2] = UInt8(c & 0xFF)
        }
        return t
    }

    /// At most `boxes` weighted-mean colours for `colors` (0xRRGGBB with pixel counts).
    static func medianCut(_ colors: [(UInt32, Int)], boxes: Int) -> [UInt32] {
        guard boxes > 0, !colors.isEmpty else { return [] }
        var queue: [[(UInt32, Int)]] = [colors]
        func channel(_ c: UInt32, _ ch: Int) -> Int { Int((c >> UInt32(16 - 8 * ch)) & 0xFF) }
        func spread(_ box: [(UInt32, Int)]) -> (Int, Int) {
            var best = (0, -1)
            for ch in 0..<3 {
                let v = box.map { channel($0.0, ch) }
                let s = (v.max() ?? 0) - (v.min() ?? 0)
                if s > best.1 { best = (ch, s) }
            }
            return best
        }
        while queue.count < boxes {
            // Split the box with the most pixels times its widest channel range.
            var pick = -1, score = 0
            for (i, b) in queue.enumerated() where b.count > 1 {
                let w = b.reduce(0) { $0 + $1.1 } * spread(b).1
                if w > score { score = w; pick = i }
            }
            guard pick >= 0 else { break }
            let box = queue[pick]
            let ch = spread(box).0
            let sorted = box.sorted { channel($0.0, ch) != channel($1.0, ch) ? channel($0.0, ch) < channel($1.0, ch) : $0.0 < $1.0 }
            let half = sorted.reduce(0) { $0 + $1.1 } / 2
            var acc = 0, cut = 1
            for (i, c) in sorted.enumerated() { acc += c.1; if acc >= half { cut = max(1, min(sorted.count - 1, i + 1)); break } }
            queue[pick] = Array(sorted[..<cut])
            queue.append(Array(sorted[cut...]))
        }
        return queue.map { box in
            let n = max(1, box.reduce(0) { $0 + $1.1 })
            var s = [0, 0, 0]
            for (c, w) in box { for ch in 0..<3 { s[ch] += channel(c, ch) * w } }
            return UInt32((s[0] + n / 2) / n) << 16 | UInt32((s[1] + n / 2) / n) << 8 | UInt32((s[2] + n / 2) / n)
        }
    }
}
