import Foundation
import XCTest
@testable import dlplot

/// Every number typed on the command line is read as a decimal number: Swift's `Double(_:)` also reads
/// hexadecimal floats (`0x10` is 16), `inf` and `nan`, and `--fps 0x10` drew at 16 frames per second,
/// `--hold 0x1` held for a second and `--dpi 0x100` drew at 256 dpi, while `--start 0x1,1` was refused.
final class DecimalOptionsCLITests: XCTestCase {
    /// One refusal line on standard error, exit 64, nothing written.
    func assertRefused(_ arguments: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(arguments, in: dir)
        XCTAssertEqual(r.status, 64, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, "Error: " + expected + "\n", file: file, line: line)
        XCTAssertEqual(listing(dir), [], "nothing written", file: file, line: line)
    }

    func testAnimationNumbersAreDecimal() throws {
        let animate = ["surface", "bowl", "--optimizers", "gd", "--steps", "4", "--size", "320x200", "--dpi", "64", "--animate"]
        try assertRefused(animate + ["--fps", "0x10", "--frames", "3", "-o", "a.gif"],
                          "invalid --fps '0x10': expected a frame rate from 1 to 60 per second")
        try assertRefused(animate + ["--fps", "inf", "--frames", "3", "-o", "a.svg"], "invalid --fps 'inf': expected a frame rate from 1 to 60 per second")
        try assertRefused(animate + ["--hold", "0x1", "--frames", "3", "-o", "a.svg"], "invalid --hold '0x1': expected seconds from 0 to 60")
        try assertRefused(animate + ["--duration", "nan", "-o", "a.svg"], "invalid --duration 'nan': expected seconds from 0.1 to 600")
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(animate + ["--fps", "24", "--hold", " 0.5", "--loop", "--frames", "3", "-o", "a.svg"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let svg = try String(contentsOf: dir.appendingPathComponent("a.svg"), encoding: .utf8)
        // A loop of 3 frames at 24 fps (125 ms) and the last held 0.5 s.
        XCTAssertEqual(svg.matches(of: /animation-duration:([0-9]+)ms/).map { String($0.1) }, ["625"])
    }

    /// The options ArgumentParser read as `Double` (--dpi, --font-scale, --azimuth, …) and the ones read
    /// from text (--size, --range, --smooth) refuse what is not a decimal number, naming the option.
    func testOtherNumberOptionsAreDecimal() throws {
        try assertRefused(["activation", "sigmoid", "--dpi", "0x100", "-o", "a.png"],
                          "invalid --dpi '0x100': is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        try assertRefused(["activation", "sigmoid", "--font-scale", "0x1", "-o", "a.png"],
                          "invalid --font-scale '0x1': is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        try assertRefused(["surface", "bowl", "--view", "3d", "--azimuth", "0x10", "-o", "a.png"],
                          "invalid --azimuth '0x10': is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        try assertRefused(["activation", "sigmoid", "--size", "infx720", "-o", "a.png"],
                          "invalid --size 'infx720': expected WxH in pixels (e.g. 1280x720) or with a unit (8x4.5in, 20x12cm, 576x324pt)")
        try assertRefused(["activation", "sigmoid", "--range", "0x1:0x2", "-o", "a.png"],
                          "invalid --range '0x1:0x2': '0x1' is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        try assertRefused(["runs", "log.csv", "--smooth", "0x0.8p0", "-o", "a.png"],
                          "invalid --smooth '0x0.8p0': expected a weight w with 0 ≤ w < 1 (TensorBoard's default is 0.6)")
    }

    /// ArgumentParser shows no default for an option read through a transform: the help says it itself.
    func testTheDecimalOptionsStillShowTheirDefaults() {
        let help = DLPlot.ActivationsCommand.helpMessage(columns: 400)
        XCTAssertTrue(help.contains("Multiplies every font size (1.3 for the back of a lecture hall). (default: 1)"), help)
        XCTAssertTrue(help.contains("Shade where |f′| < τ (absolute threshold). (default: 0.05)"), help)
    }

    func testNumbersAreDecimalWhereverTheyAreRead() {
        XCTAssertEqual(NumberArguments.decimal(" -1.5e2 "), -150)
        XCTAssertEqual(NumberArguments.decimal("1e400"), .infinity, "finite words the overflow")
        for text in ["0x10", "0x1p3", "inf", "-infinity", "nan", "", "1_000", "½"] {
            XCTAssertNil(NumberArguments.decimal(text), text)
        }
    }

    func testCommaListsSplitOnceForFormulasAndOptimizers() {
        XCTAssertEqual(ListItems.topLevel("relu,max(x, 0.1*x)"), ["relu", "max(x, 0.1*x)"])
        XCTAssertEqual(ListItems.topLevel("a, Adam(lr=0.1, betas=(0.9, 0.99)),c"), ["a", " Adam(lr=0.1, betas=(0.9, 0.99))", "c"])
        XCTAssertEqual(ListItems.topLevel("x[1,2],'a,b'"), ["x[1,2]", "'a,b'"])
        XCTAssertEqual(ListItems.topLevel(""), [""])
    }
}
