import Foundation
import XCTest
@testable import Figures
@testable import dlplot

/// Numbers as typed: a hexadecimal float (0x10) was read as 16 though every message promises decimals; 1e-400
/// was "not allowed; the learning rate must be > 0" (it is > 0 as typed: it underflows); `--opt gd:lr=-1`
/// quoted "-1.0"; `curves --steps 1` had fractional step ticks.
final class NumberTypingTests: XCTestCase {
    func message(_ body: () throws -> Void) -> String {
        do { try body() } catch { return "\(error)" }
        return ""
    }

    func testNumbersAreDecimalAndTheirLimitsAreSaid() {
        XCTAssertEqual(message { _ = try NumberArguments.finite("0x10", option: "--lr") },
                       "invalid --lr '0x10': is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        XCTAssertEqual(message { _ = try NumberArguments.finite("1e-400", option: "--lr") },
                       "invalid --lr '1e-400': underflows to 0 in float64 (the smallest positive double is 5e-324)")
        XCTAssertEqual(message { _ = try NumberArguments.finite("1e400", option: "--lr") },
                       "invalid --lr '1e400': overflows float64 (the largest double is 1.8e308)")
        XCTAssertEqual(message { _ = try NumberArguments.finite("inf", option: "--lr") },
                       "invalid --lr 'inf': is not finite; expected a finite decimal number")
        XCTAssertEqual(try NumberArguments.finite("0e-500", option: "--x"), 0)
        XCTAssertEqual(try NumberArguments.finite("-0.000", option: "--x"), 0)
        XCTAssertEqual(try NumberArguments.finite("5e-324", option: "--x"), Double.leastNonzeroMagnitude)
        XCTAssertTrue(message { _ = try DLPlot.SurfaceCommand.parse(["bowl", "--opt", "gd:lr=-1"]).makeFigure() }
            .contains("invalid --opt gd:lr '-1': the learning rate must be > 0"))
    }

    func testAOneStepCurveHasWholeStepTicks() throws {
        let figure = try DLPlot.CurvesCommand.parse(["--surface", "ellipse", "--optimizers", "gd,adam", "--steps", "1"]).makeFigure().0
        for panel in figure.panels {
            XCTAssertEqual(panel.axes.xTickLabels?.map(\.label), ["0", "1"])
        }
    }

    /// A long list is quoted cut to 60 characters in a refusal of one of its items; the quote was once worded
    /// for every item, accepted or not, counting the whole text each time (20000 logits took 4.3 s of CPU).
    func testAListIsQuotedCutAndOnlyWhenAnItemIsRefused() throws {
        let long = (0..<20_000).map { String($0 % 7) }.joined(separator: ",")
        XCTAssertEqual(try NumberArguments.list(long, option: "--logits").count, 20_000)
        XCTAssertEqual(message { _ = try NumberArguments.list(long + ",x", option: "--logits") },
                       "invalid --logits '\(long.prefix(100))…': 'x' is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        let sixty = String(repeating: "1,", count: 29) + "1,"
        XCTAssertEqual(CommandLineErrors.shown(sixty), sixty)
        XCTAssertEqual(CommandLineErrors.shown(sixty + "2"), sixty + "…")
        XCTAssertEqual(CommandLineErrors.shown("é" + sixty, limit: 1), "é…")
    }
}
