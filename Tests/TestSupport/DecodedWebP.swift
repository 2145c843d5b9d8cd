import CWebP

/// An animated WebP decoded by libwebp's own demuxer and decoder (WebPAnimDecoder), every frame as shown.
public struct DecodedWebP {
    public let width: Int
    public let height: Int
    public let loopCount: Int
    /// Each frame as seen on screen, 8-bit RGBA, and the time (ms) it ends.
    public let frames: [[UInt8]]
    public let endTimes: [Int]

    public enum DecodeError: Error { case notWebP }

    public init(_ bytes: [UInt8]) throws {
        var options = WebPAnimDecoderOptions()
        guard WebPAnimDecoderOptionsInit(&options) != 0 else { throw DecodeError.notWebP }
        options.color_mode = MODE_RGBA
        options.use_threads = 0
        var result: (Int, Int, Int, [[UInt8]], [Int])?
        bytes.withUnsafeBufferPointer { buf in
            var data = WebPData(bytes: buf.baseAddress, size: buf.count)
            guard let decoder = WebPAnimDecoderNew(&data, &options) else { return }
            defer { WebPAnimDecoderDelete(decoder) }
            var info = WebPAnimInfo()
            guard WebPAnimDecoderGetInfo(decoder, &info) != 0 else { return }
            let w = Int(info.canvas_width), h = Int(info.canvas_height)
            var frames: [[UInt8]] = [], times: [Int] = []
            while WebPAnimDecoderHasMoreFrames(decoder) != 0 {
                var pixels: UnsafeMutablePointer<UInt8>?
                var timestamp: Int32 = 0
                guard WebPAnimDecoderGetNext(decoder, &pixels, &timestamp) != 0, let pixels else { return }
                frames.append(Array(UnsafeBufferPointer(start: pixels, count: w * h * 4)))
                times.append(Int(timestamp))
            }
            result = (w, h, Int(info.loop_count), frames, times)
        }
        guard let (w, h, loops, frames, times) = result else { throw DecodeError.notWebP }
        width = w; height = h; loopCount = loops; self.frames = frames; endTimes = times
    }
}
