import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Typed functions whose values explode, go negative on a log axis, or are undefined on part of the view:
/// the figures keep every curve readable and say what they leave out (tried as a new user would).
final class TypedFunctionHonestyTests: XCTestCase {
    /// `activation 'exp(exp(x))' --log-y` exited 1 ("invalid y limits for a log scale '-1.58:33.3'"): the
    /// clipped linear window was handed to the log axis. Now the limits are fitted to log₁₀ of the values:
    /// f′ = e^x·e^(e^x) runs from about 0.0025 at x = −6 to 6.5×10¹⁷⁷ at x = 6, all of it shown.
    func testLogYOnADoubleExponentialDrawsEverything() throws {
        let r = try runDLPlot(["activation", "exp(exp(x))", "--log-y", "-o", "-", "--format", "svg"])
        XCTAssertEqual(r.status, 0, r.stderr)
        var cmd = try DLPlot.ActivationCommand.parse(["exp(exp(x))", "--log-y"])
        try cmd.validate()
        let (figure, _) = try cmd.makeFigure()
        let y = try XCTUnwrap(figure.panels.first?.axes.yLimits)
        let fTop = exp(exp(6.0)) * exp(6.0), dfLow = exp(exp(-6.0)) * exp(-6.0)
        XCTAssertGreaterThan(y.lower, 0)
        XCTAssertLessThan(y.lower, dfLow)
        XCTAssertGreaterThan(y.upper, fTop)
        // 5 % of the decades shown, each side: log₁₀ from log₁₀(f′(−6)) to log₁₀(f(6)).
        let decades = log10(fTop) - log10(dfLow)
        XCTAssertEqual(log10(y.upper), log10(fTop) + 0.05 * decades, accuracy: 0.05 * decades * 0.02)
        XCTAssertNil(figure.footnote)
    }

    /// x^x on a log axis: the minimum f(1/e) = 0.692 is inside the view (the axis started at 100), and the
    /// footnote says that f′ ≤ 0 on (0, 1/e) is not drawn.
    func testLogYShowsTheMinimumOfXToTheXAndNamesWhatItLeavesOut() throws {
        var cmd = try DLPlot.ActivationCommand.parse(["x^x", "--log-y"])
        try cmd.validate()
        let (figure, _) = try cmd.makeFigure()
        let y = try XCTUnwrap(figure.panels.first?.axes.yLimits)
        XCTAssertLessThan(y.lower, exp(-1 / M_E))
        XCTAssertGreaterThan(y.upper, pow(6, 6))
        XCTAssertEqual(figure.footnote, "$f'$ ≤ 0 for 0 < $x$ < 0.37 (not drawn on the log axis)")
    }

    /// A grid with one exploding function: e^(e^x)'s f′ reaches 2.8×10²⁵ at x = 4 and set the shared y axis
    /// (×10²⁵), flattening all six panels. It now keeps its own clipped range, x^x its own (clipped above
    /// 6.85, where its minimum 0.692 at 1/e shows; its f′ reaches 4⁴·(log 4 + 1) ≈ 611), and the others
    /// share [−2, 4] padded; the subtitle names both.
    func testAnExplodingPanelKeepsItsOwnRangeAndTheOthersStayReadable() throws {
        let names = "x*sigmoid(1.702*x),abs(x),1/x,x^x,sqrt(x),exp(exp(x))"
        let (figure, _) = try DLPlot.ActivationsCommand.parse(["--names", names]).makeFigure()
        let limits = try figure.panels.map { try XCTUnwrap($0.axes.yLimits) }
        for k in [0, 1, 2, 4] {
            XCTAssertEqual(limits[k].lower, -2 - 0.05 * 6, accuracy: 1e-9)
            XCTAssertEqual(limits[k].upper, 4 + 0.05 * 6, accuracy: 1e-9)
        }
        XCTAssertGreaterThan(limits[3].upper, 6.85)
        XCTAssertLessThan(limits[3].upper, 8)
        XCTAssertLessThan(limits[5].upper, 1e4)
        XCTAssertGreaterThan(limits[5].upper, 100)
        // Each own range is labelled; so is the shared panel right of one (√x, after x^x).
        XCTAssertEqual(figure.panels.map(\.axes.showYTickLabels), [true, false, false, true, true, true])
        let subtitle = try XCTUnwrap(figure.subtitle)
        XCTAssertTrue(subtitle.hasPrefix("$x$ from −4 to 4 in every panel; own y scale: $x^{x}$ clipped above 6.85, "), subtitle)
        XCTAssertTrue(subtitle.contains(" clipped above 1"), subtitle)
        // Where e^(e^x) leaves its view, a triangle marks it.
        XCTAssertTrue(figure.panels[5].axes.marks.contains { ($0 as? ScatterMark)?.shape == .triangle })
    }

    /// `activations --log-y` exited 1 the same way (a shared range from −2.9); every range is now above 0.
    func testGridOnALogAxisHasPositiveLimits() throws {
        var cmd = try DLPlot.ActivationsCommand.parse(["--names", "sigmoid,x^2,exp(exp(x))", "--log-y"])
        try cmd.validate()
        let (figure, _) = try cmd.makeFigure()
        for panel in figure.panels { XCTAssertGreaterThan(try XCTUnwrap(panel.axes.yLimits).lower, 0) }
        let r = try runDLPlot(["activations", "--names", "sigmoid,x^2,exp(exp(x))", "--log-y", "-o", "-", "--format", "svg"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// Where a typed function is undefined the plot is hatched grey (as surfaces are), not left blank:
    /// √x for x < 0, log(x) for x ≤ 0, and nothing for x².
    func testUndefinedRegionsAreHatched() throws {
        for (text, expected) in [("sqrt(x)", [-6.0...0]), ("log(x)", [-6.0...0]), ("x^2", []), ("sqrt(1-x^2)", [-6.0...(-1), 1.0...6])] {
            var figure = try Figure(width: 1280, height: 720)
            _ = ActivationFigure(activations: [try Activation(expression: MathExpression(text))]).build(into: &figure)
            let bands = try XCTUnwrap(figure.panels.first).axes.marks.compactMap { $0 as? BandMark }.filter { $0.hatch != nil }
            XCTAssertEqual(bands.count, expected.count, text)
            for (band, range) in zip(bands, expected) {
                XCTAssertEqual(band.lower, range.lowerBound, accuracy: 1e-9, text)
                XCTAssertEqual(band.upper, range.upperBound, accuracy: 1e-9, text)
                XCTAssertEqual(band.text, "$f$ undefined")
            }
        }
    }

    /// `--log-y` on other figures whose limits were fitted for a linear axis (lr on x² − 5, pitfalls) was an
    /// internal error with exit 1; it now fits the positive data and says what it leaves out, and a plot with
    /// nothing above 0 is refused in one line naming --log-y (exit 64, nothing written).
    func testLogYNeverFailsWithExitOne() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for args in [["lr", "--function", "x^2-5"], ["pitfalls", "--function", "x^4-3*x^2+x"]] {
            let r = try runDLPlot(args + ["--log-y", "-o", "a.png", "--layout-report", "a.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let report = try String(contentsOf: dir.appendingPathComponent("a.json"), encoding: .utf8)
            XCTAssertTrue(report.contains("values ≤ 0 are not drawn on the log axis"), args.joined(separator: " "))
        }
        let negative = try runDLPlot(["activation", "--log-y", "-o", "n.png", "--", "-exp(x)"], in: dir)
        XCTAssertEqual(negative.status, 64)
        XCTAssertEqual(negative.stderr, "Error: invalid --log-y: no value on the y axis is above 0; drop --log-y, or plot a function with positive values\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("n.png").path))
    }

    /// In a view 10⁻⁹ wide the end point (1.04×10⁻⁹, 4.9×10⁻¹⁰) was printed "(1×10⁻⁹, 0.00)", which reads as
    /// the bottom edge of the view; coordinates now keep the view's precision (a thousandth of its side).
    /// Views of ordinary size keep two decimals, and a pole's note names its place in a tiny view too.
    func testCoordinatesKeepTheViewsPrecision() throws {
        XCTAssertEqual(SurfaceRun.coordinate(4.94e-10, span: 1e-9), "4.94×10⁻¹⁰")
        XCTAssertEqual(SurfaceRun.coordinate(1.0417e-9, span: 1e-9), "1.04×10⁻⁹")
        XCTAssertEqual(SurfaceRun.coordinate(4e-16, span: 1e-9), "0")
        XCTAssertEqual(SurfaceRun.coordinate(-0.0123, span: 0.05), "−0.0123")
        XCTAssertEqual(SurfaceRun.coordinate(2.4149, span: 6), "2.41")
        // Not "0.00" for a value that is not 0; rounding noise beside a coordinate 10⁹ times larger is 0.
        XCTAssertEqual(SurfaceRun.coordinate(6.8e-15, span: 6), "6.8×10⁻¹⁵")
        XCTAssertEqual(SurfaceRun.coordinate(6.8e-15, span: 6, beside: 2.41), "0")
        XCTAssertEqual(SurfaceRun.coordinate(4.5e-4, span: 6), "4.5×10⁻⁴")
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["surface", "x^2+y^2", "--xrange", "1e-9:2e-9", "--yrange", "0:1e-9", "--optimizers", "gd",
                               "-o", "t.png", "--layout-report", "t.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        // A legend beside the map may split an entry's result after its last comma (lines joined by "; ").
        let report = try String(contentsOf: dir.appendingPathComponent("t.json"), encoding: .utf8).replacingOccurrences(of: ",; ", with: ", ")
        XCTAssertTrue(report.contains("→ (1.04×10⁻⁹, 4.94×10⁻¹⁰), f = 1.33×10⁻¹⁸"), report)
        let pole = try runDLPlot(["surface", "1/((x-5e-10)^2+y^2)", "--xrange", "-1e-9:1e-9", "--yrange", "-1e-9:1e-9",
                                  "--optimizers", "gd", "-o", "p.png", "--layout-report", "p.json"], in: dir)
        XCTAssertEqual(pole.status, 0, pole.stderr)
        let poleReport = try String(contentsOf: dir.appendingPathComponent("p.json"), encoding: .utf8)
        XCTAssertTrue(poleReport.contains("f → ∞ at (5×10⁻¹⁰, 0)"), poleReport)
    }

    /// `--param` values: a constant expression is a value (`beta=pi/4`, `1/3`), labelled as typed in a family's
    /// legend (not 0.7853981633974483); a value below the smallest double (1e-400 was silently 0) and a name
    /// that is no identifier ('a b' was accepted) are refused; pi and e stay constants, and the message says so.
    func testParameterValuesMayBeConstants() throws {
        let r = try runDLPlot(["eval", "activation", "x*sigmoid(beta*x)", "--param", "beta=pi/4", "--x", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "x,y,dy\n1.0,\(1 / (1 + exp(-Double.pi / 4))),\(try MathExpression("x*sigmoid(beta*x)", parameters: ["beta": .pi / 4]).derivative(1))\n")
        let refusals: [(String, String)] = [
            ("beta=1e-400", "invalid --param 'beta=1e-400': '1e-400' underflows to 0 in float64 (the smallest positive double is 5e-324)"),
            ("beta=1e999", "invalid --param 'beta=1e999': '1e999' overflows float64 (the largest double is 1.8e308)"),
            ("beta=x", "invalid --param 'beta=x': 'x' is not a number; give a number such as 0.5, or a constant such as pi/4 or 1/3"),
            ("a b=1", "invalid --param 'a b=1': 'a b' cannot name a parameter; use ASCII letters, digits and _, starting with a letter"),
            ("e=2", "invalid --param 'e=2': 'e' is the constant e = 2.71828… in every expression and cannot be a parameter; choose another name"),
        ]
        for (param, message) in refusals {
            let bad = try runDLPlot(["eval", "activation", "x*sigmoid(beta*x)", "--param", param, "--x", "1"])
            XCTAssertEqual(bad.status, 64, param)
            XCTAssertEqual(bad.stderr, "Error: " + message + "\n")
        }
        let family = try ["pi/4", "1/3", "2", "0.123456789", "3*pi/4"].map {
            try Activation(expression: MathExpression("x*sigmoid(beta*x)", parameters: ["beta": FunctionArguments.parameterValue($0, item: $0, option: "--param")]))
        }
        XCTAssertEqual(family.compactMap { $0.expression?.parameterLabel },
                       ["$\\beta = \\pi/4$", "$\\beta = 1/3$", "$\\beta = 2$", "$\\beta = 0.1235$", "$\\beta = 3\\pi/4$"])
    }

    /// sin(50x) + y² has ~48 minima along y = 0 in [−3, 3]; the critical-point search (a 60-step grid) aliased
    /// them into 9 "min" stars and 5 "saddle" diamonds 2.5 apart, and the default view was widened to
    /// [−12.2, 9.5] to hold aliased "global minima". Now the oscillation is measured (period 2π/50 ≈ 0.126),
    /// nothing false is marked, the view stays [−3, 3]², and the footnote says why.
    func testFastOscillationIsMeasuredNotAliased() throws {
        let f = try MathExpression("sin(50*x)+y^2", dimension: 2)
        let period = try XCTUnwrap(Oscillation.shortestPeriod(f, in: ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3)))
        XCTAssertEqual(period, 2 * Double.pi / 50, accuracy: 0.01)
        let s = Surface(expression: f)
        XCTAssertEqual(s.viewBox, ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3))
        XCTAssertEqual(s.minima, [])
        XCTAssertEqual(s.saddles, [])
        XCTAssertEqual(try XCTUnwrap(s.unresolvedPeriod), 2 * Double.pi / 50, accuracy: 0.01)
        // A slow one is resolved as before: typed Himmelblau keeps its four minima, Rastrigin its grid of them.
        XCTAssertNil(Oscillation.shortestPeriod(try MathExpression("(x^2+y-11)^2+(x+y^2-7)^2", dimension: 2),
                                                in: ViewBox(xmin: -5, xmax: 5, ymin: -5, ymax: 5)))
        XCTAssertEqual(Surface(expression: try MathExpression("(x^2+y-11)^2+(x+y^2-7)^2", dimension: 2)).minima.count, 4)
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["surface", "sin(50*x)+y^2", "--optimizers", "gd", "-o", "s.png", "--layout-report", "s.json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let report = try String(contentsOf: dir.appendingPathComponent("s.json"), encoding: .utf8)
        XCTAssertTrue(report.contains("f oscillates with period ≈ 0.13: too fast to mark its minima and saddles"), report)
        XCTAssertFalse(report.contains("\"min"), report)
        // Over a wide view the plotted grid cannot follow it either, and the note says so.
        let wide = try runDLPlot(["surface", "sin(50*x)+y^2", "--xrange", "-30:30", "--yrange", "-3:3", "--optimizers", "gd",
                                  "-o", "w.png", "--layout-report", "w.json"], in: dir)
        XCTAssertEqual(wide.status, 0, wide.stderr)
        let wideReport = try String(contentsOf: dir.appendingPathComponent("w.json"), encoding: .utf8)
        XCTAssertTrue(wideReport.contains("or for the colours to follow it (narrow the view with --xrange/--yrange)"), wideReport)
    }

    /// log(x·y) is −∞ on both axes and undefined where x and y have opposite signs: the notes say both
    /// (it said only "f undefined (NaN) on 50 % of the view", and nothing of f → −∞).
    func testSingularAxesAndQuadrantsAreNamed() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (expression, note) in [("log(x*y)", "f → −∞ along x = 0 and y = 0 (no minimum); f undefined (NaN) for x·y < 0, hatched grey"),
                                   ("1/x + y^2", "f → ±∞ along x = 0 (no minimum)"),
                                   ("1/x^2 + y^2", "f → ∞ along x = 0")] {
            let r = try runDLPlot(["surface", expression, "--optimizers", "gd", "-o", "l.png", "--layout-report", "l.json"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let report = try String(contentsOf: dir.appendingPathComponent("l.json"), encoding: .utf8)
            XCTAssertTrue(report.contains(note), expression + ": " + report)
        }
    }

    /// `lr --function 'abs(x)'` chose 2.4×10⁻⁶, 2.4×10⁻⁵ and 5.3×10⁻⁵ (the "curvature" across the kink is
    /// 1/h), three panels where nothing moves; `sqrt(x)` chose 1.8, 18 and 39, three that leave the domain.
    /// Where the way is kinked, or there is no minimum to head for, the rates come from the distance to go and
    /// the slope: |x| from 2.4 (slope 1): 0.04, 0.4, 5.3; √x from 2.69 towards its edge at 0 (slope 0.305):
    /// 0.15, 1.5, 19. Smooth functions keep the curvature rule (x² from 2.4: 0.05, 0.5, 1.1).
    func testDefaultRatesOnKinksAndDomainEdges() throws {
        XCTAssertEqual(try Curve1D(expression: MathExpression("abs(x)")).suggestedRates(from: 2.4), [0.04, 0.4, 5.3])
        let root = try Curve1D(expression: MathExpression("sqrt(x)"))
        XCTAssertEqual(root.suggestedRates(from: 2.69), [0.15, 1.5, 19])
        XCTAssertEqual(try Curve1D(expression: MathExpression("x^2")).suggestedRates(from: 2.4), [0.05, 0.5, 1.1])
        XCTAssertEqual(try Curve1D(expression: MathExpression("x^4 - 3*x^2 + x")).suggestedRates(from: 2.4), [0.0016, 0.016, 0.24])
        // The three panels on |x| tell three stories.
        let (figure, _) = try DLPlot.LearningRateCommand.parse(["--function", "abs(x)"]).makeFigure()
        XCTAssertEqual(figure.panels.compactMap(\.axes.title), ["$\\alpha$ = 0.04: too small", "$\\alpha$ = 0.4: good", "$\\alpha$ = 5.3: oscillates"])
    }
}
