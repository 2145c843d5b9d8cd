import ArgumentParser
import Foundation
import Viz
import XCTest
@testable import dlplot

/// The codecs are opened at run time: the dlplot executable does not name them as shared libraries it needs
/// (so it starts, and draws still figures, without them), and `--animate` to a format whose library is
/// missing stops at the checks with one line naming -o, the library and the package.
final class CodecLoadingCLITests: XCTestCase {
    func testExecutableDoesNotLinkTheCodecs() throws {
        #if os(Linux)
        let readelf = ["/usr/bin/readelf", "/bin/readelf"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let readelf else { throw XCTSkip("readelf (binutils) is not installed") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: readelf)
        p.arguments = ["-d", productsDirectory.appendingPathComponent("dlplot").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let needed = text.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        XCTAssertTrue(needed.contains { $0.contains("libcairo") }, "readelf output not understood:\n\(text)")
        for codec in ["libgif", "libwebp", "libavcodec", "libavformat", "libavutil", "libx264"] {
            XCTAssertFalse(needed.contains { $0.contains(codec) }, "dlplot links \(codec) at build time:\n\(needed.joined(separator: "\n"))")
        }
        #endif
    }

    func testMissingCodecIsOneLineNamingTheOutputAndPackage() {
        let bogus = CodecLibraries(.gif, sonames: ["libgif.so.999"])
        XCTAssertThrowsError(try AnimationOutput.requireCodec(.gif, path: "talk/beale.gif", libraries: bogus)) { error in
            XCTAssertEqual((error as? ValidationError)?.message,
                           "invalid -o 'talk/beale.gif': GIF output needs libgif.so.999, which could not be loaded; install it with 'apt install libgif999', or write an .svg")
        }
        let mp4 = CodecLibraries(.mp4, sonames: ["libavutil.so.1"])
        XCTAssertThrowsError(try AnimationOutput.requireCodec(.mp4, path: "a.mp4", libraries: mp4)) { error in
            XCTAssertEqual((error as? ValidationError)?.message,
                           "invalid -o 'a.mp4': MP4 output needs libavutil.so.1, which could not be loaded; install it with 'apt install libavutil1', or write an .svg")
        }
        // The installed libraries pass, and SVG needs none.
        for format in AnimationFormat.allCases { XCTAssertNoThrow(try AnimationOutput.requireCodec(format, path: "x")) }
    }
}
