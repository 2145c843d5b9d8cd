import Foundation
import XCTest

/// Typed expressions through the command line: the eval contracts, runs equal to the built-ins,
/// families, and bad expressions (one message with a caret, exit 64, nothing written).
final class ExpressionCLITests: XCTestCase {
    func testEvalActivationContract() throws {
        let r = try runDLPlot(["eval", "activation", "x*sigmoid(beta*x)", "--param", "beta=2", "--x", "-1,0,1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "x,y,dy")
        XCTAssertEqual(lines[2], "0.0,0.0,0.5")
        let minus = try runDLPlot(["eval", "activation", "--x", "1,2", "--", "-x^2"])
        XCTAssertEqual(minus.status, 0, minus.stderr)
        XCTAssertEqual(minus.stdout, "x,y,dy\n1.0,-1.0,-2.0\n2.0,-4.0,-4.0\n")
        let json = try runDLPlot(["eval", "activation", "abs(x)", "--x", "0", "--format", "json"])
        XCTAssertEqual(json.stdout.trimmingCharacters(in: .whitespacesAndNewlines), #"{"x":[0.0],"y":[0.0],"dy":[0.0]}"#)
    }

    /// X9-22: eval activation and eval surface print a negative zero as torch.autograd gives and prints it: −x² at 0
    /// is −0.0 with derivative −2·0 = −0.0, relu(−x)′ at 1 is 0·(−1) = −0.0, and a typed -0 keeps its sign, so 1/x
    /// at -0 reads "-0.0,-inf,-inf" (it printed "0.0,0.0,0.0" and "0.0,inf,-inf": the sign was dropped on the
    /// way in and out). The loss and softmax tables keep printing 0.0 (CompletionAndZeroTests).
    func testANegativeZeroPrintsAsTorchGivesIt() throws {
        let r = try runDLPlot(["eval", "activation", "--x=0,1", "--", "-x^2"])
        XCTAssertEqual(r.stdout, "x,y,dy\n0.0,-0.0,-0.0\n1.0,-1.0,-2.0\n", r.stderr)
        let json = try runDLPlot(["eval", "activation", "--x=0", "--format", "json", "--", "-x^2"])
        XCTAssertEqual(json.stdout, #"{"x":[0.0],"y":[-0.0],"dy":[-0.0]}"# + "\n", json.stderr)
        let relu = try runDLPlot(["eval", "activation", "relu(-x)", "--x", "1"])
        XCTAssertEqual(relu.stdout, "x,y,dy\n1.0,0.0,-0.0\n", relu.stderr)
        let inverse = try runDLPlot(["eval", "activation", "1/x", "--x=-0,0"])
        XCTAssertEqual(inverse.stdout, "x,y,dy\n-0.0,-inf,-inf\n0.0,inf,-inf\n", inverse.stderr)
        let inverseJSON = try runDLPlot(["eval", "activation", "1/x", "--x=-0", "--format", "json"])
        XCTAssertEqual(inverseJSON.stdout, #"{"x":[-0.0],"y":["-inf"],"dy":["-inf"]}"# + "\n", inverseJSON.stderr)
        let surface = try runDLPlot(["eval", "surface", "1/x + 1/y", "--points=-0:-0"])
        XCTAssertEqual(surface.stdout.split(separator: "\n").last, "-0.0,-0.0,-inf,-inf,-inf", surface.stdout + surface.stderr)
        let help = try runDLPlot(["eval", "--help"])
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(words.contains("eval activation and eval surface print a negative zero as -0.0, as PyTorch gives"), help.stdout)
        XCTAssertFalse(help.stdout.contains("whatever its sign"), help.stdout)
    }

    /// X9-22: where expressions.json stores −0.0 (torch's sign of a zero derivative), eval prints -0.0, and where
    /// it stores 0.0, eval prints 0.0: the four signed zeros of the reference, found by reading it.
    func testSignedZerosMatchTheReference() throws {
        let reference = try referenceJSON("expressions")
        var negative = 0
        for (section, columns) in [("one_d", ["y", "dy"]), ("two_d", ["f", "dfdx", "dfdy"])] {
            for entry in try XCTUnwrap(reference[section] as? [[String: Any]]) {
                let source = try XCTUnwrap(entry["expression"] as? String)
                let params = (entry["params"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.flatMap { key, value in
                    ["--param", "\(key)=\(arg((value as? NSNumber)?.doubleValue ?? .nan))"]
                }
                for p in try XCTUnwrap(entry["points"] as? [[String: Any]]) {
                    let zeros = columns.filter { (p[$0] as? NSNumber)?.doubleValue == 0 }
                    guard !zeros.isEmpty else { continue }
                    let x = try XCTUnwrap((p["x"] as? NSNumber)?.doubleValue), y = (p["y"] as? NSNumber)?.doubleValue ?? 0
                    let args = section == "one_d" ? ["eval", "activation", "--x=\(arg(x))"] : ["eval", "surface", "--points=\(arg(x)):\(arg(y))"]
                    let r = try runDLPlot(args + params + ["--", source])
                    let lines = r.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
                    XCTAssertEqual(lines.count, 2, "\(source): \(r.stdout) \(r.stderr)")
                    for c in zeros {
                        let want = try XCTUnwrap((p[c] as? NSNumber)?.doubleValue)
                        let column = try XCTUnwrap(lines.first?.firstIndex(of: c))
                        let got = try XCTUnwrap(lines.last.flatMap { Double($0[column]) }, "\(source) \(c): \(r.stdout)")
                        // Where torch's zero is inexact (tanh(x)² at 25: the exact 1.5×10⁻²¹ is given), no sign to compare.
                        guard got == 0 else { continue }
                        if want.sign == .minus { negative += 1 }
                        XCTAssertEqual(got.sign, want.sign, "\(source) at \(x), \(y): \(c) = \(r.stdout)")
                    }
                }
            }
        }
        XCTAssertEqual(negative, 4, "the reference holds four negative zeros")
    }

    /// A single word that is neither a name nor close to one points to formulas.
    func testUnknownWordSuggestsAFormula() throws {
        let r = try runDLPlot(["eval", "activation", "beta", "--x", "1"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("unknown activation 'beta'. Allowed: identity,"), r.stderr)
        XCTAssertTrue(r.stderr.contains("; or type a formula, e.g. 'x*sigmoid(beta*x)' with --param beta=1"), r.stderr)
        let close = try runDLPlot(["eval", "activation", "sigmod", "--x", "1"])
        XCTAssertTrue(close.stderr.contains("did you mean 'sigmoid'?"), close.stderr)
        XCTAssertFalse(close.stderr.contains("or type a formula"), close.stderr)
    }

    /// `vanishing --activations` takes formulas as every other activation list does (it refused them as unknown names).
    func testVanishingTakesFormulas() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["vanishing", "--activations", "x*sigmoid(1.702*x),max(x, 0.1*x),tanh", "--depth", "5", "--width", "32",
                               "--data", "v.csv", "-o", "v.png"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        for file in ["v.csv", "v-2.csv"] {
            let table = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            XCTAssertTrue(table.contains("x*sigmoid(1.702*x)") && table.contains("max(x, 0.1*x)"), table)
        }
    }

    /// eval only evaluates: a 9,999-character expression (x+x+…+x, 5000 terms with
    /// LONG_EXPRESSION_TERMS=5000; 300 by default) prints its value without the figure analysis.
    func testEvalOfALongExpressionOnlyEvaluates() throws {
        let n = Int(ProcessInfo.processInfo.environment["LONG_EXPRESSION_TERMS"] ?? "") ?? 300
        let source = Array(repeating: "x", count: n).joined(separator: "+")
        let r = try runDLPlot(["eval", "activation", source, "--x", "1,-2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "x,y,dy\n1.0,\(Double(n)),\(Double(n))\n-2.0,\(Double(-2 * n)),\(Double(n))\n")
    }

    /// A bare variable is an expression, not an unknown name.
    func testBareVariableIsAnExpression() throws {
        let r = try runDLPlot(["eval", "activation", "x", "--x", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "x,y,dy\n2.0,2.0,1.0\n")
        // The constants too (they were "unknown activation 'pi'").
        let pi = try runDLPlot(["eval", "activation", "pi", "--x", "2"])
        XCTAssertEqual(pi.stdout, "x,y,dy\n2.0,3.141592653589793,0.0\n", pi.stderr)
        let e = try runDLPlot(["eval", "activation", "e", "--x", "0"])
        XCTAssertEqual(e.stdout, "x,y,dy\n0.0,2.718281828459045,0.0\n", e.stderr)
        let s = try runDLPlot(["eval", "surface", "y", "--points", "1:3"])
        XCTAssertEqual(s.stdout, "x,y,f,dfdx,dfdy\n1.0,3.0,3.0,0.0,1.0\n")
    }

    func testEvalSurfaceContract() throws {
        let r = try runDLPlot(["eval", "surface", "a*x^2 + b*y^2", "--param", "a=0.1", "--param", "b=2", "--points", "1:2,0:0"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "x,y,f,dfdx,dfdy\n1.0,2.0,8.1,0.2,8.0\n0.0,0.0,0.0,0.0,0.0\n")
        // The same numbers as the built-in ellipse 0.1x² + 2y².
        let builtIn = try runDLPlot(["eval", "surface", "ellipse", "--points", "1:2,0:0"])
        XCTAssertEqual(builtIn.stdout, r.stdout)
    }

    /// `surface 'x^2 - y^2'` reproduces the built-in saddle's textbook run number for number.
    func testTypedSaddleRunEqualsTheBuiltIn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("expr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let common = ["--optimizers", "gd", "--lr", "0.1", "--start=2,3"]
        let typed = try runDLPlot(["surface", "x^2 - y^2"] + common + ["-o", "typed.svg", "--data", "typed.csv"], in: dir)
        XCTAssertEqual(typed.status, 0, typed.stderr)
        let builtIn = try runDLPlot(["surface", "saddle"] + common + ["-o", "builtin.svg", "--data", "builtin.csv"], in: dir)
        XCTAssertEqual(builtIn.status, 0, builtIn.stderr)
        let a = try String(contentsOf: dir.appendingPathComponent("typed.csv"), encoding: .utf8)
        let b = try String(contentsOf: dir.appendingPathComponent("builtin.csv"), encoding: .utf8)
        XCTAssertTrue(a.contains("\ngd lr=0.1,1,1.6,3.6,-10.4\n"), a)
        XCTAssertEqual(a.split(separator: "\n").dropFirst(), b.split(separator: "\n").dropFirst())
        let trace = try runDLPlot(["trace", "--surface", "x^2 - y^2", "--optimizer", "gd", "--start=2,3", "--lr", "0.1", "--steps", "5"])
        let traceBuiltIn = try runDLPlot(["trace", "--surface", "saddle", "--optimizer", "gd", "--start=2,3", "--lr", "0.1", "--steps", "5"])
        XCTAssertEqual(trace.status, 0, trace.stderr)
        XCTAssertEqual(trace.stdout, traceBuiltIn.stdout)
    }

    func testFamilyFigureAndOtherCommands() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("expr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let commands: [[String]] = [
            ["activation", "x*sigmoid(beta*x)", "--param", "beta=0.5,1,2", "-o", "family.svg"],
            ["activation", "abs(x) + relu(x - 1)", "-o", "kinks.svg"],
            ["activations", "--names", "relu,max(x, 0.1*x),gelu", "-o", "grid.svg"],
            ["curves", "--surface", "(1 - x)^2 + 100*(y - x^2)^2", "--optimizers", "adam", "--steps", "200", "-o", "curves.svg"],
            ["steps", "--surface", "0.1*x^2 + 2*y^2", "--optimizer", "momentum", "-o", "steps.svg"],
            ["lr", "--function", "x^4/4 - x^2", "--rates", "0.05,0.2", "-o", "lr.svg"],
            ["pitfalls", "--function", "(x^2 - 1)^2 + 0.3*x", "-o", "pitfalls.svg"],
        ]
        for c in commands {
            let r = try runDLPlot(c, in: dir)
            XCTAssertEqual(r.status, 0, "\(c): \(r.stderr)")
            let file = dir.appendingPathComponent(c[c.count - 1])
            XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "\(c)")
        }
        let family = try String(contentsOf: dir.appendingPathComponent("family.svg"), encoding: .utf8)
        XCTAssertTrue(family.contains("<svg"))
    }

    func testBadExpressionsExit64NamingTheColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("expr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String)] = [
            (["activation", "x*tanhh(x)", "-o", "a.png"], "unknown function 'tanhh' (column 3); did you mean 'tanh'?"),
            (["activation", "x^2 - y^2", "-o", "a.png"], "'y' is only a variable of surfaces"),
            (["activation", "(x + 1", "-o", "a.png"], "expected ')'"),
            (["activation", "x*sigmoid(beta*x)", "-o", "a.png"], "parameter 'beta' has no value"),
            (["activation", "x*sigmoid(beta*x)", "--param", "beta=1", "--param", "gamma=2", "-o", "a.png"], "invalid --param 'gamma=2': 'gamma' is not a parameter"),
            (["activation", "x + exp", "-o", "a.png"], "'exp' is a function"),
            (["surface", "x^2 + (y", "-o", "a.png"], "expected ')'"),
            (["eval", "activation", "x*x", "--param", "exp=2", "--x", "1"],
             "invalid --param 'exp=2': the parameter name 'exp' shadows the function exp; choose another name"),
            (["activation", "exp(a*x)", "--param", "exp=2", "-o", "a.png"], "'exp' shadows the function exp"),
            (["surface", "x + y", "--param", "pi=3", "-o", "a.png"],
             "invalid --param 'pi=3': 'pi' is the constant π = 3.14159… in every expression and cannot be a parameter; choose another name"),
            (["eval", "surface", "x + ", "--points", "1:1"], "unexpected end of input"),
            // Tried as a new user would: exit 1 with "panel 1 has nothing to plot…".
            (["activation", "sqrt(-1)+x", "-o", "a.png"], "activation: 'sqrt(-1)+x' is undefined (NaN) everywhere on the view -6…6; give a --range where it is defined"),
            (["activation", "log(x)", "--range", "-3:-1", "-o", "a.png"], "invalid --range '-3:-1': 'log(x)' is undefined (NaN) everywhere on the view -3…-1; give another --range"),
            // Defined at the single point 0 of the view: an empty plot with exit 0 before.
            (["activation", "sqrt(x)", "--range", "-2:0", "-o", "a.png"],
             "invalid --range '-2:0': 'sqrt(x)' is undefined (NaN) everywhere on the view -2…0 (except at isolated points); give another --range"),
            (["activation", String(repeating: "(", count: 300) + "x" + String(repeating: ")", count: 300), "-o", "a.png"],
             "nested too deeply"),
        ]
        for (arguments, message) in cases {
            let r = try runDLPlot(arguments, in: dir)
            XCTAssertEqual(r.status, 64, "\(arguments.prefix(3)): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments.prefix(3)): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
        }
        // One line: what is wrong and where, then the expression as typed; under it the expression again
        // with a caret under the offending character (issue 12 §4).
        let typed = try runDLPlot(["eval", "activation", "x*tanhh(x)", "--x", "1"])
        XCTAssertEqual(typed.stderr, "Error: eval activation: unknown function 'tanhh' (column 3); did you mean 'tanh'? (in 'x*tanhh(x)')\n"
                       + "  x*tanhh(x)\n    ^\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "nothing written")
    }
}

extension ExpressionCLITests {
    func testPitfallsStartsOnATypedCurve() throws {
        let dir = try makeTemporaryDirectory()
        // A start where the typed loss is undefined: one line naming the option and the value, nothing written.
        let bad = try runDLPlot(["pitfalls", "--function", "log(x)*x", "--starts", "-1,2", "-o", "p.png"], in: dir)
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("--starts '-1,2'") && bad.stderr.contains("w₀ = -1"), bad.stderr)
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
        XCTAssertEqual(listing(dir), [])
        // Starts without --rates (one rate each, chosen per start) are accepted.
        let good = try runDLPlot(["pitfalls", "--function", "log(x)*x", "-o", "p.png", "--data", "p.csv"], in: dir)
        XCTAssertEqual(good.status, 0, good.stderr)
        let table = try TidyTable(dir.appendingPathComponent("p.csv"))
        XCTAssertEqual(table.columns, ["start", "lr", "step", "w", "f"])
        let starts = Set(table.column("start"))
        XCTAssertEqual(starts.count, 5, "\(starts)")
        XCTAssertFalse(starts.contains { $0.hasPrefix("-") }, "\(starts)")
    }
}

extension ExpressionCLITests {
    func testDefaultFileNamesOfTypedSurfaces() throws {
        // Tried as a new user would: `dlplot surface '1/(1+x^2+y^2)'` without -o tried to write into a
        // directory 'surface-1'.
        let dir = try makeTemporaryDirectory()
        // Each formula names its own file (X9-21: every one was 'surface-expression.png'; see DefaultFileNameTests).
        for (args, name) in [(["surface", "1/(1+x^2+y^2)"], "surface-1_1_x_2_y_2-48a710.png"),
                             (["curves", "--surface", "x^2/2 + y^2"], "curves-x_2_2_y_2-edfe26.png"),
                             (["surface", "himmelblau", "--steps", "5"],
                              "surface-himmelblau-1a6b1f.png")] {  // a hash of the options (DefaultOutputNameTests)
            let run = try runDLPlot(args, in: dir)
            XCTAssertEqual(run.status, 0, "\(args): \(run.stderr)")
            XCTAssertTrue(listing(dir).contains(name), "\(args): \(listing(dir))")
        }
    }
}

extension ExpressionCLITests {
    /// Tried as a new user would: lr, pitfalls, basins and steps said "give the parameter a value"
    /// but had no --param option. Every command that takes a typed function takes its parameters.
    func testEveryTypedFunctionCommandTakesParam() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("expr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let commands: [[String]] = [
            ["lr", "--function", "a*x^2", "--param", "a=2", "--rates", "0.1,0.3", "-o", "lr.svg"],
            ["pitfalls", "--function", "(x^2 - a)^2 + 0.3*x", "--param", "a=1", "-o", "pitfalls.svg"],
            ["basins", "a*x^2+y^2", "--param", "a=2", "--grid", "5", "--steps", "20", "-o", "basins.svg"],
            ["steps", "--surface", "a*x^2 + 2*y^2", "--param", "a=0.1", "--optimizer", "momentum", "-o", "steps.svg"],
            ["curves", "--surface", "a*x^2 + y^2", "--param", "a=2", "--optimizers", "adam", "--steps", "20", "-o", "curves.svg"],
        ]
        for c in commands {
            let r = try runDLPlot(c, in: dir)
            XCTAssertEqual(r.status, 0, "\(c): \(r.stderr)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(c[c.count - 1]).path), "\(c)")
        }
        // The same run as the value written into the formula.
        let typed = try runDLPlot(["eval", "surface", "a*x^2+y^2", "--param", "a=2", "--points", "1:1"])
        XCTAssertEqual(typed.stdout, "x,y,f,dfdx,dfdy\n1.0,1.0,3.0,4.0,2.0\n")
        let refused: [([String], String)] = [
            (["lr", "--function", "square", "--param", "a=2", "-o", "x.svg"], "invalid --param 'a=2': it applies to typed expressions, not the curve square"),
            (["lr", "--function", "a*x^2", "--param", "a=1,2", "-o", "x.svg"], "invalid --param 'a=1,2': a loss curve takes one value per parameter, not a list"),
            // A family is refused with why and where families are drawn (issue 12's lists are for curves of activations).
            (["pitfalls", "--function", "a*x^4 - x^2", "--param", "a=0.1,0.2", "-o", "x.svg"],
             "Error: invalid --param 'a=0.1,0.2': a loss curve takes one value per parameter, not a list: "
             + "lr and pitfalls run gradient descent on one curve; activation and activations draw a family, one curve per value\n"),
            (["pitfalls", "--function", "a*x^2", "--param", "a=1", "--param", "b=2", "-o", "x.svg"], "invalid --param 'b=2': b is not a parameter of a*x^2"),
        ]
        for (arguments, message) in refused {
            let r = try runDLPlot(arguments, in: dir)
            XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path))
    }
}

extension ExpressionCLITests {
    /// `elu(x)+alpha` with --param alpha=0.5 added 0.5 while elu kept alpha = 1, silently.
    func testAParameterNamedLikeABuiltInsIsWarnedOnce() throws {
        let r = try runDLPlot(["eval", "activation", "elu(x)+alpha", "--param", "alpha=0.5", "--x", "-1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // elu(−1) with alpha = 1 is e⁻¹ − 1; plus the user's 0.5.
        XCTAssertEqual(r.stdout, "x,y,dy\n-1.0,-0.13212055882855767,0.36787944117144233\n")
        XCTAssertEqual(r.stderr, "warning: --param alpha is a parameter of the formula only; elu(…) inside it keeps its default alpha = 1 "
                       + "(to set it, use the name: dlplot activation elu --param alpha=…)\n")
        // A family parses the formula once per value: still one warning.
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let family = try runDLPlot(["activation", "elu(x)*alpha", "--param", "alpha=0.5,2", "-o", "f.png"], in: dir)
        XCTAssertEqual(family.status, 0, family.stderr)
        XCTAssertEqual(family.stderr.components(separatedBy: "warning: --param alpha").count, 2, family.stderr)
        // A parameter with another name, or an elementary function (softplus(beta*x)), says nothing.
        for (text, param) in [("elu(x)*k", "k=2"), ("softplus(beta*x)/beta", "beta=2")] {
            let quiet = try runDLPlot(["eval", "activation", text, "--param", param, "--x", "1"])
            XCTAssertEqual(quiet.status, 0, quiet.stderr)
            XCTAssertEqual(quiet.stderr, "", text)
        }
    }
}

extension ExpressionCLITests {
    /// `activations --table --names` with three rows left about 70 % of the 1920x1280 page blank: the default
    /// page is as tall as the rows need; the full catalogue keeps 1280, and a --size is kept as given.
    func testATableOfAFewRowsGetsAShorterPage() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func page(_ extra: [String]) throws -> (height: Int, lowest: Double) {
            let r = try runDLPlot(["activations", "--table", "-o", "t.png", "--layout-report", "t.json"] + extra, in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("t.json"))) as? [String: Any])
            let cells = try XCTUnwrap(json["elements"] as? [[String: Any]]).filter { $0["kind"] as? String == "table-cell" }
                .compactMap { $0["box"] as? [Double] }
            return (try XCTUnwrap(json["height"] as? Int), cells.map { $0[1] + $0[3] }.max() ?? 0)
        }
        let few = try page(["--names", "x*sin(x),sin(x),x^3-x"])
        XCTAssertEqual(few.height, 540)
        XCTAssertLessThan(few.lowest, 540)
        XCTAssertGreaterThan(few.lowest, 0.5 * 540, "the rows fill the page")
        XCTAssertEqual(try page([]).height, 1280)
        XCTAssertEqual(try page(["--names", "sin(x),tanh", "--size", "1920x1280"]).height, 1280)
    }
}
