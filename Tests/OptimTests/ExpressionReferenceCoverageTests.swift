import XCTest
@testable import Optim

/// What expressions.json holds beyond values and derivatives, checked so that no part of the reference
/// goes untested: the number of cases and points (a case dropped from the copy would go unnoticed by
/// the value tests), the `kinks` each 1-D case lists (the figure analysis must find exactly those), the
/// points marked `kink` (each lies on a listed kink) and every function the `grammar` line names.
final class ExpressionReferenceCoverageTests: XCTestCase {
    private func parameters(_ entry: [String: Any]) -> [String: Double] {
        (entry.object("params") ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    func testEveryCaseAndPointIsThere() throws {
        let reference = try Reference.load("expressions")
        let oneD = try XCTUnwrap(reference.objects("one_d")), twoD = try XCTUnwrap(reference.objects("two_d"))
        XCTAssertEqual(oneD.count, 16)
        XCTAssertEqual(twoD.count, 8)
        XCTAssertEqual(oneD.map { $0.objects("points")?.count ?? 0 }.reduce(0, +), 91)
        XCTAssertEqual(twoD.map { $0.objects("points")?.count ?? 0 }.reduce(0, +), 27)
        // Every point has torch's values; the exact ones are missing only at kinks.
        for entry in oneD {
            for p in try XCTUnwrap(entry.objects("points")) {
                XCTAssertNotNil(p.double("y"))
                XCTAssertNotNil(p.double("dy"))
                XCTAssertTrue(p["kink"] as? Bool == true || p.double("dy_exact") != nil, "\(entry["expression"] ?? "")")
            }
        }
    }

    /// The shape analysis finds the kinks the reference lists (max(x, 0.1x) at 0; |x| + relu(x − 1) at 0 and
    /// 1) and none where it lists none (min(1, max(−1, x)) is listed without kinks: its corners at ±1 are
    /// where f′ jumps, so they are the only extra points allowed, and only for that case).
    func testShapeAnalysisFindsTheListedKinks() throws {
        for entry in try XCTUnwrap(try Reference.load("expressions").objects("one_d")) {
            let source = try XCTUnwrap(entry["expression"] as? String)
            let listed = (entry["kinks"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue }
            let f = try MathExpression(source, dimension: 1, parameters: parameters(entry))
            let found = f.shape.kinks
            for k in listed {
                XCTAssertTrue(found.contains { abs($0 - k) < 1e-9 }, "\(source): kink at \(k) not found (found \(found))")
            }
            let clamp = source == "min(1, max(-1, x))"
            let extra = found.filter { k in !listed.contains { abs($0 - k) < 1e-9 } }
            XCTAssertEqual(extra.map { ($0 * 1e9).rounded() / 1e9 }, clamp ? [-1, 1] : [], "\(source): kinks \(found)")
            // Points marked as kinks lie on a listed kink.
            for p in try XCTUnwrap(entry.objects("points")) where p["kink"] as? Bool == true {
                let x = try XCTUnwrap(p.double("x"))
                XCTAssertTrue(listed.contains(x), "\(source): a kink point at \(x) that the case does not list")
            }
        }
    }

    /// Every function the reference's grammar line names parses and evaluates as a function of x, and the
    /// constants it names are the constants.
    func testEveryFunctionOfTheGrammarLineIsAccepted() throws {
        let grammar = try XCTUnwrap(try Reference.load("expressions")["grammar"] as? String)
        let afterFunctions = try XCTUnwrap(grammar.range(of: "functions ")).upperBound
        let words = grammar[afterFunctions...].split(whereSeparator: { " ,()".contains($0) }).map(String.init)
        let ignored: Set = ["and", "the", "built-in", "activations", "such", "as", "with", "torch's", "default", "parameters", "a", "b"]
        let names = words.filter { !ignored.contains($0) && $0.allSatisfy { $0.isLetter || $0.isNumber } }
        XCTAssertGreaterThanOrEqual(names.count, 27, "\(names)")
        for name in names {
            let call = ["max", "min"].contains(name) ? "\(name)(x, 0.5)" : "\(name)(x)"
            let value = try MathExpression(call).value(0.75)
            XCTAssertTrue(value.isFinite, "\(call) at 0.75 = \(value)")
        }
        for name in ["gelu", "silu", "mish", "elu", "selu", "softsign"] {
            XCTAssertTrue(names.contains(name), "\(name) is named in the grammar line")
            let builtIn = try Activation(name: name)
            XCTAssertEqual(try MathExpression("\(name)(x)").value(-0.8), builtIn.value(-0.8), "\(name) with torch's defaults")
        }
        XCTAssertTrue(grammar.contains("numbers, pi, e"))
        XCTAssertEqual(try MathExpression("pi + e").value(0), Double.pi + Foundation.exp(1))
    }
}
