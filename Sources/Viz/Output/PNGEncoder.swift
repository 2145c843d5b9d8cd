import CPNG

/// Encodes Cairo's premultiplied ARGB32 pixels as PNG through libpng, then adds pHYs (the DPI) and
/// tEXt chunks. libpng's simplified API is used with its "fast" setting (no filter, zlib level 3),
/// which is deterministic and several times faster than the defaults on plot-like images.
enum PNGEncoder {
    static func encode(argb: UnsafeBufferPointer<UInt8>, width: Int, height: Int, stride: Int, transparent: Bool,
                       dpi: Double, metadata: FileMetadata) throws(VizError) -> [UInt8] {
        let channels = transparent ? 4 : 3
        // Buffers are filled completely, so they are not zeroed first (that would touch megabytes twice).
        let rgb = [UInt8](unsafeUninitializedCapacity: width * height * channels) { out, count in
            count = width * height * channels
            guard let src = argb.baseAddress, let dst = out.baseAddress else { return }
            for y in 0..<height {
                // Little-endian ARGB32 is stored as B, G, R, A (premultiplied).
                var i = src + y * stride
                var o = dst + y * width * channels
                if channels == 3 {
                    // Opaque: alpha is 255 everywhere, so premultiplied values are the colour itself.
                    for _ in 0..<width {
                        o[0] = i[2]; o[1] = i[1]; o[2] = i[0]
                        o += 3; i += 4
                    }
                    continue
                }
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
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR) | (channels == 4 ? UInt32(PNG_FORMAT_FLAG_ALPHA) : 0)
        image.flags = UInt32(PNG_IMAGE_FLAG_FAST)
        let raw = (width * channels + 1) * height
        var capacity = raw + raw / 8 + raw / 64 + 4096
        var memory = [UInt8](unsafeUninitializedCapacity: capacity) { _, count in count = capacity }
        var ok: Int32 = 0
        for _ in 0..<2 {
            var bytes = png_alloc_size_t(capacity)
            ok = memory.withUnsafeMutableBytes { mem in
                rgb.withUnsafeBytes { buf in
                    png_image_write_to_memory(&image, mem.baseAddress, &bytes, 0, buf.baseAddress, 0, nil)
                }
            }
            if ok != 0 { memory.removeSubrange(Int(bytes)...); break }
            if Int(bytes) > capacity { capacity = Int(bytes); memory = [UInt8](unsafeUninitializedCapacity: capacity) { _, count in count = capacity }; continue }
            break
        }
        guard ok != 0 else {
            let message = withUnsafeBytes(of: image.message) { raw -> String in
                let chars = raw.prefix { $0 != 0 }
                return String(decoding: chars, as: UTF8.self)
            }
            png_image_free(&image)
            throw VizError.png(path: "", message: message.isEmpty ? "libpng failed" : message)
        }
        return insertChunks(memory, dpi: dpi, metadata: metadata)
    }

    /// Adds pHYs and tEXt chunks right after IHDR (the first chunk, 8 + 25 bytes in).
    static func insertChunks(_ png: [UInt8], dpi: Double, metadata: FileMetadata) -> [UInt8] {
        let headerEnd = 8 + 8 + 13 + 4
        guard png.count > headerEnd else { return png }
        var extra: [UInt8] = []
        let ppm = UInt32((dpi / 0.0254).rounded())
        extra += chunk("pHYs", be32(ppm) + be32(ppm) + [1])
        extra += chunk("tEXt", Array("Software".utf8) + [0] + latin1(metadata.software))
        if let c = metadata.command { extra += chunk("tEXt", Array("Comment".utf8) + [0] + latin1(c)) }
        return Array(png[..<headerEnd]) + extra + Array(png[headerEnd...])
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
