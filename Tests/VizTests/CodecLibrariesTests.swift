import TestSupport
import XCTest
// Unit-tests the internal codecs (GIFEncoder, MP4Encoder, WebPEncoder) opened at run time.
@testable import Viz

/// The animation codecs are opened at run time: their sonames, the one-line error for a library that is not
/// there (a bogus soname stands in for a machine without it), and the real libraries still writing files
/// that the libraries' own decoders read back.
final class CodecLibrariesTests: XCTestCase {
    func testDefaultSonamesAreTheVersionedOnes() throws {
        #if os(Linux)
        XCTAssertEqual(CodecLibraries(.gif)?.sonames, ["libgif.so.7"])
        XCTAssertEqual(CodecLibraries(.webp)?.sonames, ["libwebp.so.7", "libwebpmux.so.3"])
        let av = try XCTUnwrap(CodecLibraries(.mp4)?.sonames)
        XCTAssertEqual(av.count, 3)
        XCTAssertEqual(av.map { $0.split(separator: ".").first.map(String.init) }, ["libavutil", "libavcodec", "libavformat"])
        XCTAssertTrue(av.allSatisfy { $0.contains(".so.") && $0.last?.isNumber == true }, "\(av)")
        #endif
        XCTAssertNil(CodecLibraries(.svg), "SVG needs no library")
    }

    func testMissingLibraryIsOneLineNamingTheSonameAndThePackage() {
        let bogus = CodecLibraries(.gif, sonames: ["libgif.so.999"])
        XCTAssertThrowsError(try bogus.load()) { error in
            guard case let .missingLibrary(format, library, install, reason) = error as? VizError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(format, "GIF")
            XCTAssertEqual(library, "libgif.so.999")
            XCTAssertEqual(install, "apt install libgif999")
            XCTAssertTrue(reason.contains("libgif.so.999"), reason)
            XCTAssertEqual("\(error)", "GIF output needs libgif.so.999, which could not be loaded; install it with 'apt install libgif999', or write an .svg")
        }
    }

    func testTheFailingLibraryOfSeveralIsNamed() {
        let bogus = CodecLibraries(.webp, sonames: ["libwebp.so.7", "libwebpmux.so.99"])
        XCTAssertThrowsError(try bogus.load()) { error in
            guard case let .missingLibrary(_, library, install, _) = error as? VizError else { return XCTFail("\(error)") }
            XCTAssertEqual(library, "libwebpmux.so.99")
            XCTAssertEqual(install, "apt install libwebpmux99")
        }
        // A library that opens but lacks the encoder's functions (libc has no WebPAnimEncoderAdd) is named too.
        XCTAssertThrowsError(try CodecLibraries(.webp, sonames: ["libc.so.6", "libc.so.6"]).load()) { error in
            guard case let .missingLibrary(_, library, _, reason) = error as? VizError else { return XCTFail("\(error)") }
            XCTAssertEqual(library, "libc.so.6")
            XCTAssertTrue(reason.contains("has no function WebP"), reason)
        }
    }

    func testDebianPackageNamesFollowTheSoname() {
        #if os(Linux)
        XCTAssertEqual(CodecLibraries.installHint("libgif.so.7"), "apt install libgif7")
        XCTAssertEqual(CodecLibraries.installHint("libavcodec.so.59"), "apt install libavcodec59")
        XCTAssertEqual(CodecLibraries.installHint("libwebpmux.so.3"), "apt install libwebpmux3")
        XCTAssertEqual(CodecLibraries.installHint("libx264.so.164"), "apt install libx264-164")
        #endif
    }

    /// After a failed attempt with a bogus soname, the real libraries still load and write decodable files.
    func testRealLibrariesStillEncodeAfterAFailedLoad() throws {
        XCTAssertThrowsError(try CodecLibraries(.gif, sonames: ["libgif.so.999"]).load())
        XCTAssertThrowsError(try CodecLibraries(.mp4, sonames: ["libavutil.so.1"]).load())
        for format in [AnimationFormat.gif, .webp, .mp4] { XCTAssertNoThrow(try CodecLibraries.require(format)) }

        // 32 black then 32 red pixels (opaque ARGB32 words): both colours are kept exactly.
        let words = [UInt32](repeating: 0xFF00_0000, count: 32) + [UInt32](repeating: 0xFFFF_0000, count: 32)
        let palette = IndexedPalette(samples: [words])
        let gif = try GIFEncoder(width: 8, height: 8, palette: palette, loop: true)
        try gif.add(palette.indices(of: words), delay: 7)
        let decoded = try DecodedGIF(try gif.finish())
        XCTAssertEqual(decoded.frames.count, 1)
        XCTAssertEqual(decoded.delays, [7])
        XCTAssertTrue(decoded.loops)
        XCTAssertEqual(Array(decoded.frames[0][0..<3]), [0, 0, 0])
        XCTAssertEqual(Array(decoded.frames[0][189..<192]), [255, 0, 0])

        let red: [UInt8] = (0..<(8 * 8 * 4)).map { $0 % 4 == 2 || $0 % 4 == 3 ? 255 : 0 }
        let webp = try WebPEncoder(width: 8, height: 8, loop: false)
        try webp.add(red, timestamp: 0)
        let w = try DecodedWebP(try webp.finish(end: 100))
        XCTAssertEqual(w.frames.count, 1)
        XCTAssertEqual(Array(w.frames[0][0..<4]), [255, 0, 0, 255])

        let mp4 = try MP4Encoder(width: 16, height: 16, fps: 10)
        try mp4.add([UInt8](repeating: 128, count: 16 * 16 * 4), frameWidth: 16, repeat: 3)
        let bytes = try mp4.finish()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codec-\(getpid()).mp4")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let probe = try ProbedMP4(path: url.path)
        XCTAssertEqual(probe.codec, "h264")
        XCTAssertEqual(probe.packets, 3)
        XCTAssertEqual(probe.framesPerSecond, 10, accuracy: 1e-9)
    }
}
