import Foundation
import XCTest

/// `--x time` with ISO-8601 times and TensorBoard's CSV export, and a phase column, from the command line.
final class RunsTimesCLITests: XCTestCase {
    private func write(_ text: String, _ name: String, in dir: URL) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func rows(_ name: String, in dir: URL) throws -> [String] {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testISOTimesAreSecondsSinceTheFirstRecord() throws {
        let dir = try makeTemporaryDirectory()
        try write("step,loss,timestamp\n0,1.0,2024-05-01 12:00:00\n1,0.5,2024-05-01 12:00:30\n2,0.25,2024-05-01T12:02:00Z\n", "iso.csv", in: dir)
        let run = try runDLPlot(["runs", "iso.csv", "--x", "time", "--data", "d.csv", "-o", "d.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try rows("d.csv", in: dir), ["run,metric,step,value,time", "iso,loss,0,1.0,0.0", "iso,loss,1,0.5,30.0", "iso,loss,2,0.25,120.0"])
    }

    func testTimesThatAreNotTimesAreRefusedOnlyForTheTimeAxis() throws {
        let dir = try makeTemporaryDirectory()
        try write("step,loss,time\n0,1.0,12:00:01\n1,0.5,12:00:31\n", "clock.csv", in: dir)
        let byStep = try runDLPlot(["runs", "clock.csv", "-o", "s.png"], in: dir)
        XCTAssertEqual(byStep.status, 0, byStep.stderr)
        let byTime = try runDLPlot(["runs", "clock.csv", "--x", "time", "-o", "t.png"], in: dir)
        XCTAssertEqual(byTime.status, 64)
        XCTAssertEqual(byTime.stderr, "Error: clock.csv: has times that are neither seconds since 1970 nor ISO-8601 date-times "
            + "(such as 2024-05-01T12:00:00Z); expected one of these for --x time\n")
        XCTAssertFalse(listing(dir).contains("t.png"))
    }

    func testTensorBoardExportIsOneMetricOverStepsWithItsWallTime() throws {
        let dir = try makeTemporaryDirectory()
        try write("Wall time,Step,Value\n1700000000,0,0.9\n1700000004.5,10,0.7\n", "run-adam-tag-val_loss.csv", in: dir)
        let run = try runDLPlot(["runs", "run-adam-tag-val_loss.csv", "--x", "time", "--data", "d.csv", "-o", "d.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try rows("d.csv", in: dir), ["run,metric,step,value,time", "adam,val_loss,0,0.9,0.0", "adam,val_loss,10,0.7,4.5"])
        let report = try LayoutSweepTests.report(["runs", dir.appendingPathComponent("run-adam-tag-val_loss.csv").path])
        let texts = report.elements.map(\.text)
        XCTAssertTrue(texts.contains("val_loss"), "\(texts)")
        XCTAssertFalse(texts.contains { $0.localizedCaseInsensitiveContains("wall time") }, "\(texts)")
        XCTAssertTrue(texts.contains("step"), "\(texts)")
    }

    func testAPhaseColumnDrawsTrainAndValidationAsTwoCurves() throws {
        let dir = try makeTemporaryDirectory()
        try write("step,phase,loss\n0,train,1.0\n0,val,1.2\n1,train,0.8\n1,val,1.0\n", "phase.csv", in: dir)
        let run = try runDLPlot(["runs", "phase.csv", "--data", "d.csv", "-o", "d.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "note: column(s) 'phase' split the metrics: train/loss, val/loss\n")
        XCTAssertEqual(try rows("d.csv", in: dir), ["run,metric,step,value", "phase,train/loss,0,1.0", "phase,train/loss,1,0.8",
                                                    "phase,val/loss,0,1.2", "phase,val/loss,1,1.0"])
    }
}
