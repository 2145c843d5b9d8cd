import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Claims of the sixth new-user pass, each checked against the numbers the figure draws.
final class PassSixClaimsTests: XCTestCase {
    private func labels(_ axes: Axes) -> [String] { axes.marks.compactMap { ($0 as? LineMark)?.label } }

    /// Y6-4: x³ and eˣ overflow float64 (NaN at every layer): they were "0 at every layer", as if vanishing;
    /// binary step, 0 at layers 1–49 (f′ = 0) and finite at the output layer, got no word and no mark.
    func testVanishingSaysNaNForOverflowAndZeroWhereItIsZero() throws {
        let command = try DLPlot.VanishingCommand.parse(["--activations", "x^3,exp(x),sigmoid,binary_step", "--depth", "50"])
        let (figure, tables) = try command.makeFigure()
        let measured = figure.panels[1].axes
        XCTAssertEqual(labels(measured), ["$x^{3}$, Glorot init: NaN at every layer, not drawn",
                                          "$e^{x}$, Glorot init: NaN at every layer, not drawn",
                                          "Sigmoid, Glorot init",
                                          "Binary step, Glorot init: 0 at layers 1–49, not drawn on the log axis"])
        let rows = tables[1].rows
        XCTAssertEqual(rows.count, 200)
        XCTAssertTrue(rows[0..<100].allSatisfy { $0[2].isNaN }, "x³ and eˣ: NaN at every layer")
        XCTAssertTrue(rows[150..<199].allSatisfy { $0[2] == 0 }, "binary step: 0 below the output layer")
        let output = rows[199][2]
        XCTAssertGreaterThan(output, 0)
        // The output layer's gradient, with no drawn neighbour, is a marker of its own.
        let lone = measured.marks.compactMap { $0 as? ScatterMark }.flatMap(\.points)
        XCTAssertEqual(lone, [Point(50, output)])
    }

    func testTheGapNoteNamesLayers() {
        XCTAssertEqual(VanishingFigure.gapNote([1, 2, 3]), "")
        XCTAssertEqual(VanishingFigure.gapNote([0, 0]), ": 0 at every layer, not drawn on the log axis")
        XCTAssertEqual(VanishingFigure.gapNote([1, .infinity, .infinity]), ": ∞ at layers 2–3, not drawn")
        XCTAssertEqual(VanishingFigure.gapNote([0, 1, 0, .nan]), ": 0 at 2 layers, NaN at 4, not drawn")
    }
}

/// More claims of the sixth pass: outcomes, numbers and thresholds the figures print.
final class PassSixNumbersTests: XCTestCase {
    /// Y6-2: starts outside the pitfalls curve's usual view were "leaves the view", with nothing drawn; the
    /// view now takes them in and they are judged by what they do.
    func testPitfallsStartsOutsideTheUsualViewAreDrawnAndJudged() throws {
        let (figure, _) = try DLPlot.PitfallsCommand.parse(["--starts=-10,0.5,20"]).makeFigure()
        let axes = figure.panels[0].axes
        let x = try XCTUnwrap(axes.xLimits)
        XCTAssertLessThanOrEqual(x.lower, -10); XCTAssertGreaterThanOrEqual(x.upper, 20)
        let labels = axes.marks.compactMap { ($0 as? LineMark)?.label }
        XCTAssertTrue(labels.contains("$w_0$ = −10, $\\alpha$ = 0.05: stuck on a plateau"), "\(labels)")
        // From 20 the first step lands at −348.5, outside even the widened view: it does leave, and sticks there.
        XCTAssertTrue(labels.contains("$w_0$ = 20, $\\alpha$ = 0.05: starts above the view ($f$ = 35715), leaves the view, "
                                      + "stuck on a plateau at w = −348.5"), "\(labels)")
    }

    /// Y6-5: the two ends of a 2-cycle printed to two decimals were both "(1.00, 1.00)".
    func testTheEndsOfATwoCycleAreToldApart() {
        let a = Point(1.000415, 0.997295), b = Point(0.997584, 0.998709)
        XCTAssertEqual(SurfaceRun.cycleRow(name: "f", value: 0.00125, at: a, other: b), "→ (1.000, 0.997), f = 0.00125")
        XCTAssertEqual(SurfaceRun.cycleRow(name: "f", value: 0.0126, at: b, other: a), "→ (0.998, 0.999), f = 0.0126")
        // Ends that two decimals already tell apart keep two (Lion on Rosenbrock: (1.09, 1.18) ↔ (1.08, 1.19)).
        XCTAssertEqual(SurfaceRun.cycleRow(name: "f", value: 0.0133, at: Point(1.085, 1.185), other: Point(1.09, 1.18)), "→ (1.09, 1.19), f = 0.0133")
        // Far apart ends keep two decimals.
        XCTAssertEqual(SurfaceRun.cycleRow(name: "f", value: 2, at: Point(1, -1), other: Point(-1, 1)), "→ (1.00, −1.00), f = 2")
    }

    /// Y6-8: a typed sigmoid was shaded saturated on one side only (f′ is NaN far out: ∞/∞), with a threshold of
    /// 0.0125 where the built-in has 0.05, and its range read (0, 1] (1.0 is f rounding from x ≈ 37).
    func testATypedSigmoidSaturatesOnBothSidesAsTheBuiltInDoes() throws {
        let builtIn = try DLPlot.ActivationCommand.parse(["sigmoid", "--range=-10:10"]).makeFigure().1
        for written in ["exp(x)/(1+exp(x))", "1/(1+exp(-x))"] {
            let (figure, tables) = try DLPlot.ActivationCommand.parse([written, "--range=-10:10"]).makeFigure()
            let zones = try XCTUnwrap(tables.first { $0.columns == ["activation", "zone", "x_from", "x_to"] })
            let expected = try XCTUnwrap(builtIn.first { $0.columns == ["activation", "zone", "x_from", "x_to"] })
            XCTAssertEqual(zones.rows.count, 2, written)
            for (z, e) in zip(zones.rows, expected.rows) {
                XCTAssertEqual(z[2], e[2], accuracy: 1e-6, written); XCTAssertEqual(z[3], e[3], accuracy: 1e-6, written)
            }
            XCTAssertTrue(figure.subtitle?.hasPrefix("range (0, 1) ·") == true, "\(written): \(figure.subtitle ?? "")")
        }
    }

    /// Y6-13: sin(x)·cos(y) across [0, 10⁴] was "period ≈ 30" (the aliased sample period); it is 2π.
    func testAnAliasedOscillationIsMeasuredAtItsTruePeriod() throws {
        let f = try MathExpression("sin(x)*cos(y)", dimension: 2)
        for width in [1000.0, 10000, 1e6] {
            let p = try XCTUnwrap(Oscillation.shortestPeriod(f, in: ViewBox(xmin: 0, xmax: width, ymin: 0, ymax: 1)), "\(width)")
            XCTAssertEqual(p, 2 * Double.pi, accuracy: 0.3, "width \(width)")
        }
        XCTAssertNil(Oscillation.shortestPeriod(try MathExpression("x^2 + y^2", dimension: 2), in: ViewBox(xmin: -3, xmax: 3, ymin: -3, ymax: 3)))
    }

    /// Y6-14: the BCE mark at p = 10⁻³⁰⁰ read "100.000" on the curve "−log p" (690.8): it is PyTorch's clamp;
    /// and 1.1×10⁻¹⁶ read "0.000".
    func testLossMarksSayTheClampAndSmallValues() throws {
        XCTAssertEqual(LossFigure.markText(100, p: 1e-300, y: 1), "100 (clamped; $-$log $p$ = 691)")
        // For y = 0 the clamp needs 1 − p < e⁻¹⁰⁰: p is then 1 in float64, and −log(1 − p) is ∞.
        XCTAssertEqual(LossFigure.markText(100, p: 1 - 1e-60, y: 0), "100 (clamped; $-$log$(1 - p)$ = ∞)")
        XCTAssertEqual(LossFigure.markText(1.1102230246251565e-16, p: 0.9999999999999999, y: 1), "1.1×10⁻¹⁶")
        XCTAssertEqual(LossFigure.markText(0.10536051565782628, p: 0.9, y: 1), "0.105")
        let (figure, _) = try DLPlot.LossCommand.parse(["--probabilities", "1e-300,0.5,0.9999999999999999"]).makeFigure()
        let bce = figure.panels[0].axes
        XCTAssertTrue(bce.marks.compactMap { ($0 as? TextMark)?.text }.contains("100 (clamped; $-$log $p$ = 691)"))
        // The y = 1 curve reaches the marked p = 10⁻³⁰⁰ (its clamped value 100), so the dot sits on it.
        let curve = try XCTUnwrap(bce.marks.compactMap { $0 as? LineMark }.first)
        XCTAssertEqual(curve.points.first?.x, 1e-300)
        XCTAssertEqual(curve.points.first?.y, 100)
    }

    /// Y6-7: stability's diverged cells are hatched, so in greyscale they are not the colour scale's dark end.
    func testDivergedStabilityCellsAreHatched() throws {
        let (figure, tables) = try DLPlot.StabilityCommand.parse(["bowl", "--steps", "10", "--grid", "20"]).makeFigure()
        let axes = figure.panels[0].axes
        let hatch = try XCTUnwrap(axes.marks.compactMap { $0 as? HatchedRegionMark }.first)
        XCTAssertEqual(hatch.label, "diverged (loss grew or overflowed)")
        let diverged = tables[0].rows.filter { $0[3] == 1 }.count
        XCTAssertGreaterThan(diverged, 0)
        // One rectangle per run of diverged cells in a row: as many cells as the table says.
        XCTAssertEqual(StabilityFigure.cellRuns(xs: [0, 1, 2], ys: [0, 1], where: [true, true, false, false, false, true]).count, 2)
        XCTAssertFalse(hatch.rings.isEmpty)
    }
}

/// Y6-11 (messages): hints that would change what the user meant.
final class PassSixMessagesTests: XCTestCase {
    func testARepeatedLevelCountIsNotJoinedIntoLevels() {
        // --levels 5 is a count, --levels 5,6 two levels: the hint "--levels 5,6" changed the meaning.
        XCTAssertEqual(RepeatedOptions.message(["surface", "bowl", "--levels", "5", "--levels", "6"]),
                       "--levels is given 2 times ('5', '6'); give it once")
        XCTAssertEqual(RepeatedOptions.message(["surface", "bowl", "--levels", "0.5,1", "--levels", "2"]),
                       "--levels is given 2 times ('0.5,1', '2'); give it once")
        XCTAssertEqual(RepeatedOptions.message(["surface", "bowl", "--levels", "0.5,1", "--levels", "2.5"]),
                       "--levels is given 2 times ('0.5,1', '2.5'); give it once (e.g. --levels 0.5,1,2.5)")
    }

    /// Y6-13: a parameter that makes f overflow at the start was called a pole.
    func testAnOverflowAtTheStartIsNotCalledAPole() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // (The default start is now searched for where f is finite (X8-16), so the start is typed here.)
        let big = try runDLPlot(["surface", "a*x^2+y^2", "--param", "a=1e308", "--start=2,2", "-o", "s.png"], in: dir)
        XCTAssertEqual(big.status, 64, big.stderr)
        XCTAssertTrue(big.stderr.contains("(f overflows float64 there and around it; with a = 1e+308)"), big.stderr)
        XCTAssertFalse(big.stderr.contains("pole"), big.stderr)
        let pole = try runDLPlot(["surface", "1/(x^2+y^2)", "--start=0,0", "-o", "s.png"], in: dir)
        XCTAssertEqual(pole.status, 64, pole.stderr)
        XCTAssertTrue(pole.stderr.contains("(a pole)"), pole.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s.png").path))
    }

    /// Y6-11: `activations relu,gelu` (names as `activation` takes them) said only "Unexpected argument".
    func testNamesGivenAsArgumentsPointToTheListOption() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["activations", "relu,gelu", "-o", "a.png"], in: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr, "Error: activations takes its names in --names, not as arguments: give --names relu,gelu\n")
        XCTAssertEqual(ProcessEnd.positionalListMessage(["vanishing", "relu", "tanh"]),
                       "vanishing takes its names in --activations, not as arguments: give --activations relu,tanh")
        XCTAssertNil(ProcessEnd.positionalListMessage(["activations", "--names", "relu"]))
        XCTAssertNil(ProcessEnd.positionalListMessage(["activation", "relu"]))
    }

    /// Y6-11: trace named the point that left f's domain on stderr, but printed no row for it.
    func testTraceHasARowForTheStepOutOfTheDomain() throws {
        let r = try runDLPlot(["trace", "--surface", "log(x)+y^2", "--optimizer", "gd", "--lr", "1", "--start=0.5,1", "--steps", "3"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows.count, 3, r.stdout)
        XCTAssertTrue(rows[2].hasPrefix("1,-1.5,-1"), rows[2])
        XCTAssertTrue(rows[2].hasSuffix(",nan"), rows[2])
        XCTAssertTrue(r.stderr.contains("left the domain of f at step 1"), r.stderr)
    }
}
