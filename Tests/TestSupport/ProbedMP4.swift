import CAV

/// What libavformat reads back from an MP4 file: the video stream's codec, size, pixel format, frame
/// rate and packet count (one packet a frame for H.264 without B-frame reordering across packets).
public struct ProbedMP4 {
    public let codec: String
    public let width: Int
    public let height: Int
    public let pixelFormat: String
    public let framesPerSecond: Double
    public let packets: Int

    public enum ProbeError: Error { case unreadable(Int32) }

    public init(path: String) throws {
        var context: UnsafeMutablePointer<AVFormatContext>?
        let opened = avformat_open_input(&context, path, nil, nil)
        guard opened == 0, let ctx = context else { throw ProbeError.unreadable(opened) }
        defer { avformat_close_input(&context) }
        guard avformat_find_stream_info(ctx, nil) >= 0, ctx.pointee.nb_streams >= 1, let stream = ctx.pointee.streams[0],
              let par = stream.pointee.codecpar else { throw ProbeError.unreadable(-1) }
        codec = String(cString: avcodec_get_name(par.pointee.codec_id))
        width = Int(par.pointee.width); height = Int(par.pointee.height)
        pixelFormat = av_get_pix_fmt_name(AVPixelFormat(rawValue: par.pointee.format)).map { String(cString: $0) } ?? "?"
        let rate = stream.pointee.r_frame_rate
        framesPerSecond = rate.den == 0 ? 0 : Double(rate.num) / Double(rate.den)
        var count = 0
        let packet = av_packet_alloc()
        defer { var p = packet; av_packet_free(&p) }
        while av_read_frame(ctx, packet) >= 0 {
            if packet?.pointee.stream_index == 0 { count += 1 }
            av_packet_unref(packet)
        }
        packets = count
    }
}
