import CCodecs
import Platform

/// The shared libraries behind an animated format, opened at run time (dlopen of their versioned sonames)
/// the first time that format is written, so that a program using Viz starts, and draws still figures, without them.
/// GIF needs giflib (`libgif.so.7`), WebP libwebp and its animation encoder (`libwebp.so.7`,
/// `libwebpmux.so.3`), MP4 libavutil, libavcodec and libavformat of the major versions Viz was built with
/// (`libavcodec.so.59` on Debian 12). SVG needs none.
public struct CodecLibraries: Sendable {
    /// The format these libraries write.
    public let format: AnimationFormat
    /// The sonames opened, in order (each library after the ones it depends on).
    public let sonames: [String]

    /// The libraries `format` needs by default, or nil for a format that needs none (SVG).
    public init?(_ format: AnimationFormat) {
        guard let codec = Self.codec(format) else { return nil }
        self.format = format
        sonames = (0..<viz_codec_library_count(codec)).compactMap { viz_codec_soname(codec, $0).map { String(cString: $0) } }
    }

    /// Other sonames for `format`'s libraries (a test's missing library, a library in another place).
    public init(_ format: AnimationFormat, sonames: [String]) {
        self.format = format
        self.sonames = sonames
    }

    /// Makes sure `format` can be written, opening its libraries the first time. Cheap after that.
    /// - Throws: `VizError.missingLibrary` naming the library that could not be opened and the package to install.
    public static func require(_ format: AnimationFormat) throws(VizError) {
        try CodecLibraries(format)?.load()
    }

    /// Opens the libraries and finds every function the encoder calls.
    /// - Throws: `VizError.missingLibrary` naming the first library that could not be opened (or lacks a function).
    public func load() throws(VizError) {
        guard let codec = Self.codec(format) else { return }
        var message = [CChar](repeating: 0, count: 1024)
        let failed: Int32 = withCStrings(sonames) { names in
            message.withUnsafeMutableBufferPointer { viz_codec_load(codec, names, Int32(sonames.count), $0.baseAddress, $0.count) }
        }
        guard failed != 0 else { return }
        let library = sonames.indices.contains(Int(failed) - 1) ? sonames[Int(failed) - 1] : sonames.first ?? "?"
        let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw VizError.missingLibrary(format: format.rawValue.uppercased(), library: library,
                                      install: Self.installHint(library), reason: reason)
    }

    /// How to install the library with `soname`: Debian's package for it (named after the soname, as Debian's
    /// policy names shared-library packages: libgif.so.7 is in libgif7, libavcodec.so.59 in libavcodec59).
    public static func installHint(_ soname: String) -> String {
        #if os(macOS)
        let base = soname.split(separator: ".").first.map(String.init) ?? soname
        let formula = ["libgif": "giflib", "libwebp": "webp", "libwebpmux": "webp"][base] ?? "ffmpeg"
        return "brew install \(formula)"
        #else
        let parts = soname.split(separator: ".", omittingEmptySubsequences: false)
        guard let so = parts.firstIndex(of: "so"), so > 0, so + 1 < parts.count else { return "apt install \(soname)" }
        let name = parts[..<so].joined(separator: "."), version = parts[so + 1]
        let separator = name.last?.isNumber == true ? "-" : ""
        return "apt install \(name)\(separator)\(version)"
        #endif
    }

    private static func codec(_ format: AnimationFormat) -> Int32? {
        switch format {
        case .gif: Int32(VIZ_CODEC_GIF)
        case .webp: Int32(VIZ_CODEC_WEBP)
        case .mp4: Int32(VIZ_CODEC_MP4)
        case .svg: nil
        }
    }
}

/// Calls `body` with `strings` as a C array of NUL-terminated strings, valid only during the call.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    // A NULL at the end, so the array is never empty.
    let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
}
