import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Typed functions tried as a new user would (issue 12, X8 findings): a built-in family analysed as its
/// typed twin, the family note naming only ends with zones, f′ not drawn where f is undefined, and the
/// steepest-slope marker on the limits a kink approaches rather than on torch's f′ there.
final class ExpressionFindingsTests: XCTestCase {
    /// X8-2: `swish --param beta=0.5,1,2` drew no zones while `'x*sigmoid(beta*x)'` with the same values
    /// shaded each member's: one function, one analysis.
    func testABuiltInFamilyGetsTheZonesOfItsTypedTwin() throws {
        let (builtIn, builtInTables) = try DLPlot.ActivationCommand.parse(["swish", "--param", "beta=0.5,1,2"]).makeFigure()
        let (_, typedTables) = try DLPlot.ActivationCommand.parse(["x*sigmoid(beta*x)", "--param", "beta=0.5,1,2"]).makeFigure()
        let zones = try XCTUnwrap(builtInTables.first { $0.name == "zones" }, "the built-in family writes its zones")
        let typedZones = try XCTUnwrap(typedTables.first { $0.name == "zones" })
        XCTAssertEqual(zones.cells.count, 2, "β = 1 and β = 2 saturate on the left of [−6, 6]; β = 0.5 does not")
        XCTAssertEqual(zones.cells.count, typedZones.cells.count)
        let bands = try XCTUnwrap(builtIn.panels.first).axes.marks.compactMap { $0 as? BandMark }.compactMap(\.text)
        // Each label states its zone's extent; the legend's key says the shading is saturation (X9-2, X9-20).
        XCTAssertEqual(Set(bands), ["$\\beta = 1$: $x$ < −4.08", "$\\beta = 2$: $x$ < −2.04"], "\(bands)")
        // The zones' edges are the typed twin's: −6 … −4.08 (β = 1) and −6 … −2.04 (β = 2).
        let typedBands = try DLPlot.ActivationCommand.parse(["x*sigmoid(beta*x)", "--param", "beta=0.5,1,2"]).makeFigure().0
            .panels[0].axes.marks.compactMap { $0 as? BandMark }.filter { $0.text == nil && $0.label == nil }
        let builtInFills = try XCTUnwrap(builtIn.panels.first).axes.marks.compactMap { $0 as? BandMark }.filter { $0.text == nil && $0.label == nil }
        XCTAssertEqual(builtInFills.count, 2)
        for (a, b) in zip(builtInFills, typedBands) {
            XCTAssertEqual(a.lower, b.lower, accuracy: 1e-9)
            XCTAssertEqual(a.upper, b.upper, accuracy: 1e-9)
        }
    }

    /// X8-3: of β = 0.25 … 16 only β = 16 has a zone in view; the note said both ends were shaded.
    func testTheFamilyNoteNamesOnlyTheEndsWithZones() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(["x*sigmoid(beta*x)", "--param", "beta=0.25,0.5,1,2,4,8,16"]).makeFigure()
        let footnote = try XCTUnwrap(figure.footnote)
        XCTAssertTrue(footnote.contains("zones shaded for $\\beta = 16$ only (of the family's ends; $\\beta = 0.25$ has none in view)"),
                      footnote)
        XCTAssertFalse(footnote.contains("and $\\beta = 16$"), footnote)
    }

    /// X8-4: with several curves, log(x)'s derivative markers floated at 1/x left of 0, where log is
    /// undefined (the single figure and the curves hid them); the grid drew that f′ too.
    func testDerivativeMarksOnlyWhereFIsDefined() throws {
        let (figure, _) = try DLPlot.ActivationCommand.parse(["log(x)", "sqrt(x)", "x^2"]).makeFigure()
        let marks = try XCTUnwrap(figure.panels.first).axes.marks
        let left = marks.compactMap { $0 as? ScatterMark }.flatMap(\.points).filter { $0.x < 0 && $0.y.isFinite }
        XCTAssertFalse(left.isEmpty, "x² has markers left of 0")
        for p in left {
            XCTAssertTrue(abs(p.y - p.x * p.x) < 1e-9 || abs(p.y - 2 * p.x) < 1e-9, "a marker of log or sqrt at \(p)")
        }
        let (grid, _) = try DLPlot.ActivationsCommand.parse(["--names", "log(x),x^2"]).makeFigure()
        let dashed = try XCTUnwrap(grid.panels.first).axes.marks.compactMap { $0 as? LineMark }.filter { !$0.style.dash.isEmpty }
        XCTAssertFalse(dashed.isEmpty)
        let drawnLeft = dashed.flatMap(\.points).filter { $0.x < 0 && $0.y.isFinite }
        XCTAssertEqual(drawnLeft.count, 0, "log′ drawn left of 0 in the grid: \(drawnLeft.prefix(3))")
    }

    /// X8-5: |x|/(1 + |x|) has |f′| → 1 as x → 0 from both sides, while torch's f′(0) = 0. The ◆ sat at
    /// (0, 0) under "max |f′| = 1 at x = 0"; it now sits on both limits, (0, −1) and (0, 1).
    func testTheSteepestSlopeMarksTheLimitsOfAKink() throws {
        let a = try Activation(expression: MathExpression("abs(x)/(1+abs(x))"))
        let steep = a.steepestSlope
        XCTAssertEqual(steep.magnitude, 1, accuracy: 1e-9)
        XCTAssertEqual(steep.at, 0)
        XCTAssertEqual(steep.approach, 2)
        XCTAssertEqual(steep.markers, [-steep.magnitude, steep.magnitude])
        // e^(−|x|): f′ → 1 from the left and −1 from the right.
        let e = try Activation(expression: MathExpression("exp(-abs(x))")).steepestSlope
        XCTAssertEqual(e.approach, 2)
        XCTAssertEqual(e.markers.map { $0.sign }, [.plus, .minus])
        let (figure, _) = try DLPlot.ActivationCommand.parse(["abs(x)/(1+abs(x))"]).makeFigure()
        let marks = try XCTUnwrap(figure.panels.first).axes.marks
        let diamonds = marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .diamond }.flatMap(\.points)
        XCTAssertEqual(diamonds.count, 2)
        XCTAssertTrue(diamonds.allSatisfy { $0.x == 0 && abs(abs($0.y) - 1) < 1e-9 }, "\(diamonds)")
        let note = try XCTUnwrap(marks.compactMap { $0 as? AnnotationMark }.first { $0.text.contains("max $|f'|$") })
        XCTAssertEqual(note.text, "max $|f'|$ = 1 as $x$ → 0")
        // The table says the same.
        let row = ActivationTableFigure.peakText(ActivationTableFigure.properties(of: a))
        XCTAssertEqual(row, "1 as $x \\to 0$")
    }

    /// X8-10: a typed copy of a built-in rectifier got Glorot beside the built-in's He, and gradients 1000×
    /// smaller; the init is now decided from the function, for built-ins and typed ones alike.
    func testVanishingChoosesTheInitFromTheFunction() throws {
        let command = try DLPlot.VanishingCommand.parse(["--activations", "silu,x*sigmoid(x),relu,max(x,0),tanh,softplus(x)"])
        let (figure, tables) = try command.makeFigure()
        let measured = figure.panels[1].axes.marks.compactMap { ($0 as? LineMark)?.label }
        XCTAssertEqual(measured.map { $0.hasSuffix("He init") }, [true, true, true, true, false, false], "\(measured)")
        // The same function gives the same gradients, layer by layer.
        let rows = tables[1].rows
        let perRun = rows.count / 6
        for k in 0..<perRun {
            XCTAssertEqual(rows[k][2], rows[perRun + k][2], accuracy: 1e-9 * abs(rows[k][2]), "silu vs x*sigmoid(x), layer \(k + 1)")
            XCTAssertEqual(rows[2 * perRun + k][2], rows[3 * perRun + k][2], accuracy: 1e-9 * abs(rows[2 * perRun + k][2]), "relu vs max(x,0)")
        }
        // Every built-in: He exactly for the rectifiers (ReLU and its smooth kin, relu6, hardswish, swish).
        let he = Set(Activation.allNames.filter { (try? VanishingFigure.defaultInitialization(for: Activation(name: $0))) == .heNormal })
        XCTAssertEqual(he, ["relu", "leaky_relu", "prelu", "elu", "selu", "celu", "gelu", "gelu_tanh", "gelu_sigmoid", "silu", "swish",
                            "mish", "hardswish", "relu6"])
    }

    /// X8-11: the measured panel's legend dropped β, so a family's two entries read the same.
    func testVanishingNamesEachFamilyMember() throws {
        let command = try DLPlot.VanishingCommand.parse(["--activations", "x*sigmoid(beta*x),tanh", "--param", "beta=1,2"])
        let (figure, _) = try command.makeFigure()
        let measured = figure.panels[1].axes.marks.compactMap { ($0 as? LineMark)?.label }
        XCTAssertEqual(measured.count, 3)
        XCTAssertEqual(Set(measured).count, 3, "\(measured)")
        XCTAssertTrue(measured[0].contains("\\beta = 1") && measured[1].contains("\\beta = 2"), "\(measured)")
    }

    /// X8-7: x/(x/2)/3 has f′ = 0 on both sides of its hole at 0 (NaN there): dead up to the hole, as
    /// x − (x − 1) is dead everywhere; it was "saturated" up to ±2.4×10⁻³³.
    func testAConstantWithAHoleIsDeadUpToTheHole() throws {
        let a = try Activation(expression: MathExpression("x/(x/2)/3"))
        XCTAssertEqual(a.zones(over: -6...6, threshold: 0.05),
                       [ActivationZone(kind: .dead, lower: -6, upper: 0), ActivationZone(kind: .dead, lower: 0, upper: 6)])
        let c = try Activation(expression: MathExpression("x-(x-1)"))
        XCTAssertEqual(c.zones(over: -6...6, threshold: 0.05), [ActivationZone(kind: .dead, lower: -6, upper: 6)])
    }

    /// X8-14: an unused --param is quoted as typed ('b=2', not 'b'); X8-19: a Greek letter is told its name.
    func testParameterRefusalsQuoteTheValueAsTyped() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let unused = try runDLPlot(["surface", "a*x^2+y^2", "--param", "a=1", "--param", "b=2", "--optimizers", "gd", "-o", "a.png"], in: dir)
        XCTAssertEqual(unused.status, 64)
        XCTAssertTrue(unused.stderr.hasPrefix("Error: invalid --param 'b=2': "), unused.stderr)
        let greek = try runDLPlot(["eval", "activation", "--x", "1", "--param", "β=1", "β*x"], in: dir)
        XCTAssertEqual(greek.status, 64)
        XCTAssertTrue(greek.stderr.hasPrefix("Error: invalid --param 'β=1': 'β' cannot name a parameter; use ASCII letters, digits and _, "
                                             + "starting with a letter; write beta (it is drawn as β)"), greek.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }
}
