import XCTest
@testable import Optim

final class LossLandscapeTests: XCTestCase {
    func trained(_ task: LandscapeTask, optimizer: String, lr: Double, steps: Int) throws -> (NetworkObjective, Trajectory) {
        let (x, y) = task.data(seed: 7)
        let out: Activation = task == .regression ? try Activation(name: "identity") : try Activation(name: "sigmoid")
        let net = try MLP(widths: [2, 16, 16, 1], activations: [try Activation(name: "tanh"), try Activation(name: "tanh"), out],
                          initialization: .glorotUniform, seed: 7)
        let objective = NetworkObjective(network: net, inputs: x, targets: y, loss: task.loss)
        let run = try runTrajectory(objective: objective, optimizer: try Optimizer(name: optimizer, settings: ["lr": .number(lr)]),
                                    start: NetworkObjective.flatten(net), options: TrajectoryOptions(steps: steps, recordGradients: false))
        return (objective, run)
    }

    func testCentreOfThePlaneIsTheTrainedLossAndPCASharesAreOrdered() throws {
        for task in LandscapeTask.allCases {
            let (objective, run) = try trained(task, optimizer: "adam", lr: 0.02, steps: 150)
            let theta = try XCTUnwrap(run.finalPosition)
            var sampler = GaussianSampler(seed: 1)
            let u = LossLandscape.filterNormalisedDirection(objective, theta: theta, sampler: &sampler)
            let v = LossLandscape.filterNormalisedDirection(objective, theta: theta, sampler: &sampler)
            let axis = (0..<11).map { -1 + 0.2 * Double($0) }
            let grid = LossLandscape.grid(objective, centre: theta, u: u, v: v, alphas: axis, betas: axis)
            XCTAssertEqual(grid[5 * 11 + 5], try XCTUnwrap(run.finalValue), "\(task): centre of the plane")
            XCTAssertLessThan(try XCTUnwrap(run.finalValue), run.values[0], "\(task): training lowers the loss")
            let pca = LossLandscape.pca(run.positions)
            XCTAssertEqual(pca.shares.count, 2)
            XCTAssertTrue(pca.shares.allSatisfy { (0...1).contains($0) }, "\(task): \(pca.shares)")
            XCTAssertGreaterThanOrEqual(pca.shares[0], pca.shares[1], "\(task)")
            XCTAssertLessThanOrEqual(pca.shares[0] + pca.shares[1], 1 + 1e-12)
            // the directions are orthonormal
            let dot = zip(pca.directions[0], pca.directions[1]).reduce(0.0) { $0 + $1.0 * $1.1 }
            XCTAssertEqual(dot, 0, accuracy: 1e-6)
        }
    }

    /// Filter normalisation: each neuron's incoming weights in the direction have the norm of θ's.
    func testDirectionsAreFilterNormalised() throws {
        let (objective, run) = try trained(.xor, optimizer: "sgd", lr: 0.5, steps: 10)
        let theta = try XCTUnwrap(run.finalPosition)
        var sampler = GaussianSampler(seed: 3)
        let d = LossLandscape.filterNormalisedDirection(objective, theta: theta, sampler: &sampler)
        let first = objective.network.layers[0]
        for o in 0..<first.outputs {
            let r = (o * first.inputs)..<((o + 1) * first.inputs)
            let dn = r.reduce(0.0) { $0 + d[$1] * d[$1] }.squareRoot(), tn = r.reduce(0.0) { $0 + theta[$1] * theta[$1] }.squareRoot()
            XCTAssertEqual(dn, tn, accuracy: 1e-12 * max(1, tn))
        }
        XCTAssertEqual(d[first.weights.count..<(first.weights.count + first.outputs)].map { $0 }, [Double](repeating: 0, count: first.outputs))
    }

    /// A path on a known plane: θᵢ − θ_last = aᵢ·e₁ + bᵢ·e₂ with Σa² = 4·Σb², so the directions are
    /// ±e₁, ±e₂ and the shares 0.8 and 0.2 exactly (the path has no third direction).
    func testPCAOfAPathOnAKnownPlane() throws {
        let dim = 5
        let e1: [Double] = [0.6, 0.8, 0, 0, 0], e2: [Double] = [0, 0, 0, 1, 0]
        let a: [Double] = [4, -2, 2, 0, 0], b: [Double] = [1, 1, -1, 1, 0]
        // Σa² = 16+4+4 = 24, Σb² = 4: shares 24/28 and 4/28.
        let last: [Double] = [1, -2, 3, 0.5, 7]
        var rows: [[Double]] = []
        for i in a.indices {
            var r = [Double](repeating: 0, count: dim)
            for k in 0..<dim { r[k] = last[k] + a[i] * e1[k] + b[i] * e2[k] }
            rows.append(r)
        }
        func dot(_ p: [Double], _ q: [Double]) -> Double { zip(p, q).reduce(0.0) { $0 + $1.0 * $1.1 } }
        let pca = LossLandscape.pca(rows)
        XCTAssertEqual(pca.shares[0], 24.0 / 28, accuracy: 1e-12)
        XCTAssertEqual(pca.shares[1], 4.0 / 28, accuracy: 1e-12)
        XCTAssertEqual(abs(dot(pca.directions[0], e1)), 1, accuracy: 1e-12)
        XCTAssertEqual(abs(dot(pca.directions[1], e2)), 1, accuracy: 1e-12)
        for (i, c) in pca.coordinates.enumerated() {
            XCTAssertEqual(abs(c.0), abs(a[i]), accuracy: 1e-12)
            XCTAssertEqual(abs(c.1), abs(b[i]), accuracy: 1e-12)
        }
    }

    /// The forward-only loss used for the landscape grids is the loss of backpropagation, bit for bit,
    /// for every task (bce and mse) and for an odd and an even number of layers.
    func testForwardLossEqualsTheBackpropagationLossExactly() throws {
        for task in LandscapeTask.allCases {
            let (x, y) = task.data(seed: 11)
            for widths in [[2, 16, 16, 1], [2, 8, 1], [2, 1]] {
                let hidden = try Activation(name: "tanh")
                let out = try Activation(name: task == .regression ? "identity" : "sigmoid")
                let acts = Array(repeating: hidden, count: widths.count - 2) + [out]
                let net = try MLP(widths: widths, activations: acts, initialization: .glorotUniform, seed: 5)
                let viaBackprop = net.lossAndGradients(inputs: x, targets: y, loss: task.loss).loss
                XCTAssertEqual(net.loss(inputs: x, targets: y, loss: task.loss).bitPattern, viaBackprop.bitPattern, "\(task) \(widths)")
            }
        }
    }
}
