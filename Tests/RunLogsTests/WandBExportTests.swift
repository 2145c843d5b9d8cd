import XCTest
@testable import RunLogs

/// Weights & Biases exports, recognised by their content: the chart "Export CSV" (`RUN - METRIC`
/// columns with `__MIN`/`__MAX`) and the run table (`Name` beside `model` and `seed`, `_step`).
final class WandBExportTests: XCTestCase {
    private func read(_ name: String, _ text: String) throws -> [RunLog] {
        try LogReader.read(try Fixture.temporary(name, text: text), name: nil, runColumns: .automatic)
    }

    func testAChartExportIsOneRunPerRunColumnAndLeavesOutTheMergedRanges() throws {
        let text = """
            "Step","a-seed0 - train/loss","a-seed0 - train/loss__MIN","a-seed0 - train/loss__MAX","a-seed1 - train/loss","a-seed1 - train/loss__MIN","a-seed1 - train/loss__MAX"
            0,2,1.9,2.1,4,4,4
            5,1,1,1,3,3,3
            10,0.5,0.5,0.5,,,

            """
        let runs = try read("wandb_chart.csv", text)
        XCTAssertEqual(runs.map(\.name), ["a-seed0", "a-seed1"])
        XCTAssertEqual(runs.map { $0.metrics.map(\.name) }, [["train/loss"], ["train/loss"]])
        XCTAssertEqual(runs[0].metric("train/loss")?.values, [2, 1, 0.5])
        XCTAssertEqual(runs[0].metric("train/loss")?.steps, [0, 5, 10])
        XCTAssertEqual(runs[1].metric("train/loss")?.values, [4, 3], "an empty cell is no observation")
        XCTAssertEqual(runs.flatMap(\.notes), [WandBChartExport.rangesNote(4)])
        XCTAssertTrue(WandBChartExport.rangesNote(4).hasPrefix("W&B chart export: its 4 __MIN/__MAX columns"))
        // An ordinary header with a " - " in one column only is not an export.
        let plain = try read("plain.csv", "step,loss,val - loss\n0,1,2\n")
        XCTAssertEqual(plain.map(\.name), ["plain"])
        XCTAssertEqual(plain[0].metrics.map(\.name), ["loss", "val - loss"])
    }

    /// W&B's run table names each run by Name, model and seed; Name only repeats the other two, so the runs
    /// are `resnet18 seed0`, … and `--group 'seed[0-9]+'` finds the seeds. `_step` reads as "step".
    func testARunTableIsNamedByItsModelAndSeed() throws {
        let text = "Name,model,seed,_step,train/loss\nresnet18-s0,resnet18,0,0,1\nresnet18-s1,resnet18,1,0,2\n"
            + "vit-s0,vit,0,0,3\nresnet18-s0,resnet18,0,10,0.5\n"
        let runs = try read("wandb_runs.csv", text)
        XCTAssertEqual(runs.map(\.name), ["resnet18 seed0", "resnet18 seed1", "vit seed0"])
        XCTAssertEqual(runs[0].metric("train/loss")?.values, [1, 0.5])
        XCTAssertEqual(runs[0].stepAxis, "step")
        // Columns that say different things are all kept: a name that is not one to one with model and seed.
        let mixed = try read("m.csv", "name,model,seed,step,loss\nx,a,0,0,1\nx,a,1,0,2\n")
        XCTAssertEqual(mixed.map(\.name), ["x a seed0", "x a seed1"])
    }
}
