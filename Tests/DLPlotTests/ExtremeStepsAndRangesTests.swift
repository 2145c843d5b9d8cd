import Foundation
import Optim
import TestSupport
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Extreme but valid values that used to exit 1 with an internal message ("invalid y limits '-inf:inf'",
/// "invalid x range …", "coordinates must be strictly increasing"): drawn honestly, or refused with
/// exit 64 naming the option and the value as typed.
final class ExtremeStepsAndRangesTests: XCTestCase {
    func testAFormulaThatOverflowsIsDrawnWithItsOverflowSaid() throws {
        // x·10³⁰⁸ overflows for |x| > 1.7977: drawn on y limits of ±1.8×10³⁰⁸, the subtitle says where.
        let figure = try DLPlot.ActivationCommand.parse(["x*1e308"]).makeFigure().0
        XCTAssertTrue(figure.subtitle?.contains("f overflows float64 for x > 1.7977") == true, figure.subtitle ?? "")
        let report = try figure.layoutReport()
        let yTicks = report.elements.filter { $0.kind == .tickLabel }.map(\.text)
        XCTAssertTrue(yTicks.contains("1.5") && yTicks.contains("−1.5"), "\(yTicks)")
        XCTAssertTrue(report.elements.contains { $0.kind == .axisLabel && $0.text.hasSuffix("(×10³⁰⁸)") },
                      "\(report.elements.filter { $0.kind == .axisLabel }.map(\.text))")
    }

    func testLogYOnFiguresWithValuesAtOrBelowZeroDrawsTheRestAndSaysSo() throws {
        // activations (f from −2.5), softmax (probabilities from 0) and loss (from 0) set linear limits that
        // a log axis cannot take: once "invalid y limits for a log scale", exit 1.
        func logY<C: FigureCommand>(_ command: C) throws -> Figure {
            var figure = try command.makeFigure().0
            try command.figureOptions.layout.apply(to: &figure, yAxis: !command.drawsItsOwnYAxis)
            return figure
        }
        for figure in [try logY(DLPlot.ActivationsCommand.parse(["--log-y"])), try logY(DLPlot.LossCommand.parse(["--log-y"]))] {
            XCTAssertEqual(figure.footnote?.hasSuffix("values ≤ 0 are not drawn on the log axis"), true,
                           figure.footnote ?? "")
            _ = try figure.render(as: .png)
        }
        _ = try logY(DLPlot.SoftmaxCommand.parse(["--log-y"])).render(as: .png)
        // Nothing above 0: refused, naming --log-y.
        XCTAssertThrowsError(try logY(DLPlot.ActivationCommand.parse(["--no-derivative", "--log-y", "--", "-x^2-1"]))) { error in
            XCTAssertTrue("\(error)".hasPrefix("invalid --log-y: no value on the y axis is above 0"), "\(error)")
        }
    }

    func testAConstantLossCurveIsDrawnOnLimitsAroundIt() throws {
        for value in ["0", "1e308", "5e-324", "-1e10"] {
            let lr = try DLPlot.LearningRateCommand.parse(["--function", value]).makeFigure().0
            let limits = try XCTUnwrap(lr.panels[0].axes.yLimits)
            XCTAssertTrue(limits.lower < limits.upper && limits.lower.isFinite && limits.upper.isFinite, "\(value): \(limits)")
            _ = try lr.render(as: .png)
            _ = try DLPlot.PitfallsCommand.parse(["--function", value]).makeFigure().0.render(as: .png)
        }
    }

    func testTheSmallestTemperatureKeepsALogAxis() throws {
        // T = 5×10⁻³²⁴: half of it rounds to 0, which once set the entropy axis's lower limit (exit 1).
        let recipe = SoftmaxFigure(logits: [2, 1, 0.1], temperatures: [Double.leastNonzeroMagnitude, 1])
        XCTAssertEqual(recipe.entropyRange().lowerBound, Double.leastNonzeroMagnitude)
        let figure = try DLPlot.SoftmaxCommand.parse(["--temperature=5e-324,1"]).makeFigure().0
        _ = try DecodedPNG(try figure.render(as: .png))
    }

    func testARangeTooNarrowForFloat64IsRefusedNamingTheOption() throws {
        for (args, typed) in [(["surface", "bowl", "--optimizers", "gd", "--xrange", "0:5e-324"], "invalid --xrange '0:5e-324'"),
                              (["surface", "bowl", "--optimizers", "gd", "--yrange", "1:1.000000000001"], "invalid --yrange '1:1.000000000001'"),
                              (["activation", "relu", "--range", "0:5e-324"], "--range '0:5e-324'"),
                              (["activation", "relu", "--range", "0:1e-319"], "--range '0:1e-319'"),
                              (["stability", "bowl", "--x-range", "0:1e-310"], "invalid --x-range '0:1e-310'"),
                              (["loss", "--error-range", "0:5e-324"], "--error-range '0:5e-324'")] {
            let dir = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try runDLPlot(args + ["-o", "x.png"], in: dir)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            let lines = r.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains(typed) && r.stderr.contains("too narrow to draw"), r.stderr)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        }
        // 10⁻³⁰⁰ wide is still a view (the smallest normal double is 2.2×10⁻³⁰⁸).
        XCTAssertNil(NumberArguments.tooNarrow(0, 1e-300))
        XCTAssertNil(NumberArguments.tooNarrow(1e6, 1.000001e6))
        XCTAssertNotNil(NumberArguments.tooNarrow(1, 1 + 1e-12))
    }

    func testStepsThatGrowSayTheRunDivergesAndLabelEveryPanel() throws {
        // GD on x² + y², lr 10: each step multiplies (x, y) by 1 − 2·10 = −19, f by 361:
        // f₀ = 10.25, f₄ = 10.25·361⁴ = 1.74×10¹¹.
        let figure = try DLPlot.StepsCommand.parse(["--optimizer", "gd", "--surface", "bowl", "--lr", "10"]).makeFigure().0
        XCTAssertEqual(figure.title, "gd lr=10 on bowl, step by step")
        let subtitle = figure.subtitle ?? ""
        XCTAssertTrue(subtitle.contains("diverges: f grows at every step (10.3 → 1.74×10¹¹ by step 4)"), subtitle)
        XCTAssertTrue(subtitle.contains("each panel has its own scale"), subtitle)
        let report = try figure.layoutReport()
        XCTAssertFalse(report.elements.contains { $0.text.hasPrefix("value") }, "a y axis named 'value'")
        // Panel 4 (x and y up to 3.3×10⁵) names y with its own power of ten (not a bare "×10⁶").
        XCTAssertTrue(report.elements.contains { $0.kind == .axisLabel && $0.panel == 3 && $0.text.hasPrefix("$y$ (×10") },
                      "\(report.elements.filter { $0.kind == .axisLabel }.map(\.text))")
        // A converging strip says nothing of divergence.
        let calm = try DLPlot.StepsCommand.parse(["--optimizer", "momentum", "--surface", "ellipse"]).makeFigure().0
        XCTAssertFalse(calm.subtitle?.contains("diverges") == true, calm.subtitle ?? "")
    }

    func testAStepThatOverflowsIsDrawnAsAnArrowAndSaid() throws {
        // lr 10³⁰⁰: step 1 goes to (−5×10³⁰⁰, −4×10³⁰⁰), step 2 to (+∞, +∞).
        let figure = try DLPlot.StepsCommand.parse(["--optimizer", "gd", "--surface", "bowl", "--lr", "1e300"]).makeFigure().0
        XCTAssertEqual(figure.title, "gd lr=1×10³⁰⁰ on bowl, step by step")
        XCTAssertTrue(figure.subtitle?.contains("diverges: step 2 overflows float64 (x, y → ∞)") == true, figure.subtitle ?? "")
        XCTAssertEqual(figure.panels.prefix(2).map(\.axes.title), ["step 1", "step 2 overflows"])
        let arrow = try XCTUnwrap(figure.panels[1].axes.marks.compactMap { $0 as? ArrowMark }.first)
        XCTAssertEqual(arrow.from.x, -5e300, accuracy: 1e286)
        XCTAssertGreaterThan(arrow.to.x, arrow.from.x)
        XCTAssertGreaterThan(arrow.to.y, arrow.from.y)
        _ = try DecodedPNG(try figure.render(as: .png))
        // Adam: v̂ overflows after step 1, so steps 2–4 do not move; f overflows from step 1.
        let adam = try DLPlot.StepsCommand.parse(["--optimizer", "adam", "--surface", "bowl", "--lr", "1e300"]).makeFigure().0
        XCTAssertTrue(adam.subtitle?.contains("diverges: f overflows float64 from step 1") == true, adam.subtitle ?? "")
        XCTAssertEqual(adam.panels.prefix(4).map(\.axes.title), ["step 1", "step 2: no move", "step 3: no move", "step 4: no move"])
        _ = try DecodedPNG(try adam.render(as: .png))
    }

    func testLearningRatesInLegendsAndTitlesAreWrittenExactlyInTheFiguresForm() throws {
        let surface = try DLPlot.SurfaceCommand.parse(["rosenbrock", "--optimizers", "gd", "--lr", "1e10"]).makeFigure().0
        let legend = surface.panels[0].axes.marks.flatMap { $0.legendEntries.map(\.label) }
        XCTAssertTrue(legend.contains { $0.hasPrefix("gd lr=1×10¹⁰") }, "\(legend)")
        XCTAssertFalse(legend.contains { $0.contains("10000000000") }, "\(legend)")
        let rates = try DLPlot.LearningRateCommand.parse(["--rates", "1.0,0.5,0.999,1.001"]).makeFigure().0
        let titles = rates.panels.compactMap(\.axes.title)
        XCTAssertEqual(titles.filter { $0.hasPrefix("$\\alpha$ = 1: ") || $0.hasPrefix("$\\alpha$ = 1.001: ") }.count, 2, "\(titles)")
        XCTAssertTrue(titles.contains("$\\alpha$ = 1.001: diverges"), "\(titles)")
    }
}
