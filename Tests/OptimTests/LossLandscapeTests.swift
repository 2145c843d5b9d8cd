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
}
