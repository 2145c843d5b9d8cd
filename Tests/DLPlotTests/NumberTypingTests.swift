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
                       "--lr: '0x10' is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        XCTAssertEqual(message { _ = try NumberArguments.finite("1e-400", option: "--lr") },
                       "--lr: '1e-400' underflows to 0 in float64 (the smallest positive double is 5e-324)")
        XCTAssertEqual(message { _ = try NumberArguments.finite("1e400", option: "--lr") },
                       "--lr: '1e400' overflows float64 (the largest double is 1.8e308)")
        XCTAssertEqual(message { _ = try NumberArguments.finite("inf", option: "--lr") },
                       "--lr: 'inf' is not finite; expected a finite decimal number")
        XCTAssertEqual(try NumberArguments.finite("0e-500", option: "--x"), 0)
        XCTAssertEqual(try NumberArguments.finite("-0.000", option: "--x"), 0)
        XCTAssertEqual(try NumberArguments.finite("5e-324", option: "--x"), Double.leastNonzeroMagnitude)
        XCTAssertTrue(message { _ = try DLPlot.SurfaceCommand.parse(["bowl", "--opt", "gd:lr=-1"]).makeFigure() }
            .contains("-1 is not allowed; the learning rate must be > 0"))
    }

    func testAOneStepCurveHasWholeStepTicks() throws {
        let figure = try DLPlot.CurvesCommand.parse(["--surface", "ellipse", "--optimizers", "gd,adam", "--steps", "1"]).makeFigure().0
        for panel in figure.panels {
            XCTAssertEqual(panel.axes.xTickLabels?.map(\.label), ["0", "1"])
        }
    }
}
