import Foundation
import XCTest

/// `dlplot runs`: the committed fixtures of every format drawn, values in --data exactly as logged,
/// smoothing, groups, and bad logs and options refused with exit 64 and nothing written.
final class RunsCommandTests: XCTestCase {
    private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures")

    private func fixture(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }

    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("runs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testEveryFixtureFormatDraws() throws {
        let dir = try scratch()
        for (k, file) in ["tensorboard/digits", "tensorboard/new-style", "lightning/metrics.csv", "keras/training.log",
                          "jsonl/adam.jsonl", "csv/diverged.csv", "csv/resumed.csv", "tensorboard/truncated"].enumerated() {
            let run = try runDLPlot(["runs", fixture(file), "-o", "f\(k).png"], in: dir)
            XCTAssertEqual(run.status, 0, "\(file): \(run.stderr)")
            let png = try Data(contentsOf: dir.appendingPathComponent("f\(k).png"))
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], file)
        }
    }

    func testTooManyMetricsIsAUsageErrorNamingTheCount() throws {
        // A 2000-column CSV ended with exit 1 and "invalid grid '667x3'".
        let dir = try scratch()
        let header = (0..<2000).map { "c\($0)" }.joined(separator: ","), row = Array(repeating: "1", count: 2000).joined(separator: ",")
        try Data((header + "\n" + row + "\n").utf8).write(to: dir.appendingPathComponent("wide.csv"))
        let run = try runDLPlot(["runs", "wide.csv", "-o", "w.png"], in: dir)
        XCTAssertEqual(run.status, 64)
        XCTAssertEqual(run.stderr, "Error: too many metrics to plot: 2000 (one panel each, at most 400); choose some with --y, "
            + "e.g. --y 'c0' or a glob such as --y '*loss*'\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("w.png").path))
    }

    func testDataHoldsTheLoggedValuesExactly() throws {
        let dir = try scratch()
        let run = try runDLPlot(["runs", fixture("lightning/metrics.csv"), "--y", "val_*", "--data", "d.csv", "-o", "l.svg"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try lines(dir.appendingPathComponent("d.csv"))
        XCTAssertEqual(rows.first, "run,metric,step,value")
        XCTAssertEqual(rows.count, 1 + 20, "10 val_acc and 10 val_loss points")
        // Every value cell is the text the logger wrote.
        let logged = try String(contentsOf: URL(fileURLWithPath: fixture("lightning/metrics.csv")), encoding: .utf8)
        let loggedCells = Set(logged.split(whereSeparator: { $0 == "," || $0 == "\r\n" || $0 == "\n" }).map(String.init))
        for row in rows.dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(cells.count, 4)
            XCTAssertTrue(cells[1] == "val_acc" || cells[1] == "val_loss", row)
            XCTAssertNotNil(Int(cells[2]), "steps are integers: \(row)")
            XCTAssertTrue(loggedCells.contains(cells[3]), "\(cells[3]) was not logged")
        }
        XCTAssertTrue(rows.contains { $0.hasSuffix(",val_loss,43,1.9043152332305908") }, "first validation point")
    }

    func testEpochAxisOnPerStepLightningRowsIsFractional() throws {
        let dir = try scratch()
        let run = try runDLPlot(["runs", fixture("lightning/metrics.csv"), "--label", "l", "--x", "epoch",
                                 "--y", "train_loss_step,val_loss", "--data", "d.csv", "-o", "e.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try lines(dir.appendingPathComponent("d.csv"))
        XCTAssertEqual(rows.first, "run,metric,step,value,epoch")
        // 44 steps an epoch; after step 9, 10/44 of epoch 0 is done; validation at step 87 ends epoch 1: 2 completed.
        XCTAssertTrue(rows.contains("l,train_loss_step,9,2.156244993209839,\(10.0 / 44)"), "\(rows.prefix(3))")
        XCTAssertTrue(rows.contains("l,val_loss,87,1.554490327835083,2.0"), "\(rows.suffix(3))")
    }

    func testTensorBoardFloat32ValuesPrintAsLoggedAndGroupsGoToASecondTable() throws {
        let dir = try scratch()
        let run = try runDLPlot(["runs", fixture("tensorboard/digits"), "--label", "digits", "--y", "val/accuracy",
                                 "--group", "seed[0-9]+", "--band", "sd", "--data", "d.csv", "-o", "g.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let points = try lines(dir.appendingPathComponent("d.csv"))
        XCTAssertEqual(points.first, "run,metric,step,value")
        XCTAssertTrue(points.contains("digits/adam-seed0,val/accuracy,659,0.94166666"), "float32 0.94166666 as logged")
        XCTAssertEqual(points.count, 1 + 6 * 15)
        let groups = try lines(dir.appendingPathComponent("d-2.csv"))
        XCTAssertEqual(groups.first, "group,metric,step,mean,min,max,sd,runs")
        XCTAssertEqual(groups.count, 1 + 2 * 15)
        let last = try XCTUnwrap(groups.first { $0.hasPrefix("digits/adam,val/accuracy,659,") })
        let cells = last.split(separator: ",").map(String.init)
        XCTAssertEqual(cells[7], "3")
        let finals = points.filter { $0.hasPrefix("digits/adam-seed") && $0.contains(",659,") }
            .compactMap { $0.split(separator: ",").last.flatMap { Float(String($0)) } }.map(Double.init)
        XCTAssertEqual(finals.count, 3)
        XCTAssertEqual(Double(cells[3]) ?? 0, finals.reduce(0, +) / 3, accuracy: 1e-15)
        // min and max are logged values: printed as float32, as the points table prints them.
        XCTAssertEqual(Float(cells[4]).map(Double.init), finals.min())
        XCTAssertEqual(Float(cells[5]).map(Double.init), finals.max())
        XCTAssertTrue(points.contains { $0.hasSuffix(",val/accuracy,659," + cells[4]) }, "min \(cells[4]) as logged")
        XCTAssertTrue(points.contains { $0.hasSuffix(",val/accuracy,659," + cells[5]) }, "max \(cells[5]) as logged")
    }

    func testSmoothedColumnFollowsTensorBoardsFormula() throws {
        let dir = try scratch()
        let run = try runDLPlot(["runs", fixture("jsonl/adam.jsonl"), "--y", "loss", "--smooth", "0.6", "--data", "d.csv",
                                 "-o", "s.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try lines(dir.appendingPathComponent("d.csv"))
        XCTAssertEqual(rows.first, "run,metric,step,value,smoothed")
        var last = 0.0, n = 0.0
        for row in rows.dropFirst() {
            let c = row.split(separator: ",").map(String.init)
            let v = try XCTUnwrap(Double(c[3])), s = try XCTUnwrap(Double(c[4]))
            last = 0.6 * last + 0.4 * v; n += 1
            XCTAssertEqual(s, last / (1 - pow(0.6, n)), accuracy: 1e-12)
        }
    }

    func testDivergenceIsAResult() throws {
        let dir = try scratch()
        let run = try runDLPlot(["runs", fixture("csv/diverged.csv"), "--log-y", "--data", "d.csv", "-o", "d.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try lines(dir.appendingPathComponent("d.csv"))
        XCTAssertTrue(rows.contains { $0.hasSuffix(",loss,199,inf") })
        XCTAssertTrue(rows.contains { $0.hasSuffix(",nan") })
    }

    func testBadLogsAndOptionsExit64AndWriteNothing() throws {
        let dir = try scratch()
        let bad = dir.appendingPathComponent("notes.csv")
        try Data("step,loss\n0,1\n1,oops\n".utf8).write(to: bad)
        let cases: [([String], String)] = [
            ([bad.path], "notes.csv: line 3, column 'loss': 'oops' is not a number"),
            ([fixture("keras/training.log"), "--y", "accuracy"], "no metric matches --y 'accuracy'"),
            ([fixture("jsonl/adam.jsonl"), "--x", "epoch"], "has no epoch column or tag"),
            ([fixture("csv/resumed.csv"), "--x", "time"], "records no wall time"),
            ([fixture("jsonl/adam.jsonl"), "--smooth", "1"], "invalid --smooth '1'"),
            ([fixture("jsonl/adam.jsonl"), "--smooth", "0.9x"],
             "Error: invalid --smooth '0.9x': expected a weight w with 0 ≤ w < 1 (TensorBoard's default is 0.6)\n"),
            ([fixture("jsonl/adam.jsonl"), "--group", ""], "Error: invalid --group '': it matches only empty text, so every run "
                + "would be a group of its own; expected a pattern for the part that differs between seeds, such as 'seed[0-9]+'\n"),
            ([fixture("jsonl/adam.jsonl"), "--x", "wall"], "invalid --x 'wall'"),
            ([fixture("jsonl/adam.jsonl"), "--group", "seed[0-"], "invalid --group 'seed[0-'"),
            ([fixture("jsonl/adam.jsonl"), "--label", "a", "--label", "b"], "invalid --label 'b'"),
            ([dir.appendingPathComponent("missing.csv").path], "missing.csv: no such file or directory"),
        ]
        for (args, message) in cases {
            let run = try runDLPlot(["runs"] + args + ["-o", "out.png", "--data", "out.csv"], in: dir)
            XCTAssertEqual(run.status, 64, "\(args): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(message), "\(args): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.png").path))
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.csv").path))
        }
    }

    /// `--colors red` draws Okabe–Ito vermilion: the help says so, and how to get pure red.
    func testColourNamesAreExplainedInTheHelp() throws {
        let help = try runDLPlot(["runs", "--help"], in: try scratch())
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(flat.contains("red = vermilion #D55E00) or hex (#ff0000 for pure red"), flat)
    }
}
