import CAV
import Foundation

/// What libavformat and libavcodec read back from an MP4 file: the video stream's codec, size, pixel
/// format, frame rate and packet count (one packet a frame for H.264 without B-frame reordering across
/// packets), the file's top-level boxes in order, and every frame decoded: their count and the last
/// one's luma plane.
public struct ProbedMP4 {
    public let codec: String
    public let width: Int
    public let height: Int
    public let pixelFormat: String
    public let framesPerSecond: Double
    public let packets: Int
    /// The H.264 level times ten (51 = level 5.1), as the stream's parameters say.
    public let level: Int
    /// The four-letter types of the file's top-level boxes, in file order (e.g. ftyp, free, moov, mdat).
    public let topLevelBoxes: [String]
    /// How many frames the decoder gave back.
    public let decodedFrames: Int
    /// The last decoded frame's luma (Y') samples, `width` a row, top row first.
    public let lastLuma: [UInt8]

    public enum ProbeError: Error { case unreadable(Int32), undecodable(Int32) }

    public init(path: String) throws {
        var context: UnsafeMutablePointer<AVFormatContext>?
        let opened = avformat_open_input(&context, path, nil, nil)
        guard opened == 0, let ctx = context else { throw ProbeError.unreadable(opened) }
        defer { avformat_close_input(&context) }
        guard avformat_find_stream_info(ctx, nil) >= 0, ctx.pointee.nb_streams >= 1, let stream = ctx.pointee.streams[0],
              let par = stream.pointee.codecpar else { throw ProbeError.unreadable(-1) }
        codec = String(cString: avcodec_get_name(par.pointee.codec_id))
        width = Int(par.pointee.width); height = Int(par.pointee.height)
        level = Int(par.pointee.level)
        pixelFormat = av_get_pix_fmt_name(AVPixelFormat(rawValue: par.pointee.format)).map { String(cString: $0) } ?? "?"
        let rate = stream.pointee.r_frame_rate
        framesPerSecond = rate.den == 0 ? 0 : Double(rate.num) / Double(rate.den)
        topLevelBoxes = try Self.boxes(path)
        var decoder = avcodec_alloc_context3(avcodec_find_decoder(par.pointee.codec_id))
        defer { avcodec_free_context(&decoder) }
        guard let decoder, avcodec_parameters_to_context(decoder, par) >= 0 else { throw ProbeError.undecodable(-1) }
        decoder.pointee.thread_count = 1
        let status = avcodec_open2(decoder, nil, nil)
        guard status >= 0 else { throw ProbeError.undecodable(status) }
        var frame = av_frame_alloc()
        defer { av_frame_free(&frame) }
        var count = 0, decoded = 0
        var luma: [UInt8] = []
        func receive() {
            while avcodec_receive_frame(decoder, frame) >= 0, let f = frame {
                decoded += 1
                let w = Int(f.pointee.width), h = Int(f.pointee.height), stride = Int(f.pointee.linesize.0)
                if let y = f.pointee.data.0 {
                    luma = (0..<h).flatMap { r in (0..<w).map { y[r * stride + $0] } }
                }
            }
        }
        var packet = av_packet_alloc()
        defer { av_packet_free(&packet) }
        while av_read_frame(ctx, packet) >= 0 {
            if packet?.pointee.stream_index == 0 {
                count += 1
                guard avcodec_send_packet(decoder, packet) >= 0 else { throw ProbeError.undecodable(-2) }
                receive()
            }
            av_packet_unref(packet)
        }
        avcodec_send_packet(decoder, nil)
        receive()
        packets = count
        decodedFrames = decoded
        lastLuma = luma
    }

    /// The top-level box types of the file at `path`.
    static func boxes(_ path: String) throws -> [String] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func word(_ at: Int, _ n: Int) -> Int { bytes[at..<(at + n)].reduce(0) { $0 << 8 | Int($1) } }
        var out: [String] = []
        var i = 0
        while i + 8 <= bytes.count {
            out.append(String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self))
            var size = word(i, 4)
            if size == 1, i + 16 <= bytes.count { size = word(i + 8, 8) }
            if size == 0 { break }
            guard size >= 8 else { throw ProbeError.unreadable(-3) }
            i += size
        }
        return out
    }
}
