import Foundation
import Viz
import XCTest

/// `dlplot runs --group` over seeds logged at different steps or times: the statistics are taken on the
/// union of the runs' x values, each run interpolated inside its own range (values by hand).
final class RunsGroupAlignmentTests: XCTestCase {
    private func write(_ files: [String: String], in dir: URL) throws {
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    }

    private func rows(_ table: TidyTable, _ column: String) -> [Double] { table.column(column).compactMap(Double.init) }

    /// a = (0, 1), (10, 2), (20, 3); b = (0, 4), (15, 1); c = (5, 0), (20, 6): means 2.5, 1.5, 2, 2.5, 4.5 at
    /// 0, 5, 10, 15, 20 (see RunGroupSummaryTests); the mean's min 1.5 is a mean of three runs, not one
    /// seed's own value.
    func testSeedsAtDifferentStepsAreAveragedOnTheirUnionOfSteps() throws {
        let dir = try makeTemporaryDirectory()
        try write(["a-seed0.csv": "step,loss\n0,1\n10,2\n20,3\n", "a-seed1.csv": "step,loss\n0,4\n15,1\n",
                   "a-seed2.csv": "step,loss\n5,0\n20,6\n"], in: dir)
        let args = ["runs", "a-seed0.csv", "a-seed1.csv", "a-seed2.csv", "--group", "seed[0-9]+"]
        let run = try runDLPlot(args + ["--data", "g.csv", "-o", "g.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let groups = try TidyTable(dir.appendingPathComponent("g-2.csv"))
        XCTAssertEqual(groups.columns, ["group", "metric", "step", "mean", "min", "max", "sd", "runs"])
        XCTAssertEqual(groups.column("step"), ["0", "5", "10", "15", "20"])
        XCTAssertEqual(rows(groups, "mean"), [2.5, 1.5, 2, 2.5, 4.5])
        XCTAssertEqual(rows(groups, "min"), [1, 0, 2, 1, 3])
        XCTAssertEqual(rows(groups, "max"), [4, 3, 2, 4, 6])
        XCTAssertEqual(groups.column("runs"), ["2", "3", "3", "3", "2"])

        let report = try LayoutSweepTests.report(args.map { $0.hasSuffix(".csv") ? dir.appendingPathComponent($0).path : $0 })
        let legend = report.elements.filter { $0.kind == .legend }.map(\.text)
        XCTAssertEqual(legend, ["a (mean of 3 runs); min 1.5 at step 5 · final 4.5 (runs 3–6)"])
        // Where fewer runs enter the mean (the rings on it) is said once, in the footnote.
        let footnote = report.elements.filter { $0.kind == .footnote }.map(\.text).joined(separator: " ")
        XCTAssertTrue(footnote.contains("Rings on a mean mark where fewer runs than all enter it: a: 2 runs before step 5, 2 runs after step 15."), footnote)
        XCTAssertTrue(footnote.contains("interpolated linearly between its own points"), footnote)
    }

    /// The group's spread is given beside the value it belongs to: after a divergence, the last finite mean.
    /// a: 1, 0.5, 0.4, NaN; b: 1, 0.6, 0.2, 0.1 → means 1, 0.55, 0.3, then NaN at step 3.
    func testTheSpreadAfterADivergenceIsGivenWithItsStep() throws {
        let dir = try makeTemporaryDirectory()
        try write(["s-seed0.csv": "step,loss\n0,1\n1,0.5\n2,0.4\n3,nan\n", "s-seed1.csv": "step,loss\n0,1\n1,0.6\n2,0.2\n3,0.1\n"], in: dir)
        let report = try LayoutSweepTests.report(["runs", dir.appendingPathComponent("s-seed0.csv").path,
                                                  dir.appendingPathComponent("s-seed1.csv").path, "--group", "seed[0-9]+"])
        let legend = report.elements.filter { $0.kind == .legend }.map(\.text)
        // (Right of the plot, its numbers on lines of their own.)
        XCTAssertEqual(legend.last, "s (mean of 2 runs); s-seed0 diverged at step 3 (NaN); min 0.3 at step 2; last 0.3 at step 2; (runs 0.2–0.4)")
    }

    /// --x time: each run's own time since its first record. seed0 at 0, 1, 2 s (1, 0.5, 0.25); seed1 at
    /// 0, 10, 20 s (1, 0.7, 0.5). At 1 s: (0.5 + 0.97) / 2 = 0.735; at 2 s: (0.25 + 0.94) / 2 = 0.595; at
    /// 10 and 20 s seed1 alone.
    func testGroupsOnWallTimeAlignEachRunsOwnTime() throws {
        let dir = try makeTemporaryDirectory()
        try write(["gt.csv": "seed,step,time,loss\n0,0,100,1\n0,1,101,0.5\n0,2,102,0.25\n1,0,500,1\n1,1,510,0.7\n1,2,520,0.5\n"], in: dir)
        let run = try runDLPlot(["runs", "gt.csv", "--group", "seed[0-9]", "--x", "time", "--data", "t.csv", "-o", "t.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let groups = try TidyTable(dir.appendingPathComponent("t-2.csv"))
        XCTAssertEqual(groups.columns[2], "time")
        XCTAssertEqual(rows(groups, "time"), [0, 1, 2, 10, 20])
        let mean = rows(groups, "mean")
        for (got, want) in zip(mean, [1, 0.735, 0.595, 0.7, 0.5]) { XCTAssertEqual(got, want, accuracy: 1e-12) }
        XCTAssertEqual(mean.count, 5)
        XCTAssertEqual(groups.column("runs"), ["2", "2", "2", "1", "1"])
    }

    /// W&B's chart export: one run per `RUN - METRIC` column, so the seeds group; the note about the left-out
    /// __MIN/__MAX columns goes to standard error only, never onto the figure.
    func testAWandBChartExportGroupsItsSeeds() throws {
        let dir = try makeTemporaryDirectory()
        let header = ["a-seed0", "a-seed1"].flatMap { r in ["\"\(r) - train/loss\"", "\"\(r) - train/loss__MIN\"", "\"\(r) - train/loss__MAX\""] }
        try write(["w.csv": "\"Step\"," + header.joined(separator: ",") + "\n0,2,2,2,4,4,4\n5,1,1,1,3,3,3\n"], in: dir)
        let run = try runDLPlot(["runs", "w.csv", "--group", "seed[0-9]+", "--data", "w-d.csv", "-o", "w.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "note: " + "W&B chart export: its 4 __MIN/__MAX columns (the range of the points W&B merged into each "
            + "exported one, not a spread across runs) left out; --group draws a band across runs\nwrote w.png, w-d.csv and w-d-2.csv\n")
        let groups = try TidyTable(dir.appendingPathComponent("w-d-2.csv"))
        XCTAssertEqual(groups.column("group"), ["a", "a"])
        XCTAssertEqual(groups.column("metric"), ["train/loss", "train/loss"])
        XCTAssertEqual(rows(groups, "mean"), [3, 2])
        let report = try LayoutSweepTests.report(["runs", dir.appendingPathComponent("w.csv").path, "--group", "seed[0-9]+"])
        XCTAssertFalse(report.elements.contains { $0.text.contains("W&B") }, "reader notes stay off the figure")
        XCTAssertEqual(report.elements.filter { $0.kind == .panelTitle }.map(\.text), ["train/loss"])
    }

    /// A pattern that matches but leaves every run alone is noted: W&B-style names that differ elsewhere.
    func testAGroupingThatGroupsNothingIsNoted() throws {
        let dir = try makeTemporaryDirectory()
        try write(["r.csv": "run,step,loss\nresnet-s0,0,1\nvit-s1,0,2\n"], in: dir)
        let run = try runDLPlot(["runs", "r.csv", "--group", "s[0-9]", "-o", "r.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "note: --group 's[0-9]' leaves every run in a group of its own: once the match is removed the names "
            + "still differ (resnet, vit); another pattern or --run-column can make them equal\n")
    }

    /// With --smooth the group table holds the bold line too: the mean of the smoothed runs. w = 0.5:
    /// a = 1, 0 → 1, (0.25 + 0) / 0.75 = 1/3; b = 3, 2 → 3, (0.75 + 1) / 0.75 = 7/3; means 2 and 4/3 (raw: 2, 1).
    func testTheSmoothedGroupMeanIsInTheTable() throws {
        let dir = try makeTemporaryDirectory()
        try write(["m-seed0.csv": "step,loss\n0,1\n1,0\n", "m-seed1.csv": "step,loss\n0,3\n1,2\n"], in: dir)
        let run = try runDLPlot(["runs", "m-seed0.csv", "m-seed1.csv", "--group", "seed[0-9]+", "--smooth", "0.5",
                                 "--data", "s.csv", "-o", "s.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let groups = try TidyTable(dir.appendingPathComponent("s-2.csv"))
        XCTAssertEqual(groups.columns.last, "smoothed")
        XCTAssertEqual(rows(groups, "mean"), [2, 1])
        let smoothed = rows(groups, "smoothed")
        XCTAssertEqual(smoothed.count, 2)
        XCTAssertEqual(smoothed[0], 2, accuracy: 1e-12)
        XCTAssertEqual(smoothed[1], 4.0 / 3, accuracy: 1e-12)
    }

    /// Seeds that stop one after another (steps 0–1000, 0–500, 0–700): the legend named only the first drop
    /// ("2 runs after step 500"), so the mean of one run from step 750 on read as a group's. Every drop is named.
    func testEveryDropInTheNumberOfRunsIsNamed() throws {
        let dir = try makeTemporaryDirectory()
        func log(_ last: Int, _ offset: Double) -> String {
            "step,loss\n" + stride(from: 0, through: last, by: 50).map { "\($0),\(2 * exp(-Double($0) / 300) + 0.1 + offset)" }.joined(separator: "\n") + "\n"
        }
        try write(["a-seed0.csv": log(1000, 0), "a-seed1.csv": log(500, 0.03), "a-seed2.csv": log(700, 0.06)], in: dir)
        let args = ["runs", "a-seed0.csv", "a-seed1.csv", "a-seed2.csv", "--group", "seed[0-9]+"]
        let run = try runDLPlot(args + ["--data", "g.csv", "-o", "g.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let groups = try TidyTable(dir.appendingPathComponent("g-2.csv"))
        XCTAssertEqual(groups.column("runs").filter { $0 == "1" }.count, 6, "steps 750–1000 are one run's")
        let report = try LayoutSweepTests.report(args.map { $0.hasSuffix(".csv") ? dir.appendingPathComponent($0).path : $0 })
        let footnote = report.elements.filter { $0.kind == .footnote }.map(\.text).joined(separator: " ")
        XCTAssertTrue(footnote.contains("a: 2 runs after step 500, 1 run after step 700."), footnote)
    }
}
