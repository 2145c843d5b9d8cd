import Foundation
import XCTest

/// Messages for typed functions, tried as a new user would: the first line names the option as typed
/// (or the command, for its argument), says what is wrong and how to fix it; exit 64; nothing written.
final class ExpressionMessageTests: XCTestCase {
    /// Runs `arguments` in an empty directory and returns the first line of standard error, after
    /// checking exit 64, an empty stdout, nothing written and no second "Error:" line.
    private func refusal(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(arguments, in: dir)
        XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "nothing written", file: file, line: line)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("Error:") }.count, 1, r.stderr, file: file, line: line)
        return lines.first.map(String.init) ?? ""
    }

    func testParseErrorsStartWithTheOption() throws {
        let expected: [([String], String)] = [
            (["curves", "--surface", "x+*y", "-o", "c.png"], "Error: --surface: unexpected '*' (column 3)"),
            (["steps", "--surface=x+*y", "-o", "s.png"], "Error: --surface: unexpected '*' (column 3)"),
            (["trace", "--surface", "x^2+(y", "--optimizer", "gd"], "Error: --surface: expected ')'"),
            (["lr", "--function", "x+", "-o", "l.png"], "Error: --function: unexpected end of input (column 3)"),
            (["pitfalls", "--function", "x*tanhh(x)", "-o", "p.png"],
             "Error: --function: unknown function 'tanhh' (column 3); did you mean 'tanh'?"),
            (["activation", "x+", "-o", "a.png"], "Error: activation: unexpected end of input (column 3)"),
            (["surface", "x+*y", "-o", "s.png"], "Error: surface: unexpected '*' (column 3)"),
            (["basins", "x+*y", "-o", "b.png"], "Error: basins: unexpected '*' (column 3)"),
            (["eval", "activation", "x+", "--x", "1"], "Error: eval activation: unexpected end of input (column 3)"),
            (["eval", "surface", "x+", "--points", "1:1"], "Error: eval surface: unexpected end of input (column 3)"),
            (["lr", "--function", "kwadrat", "-o", "l.png"], "Error: invalid --function 'kwadrat': unknown curve 'kwadrat'."),
        ]
        for (arguments, prefix) in expected {
            let first = try refusal(arguments)
            XCTAssertTrue(first.hasPrefix(prefix), "\(arguments): \(first)")
        }
    }

    /// "unknown activation 'X'" is a variable typed in capitals; "sin" is a function without its x.
    func testUnknownNamesSuggestTheVariableOrACall() throws {
        XCTAssertTrue(try refusal(["activation", "X", "-o", "a.png"])
            .hasPrefix("Error: invalid activation 'X': unknown activation 'X'; did you mean 'x'? Allowed: identity,"))
        XCTAssertTrue(try refusal(["surface", "Y", "-o", "s.png"])
            .hasPrefix("Error: invalid surface 'Y': unknown surface 'Y'; did you mean 'y'? Allowed: saddle,"))
        XCTAssertTrue(try refusal(["lr", "--function", "PI", "-o", "l.png"])
            .hasPrefix("Error: invalid --function 'PI': unknown curve 'PI'; did you mean 'pi'? Allowed: square,"))
        XCTAssertTrue(try refusal(["activation", "sin", "-o", "a.png"])
            .hasPrefix("Error: invalid activation 'sin': unknown activation 'sin'; did you mean 'sin(x)'? Allowed:"))
        // A near built-in is still the suggestion, and a name near nothing ends its sentence.
        XCTAssertTrue(try refusal(["activation", "Relu", "-o", "a.png"]).contains("did you mean 'relu'? Allowed:"))
        XCTAssertTrue(try refusal(["curves", "--surface", "qqq", "-o", "c.png"])
            .hasPrefix("Error: invalid --surface 'qqq': unknown surface 'qqq'. Allowed: saddle,"))
    }

    /// X13-31: a word of names side by side got "unknown surface 'xy' … or type a formula, e.g. 'x^2 + 10*y^2'"
    /// and 'betax' (with --param beta=1) the example "'x*sigmoid(betax*x)' with --param betax=1".
    func testAWordOfNamesSideBySideSuggestsTheirFormula() throws {
        XCTAssertTrue(try refusal(["eval", "surface", "--points", "1:1", "--", "xy"])
            .hasPrefix("Error: invalid surface 'xy': unknown surface 'xy'; did you mean 'x*y'? Allowed:"))
        XCTAssertTrue(try refusal(["eval", "activation", "--param", "beta=1", "--x", "1", "--", "betax"])
            .hasPrefix("Error: invalid activation 'betax': unknown activation 'betax'; did you mean 'beta*x'? Allowed:"))
        XCTAssertTrue(try refusal(["eval", "activation", "--x", "1", "--", "sinx"]).contains("did you mean 'sin(x)'? Allowed:"))
        XCTAssertTrue(try refusal(["eval", "activation", "--x", "1", "--", "pix"]).contains("did you mean 'pi*x'? Allowed:"))
        XCTAssertTrue(try refusal(["eval", "activation", "--x", "1", "--", "x2"]).contains("did you mean 'x^2'? Allowed:"))
        XCTAssertTrue(try refusal(["surface", "betax", "--param", "beta=1", "-o", "s.png"]).contains("did you mean 'beta*x'? Allowed:"))
        XCTAssertTrue(try refusal(["lr", "--function", "sinw", "-o", "l.png"]).contains("did you mean 'sin(w)'? Allowed:"))
        XCTAssertTrue(try refusal(["activation", "sinx + 1", "-o", "a.png"]).contains("did you mean 'sin(x)'?"))
    }

    /// X13-37: 'sqrt(x-a)' with a=0,100 was refused as undefined everywhere on the view, naming no member.
    func testAFamilyMemberUndefinedOnTheViewIsNamed() throws {
        XCTAssertEqual(try refusal(["activation", "sqrt(x-a)", "--param", "a=0,100", "-o", "s.png"]),
                       "Error: activation: 'sqrt(x-a)' is undefined (NaN) everywhere on the view -6…6 for a = 100; "
                       + "drop that value from --param 'a=0,100', or give a --range where it is defined")
        // One function alone is named as before.
        XCTAssertEqual(try refusal(["activation", "sqrt(x-a)", "--param", "a=100", "-o", "s.png"]),
                       "Error: activation: 'sqrt(x-a)' is undefined (NaN) everywhere on the view -6…6; give a --range where it is defined")
    }

    /// A list where one value is wanted quotes the --param as typed.
    func testParameterListsAreQuotedAsTyped() throws {
        XCTAssertEqual(try refusal(["eval", "activation", "x*sigmoid(b*x)", "--param", "b=0.5,1", "--x", "1"]),
                       "Error: invalid --param 'b=0.5,1': eval takes one value per parameter, not a list")
        XCTAssertEqual(try refusal(["eval", "surface", "a*x^2+y^2", "--param", "a=1, 2", "--points", "1:1"]),
                       "Error: invalid --param 'a=1, 2': a surface takes one value per parameter, not a list")
        XCTAssertEqual(try refusal(["trace", "--surface", "a*x^2+y^2", "--param", "a=1,2", "--optimizer", "gd"]),
                       "Error: invalid --param 'a=1,2': a surface takes one value per parameter, not a list")
    }

    /// `--function -x^2` used to be "Missing value for '--function <name>'": a value that starts with
    /// '-' is now taken as the function; an argument that does is told to go after `--`.
    func testValuesStartingWithAMinus() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["lr", "--function", "-x^2+x^4", "--rates", "0.05", "--steps", "3", "-o", "l.svg"],
                          ["curves", "--surface", "-cos(x)*cos(y)", "--steps", "5", "-o", "c.svg"],
                          ["steps", "--surface", "-cos(x)*cos(y)", "--optimizer", "gd", "-o", "s.svg"]] {
            let r = try runDLPlot(arguments, in: dir)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
        }
        let trace = try runDLPlot(["trace", "--surface", "-x*y", "--optimizer", "gd", "--start=1,2", "--lr", "0.5", "--steps", "1"])
        XCTAssertEqual(trace.stdout, "step,x,y,f\n0,1.0,2.0,-2.0\n1,2.0,2.5,-5.0\n", trace.stderr)
        XCTAssertEqual(try refusal(["activation", "-x^2", "-o", "a.png"]),
                       "Error: '-x^2' starts with '-', so it reads as an option; give an expression that starts with '-' after --, as the last argument: dlplot activation … -- '-x^2'")
        XCTAssertTrue(try refusal(["eval", "activation", "--x", "1", "-x"]).contains("dlplot eval activation … -- '-x'"))
        // Several minus signs, or '--' and a formula: "Unknown option '---x'" before.
        XCTAssertEqual(try refusal(["activation", "---x", "-o", "a.png"]),
                       "Error: '---x' starts with '-', so it reads as an option; give an expression that starts with '-' after --, as the last argument: dlplot activation … -- '---x'")
        XCTAssertTrue(try refusal(["activation", "--x^2", "-o", "a.png"]).hasPrefix("Error: '--x^2' starts with '-'"))
        // Negative numbers stay values, and an unknown letter option stays an unknown option.
        XCTAssertEqual(try refusal(["trace", "--surface", "bowl", "--optimizer", "gd", "-q"]), "Error: Unknown option '-q'")
        XCTAssertTrue(try refusal(["activation", "relu", "--colour", "red"]).hasPrefix("Error: Unknown option '--colour'"))
        XCTAssertTrue(try refusal(["activation", "relu", "--titel=f(x)"]).hasPrefix("Error: Unknown option '--titel'"))
        let range = try runDLPlot(["eval", "activation", "relu", "--x", "-1,2"])
        XCTAssertEqual(range.stdout, "x,y,dy\n-1.0,0.0,0.0\n2.0,2.0,1.0\n")
    }
}

extension ExpressionMessageTests {
    /// `trace` on log(x) + y² stepping to x < 0 said "diverged"; it left the domain of f.
    func testTraceSaysWhenARunLeavesTheDomain() throws {
        let r = try runDLPlot(["trace", "--surface", "log(x)+y^2", "--optimizer", "gd", "--lr", "0.5", "--start=0.5,1", "--steps", "5"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The step out of the domain is a row with f = nan (stderr names it; the table had no row for it).
        XCTAssertEqual(r.stdout, "step,x,y,f\n0,0.5,1.0,0.3068528194400547\n1,-0.5,0.0,nan\n")
        XCTAssertEqual(r.stderr, "stop: left the domain of f at step 1: f is undefined at x = -0.5, y = 0.0\n")
        let json = try runDLPlot(["trace", "--surface", "log(x)+y^2", "--optimizer", "gd", "--lr", "0.5", "--start=0.5,1",
                                  "--steps", "5", "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"stop\":\"left_domain\",\"stop_step\":1"), json.stdout)
        // A blow-up is still a divergence.
        let blow = try runDLPlot(["trace", "--surface", "bowl", "--optimizer", "gd", "--lr", "1e10", "--start=1,1", "--steps", "100"])
        XCTAssertTrue(blow.stderr.hasPrefix("stop: diverged at step "), blow.stderr)
    }
}

extension ExpressionMessageTests {
    /// A 100,000-character name was echoed whole in its error line; it is shown in 40 characters.
    func testALongUnknownNameIsShortenedInTheMessage() throws {
        let name = String(repeating: "y", count: 5000)
        let first = try refusal(["activation", name, "-o", "a.png"])
        XCTAssertTrue(first.hasPrefix("Error: invalid activation '" + String(repeating: "y", count: 100) + "…': unknown activation '" + String(repeating: "y", count: 40) + "…' (5000 characters). Allowed:"), first)
        XCTAssertLessThan(first.count, 600)
    }
}

extension ExpressionMessageTests {
    /// A start where a typed surface is undefined was "diverged at step 0" (trace printed only its header).
    func testAnUndefinedStartIsRefused() throws {
        XCTAssertEqual(try refusal(["trace", "--surface", "sqrt(x)+y^2", "--start=-1,1", "--optimizer", "gd", "--steps", "2"]),
                       "Error: invalid --start '-1,1': f is undefined (NaN) at the start (-1, 1); give a start where it is defined")
        XCTAssertEqual(try refusal(["surface", "sqrt(x)+y^2", "--start=-1,1", "--optimizers", "gd", "-o", "s.png"]),
                       "Error: invalid --start '-1,1': f is undefined (NaN) at the start (-1, 1); give a start where it is defined")
    }

    /// A start on a pole was "diverged at step 0" (curves: exit 1 with a message about empty panels).
    func testAStartOnAPoleIsRefused() throws {
        let expected = "Error: invalid --start '0,0': f is ∞ at the start (0, 0) (a pole); give a start where f is finite"
        XCTAssertEqual(try refusal(["trace", "--surface", "1/(x^2+y^2)", "--start=0,0", "--optimizer", "adam", "--steps", "2"]), expected)
        XCTAssertEqual(try refusal(["surface", "1/(x^2+y^2)", "--start=0,0", "--optimizers", "gd", "-o", "p.png"]), expected)
        XCTAssertEqual(try refusal(["curves", "--surface", "1/(x^2+y^2)", "--start=0,0", "--optimizers", "gd", "-o", "c.png"]), expected)
    }

    /// Options after `--` were read as functions: "parameter 'o' has no value".
    func testOptionsAfterDashDashAreNamed() throws {
        XCTAssertEqual(try refusal(["activation", "--", "-x^2", "-o", "negsq.png"]),
                       "Error: '-o' comes after --, so it is read as a function, not an option; put options before --, as in: dlplot activation -o … -- '-x^2'")
        XCTAssertTrue(try refusal(["eval", "activation", "--", "-x^2", "--x", "1"]).hasPrefix("Error: '--x' comes after --"))
        // −(−x) written as '--x' is the option --x even after --: the message showed "-- ''" as the fix.
        XCTAssertEqual(try refusal(["eval", "activation", "--x", "1", "--", "--x"]),
                       "Error: '--x' after -- is still read as the option --x of dlplot eval activation; write the formula another way, e.g. '-(-x)'")
    }

    /// '--x' (x negated twice) where a formula belongs said "Unknown option '--x'. Did you mean '--'?".
    func testAVariableNegatedTwiceIsToldToGoAfterDashDash() throws {
        XCTAssertEqual(try refusal(["activation", "--x", "-o", "a.png"]),
                       "Error: '--x' starts with '-', so it reads as an option; give an expression that starts with '-' after --, as the last argument: dlplot activation … -- '--x'")
        XCTAssertTrue(try refusal(["surface", "--y", "-o", "s.png"]).hasSuffix("dlplot surface … -- '--y'"))
        XCTAssertTrue(try refusal(["activation", "--pi", "-o", "a.png"]).hasSuffix("dlplot activation … -- '--pi'"))
        // An unknown option is never offered '--' as what was meant.
        XCTAssertEqual(try refusal(["activation", "relu", "--xx", "2"]), "Error: Unknown option '--xx'")
        let ok = try runDLPlot(["eval", "activation", "--x", "2", "--", "-(-x)"])
        XCTAssertEqual(ok.stdout, "x,y,dy\n2.0,2.0,1.0\n", ok.stderr)
    }
}

extension ExpressionMessageTests {
    /// A surface undefined on its whole view was told to take another start ("f is undefined (NaN) at the
    /// default start (2.4, 2.4)"), advice that cannot be followed.
    func testASurfaceUndefinedOnTheWholeViewIsNamed() throws {
        XCTAssertEqual(try refusal(["surface", "sqrt(-x^2-y^2-1)", "-o", "u.png"]),
                       "Error: surface: 'sqrt(-x^2-y^2-1)' is undefined (NaN) everywhere on the view -3…3 × -3…3; give another --xrange and --yrange")
        XCTAssertEqual(try refusal(["surface", "sqrt(x-10)+y", "--xrange", "-1:2", "-o", "u.png"]),
                       "Error: surface: 'sqrt(x-10)+y' is undefined (NaN) everywhere on the view -1…2 × -3…3; give another --xrange and --yrange")
        XCTAssertEqual(try refusal(["trace", "--surface", "sqrt(-x^2-y^2-1)", "--optimizer", "gd", "--steps", "2"]),
                       "Error: --surface: 'sqrt(-x^2-y^2-1)' is undefined (NaN) everywhere on the view -3…3 × -3…3; give a --start where it is defined")
        // Defined somewhere in the view: since X8-16 (421c8a4) the view and the default start are searched where f
        // is defined (x ≤ −2.5 here: the view becomes −3…−2, the start (−2.9, 2.4)), not refused.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("undefined-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let drawn = try runDLPlot(["surface", "sqrt(-x-2.5)+y", "-o", "u.png", "--data", "u.csv"], in: dir)
        XCTAssertEqual(drawn.status, 0, drawn.stderr)
        let table = try String(contentsOf: dir.appendingPathComponent("u.csv"), encoding: .utf8)
        let first = try XCTUnwrap(table.split(separator: "\n").dropFirst().first).split(separator: ",")
        XCTAssertTrue(first.contains("-2.9") && first.contains("2.4"), "the runs start at (−2.9, 2.4): \(first)")
    }
}

extension ExpressionMessageTests {
    /// X8-1: a bad expression's Error line is followed by the expression and a caret under the offending
    /// character (the column the line names), in every command that takes one; a name or a whole-input
    /// error has no caret.
    func testACaretPointsAtTheOffendingCharacter() throws {
        let cases: [([String], String, Int)] = [
            (["eval", "activation", "--x", "1", "x*sigmod(x)+1"], "x*sigmod(x)+1", 3),
            (["eval", "activation", "--x", "1", "(x+1"], "(x+1", 5),
            (["eval", "activation", "--x", "1", "x+1)"], "x+1)", 4),
            (["eval", "activation", "--x", "1", "x^^2"], "x^^2", 3),
            (["activation", "x*tanh(y)", "-o", "a.png"], "x*tanh(y)", 8),
            (["surface", "x+*y", "-o", "s.png"], "x+*y", 3),
            (["trace", "--surface", "x^2+(y", "--optimizer", "gd"], "x^2+(y", 7),
            (["lr", "--function", "x+", "-o", "l.png"], "x+", 3),
        ]
        for (arguments, expression, column) in cases {
            let dir = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try runDLPlot(arguments, in: dir)
            XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)")
            let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(lines.count, 4, "Error line, expression, caret, final newline: \(r.stderr)")
            guard lines.count == 4 else { continue }
            XCTAssertTrue(lines[0].hasPrefix("Error: ") && lines[0].contains("column \(column)"), lines[0])
            XCTAssertEqual(lines[1], "  " + expression, r.stderr)
            XCTAssertEqual(lines[2], String(repeating: " ", count: 2 + column - 1) + "^", r.stderr)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "nothing written")
        }
        // A name (no formula) is one line as before.
        let name = try runDLPlot(["activation", "sigmiod", "-o", "a.png"])
        XCTAssertEqual(name.status, 64, name.stderr)
        XCTAssertEqual(name.stderr.split(separator: "\n").count, 1, name.stderr)
    }
}
