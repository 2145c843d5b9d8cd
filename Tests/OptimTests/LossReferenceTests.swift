import XCTest
@testable import Optim

/// Every case of losses.json: per-example loss and gradient, the mean and its gradient.
final class LossReferenceTests: XCTestCase {
    func testEveryReferenceCase() throws {
        let root = try Reference.load("losses")
        let table = try XCTUnwrap(root.object("losses"))
        XCTAssertEqual(Set(table.keys), Set(Loss.allNames))
        var cases = 0
        for (name, entryAny) in table {
            let entry = try XCTUnwrap(entryAny as? [String: Any])
            let params = (entry.object("params") ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue }
            let loss = try Loss(name: name, parameters: params)
            for c in try XCTUnwrap(entry.objects("cases")) {
                let refLoss = try XCTUnwrap(c.doubles("loss"))
                let refMean = try XCTUnwrap(c.double("loss_mean"))
                if loss.isRowWise {
                    let r = try loss.rowValues(prediction: try XCTUnwrap(c.matrix("prediction")),
                                               target: try XCTUnwrap(c.matrix("target")))
                    let grad = try XCTUnwrap(c.matrix("grad"))
                    let gradMean = try XCTUnwrap(c.matrix("grad_mean"))
                    for i in refLoss.indices {
                        XCTAssertTrue(close(r.loss[i], refLoss[i]), "\(name) row \(i): \(r.loss[i]) vs \(refLoss[i])")
                        for k in grad[i].indices {
                            XCTAssertTrue(close(r.gradient[i][k], grad[i][k]), "\(name) grad[\(i)][\(k)]: \(r.gradient[i][k]) vs \(grad[i][k])")
                            XCTAssertTrue(close(r.gradientMean[i][k], gradMean[i][k]), "\(name) grad_mean[\(i)][\(k)]")
                        }
                    }
                    XCTAssertTrue(close(r.lossMean, refMean), "\(name) mean \(r.lossMean) vs \(refMean)")
                } else {
                    let r = try loss.values(prediction: try XCTUnwrap(c.doubles("prediction")),
                                            target: try XCTUnwrap(c.doubles("target")))
                    let grad = try XCTUnwrap(c.doubles("grad"))
                    let gradMean = try XCTUnwrap(c.doubles("grad_mean"))
                    for i in refLoss.indices {
                        XCTAssertTrue(close(r.loss[i], refLoss[i]), "\(name)[\(i)]: \(r.loss[i]) vs \(refLoss[i])")
                        XCTAssertTrue(close(r.gradient[i], grad[i]), "\(name) grad[\(i)]: \(r.gradient[i]) vs \(grad[i])")
                        XCTAssertTrue(close(r.gradientMean[i], gradMean[i]), "\(name) grad_mean[\(i)]: \(r.gradientMean[i]) vs \(gradMean[i])")
                    }
                    XCTAssertTrue(close(r.lossMean, refMean), "\(name) mean \(r.lossMean) vs \(refMean)")
                }
                cases += 1
            }
        }
        XCTAssertEqual(cases, 15)
    }

    func testDerivativesMatchFiniteDifferences() throws {
        let points: [(Double, Double)] = [(0.3, 1), (0.7, 0), (0.45, 0.2), (-1.7, 1), (2.5, 0.5)]
        for name in ["mse", "mae", "huber", "bce", "bce_logits"] {
            let loss = try Loss(name: name)
            for (p, y) in points where !(name == "bce" && (p <= 0 || p >= 1)) {
                let fd = centralDifference({ loss.value(prediction: $0, target: y) }, at: p)
                XCTAssertEqual(loss.derivative(prediction: p, target: y), fd, accuracy: 1e-6 * max(1, abs(fd)), "\(name) at \(p), \(y)")
            }
        }
        // Row losses: gradient of the row loss by finite differences.
        for name in ["cce", "cce_logits"] {
            let loss = try Loss(name: name)
            let p = [0.2, 0.5, 0.3]
            let y = [0.1, 0.6, 0.3]
            let r = try loss.rowValues(prediction: [p], target: [y])
            for k in p.indices {
                var plus = p, minus = p
                plus[k] += 1e-6
                minus[k] -= 1e-6
                let lp = try loss.rowValues(prediction: [plus], target: [y]).loss[0]
                let lm = try loss.rowValues(prediction: [minus], target: [y]).loss[0]
                XCTAssertEqual(r.gradient[0][k], (lp - lm) / 2e-6, accuracy: 1e-6)
            }
        }
    }

    func testBadInputIsAnErrorNamingTheValue() throws {
        XCTAssertThrowsError(try Loss(name: "msee")) { error in
            XCTAssertTrue("\(error)".contains("'msee'") && "\(error)".contains("did you mean 'mse'"), "\(error)")
        }
        XCTAssertThrowsError(try Loss(name: "huber", parameters: ["dleta": 2])) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'delta'"), "\(error)")
        }
        XCTAssertThrowsError(try Loss(name: "huber", parameters: ["delta": -1])) { error in
            XCTAssertTrue("\(error)".contains("-1.0"), "\(error)")
        }
        let bce = try Loss(name: "bce")
        XCTAssertThrowsError(try bce.values(prediction: [1.5], target: [1])) { error in
            XCTAssertTrue("\(error)".contains("1.5"), "\(error)")
        }
        XCTAssertThrowsError(try bce.values(prediction: [0.5, 0.5], target: [1]))
        XCTAssertThrowsError(try Loss(name: "mse").values(prediction: [.nan], target: [1]))
        XCTAssertThrowsError(try Loss(name: "cce").rowValues(prediction: [[0.5, 0.5], [1]], target: [[1, 0], [1]]))
        XCTAssertThrowsError(try Loss(name: "cce").values(prediction: [0.5], target: [1]))
    }
}
