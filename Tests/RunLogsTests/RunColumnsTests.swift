import XCTest
@testable import RunLogs

/// One file holding several runs: a run column (run, model, seed, … or one the user names) splits its
/// rows into runs; a long table (run,metric,step,value: TensorBoard's get_scalars(), MLflow, dlplot's own
/// --data) is read back as the runs and metrics it lists.
final class RunColumnsTests: XCTestCase {
    private func read(_ name: String, _ text: String, label: String? = nil, columns: RunColumns = .automatic) throws -> [RunLog] {
        try LogReader.read(try Fixture.temporary(name, text: text), name: label, runColumns: columns)
    }

    func testARunColumnSplitsTheRowsIntoRuns() throws {
        // pandas: pd.concat of two runs' frames, written with to_csv(index=False).
        let runs = try read("long.csv", "run,step,loss\nadam,0,1\nadam,1,0.5\nadam,2,0.3\nsgd,0,1\nsgd,1,0.8\nsgd,2,0.6\n")
        XCTAssertEqual(runs.map(\.name), ["adam", "sgd"])
        XCTAssertEqual(runs[0].metric("loss")?.values, [1, 0.5, 0.3])
        XCTAssertEqual(runs[1].metric("loss")?.values, [1, 0.8, 0.6])
        XCTAssertEqual(runs[1].metric("loss")?.steps, [0, 1, 2])
        XCTAssertTrue(runs.allSatisfy { $0.notes.allSatisfy { !$0.contains("restarts") } }, "no run replaces another")
        // Interleaved rows and other recognised names, any case.
        let models = try read("m.csv", "step,Model,loss\n0,a,1\n0,b,2\n1,a,0.5\n1,b,1.5\n")
        XCTAssertEqual(models.map(\.name), ["a", "b"])
        XCTAssertEqual(models[1].metric("loss")?.values, [2, 1.5])
        // A labelled file names its runs label/run.
        XCTAssertEqual(try read("l.csv", "name,step,loss\nx,0,1\ny,0,2\n", label: "sweep").map(\.name), ["sweep/x", "sweep/y"])
    }

    func testSeedsAreNamedSoThatGroupingFindsThem() throws {
        let runs = try read("adam.csv", "seed,step,loss\n0,0,1\n0,1,0.5\n1,0,1.2\n1,1,0.6\n")
        XCTAssertEqual(runs.map(\.name), ["adam seed0", "adam seed1"])
        let both = try read("sweep.csv", "model,seed,step,loss\nadam,0,0,1\nadam,1,0,1.1\nsgd,0,0,1\n")
        XCTAssertEqual(both.map(\.name), ["adam seed0", "adam seed1", "sgd seed0"])
        // One run named throughout keeps the file's name.
        XCTAssertEqual(try read("adam-seed3.csv", "seed,step,loss\n3,0,1\n3,1,0.5\n").map(\.name), ["adam-seed3"])
    }

    func testTheUserNamesTheRunColumnOrNone() throws {
        let text = "optimizer_name,step,loss\nadam,0,1\nsgd,0,2\n"
        let named = try read("o.csv", text, columns: RunColumns(names: ["Optimizer Name"], explicit: true))
        XCTAssertEqual(named.map(\.name), ["adam", "sgd"])
        let none = try read("long.csv", "run,step,loss\na,0,1\nb,0,2\n", columns: RunColumns(names: [], explicit: true))
        XCTAssertEqual(none.map(\.name), ["long"])
        XCTAssertThrowsError(try read("o.csv", text, columns: RunColumns(names: ["foo"], explicit: true))) { error in
            XCTAssertTrue("\(error)".contains("has no column 'foo' for --run-column; its columns are optimizer_name,step,loss"), "\(error)")
        }
    }

    func testALongTableIsReadAsTheRunsAndMetricsItLists() throws {
        // dlplot's own --data table, with the smoothed column it adds.
        let runs = try read("data.csv", """
            run,metric,step,value,smoothed
            adam,loss,0,1.0,1.0
            adam,loss,1,0.5,0.7
            adam,acc,1,0.8,0.8
            sgd,loss,0,2.0,2.0

            """)
        XCTAssertEqual(runs.map(\.name), ["adam", "sgd"])
        XCTAssertEqual(runs[0].metrics.map(\.name), ["loss", "acc"])
        XCTAssertEqual(runs[0].metric("loss")?.values, [1.0, 0.5])
        XCTAssertEqual(runs[1].metric("loss")?.values, [2.0])
        XCTAssertTrue(runs[0].notes.contains { $0.hasPrefix("column(s) 'smoothed' ignored") }, "\(runs[0].notes)")
        // TensorBoard's data frame (run, tag, step, value) and JSON lines of the same shape.
        let tb = try read("tb.csv", "run,tag,step,value\ntrain,loss,0,3\ntrain,loss,5,2\n")
        XCTAssertEqual(tb.first?.metric("loss")?.steps, [0, 5])
        let jsonl = try read("r.jsonl", """
            {"run": "a", "step": 0, "loss": 1}
            {"run": "b", "step": 0, "loss": 2}
            {"run": "a", "step": 1, "metric": "acc", "value": 0.5}
            {"seed": 1, "run": "b", "step": 1, "loss": 1.5}

            """)
        XCTAssertEqual(jsonl.map(\.name), ["a", "b", "b seed1"])
        XCTAssertEqual(jsonl[0].metric("acc")?.values, [0.5])
        XCTAssertEqual(jsonl[1].metric("loss")?.values, [2])
    }
}
