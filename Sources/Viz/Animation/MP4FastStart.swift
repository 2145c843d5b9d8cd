/// Moves an MP4's index (the `moov` box) in front of its media data (`mdat`), as libavformat's
/// `movflags=+faststart` and qt-faststart do, so a browser or a streaming player can start playing before
/// the whole file has arrived. libavformat writes the index last, once it knows every sample's size and
/// place; moving it in front shifts the media data by the index's size, so every chunk offset of every
/// track (`stco`, 32-bit, or `co64`, 64-bit) grows by that much.
///
/// Box layout (ISO/IEC 14496-12 §4.2): a 32-bit big-endian size (1: a 64-bit size follows the type; 0: the
/// box runs to the end of the file), a four-letter type, then the contents. `stco`/`co64` hold a version and
/// flags (4 bytes), an entry count (4 bytes) and the offsets.
enum MP4FastStart {
    /// A box: its type, where it starts, where its contents start, and where it ends.
    struct Box {
        var type: String
        var start: Int
        var contents: Int
        var end: Int
    }

    /// The file with `moov` moved before the first `mdat` and the chunk offsets shifted, or the file
    /// unchanged when `moov` already comes first or the layout is not the plain one libavformat writes
    /// (`ftyp`, `free`, `mdat`, `moov`), or when a shifted offset would not fit its 32-bit table (a file of
    /// about 4 GB): such a file still plays, from its end.
    static func moveIndexToFront(_ file: [UInt8]) -> [UInt8] {
        guard let top = boxes(file, in: 0..<file.count),
              let media = top.firstIndex(where: { $0.type == "mdat" }),
              let index = top.firstIndex(where: { $0.type == "moov" }), index > media else { return file }
        var moov = Array(file[top[index].start..<top[index].end])
        let shift = moov.count
        guard shiftChunkOffsets(&moov, in: 0..<moov.count, by: shift) else { return file }
        var out: [UInt8] = []
        out.reserveCapacity(file.count)
        out += file[0..<top[media].start]
        out += moov
        for (i, box) in top.enumerated() where i >= media && i != index { out += file[box.start..<box.end] }
        return out
    }

    /// The boxes one after another in `range` of `bytes`, or nil when a size runs past the range.
    static func boxes(_ bytes: [UInt8], in range: Range<Int>) -> [Box]? {
        var out: [Box] = []
        var i = range.lowerBound
        while i + 8 <= range.upperBound {
            let size32 = Int(word(bytes, at: i, count: 4))
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            var contents = i + 8, end: Int
            switch size32 {
            case 0: end = range.upperBound
            case 1:
                guard i + 16 <= range.upperBound else { return nil }
                let size64 = word(bytes, at: i + 8, count: 8)
                guard size64 <= UInt64(range.upperBound - i) else { return nil }
                contents = i + 16
                end = i + Int(size64)
            default: end = i + size32
            }
            guard end >= contents, end <= range.upperBound else { return nil }
            out.append(Box(type: type, start: i, contents: contents, end: end))
            i = end
        }
        return i == range.upperBound ? out : nil
    }

    /// The boxes on the way from `moov` to the chunk offset tables (their contents are only other boxes).
    static let containers: Set<String> = ["moov", "trak", "mdia", "minf", "stbl"]

    /// Adds `shift` to every chunk offset in the boxes of `range` (descending into containers); false when
    /// an offset would overflow a 32-bit `stco` entry or a box is malformed.
    static func shiftChunkOffsets(_ bytes: inout [UInt8], in range: Range<Int>, by shift: Int) -> Bool {
        guard let list = boxes(bytes, in: range) else { return false }
        for box in list {
            switch box.type {
            case "stco", "co64":
                let width = box.type == "stco" ? 4 : 8
                guard box.contents + 8 <= box.end else { return false }
                let count = Int(word(bytes, at: box.contents + 4, count: 4))
                guard count <= (box.end - box.contents - 8) / width else { return false }
                for e in 0..<count {
                    let at = box.contents + 8 + e * width
                    let moved = word(bytes, at: at, count: width) + UInt64(shift)
                    if width == 4 && moved > UInt64(UInt32.max) { return false }
                    for b in 0..<width { bytes[at + b] = UInt8(truncatingIfNeeded: moved >> (8 * UInt64(width - 1 - b))) }
                }
            case let t where containers.contains(t):
                guard shiftChunkOffsets(&bytes, in: box.contents..<box.end, by: shift) else { return false }
            default: continue
            }
        }
        return true
    }

    /// The big-endian unsigned number of `count` bytes at `at`.
    static func word(_ bytes: [UInt8], at: Int, count: Int) -> UInt64 {
        var v: UInt64 = 0
        for b in bytes[at..<(at + count)] { v = v << 8 | UInt64(b) }
        return v
    }
}
