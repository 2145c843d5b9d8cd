import Optim
import Viz
import XCTest
@testable import Figures

/// `dlplot landscape`: a run that blows up gets a note instead of a meaningless PCA plane, and the
/// random plane can be drawn in 3-D.
final class LandscapeFigureTests: XCTestCase {
    func recipe(sgdLR: Double) throws -> LandscapeFigure {
        let task = LandscapeTask.regression
        let (x, y) = task.data(seed: 0)
        let tanh = try Activation(name: "tanh")
        let net = try MLP(widths: [2, 16, 16, 1], activations: [tanh, tanh, try Activation(name: "identity")],
                          initialization: .glorotUniform, seed: 0)
        let objective = NetworkObjective(network: net, inputs: x, targets: y, loss: task.loss)
        let options = TrajectoryOptions(steps: 200, recordEvery: 1, recordGradients: false)
        let runs = try [("sgd", sgdLR), ("adam", 0.01)].map { name, lr in
            (label: name, run: try runTrajectory(objective: objective, optimizer: try Optimizer(name: name, settings: ["lr": .number(lr)]),
                                                 start: NetworkObjective.flatten(net), options: options))
        }
        return LandscapeFigure(task: task, objective: objective, runs: runs, grid: 21, seed: 0)
    }

    /// SGD at lr 0.5 on the regression task (linear output, mean squared error) blows up within 20 steps:
    /// its panel says so with the step and the loss, draws no plane, and the data has no PCA rows for it.
    func testABlownUpRunGetsANoteInsteadOfAPCAPlane() throws {
        let r = try recipe(sgdLR: 0.5)
        let blowUp = try XCTUnwrap(LandscapeFigure.blowUp(r.runs[0].run))
        XCTAssertLessThan(blowUp.step, 20)
        XCTAssertGreaterThan(blowUp.loss, 1e6 * (r.runs[0].run.values.first ?? .nan))
        XCTAssertNil(LandscapeFigure.blowUp(r.runs[1].run), "adam at 0.01 stays bounded")
        var figure = try Figure(width: 1280, height: 720, rows: 2, columns: 2)
        let tables = try r.build(into: &figure)
        let panel = figure.panels[1].axes
        XCTAssertEqual(panel.marks.count, 1)
        let note = try XCTUnwrap(panel.marks.first as? TextMark)
        XCTAssertTrue(note.text.hasPrefix("diverged by step \(blowUp.step)\n"), note.text)
        let runs = Set((tables.first { $0.columns.first == "run" }?.cells ?? []).compactMap { row -> String? in
            if case let .text(name) = row[0] { return name } else { return nil }
        })
        XCTAssertFalse(runs.contains { $0.hasPrefix("sgd") }, "\(runs)")
        XCTAssertTrue(runs.contains { $0.hasPrefix("adam") }, "\(runs)")
        // At lr 0.2 the same run stays bounded and gets its plane.
        XCTAssertNil(LandscapeFigure.blowUp(try recipe(sgdLR: 0.2).runs[0].run))
    }

    /// The 3-D view puts one SurfaceMark of the random plane in the first panel, with the trained
    /// weights (α = β = 0) lifted onto it at the trained loss.
    func testThe3DViewLiftsTheTrainedWeightsOntoThePlane() throws {
        var r = try recipe(sgdLR: 0.2)
        r.view3D = (azimuth: -60, elevation: 45)
        var figure = try Figure(width: 1280, height: 720, rows: 2, columns: 2)
        _ = try r.build(into: &figure)
        let mark = try XCTUnwrap(figure.panels[0].axes.marks.first as? SurfaceMark)
        XCTAssertEqual(mark.path.count, 1)
        XCTAssertEqual(mark.path[0].z, try XCTUnwrap(r.runs[1].run.finalValue), accuracy: 1e-12)
        XCTAssertEqual(mark.field.nx, 21)
    }
}
