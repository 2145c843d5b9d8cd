import CCodecs
import Platform

/// Writes frames as a near-lossless animated WebP through libwebp's animation encoder (WebPAnimEncoder),
/// which stores each frame as the rectangle that changed: edges' anti-aliased pixels may move by up to 4 of
/// 255 in a channel, flat colours stay exact, so the file is smaller than the 256-colour GIF of the same
/// frames. Frame times are in milliseconds.
final class WebPEncoder {
    private var encoder: OpaquePointer?
    private let width: Int
    private let height: Int

    /// The largest side libwebp accepts.
    static let maxSide = 16_383

    /// Starts an animated WebP of `width`×`height` pixels.
    /// - Throws: `VizError.missingLibrary` when libwebp cannot be opened; `.invalidValue` for a side over 16383.
    init(width: Int, height: Int, loop: Bool) throws(VizError) {
        guard width <= Self.maxSide, height <= Self.maxSide else {
            throw VizError.invalidValue(what: "WebP size", value: "\(width)x\(height)", allowed: "at most \(Self.maxSide) pixels a side")
        }
        self.width = width
        self.height = height
        try CodecLibraries.require(.webp)
        encoder = viz_webp_open(Int32(width), Int32(height), loop ? 1 : 0)
        guard encoder != nil else { throw VizError.invalidData("libwebp could not start an animation") }
    }

    deinit {
        viz_webp_free(encoder)
    }

    /// Adds a frame (Cairo's ARGB32 bytes, `width * 4` a row) shown from `timestamp` ms.
    func add(_ argb: [UInt8], timestamp: Int) throws(VizError) {
        guard let encoder else { throw VizError.invalidData("the WebP is already finished") }
        let ok = argb.withUnsafeBufferPointer {
            viz_webp_add(encoder, $0.baseAddress, Int32(width), Int32(height), Int32(width * 4), Int32(timestamp))
        }
        guard ok != 0 else { throw VizError.invalidData("libwebp could not add a frame (out of memory?)") }
    }

    /// Ends the animation at `end` ms and returns the file's bytes.
    func finish(end: Int) throws(VizError) -> [UInt8] {
        guard let e = encoder else { throw VizError.invalidData("the WebP is already finished") }
        encoder = nil
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard viz_webp_finish(e, Int32(end), &out, &size) != 0, let out else {
            throw VizError.invalidData("libwebp could not finish the animation")
        }
        defer { free(out) }
        return Array(UnsafeBufferPointer(start: out, count: size))
    }
}
