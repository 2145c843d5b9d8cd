import Foundation
import XCTest
@testable import Optim

/// A seeded generator of expressions: random trees of the grammar (every operator, function and
/// name), some mutated by inserting, deleting or swapping characters. Each must parse or fail with a
/// well-formed ExpressionError; a parsed one must give the same bits through the point and array
/// paths, and smooth generated ones must have derivatives that agree with a central difference.
/// 1,000 inputs by default; EXPRESSION_FUZZ_COUNT=1000000 for the full run. The corpus in
/// Reference/expression-corpus.json holds inputs that once found a bug or sit on an edge.
final class ExpressionFuzzTests: XCTestCase {
    static let unary = ["exp", "log", "log1p", "expm1", "sqrt", "abs", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asinh",
                        "atan", "erf", "erfc", "sigmoid", "softplus", "relu", "gelu", "mish", "elu", "selu", "softsign",
                        "hardswish", "relu6", "log_sigmoid", "swish_beta", "binary_step"]
    static let leaves = ["x", "y", "pi", "e", "a", "beta", "2", "0.5", "1e-3", "3", "0", "-1", "1e300", "100"]

    struct Generator {
        var rng: SplitMix64
        mutating func pick(_ options: [String]) -> String { options[rng.nextInt(below: options.count)] }

        mutating func expression(depth: Int) -> String {
            if depth <= 0 || rng.nextInt(below: 4) == 0 { return pick(ExpressionFuzzTests.leaves) }
            switch rng.nextInt(below: 9) {
            case 0: return expression(depth: depth - 1) + " + " + expression(depth: depth - 1)
            case 1: return expression(depth: depth - 1) + " - " + expression(depth: depth - 1)
            case 2: return expression(depth: depth - 1) + "*" + expression(depth: depth - 1)
            case 3: return expression(depth: depth - 1) + "/" + expression(depth: depth - 1)
            case 4: return "(" + expression(depth: depth - 1) + ")" + pick(["^", "**"]) + expression(depth: depth - 1)
            case 5: return "-" + expression(depth: depth - 1)
            case 6: return pick(["max", "min"]) + "(" + expression(depth: depth - 1) + ", " + expression(depth: depth - 1) + ")"
            case 7: return "(" + expression(depth: depth - 1) + ")"
            default: return pick(ExpressionFuzzTests.unary) + "(" + expression(depth: depth - 1) + ")"
            }
        }

        mutating func mutate(_ s: String) -> String {
            var chars = Array(s)
            let alphabet = Array("xy()+-*/^,.e0123456789 abcz_$é\n")
            for _ in 0..<(1 + rng.nextInt(below: 3)) {
                let i = chars.isEmpty ? 0 : rng.nextInt(below: chars.count + 1)
                switch rng.nextInt(below: 3) {
                case 0: chars.insert(alphabet[rng.nextInt(below: alphabet.count)], at: i)
                case 1: if i < chars.count { chars.remove(at: i) }
                default: if i + 1 < chars.count { chars.swapAt(i, i + 1) }
                }
            }
            return String(chars)
        }
    }

    /// The checks every input goes through; returns whether it parsed.
    @discardableResult
    static func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        var parsed = false
        for dimension in [1, 2] {
            do {
                let f = try MathExpression(text, dimension: dimension, parameters: ["a": 1.5, "beta": 2])
                parsed = true
                XCTAssertFalse(f.mathLabel.isEmpty, text, file: file, line: line)
                // The factors where f may be unbounded are well-formed expressions of the same variables.
                for g in f.singularFactors {
                    XCTAssertFalse(g.source.isEmpty, text, file: file, line: line)
                    XCTAssertEqual(g.dimension, dimension, text, file: file, line: line)
                    XCTAssertFalse(g.isConstant, "\(text): factor \(g.source)", file: file, line: line)
                }
                let xs = [-3.0, -1, 0, 0.5, 2, 40], ys = [0.5, 2, 1, -1, 0, -7]
                var v: [Double] = [], gx: [Double] = [], gy: [Double] = []
                f.evaluate(xs: xs, ys: ys, values: &v, dfdx: &gx, dfdy: &gy)
                for i in xs.indices {
                    let p = f.evaluate(xs[i], ys[i])
                    XCTAssertTrue(same(p.value, v[i]) && same(p.dx, gx[i]) && same(p.dy, gy[i]), "\(text) at \(i)",
                                  file: file, line: line)
                }
            } catch {
                let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
                XCTAssertTrue(lines.count == 1 || lines.count == 3, error.description, file: file, line: line)
                if lines.count == 3 {
                    XCTAssertEqual(lines[2].last, "^", error.description, file: file, line: line)
                    XCTAssertLessThanOrEqual(lines[2].count, lines[1].count + 1, error.description, file: file, line: line)
                }
            }
        }
        return parsed
    }

    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    func testGeneratedExpressions() {
        let count = Int(ProcessInfo.processInfo.environment["EXPRESSION_FUZZ_COUNT"] ?? "") ?? 1_000
        var generator = Generator(rng: SplitMix64(seed: 12))
        var parsed = 0
        let start = Date()
        for k in 0..<count {
            let source = generator.expression(depth: 1 + k % 6)
            let input = k % 3 == 0 ? generator.mutate(source) : source
            if Self.check(input) { parsed += 1 }
        }
        XCTAssertGreaterThan(parsed, count / 2, "most generated inputs are valid")
        if count > 10_000 { print("expression fuzz: \(count) inputs, \(parsed) parsed, \(Date().timeIntervalSince(start)) s") }
    }

    /// Smooth generated expressions: forward-mode derivatives agree with a central difference.
    func testDerivativesAgreeWithFiniteDifferences() throws {
        var generator = Generator(rng: SplitMix64(seed: 7))
        var compared = 0
        for _ in 0..<500 {
            let source = generator.expression(depth: 3)
            guard !["abs", "relu", "max", "min", "step", "relu6", "hardswish", "elu", "selu", "y"].contains(where: source.contains),
                  let f = try? MathExpression(source, parameters: ["a": 1.5, "beta": 2]) else { continue }
            for x in [-0.7, 0.3, 1.1] {
                let d = f.derivative(x)
                let h = 1e-6
                let fd = (f.value(x + h) - f.value(x - h)) / (2 * h)
                guard d.isFinite, fd.isFinite, abs(d) < 1e4, abs(f.value(x)) < 1e4 else { continue }
                XCTAssertEqual(d, fd, accuracy: 1e-4 * max(1, abs(d)), "\(source) at \(x)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 300)
    }

    func testCorpus() throws {
        let corpus = try XCTUnwrap(Reference.load("expression-corpus")["inputs"] as? [String])
        XCTAssertGreaterThan(corpus.count, 20)
        for input in corpus { Self.check(input) }
    }
}
