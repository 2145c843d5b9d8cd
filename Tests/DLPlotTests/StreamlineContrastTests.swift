import Foundation
import TestSupport
import XCTest

/// Y14-15: `surface booth --style lines --streamlines` drew white streamlines on the white plot (858 pixels differed
/// from the figure without them, faintly), and on the filled style white over viridis's yellow hardly showed.
/// Streamlines keep a contrast on every theme and style: the theme's foreground over a plain background, white
/// with a dark rim over the fills.
final class StreamlineContrastTests: XCTestCase {
    private static func luminance(_ p: (r: UInt8, g: UInt8, b: UInt8, a: UInt8)) -> Double {
        0.2126 * Double(p.r) + 0.7152 * Double(p.g) + 0.0722 * Double(p.b)
    }

    /// The two figures, with and without `extra`, decoded.
    private func pair(_ arguments: [String], _ extra: String, in dir: URL) throws -> (DecodedPNG, DecodedPNG) {
        let a = try runDLPlot(["surface", "booth"] + arguments + ["-o", "without.png"], in: dir)
        let b = try runDLPlot(["surface", "booth"] + arguments + [extra, "-o", "with.png"], in: dir)
        XCTAssertEqual(a.status, 0, a.stderr); XCTAssertEqual(b.status, 0, b.stderr)
        return (try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("without.png")))),
                try DecodedPNG([UInt8](try Data(contentsOf: dir.appendingPathComponent("with.png")))))
    }

    func testStreamlinesStandOutFromAPlainBackgroundOnEveryTheme() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for theme in ["light", "dark", "print"] {
            let (without, with) = try pair(["--style", "lines", "--theme", theme], "--streamlines", in: dir)
            var strong = 0
            for y in 0..<with.height { for x in 0..<with.width where abs(Self.luminance(with.pixel(x, y)) - Self.luminance(without.pixel(x, y))) >= 60 {
                strong += 1
            } }
            // Before: 858 pixels differed on the light theme, none by this much.
            XCTAssertGreaterThan(strong, 4000, "\(theme): streamlines differ clearly from the background in \(strong) pixels")
        }
    }

    func testStreamlinesAndArrowsReadOnTheFillsLightestColours() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for extra in ["--streamlines", "--arrows"] {
            let (without, with) = try pair([], extra, in: dir)
            // The light end of viridis (yellow and light green: Booth's corner at (−10, −10)).
            var light = 0, strong = 0
            for y in 0..<with.height { for x in 0..<with.width {
                let p = without.pixel(x, y)
                guard p.g > 180, p.b < 130, p.r > 100 else { continue }
                light += 1
                if abs(Self.luminance(with.pixel(x, y)) - Self.luminance(p)) >= 50 { strong += 1 }
            } }
            XCTAssertGreaterThan(light, 1000, "the figure has a light corner")
            // Before: white at 55 % over yellow moved no pixel's luminance this much (a dark rim does).
            XCTAssertGreaterThan(strong, 60, "\(extra): \(strong) of \(light) pixels of the light fills changed clearly")
        }
    }
}
