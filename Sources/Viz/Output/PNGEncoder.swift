import CPNG

/// Encodes Cairo's premultiplied ARGB32 pixels as PNG through libpng's full API, then adds pHYs (the DPI)
/// and tEXt chunks. Opaque pages go to libpng as they are (its bgr and filler transforms drop the unused
/// byte), so no copy of the pixels is made; transparent pages are un-premultiplied into RGBA first.
///
/// Settings, chosen by measurement (`make bench` prints the table from `Benchmarks/baseline/png_settings.c`):
/// no row filter and zlib level 1 encode figures about 30 % faster than libpng's "fast" preset (no filter,
/// level 3, what this encoder used first) for files about 5 % larger; row filters make flat-coloured plots
/// larger at levels 1–3, and the adaptive filters with level 6 (libpng's default) cost 2–3× the time
/// for 1 % less.
enum PNGEncoder {
    /// libpng row filters (a `PNG_FILTER_*` mask) and zlib level.
    struct Settings { var filters: Int32 = Int32(PNG_FILTER_NONE); var level: Int32 = 1 }

    static func encode(argb: UnsafeBufferPointer<UInt8>, width: Int, height: Int, stride: Int, transparent: Bool,
                       dpi: Double, metadata: FileMetadata, settings: Settings = Settings()) throws(VizError) -> [UInt8] {
        var sink = viz_png_sink(data: nil, size: 0, capacity: 0, failed: 0)
        defer { viz_png_sink_free(&sink) }
        let ok: Int32
        if transparent {
            let rgba = unpremultiplied(argb, width: width, height: height, stride: stride)
            ok = rgba.withUnsafeBufferPointer { px in
                viz_png_encode(px.baseAddress, UInt32(width), UInt32(height), width * 4, 1, settings.filters, settings.level, &sink)
            }
        } else {
            ok = viz_png_encode(argb.baseAddress, UInt32(width), UInt32(height), stride, 2, settings.filters, settings.level, &sink)
        }
        guard ok != 0, let data = sink.data else { throw VizError.png(path: "", message: "libpng could not encode the image (out of memory)") }
        return insertChunks(UnsafeBufferPointer(start: data, count: sink.size), dpi: dpi, metadata: metadata)
    }

    /// Straight-alpha RGBA from premultiplied little-endian ARGB32 rows.
    private static func unpremultiplied(_ argb: UnsafeBufferPointer<UInt8>, width: Int, height: Int, stride: Int) -> [UInt8] {
        // The buffer is filled completely, so it is not zeroed first.
        [UInt8](unsafeUninitializedCapacity: width * height * 4) { out, count in
            count = width * height * 4
            guard let src = argb.baseAddress, let dst = out.baseAddress else { return }
            for y in 0..<height {
                // Little-endian ARGB32 is stored as B, G, R, A (premultiplied).
                var i = src + y * stride
                var o = dst + y * width * 4
                for _ in 0..<width {
                    let a = i[3]
                    if a == 255 {
                        o[0] = i[2]; o[1] = i[1]; o[2] = i[0]; o[3] = 255
                    } else if a == 0 {
                        o[0] = 0; o[1] = 0; o[2] = 0; o[3] = 0
                    } else {
                        let a32 = UInt32(a)
                        o[0] = UInt8(min(255, (UInt32(i[2]) * 255 + a32 / 2) / a32))
                        o[1] = UInt8(min(255, (UInt32(i[1]) * 255 + a32 / 2) / a32))
                        o[2] = UInt8(min(255, (UInt32(i[0]) * 255 + a32 / 2) / a32))
                        o[3] = a
                    }
                    o += 4; i += 4
                }
            }
        }
    }

    /// Adds pHYs and tEXt chunks right after IHDR (the first chunk, 8 + 25 bytes in), copying libpng's
    /// bytes once into the file's array.
    static func insertChunks(_ png: UnsafeBufferPointer<UInt8>, dpi: Double, metadata: FileMetadata) -> [UInt8] {
        let headerEnd = 8 + 8 + 13 + 4
        guard png.count > headerEnd else { return Array(png) }
        var extra: [UInt8] = []
        let ppm = UInt32((dpi / 0.0254).rounded())
        extra += chunk("pHYs", be32(ppm) + be32(ppm) + [1])
        if let s = metadata.software { extra += chunk("tEXt", Array("Software".utf8) + [0] + latin1(s)) }
        if let c = metadata.command { extra += chunk("tEXt", Array("Comment".utf8) + [0] + latin1(c)) }
        var out: [UInt8] = []
        out.reserveCapacity(png.count + extra.count)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: png[..<headerEnd]))
        out.append(contentsOf: extra)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: png[headerEnd...]))
        return out
    }

    private static func latin1(_ s: String) -> [UInt8] { s.unicodeScalars.map { $0.value < 256 && $0.value >= 32 ? UInt8($0.value) : UInt8(ascii: "?") } }
    private static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let t = Array(type.utf8)
        return be32(UInt32(data.count)) + t + data + be32(CRC32.checksum(t + data))
    }
}

/// CRC-32 (ISO 3309) as PNG chunks use it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
