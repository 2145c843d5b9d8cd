import CGif

/// An animated GIF decoded by giflib's own reader (DGifSlurp) and composited frame by frame as a viewer
/// shows it (each image drawn over the previous frame, its transparent index letting that show through).
public struct DecodedGIF {
    public let width: Int
    public let height: Int
    /// Each frame as seen on screen, 8-bit RGB, top row first.
    public let frames: [[UInt8]]
    /// Each frame's delay in hundredths of a second.
    public let delays: [Int]
    /// Whether the NETSCAPE2.0 loop extension is present.
    public let loops: Bool
    /// Each image's rectangle (x, y, w, h) inside the screen.
    public let rects: [(Int, Int, Int, Int)]

    public enum DecodeError: Error { case notGIF(Int32) }

    public init(_ bytes: [UInt8]) throws {
        let reader = GIFReader(bytes: bytes)
        var error: Int32 = 0
        guard let gif = DGifOpen(Unmanaged.passUnretained(reader).toOpaque(), gifRead, &error) else { throw DecodeError.notGIF(error) }
        defer { DGifCloseFile(gif, &error); withExtendedLifetime(reader) {} }
        guard DGifSlurp(gif) == GIF_OK else { throw DecodeError.notGIF(gif.pointee.Error) }
        width = Int(gif.pointee.SWidth); height = Int(gif.pointee.SHeight)
        var canvas = [UInt8](repeating: 0, count: width * height * 3)
        var frames: [[UInt8]] = [], delays: [Int] = [], rects: [(Int, Int, Int, Int)] = []
        var loops = false
        for i in 0..<Int(gif.pointee.ImageCount) {
            let image = gif.pointee.SavedImages[i]
            for e in 0..<Int(image.ExtensionBlockCount) {
                let block = image.ExtensionBlocks[e]
                if block.Function == APPLICATION_EXT_FUNC_CODE, block.ByteCount == 11,
                   String(decoding: UnsafeBufferPointer(start: block.Bytes, count: 11), as: UTF8.self) == "NETSCAPE2.0" { loops = true }
            }
            var gcb = GraphicsControlBlock()
            DGifSavedExtensionToGCB(gif, Int32(i), &gcb)
            let d = image.ImageDesc
            guard let map = d.ColorMap ?? gif.pointee.SColorMap else { throw DecodeError.notGIF(-1) }
            let x0 = Int(d.Left), y0 = Int(d.Top), w = Int(d.Width), h = Int(d.Height)
            for y in 0..<h {
                for x in 0..<w {
                    let index = Int32(image.RasterBits[y * w + x])
                    if index == gcb.TransparentColor { continue }
                    let c = map.pointee.Colors[Int(index)]
                    let o = ((y0 + y) * width + x0 + x) * 3
                    canvas[o] = c.Red; canvas[o + 1] = c.Green; canvas[o + 2] = c.Blue
                }
            }
            frames.append(canvas); delays.append(Int(gcb.DelayTime)); rects.append((x0, y0, w, h))
        }
        self.frames = frames; self.delays = delays; self.loops = loops; self.rects = rects
    }
}

private final class GIFReader {
    let bytes: [UInt8]
    var offset = 0
    init(bytes: [UInt8]) { self.bytes = bytes }
}

private let gifRead: InputFunc = { gif, buffer, count in
    guard let gif, let buffer, let user = gif.pointee.UserData else { return 0 }
    let r = Unmanaged<GIFReader>.fromOpaque(user).takeUnretainedValue()
    let n = min(Int(count), r.bytes.count - r.offset)
    guard n > 0 else { return 0 }
    r.bytes.withUnsafeBufferPointer { src in
        if let base = src.baseAddress { buffer.update(from: base + r.offset, count: n) }
    }
    r.offset += n
    return Int32(n)
}
