import XCTest
@testable import Optim

/// Every activation point of activations.json (including kinks, where torch's choice is matched),
/// the softmax outputs and Jacobians.
final class ActivationReferenceTests: XCTestCase {
    func testEveryReferencePoint() throws {
        let root = try Reference.load("activations")
        let table = try XCTUnwrap(root.object("activations"))
        XCTAssertEqual(table.count, 24)
        var checked = 0
        for (refName, variantsAny) in table {
            let variants = try XCTUnwrap(variantsAny as? [[String: Any]])
            for variant in variants {
                let specs = try Activation.parameterSpecs(for: refName)
                let refParams = (variant.object("params") ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue }
                let params = refParams.filter { key, _ in specs.contains { $0.name == key } }
                let f = try Activation(name: refName, parameters: params)
                // Parameters we do not take must be our fixed constants (selu, gelu_sigmoid).
                if let k = refParams["k"] { XCTAssertEqual(k, 1.702) }
                if let scale = refParams["scale"] { XCTAssertEqual(scale, Kernel.seluScale) }
                for p in try XCTUnwrap(variant.objects("points")) {
                    let x = try XCTUnwrap(p.double("x"))
                    let y = try XCTUnwrap(p.double("y"))
                    let dy = try XCTUnwrap(p.double("dy"))
                    let gotY = f.value(x)
                    let gotDY = f.derivative(x)
                    let okY = close(gotY, y) || p.double("y_exact").map { close(gotY, $0) } == true
                    let okDY = close(gotDY, dy) || p.double("dy_exact").map { close(gotDY, $0) } == true
                    XCTAssertTrue(okY, "\(refName)(\(x)) = \(gotY), torch \(y)")
                    XCTAssertTrue(okDY, "\(refName)'(\(x)) = \(gotDY), torch \(dy)")
                    checked += 1
                }
                // Every torch kink is one of our kinks or jumps.
                for kink in variant.doubles("kinks") ?? [] {
                    XCTAssertTrue(f.kinks.contains(kink) || f.jumps.contains(kink), "\(refName): kink \(kink) not listed")
                }
            }
        }
        XCTAssertEqual(checked, 24 * 29)
    }

    func testSoftmaxOutputsAndJacobians() throws {
        let root = try Reference.load("activations")
        let cases = try XCTUnwrap(root.object("softmax")?.objects("cases"))
        XCTAssertEqual(cases.count, 7)
        for c in cases {
            let input = try XCTUnwrap(c.doubles("input"))
            let output = try XCTUnwrap(c.doubles("output"))
            let jacobian = try XCTUnwrap(c.matrix("jacobian"))
            let s = Softmax.probabilities(input)
            let j = Softmax.jacobian(input)
            XCTAssertEqual(s.count, output.count)
            for i in output.indices {
                XCTAssertTrue(close(s[i], output[i]), "softmax(\(input))[\(i)] = \(s[i]), torch \(output[i])")
                for k in output.indices {
                    XCTAssertTrue(close(j[i][k], jacobian[i][k]), "J(\(input))[\(i)][\(k)] = \(j[i][k]), torch \(jacobian[i][k])")
                }
            }
        }
    }

    func testSoftmaxTemperatureAndLogForms() throws {
        let x = [2.0, 1.0, 0.1]
        // softmax(x, T) = softmax(x/T): compare with the reference function on scaled logits.
        let t = 2.5
        let scaled = Softmax.probabilities(x.map { $0 / t })
        let withT = Softmax.probabilities(x, temperature: t)
        for i in x.indices { XCTAssertTrue(close(withT[i], scaled[i])) }
        // log-softmax = log(softmax); its Jacobian by finite differences.
        let logs = Softmax.logProbabilities(x, temperature: t)
        for i in x.indices { XCTAssertEqual(logs[i], Foundation.log(withT[i]), accuracy: 1e-15) }
        let jl = Softmax.logJacobian(x, temperature: t)
        let js = Softmax.jacobian(x, temperature: t)
        for j in x.indices {
            var plus = x, minus = x
            plus[j] += 1e-6
            minus[j] -= 1e-6
            let lp = Softmax.logProbabilities(plus, temperature: t)
            let lm = Softmax.logProbabilities(minus, temperature: t)
            let sp = Softmax.probabilities(plus, temperature: t)
            let sm = Softmax.probabilities(minus, temperature: t)
            for i in x.indices {
                XCTAssertEqual(jl[i][j], (lp[i] - lm[i]) / 2e-6, accuracy: 1e-8)
                XCTAssertEqual(js[i][j], (sp[i] - sm[i]) / 2e-6, accuracy: 1e-8)
            }
        }
        // Entropy: uniform over 3 is log 3; a sharp distribution has entropy near 0.
        XCTAssertEqual(Softmax.entropy([0, 0, 0]), Foundation.log(3.0), accuracy: 1e-15)
        XCTAssertLessThan(Softmax.entropy([100, 0, 0]), 1e-40)
        XCTAssertThrowsError(try Softmax.validate(temperature: 0))
        XCTAssertTrue(Softmax.probabilities([1000, 999, 0]).allSatisfy(\.isFinite))
    }
}
