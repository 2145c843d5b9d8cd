import CPNG


/// A PNG decoded through libpng into 8-bit RGBA, with the chunks read for metadata checks.
public struct DecodedPNG {
    public let width: Int
    public let height: Int
    public let rgba: [UInt8]
    /// Pixels per metre from pHYs (x, y), if present.
    public let pixelsPerMetre: (UInt32, UInt32)?
    /// tEXt keyword → text.
    public let text: [String: String]

    public init(_ bytes: [UInt8]) throws {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let ok = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard ok != 0 else { throw DecodeError.notPNG }
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        var buffer = [UInt8](repeating: 0, count: Int(image.width) * Int(image.height) * 4)
        let done = buffer.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard done != 0 else { throw DecodeError.notPNG }
        width = Int(image.width); height = Int(image.height); rgba = buffer
        var phys: (UInt32, UInt32)?
        var text: [String: String] = [:]
        var i = 8
        func be32(_ k: Int) -> UInt32 { UInt32(bytes[k]) << 24 | UInt32(bytes[k + 1]) << 16 | UInt32(bytes[k + 2]) << 8 | UInt32(bytes[k + 3]) }
        while i + 12 <= bytes.count {
            let len = Int(be32(i))
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            let data = Array(bytes[(i + 8)..<(i + 8 + len)])
            if type == "pHYs" { phys = (be32(i + 8), be32(i + 12)) }
            if type == "tEXt", let z = data.firstIndex(of: 0) {
                text[String(decoding: data[..<z], as: UTF8.self)] = String(decoding: data[(z + 1)...], as: UTF8.self)
            }
            i += 12 + len
        }
        pixelsPerMetre = phys
        self.text = text
    }

    public enum DecodeError: Error { case notPNG }

    /// The pixel at column x, row y (row 0 on top).
    public func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let k = (y * width + x) * 4
        return (rgba[k], rgba[k + 1], rgba[k + 2], rgba[k + 3])
    }

    /// True when the pixel differs from white by more than `tolerance` in some channel.
    public func isInk(_ x: Int, _ y: Int, tolerance: Int = 40) -> Bool {
        let p = pixel(x, y)
        return 255 - Int(p.r) > tolerance || 255 - Int(p.g) > tolerance || 255 - Int(p.b) > tolerance
    }
}
