import CCodecs
import Platform

/// Writes frames as H.264 in an MP4 through libavcodec and libavformat (libx264 when present): yuv420p
/// (BT.709, limited range) for PowerPoint, Keynote and browsers, at a constant frame rate; one encoder thread
/// and bit-exact muxing, so the bytes depend only on the frames. The index comes before the media data
/// ("fast start", `MP4FastStart`), so a browser plays the file while it is still loading. 4:2:0 needs even
/// sides: an odd width or height loses its last column or row (the page's blank margin).
final class MP4Encoder {
    private var state: OpaquePointer?
    private let width: Int
    private let height: Int

    /// The largest side accepted (H.264 level 6.2 is 8192×4320).
    static let maxSide = 8192

    /// The reference frames the encoder keeps at `width`×`height`: 6 (tune "animation"), fewer where level
    /// 5.1's decoded picture buffer (184,320 macroblocks) holds fewer, so 4K stays level 5.1.
    static func referenceFrames(width: Int, height: Int) -> Int { Int(viz_mp4_reference_frames(Int32(width), Int32(height))) }

    /// Starts an MP4 of `width`×`height` pixels (rounded down to even) at `fps` frames per second.
    /// - Throws: `VizError.invalidValue` for a size the codec refuses or when libavcodec has no H.264 encoder;
    ///   `VizError.missingLibrary` when libavcodec or libavformat cannot be opened.
    init(width: Int, height: Int, fps: Double) throws(VizError) {
        self.width = width - width % 2
        self.height = height - height % 2
        guard self.width >= 2, self.height >= 2, width <= Self.maxSide, height <= Self.maxSide else {
            throw VizError.invalidValue(what: "MP4 size", value: "\(width)x\(height)", allowed: "2 to \(Self.maxSide) pixels a side")
        }
        let num = Int32((fps * 1000).rounded()), den: Int32 = 1000
        try CodecLibraries.require(.mp4)
        switch viz_mp4_open(&state, Int32(self.width), Int32(self.height), num, den) {
        case 0: break
        case -1:
            throw VizError.invalidValue(what: "MP4 encoder", value: "H.264",
                                        allowed: "a libavcodec with an H.264 encoder (Debian's libavcodec uses libx264); try .gif or .webp")
        default: throw VizError.invalidData("libavcodec could not start an H.264 encoder for \(self.width)x\(self.height)")
        }
    }

    deinit {
        viz_mp4_free(state)
    }

    /// Adds a frame (Cairo's ARGB32 bytes, `frameWidth * 4` a row) shown for `repeat` frame times.
    func add(_ argb: [UInt8], frameWidth: Int, repeat count: Int) throws(VizError) {
        guard let state else { throw VizError.invalidData("the MP4 is already finished") }
        let ok = argb.withUnsafeBufferPointer { viz_mp4_add(state, $0.baseAddress, Int32(frameWidth * 4), Int32(count)) }
        guard ok != 0 else { throw VizError.invalidData("libavcodec could not encode a frame") }
    }

    /// Ends the file and returns its bytes.
    func finish() throws(VizError) -> [UInt8] {
        guard let m = state else { throw VizError.invalidData("the MP4 is already finished") }
        state = nil
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard viz_mp4_finish(m, &out, &size) != 0, let out else {
            throw VizError.invalidData("libavformat could not finish the MP4")
        }
        defer { free(out) }
        return MP4FastStart.moveIndexToFront(Array(UnsafeBufferPointer(start: out, count: size)))
    }
}
