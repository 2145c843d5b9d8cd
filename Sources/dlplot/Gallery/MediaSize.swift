import Platform

/// The pixel size of an image file, read from its header: PNG (IHDR), GIF (logical screen) and WebP
/// (VP8X canvas, VP8L or VP8 frame). The page gives it as `width`/`height` so that the grid keeps
/// its layout while images load.
struct MediaSize: Equatable, Sendable {
    var width: Int
    var height: Int

    /// The size of the image at `path`, or nil when the file is missing or of another format.
    static func read(_ path: String) -> MediaSize? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var header = [UInt8](repeating: 0, count: 30)
        let n = fread(&header, 1, header.count, f)
        return parse(Array(header[0..<n]))
    }

    /// The size from the first bytes of a file (at least 30 for WebP, 24 for PNG, 10 for GIF).
    static func parse(_ b: [UInt8]) -> MediaSize? {
        func be32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        func le16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func le24(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 }
        func ascii(_ i: Int, _ s: String) -> Bool { b.count >= i + s.utf8.count && Array(b[i..<i + s.utf8.count]) == Array(s.utf8) }
        let size: MediaSize?
        if b.count >= 24, b[0] == 0x89, ascii(1, "PNG"), ascii(12, "IHDR") {
            size = MediaSize(width: be32(16), height: be32(20))
        } else if b.count >= 10, ascii(0, "GIF8") {
            size = MediaSize(width: le16(6), height: le16(8))
        } else if b.count >= 30, ascii(0, "RIFF"), ascii(8, "WEBP") {
            if ascii(12, "VP8X") {
                size = MediaSize(width: le24(24) + 1, height: le24(27) + 1)
            } else if ascii(12, "VP8L"), b[20] == 0x2f {
                let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
                size = MediaSize(width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1)
            } else if ascii(12, "VP8 "), b[23] == 0x9d, b[24] == 0x01, b[25] == 0x2a {
                size = MediaSize(width: le16(26) & 0x3fff, height: le16(28) & 0x3fff)
            } else {
                size = nil
            }
        } else {
            size = nil
        }
        guard let size, size.width > 0, size.height > 0 else { return nil }
        return size
    }
}
