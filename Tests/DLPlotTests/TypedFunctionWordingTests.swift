import Foundation
import Optim
import Viz
import XCTest
@testable import Figures
@testable import dlplot

/// Typed functions tried as a new user would (issue 12, X8-14, X8-15, X8-17): every --param refusal quotes the
/// item as typed, a 1-D loss may be typed in w (the name its figure gives the variable), and a run that steps
/// out of f's domain is said so in the footnote and marked without a value.
final class TypedFunctionWordingTests: XCTestCase {
    private func emptyDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("typed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// X8-14: "unknown --param 'beta' for relu" (typed beta=2), and the formula '--x' after `--x 1` was
    /// "--x is given 2 times ('1', '')" (there is no '' on the line).
    func testEveryParamRefusalQuotesTheItemAsTyped() throws {
        let dir = try emptyDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String)] = [
            (["activation", "relu", "--param", "beta=2", "-o", "a.png"],
             "invalid --param 'beta=2': relu has no parameters"),
            (["activations", "--names", "relu,tanh", "--param", "beta=2", "-o", "a.png"],
             "invalid --param 'beta=2': relu, tanh have no parameters"),
            (["activation", "x*sigmoid(beta*x)", "--param", "beta=1", "--param", "gamma=2,3", "-o", "a.png"],
             "invalid --param 'gamma=2,3': 'gamma' is not a parameter of x*sigmoid(beta*x). Allowed: beta"),
            (["surface", "rosenbrock", "--param", "a=1", "-o", "a.png"],
             "invalid --param 'a=1': it applies to typed expressions, not the surface rosenbrock"),
            (["surface", "a*x^2+y^2", "--param", "a=1", "--param", "b=2", "--optimizers", "gd", "-o", "a.png"],
             "invalid --param 'b=2': b is not a parameter of a*x^2+y^2"),
            (["eval", "activation", "--x", "1", "--x"],
             "'--x' is read as the option --x of dlplot eval activation; write the formula another way, e.g. '-(-x)'"),
        ]
        for (arguments, message) in cases {
            let result = try runDLPlot(arguments, in: dir)
            XCTAssertEqual(result.status, 64, arguments.joined(separator: " "))
            XCTAssertEqual(result.stderr, "Error: " + message + "\n", arguments.joined(separator: " "))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "nothing is written")
    }

    /// X8-15: lr titles a typed x-formula "f(w) = w⁴ − 2w²"; the same formula typed in w was refused as
    /// "parameter 'w' has no value". It is the same function, with the same runs.
    func testALossTypedInWIsTheLossTypedInX() throws {
        let (inW, wTables) = try DLPlot.LearningRateCommand.parse(["--function", "w^4 - 2*w^2"]).makeFigure()
        let (inX, xTables) = try DLPlot.LearningRateCommand.parse(["--function", "x^4 - 2*x^2"]).makeFigure()
        XCTAssertEqual(inW.title, inX.title)
        XCTAssertTrue((inW.title ?? "").contains("f(w) = w^{4} - 2w^{2}"), inW.title ?? "")
        XCTAssertEqual(wTables.first?.cells.count, xTables.first?.cells.count)
        XCTAssertEqual(wTables.first?.cells.flatMap { $0 }.map { "\($0)" }, xTables.first?.cells.flatMap { $0 }.map { "\($0)" })
        XCTAssertNoThrow(try DLPlot.PitfallsCommand.parse(["--function", "w^4-w^2"]).makeFigure())
        // A parameter named w stays a parameter when given a value.
        let curve = try FunctionArguments.curve("w*x^2", params: ["w=3"])
        XCTAssertEqual(curve.value(2), 12)
        // One variable, spelt one way.
        XCTAssertThrowsError(try FunctionArguments.curve("x^2 + w")) { error in
            XCTAssertTrue("\(error)".contains("'w' and 'x' both name the variable here"), "\(error)")
        }
        // Surfaces and activations keep x (and y) only: w there is a parameter without a value.
        XCTAssertThrowsError(try FunctionArguments.activations(["w^2"], params: [], option: nil))
        XCTAssertTrue(DLPlot.LearningRateCommand.helpMessage(columns: 10_000).contains("a formula in x (or w"))
        XCTAssertTrue(DLPlot.PitfallsCommand.helpMessage(columns: 10_000).contains("a formula in x (or w"))
    }

    /// X8-17: a step into log's undefined half-plane was "left the domain" in the legend but "diverged … (its
    /// loss is not finite from there)" in the footnote, with a cross on the top edge (a loss never reached).
    func testARunOutOfTheDomainIsSaidSoEverywhere() throws {
        let (figure, _) = try DLPlot.CurvesCommand.parse(["--surface", "log(x)+y^2", "--optimizers", "gd", "--lr", "1",
                                                          "--start=0.5,1"]).makeFigure()
        let note = try XCTUnwrap(figure.footnote)
        XCTAssertTrue(note.contains("gd lr=1 left the domain of f at step 1 (f is undefined at (−1.5, −1))"), note)
        XCTAssertFalse(note.contains("diverged"), note)
        for panel in figure.panels {
            let crosses = panel.axes.marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .cross }
            XCTAssertTrue(crosses.isEmpty, "no cross on the top edge in \(panel.axes.title ?? "")")
            let rules = panel.axes.marks.compactMap { $0 as? ReferenceLineMark }.filter { $0.orientation == .vertical }
            XCTAssertEqual(rules.map(\.value), [1], "a dotted line at step 1 in \(panel.axes.title ?? "")")
        }
        // A run that blows up keeps its words and its cross.
        let (blown, _) = try DLPlot.CurvesCommand.parse(["--surface", "x^4+y^2", "--optimizers", "gd", "--lr", "1",
                                                         "--start=2,2"]).makeFigure()
        XCTAssertTrue((blown.footnote ?? "").contains("gd lr=1 diverged at step 6 (its loss is not finite from there)"), blown.footnote ?? "")
        XCTAssertFalse(blown.panels[0].axes.marks.compactMap { $0 as? ScatterMark }.filter { $0.shape == .cross }.isEmpty)
    }
}
