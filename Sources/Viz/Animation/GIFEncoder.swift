import CCodecs
import Platform

/// Writes indexed frames as an animated GIF89a through giflib: the first frame whole, every later frame as
/// the smallest rectangle that changed, with unchanged pixels inside it transparent (so they compress to
/// long runs), each left in place for the next. Delays are in hundredths of a second (GIF's unit).
final class GIFEncoder {
    private var gif: OpaquePointer?
    private let width: Int
    private let height: Int
    private var previous: [UInt8]?

    /// Starts a GIF of `width`×`height` pixels with `palette` as its global colour table.
    /// - Throws: `VizError.missingLibrary` when giflib cannot be opened; `.invalidValue` for a side over 65535.
    init(width: Int, height: Int, palette: IndexedPalette, loop: Bool) throws(VizError) {
        self.width = width
        self.height = height
        guard width <= 65_535, height <= 65_535 else {
            throw VizError.invalidValue(what: "GIF size", value: "\(width)x\(height)", allowed: "at most 65535 pixels a side")
        }
        try CodecLibraries.require(.gif)
        let table = palette.rgbTable
        gif = table.withUnsafeBufferPointer { viz_gif_open(Int32(width), Int32(height), $0.baseAddress, loop ? 1 : 0) }
        guard gif != nil else { throw VizError.invalidData("giflib could not start a GIF") }
    }

    deinit {
        viz_gif_free(gif)
    }

    /// Adds a frame of palette indices (`width * height`, top row first) shown for `delay` hundredths.
    func add(_ indices: [UInt8], delay: Int) throws(VizError) {
        guard let gif else { throw VizError.invalidData("the GIF is already finished") }
        var x0 = 0, y0 = 0, x1 = width - 1, y1 = height - 1
        var pixels = indices
        var transparent: Int32 = -1
        if let prev = previous {
            guard let box = GIFEncoder.changedBox(prev, indices, width: width, height: height) else {
                // Nothing changed: one transparent pixel keeps the frame (and its delay).
                try put(gif, [IndexedPalette.transparentIndex], x: 0, y: 0, w: 1, h: 1, delay: delay, transparent: 255)
                return
            }
            (x0, y0, x1, y1) = box
            let w = x1 - x0 + 1
            pixels = [UInt8](repeating: IndexedPalette.transparentIndex, count: w * (y1 - y0 + 1))
            for y in y0...y1 {
                let row = y * width, out = (y - y0) * w
                for x in x0...x1 where prev[row + x] != indices[row + x] { pixels[out + x - x0] = indices[row + x] }
            }
            transparent = Int32(IndexedPalette.transparentIndex)
        }
        try put(gif, pixels, x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1, delay: delay, transparent: transparent)
        previous = indices
    }

    private func put(_ gif: OpaquePointer, _ pixels: [UInt8], x: Int, y: Int, w: Int, h: Int,
                     delay: Int, transparent: Int32) throws(VizError) {
        let ok = pixels.withUnsafeBufferPointer {
            viz_gif_frame(gif, $0.baseAddress, w, Int32(x), Int32(y), Int32(w), Int32(h), Int32(min(delay, 65_535)), transparent)
        }
        guard ok == 1 else { throw VizError.invalidData("giflib could not write a frame (out of memory?)") }
    }

    /// Ends the file and returns its bytes.
    func finish() throws(VizError) -> [UInt8] {
        guard let g = gif else { throw VizError.invalidData("the GIF is already finished") }
        gif = nil
        var data: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard viz_gif_finish(g, &data, &size) == 1, let data else {
            throw VizError.invalidData("giflib could not finish the GIF (out of memory?)")
        }
        defer { free(data) }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The smallest box (x0, y0, x1, y1, inclusive) holding every pixel that differs, or nil.
    static func changedBox(_ a: [UInt8], _ b: [UInt8], width: Int, height: Int) -> (Int, Int, Int, Int)? {
        var x0 = width, y0 = height, x1 = -1, y1 = -1
        for y in 0..<height {
            let row = y * width
            var first = -1, last = -1
            for x in 0..<width where a[row + x] != b[row + x] {
                if first < 0 { first = x }
                last = x
            }
            if first >= 0 { x0 = min(x0, first); x1 = max(x1, last); y0 = min(y0, y); y1 = y }
        }
        return x1 < 0 ? nil : (x0, y0, x1, y1)
    }
}
