import Foundation
import Viz
import XCTest

/// `dlplot runs` tried as a new user would: short run names, a line still being written, divergence
/// drawn and summarised up to where it happens, an all-NaN run, panels in --y order, mixed x units.
final class RunsTrialTests: XCTestCase {
    private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures")

    private func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func texts(_ args: [String], kind: FigureElement.Kind) throws -> [String] {
        try LayoutSweepTests.report(args).elements.filter { $0.kind == kind }.map(\.text)
    }

    func testRunsAreNamedShortlyAsTensorBoardListsThem() throws {
        let digits = fixtures.appendingPathComponent("tensorboard/digits").path
        let legend = try texts(["runs", digits, "--y", "val/loss"], kind: .legend)
        let all = legend.joined(separator: "; ")
        XCTAssertTrue(all.hasPrefix("adam-seed0; min") && all.contains("; sgd-seed2; min"), all)
        XCTAssertFalse(legend.contains { $0.contains("/") }, "no paths in the legend: \(legend)")
        let title = try texts(["runs", fixtures.appendingPathComponent("lightning/metrics.csv").path], kind: .title)
        XCTAssertEqual(title, ["Training curves: lightning"], "metrics.csv is named by its directory")

        let dir = try makeTemporaryDirectory()
        for (seed, v) in [(0, 1.0), (1, 2.0)] {
            _ = try write("step,loss\n0,\(v)\n1,\(v / 2)\n", "sgd-seed\(seed).csv", in: dir)
        }
        let run = try runDLPlot(["runs", "sgd-seed0.csv", "sgd-seed1.csv", "--group", "seed[0-9]+", "--data", "g.csv", "-o", "g.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let groups = try TidyTable(dir.appendingPathComponent("g-2.csv"))
        XCTAssertEqual(Set(groups.column("group")), ["sgd"], "the extension is not part of the name")
        XCTAssertEqual(try TidyTable(dir.appendingPathComponent("g.csv")).column("run").first, "sgd-seed0")
        // The same short name twice is numbered.
        let twice = try runDLPlot(["runs", "sgd-seed0.csv", "./sgd-seed0.csv", "--data", "t.csv", "-o", "t.png"], in: dir)
        XCTAssertEqual(twice.status, 0, twice.stderr)
        XCTAssertEqual(Set(try TidyTable(dir.appendingPathComponent("t.csv")).column("run")), ["sgd-seed0", "sgd-seed0 (2)"])
        // One file name in two experiments' directories: named by the directory that differs.
        for e in ["x1", "x2"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("\(e)/run"), withIntermediateDirectories: true)
            _ = try write("epoch,loss\n0,1\n1,0.5\n", "\(e)/run/log.csv", in: dir)
        }
        let apart = try runDLPlot(["runs", "x1/run/log.csv", "x2/run/log.csv", "--data", "x.csv", "-o", "x.png"], in: dir)
        XCTAssertEqual(apart.status, 0, apart.stderr)
        XCTAssertEqual(Set(try TidyTable(dir.appendingPathComponent("x.csv")).column("run")), ["x1/log", "x2/log"])
    }

    func testALastLineWithoutLineBreakIsSkippedWithANote() throws {
        let dir = try makeTemporaryDirectory()
        let file = try write("step,loss\n0,1.0\n1,0.9\n2,0.8\n3,0.", "trunc.csv", in: dir)
        let run = try runDLPlot(["runs", file, "--data", "t.csv", "-o", "t.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "note: the last line (5) has no line break, as in a file still being written; skipped\n")
        XCTAssertEqual(try TidyTable(dir.appendingPathComponent("t.csv")).column("step"), ["0", "1", "2"])
        // A one-row file without its final line break keeps its row.
        let one = try write("step,loss\n0,1.5", "one.csv", in: dir)
        let single = try runDLPlot(["runs", one, "--data", "o.csv", "-o", "o.png"], in: dir)
        XCTAssertEqual(single.status, 0, single.stderr)
        XCTAssertEqual(try TidyTable(dir.appendingPathComponent("o.csv")).column("value"), ["1.5"])
    }

    /// (A lone run has no legend: its numbers are the note beside its line.)
    func testADivergedRunIsSummarisedUpToItsDivergenceAndATransientIsNamed() throws {
        let dir = try makeTemporaryDirectory()
        let ninf = try write("step,loss\n0,1\n1,-inf\n2,0.5\n3,0.4\n", "ninf.csv", in: dir)
        // Finite values after a NaN or inf: a transient, drawn after a gap and named, not a divergence.
        XCTAssertTrue(try texts(["runs", ninf], kind: .note) == ["non-finite at step 1 (−∞) · min 0.4 at step 3 · final 0.4"])
        let first = try write("step,loss\n0,inf\n1,1\n2,0.5\n", "first.csv", in: dir)
        XCTAssertTrue(try texts(["runs", first], kind: .note) == ["non-finite at step 0 (∞) · min 0.5 at step 2 · final 0.5"])
        let ends = try write("step,loss\n0,1\n1,0.5\n2,inf\n3,nan\n", "ends.csv", in: dir)
        XCTAssertTrue(try texts(["runs", ends], kind: .note) == ["diverged at step 2 (∞) · min 0.5 at step 1"])
        // Every value NaN: a result to show, not a failure.
        let nan = try write("step,loss\n0,nan\n1,nan\n", "allnan.csv", in: dir)
        let run = try runDLPlot(["runs", nan, "--data", "n.csv", "-o", "n.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try texts(["runs", nan], kind: .note) == ["diverged at step 0 (NaN)"])
        XCTAssertEqual(try TidyTable(dir.appendingPathComponent("n.csv")).column("value"), ["nan", "nan"], "--data keeps every logged value")
    }

    func testPanelsFollowTheOrderOfY() throws {
        let file = fixtures.appendingPathComponent("lightning/metrics.csv").path
        let panels = try texts(["runs", file, "--y", "val_*,train_loss_step"], kind: .panelTitle)
        XCTAssertEqual(panels, ["val_acc", "val_loss", "train_loss_step"])
    }

    /// A TensorBoard directory beside a Keras log: the Keras-only panels are drawn by epochs completed over
    /// their own range, with the epoch numbers the Keras log alone gives, not squeezed onto the steps' axis.
    func testPanelsOfKerasLogsAloneAreDrawnByEpochsBesideStepPanels() throws {
        let keras = fixtures.appendingPathComponent("keras/training.log").path
        let digits = fixtures.appendingPathComponent("tensorboard/digits").path
        let report = try LayoutSweepTests.report(["runs", digits, keras])
        let labels = report.elements.filter { $0.kind == .axisLabel }.map(\.text)
        XCTAssertEqual(labels.filter { $0 == "step" }.count, 2, "\(labels)")
        XCTAssertEqual(labels.filter { $0 == "epoch" }.count, 2, "\(labels)")
        let legend = report.elements.filter { $0.kind == .legend }.map(\.text).joined(separator: "; ")
        let alone = try texts(["runs", keras], kind: .note).joined(separator: "; ")
        XCTAssertTrue(alone.contains("min 0.316 at epoch 12"), alone)
        XCTAssertTrue(legend.contains("min 0.316 at epoch 12"), "the Keras log's own epoch number: \(legend)")
        let ticks = report.elements.filter { $0.kind == .tickLabel }.map(\.text)
        XCTAssertTrue(ticks.contains("12") && ticks.contains("600"), "epochs 1–12 and steps to 659 on their own axes: \(ticks)")
        let notes = report.elements.filter { $0.kind == .footnote }.map(\.text).joined(separator: " ")
        XCTAssertTrue(notes.contains("Keras log training counts epochs: loss and val_loss are drawn by epochs completed, the other panels by step."), notes)
        XCTAssertFalse(notes.contains("mixes units"), notes)
    }

    /// `--x step` on a Keras log gives the same epoch numbers as by default (epochs completed), with a note.
    func testKerasStepAxisIsItsEpochsCompletedAsByDefault() throws {
        let keras = fixtures.appendingPathComponent("keras/training.log").path
        XCTAssertEqual(try texts(["runs", keras, "--x", "step"], kind: .note), try texts(["runs", keras], kind: .note))
        XCTAssertEqual(try texts(["runs", keras, "--x", "step"], kind: .tickLabel), try texts(["runs", keras], kind: .tickLabel))
        let dir = try makeTemporaryDirectory()
        let run = try runDLPlot(["runs", keras, "--x", "step", "-o", "k.png"], in: dir)
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("training records no step: drawn by epochs completed (Keras' epoch e at e + 1), as by default"), run.stderr)
        // Beside a log that counts steps, in a panel of its own: its epochs completed, never a 0-based "epoch index".
        let jsonl = fixtures.appendingPathComponent("jsonl/adam.jsonl").path
        let legend = try texts(["runs", keras, jsonl, "--y", "loss"], kind: .legend).joined(separator: "; ")
        XCTAssertTrue(legend.contains("at epoch 12") && !legend.contains("epoch index"), legend)
    }

    /// A metric that a Keras log (12 epochs) shares with a log of ~600 steps and no epoch was drawn on one
    /// step axis, the Keras curve a sliver at its left edge; it now has a panel by step and one by epoch. With a
    /// log that knows its epochs (Lightning), the two share one panel by epochs completed.
    func testAMetricOfKerasAndStepLogsIsDrawnByEpochOrInTwoPanels() throws {
        let keras = fixtures.appendingPathComponent("keras/training.log").path, jsonl = fixtures.appendingPathComponent("jsonl/adam.jsonl").path
        let report = try LayoutSweepTests.report(["runs", keras, jsonl, "--y", "loss"])
        let titles = report.elements.filter { $0.kind == .panelTitle }.map(\.text)
        XCTAssertTrue(titles.contains("loss (by step)") && titles.contains("loss (by epoch)"), "\(titles)")
        let labels = report.elements.filter { $0.kind == .axisLabel }.map(\.text)
        XCTAssertEqual(labels.sorted(), ["epoch", "step"], "\(labels)")
        let ticks = report.elements.filter { $0.kind == .tickLabel }.map(\.text)
        XCTAssertTrue(ticks.contains("12") && ticks.contains("2") && ticks.contains("150"), "epochs 1–12 beside steps to 150: \(ticks)")
        let notes = report.elements.filter { $0.kind == .footnote }.map(\.text).joined(separator: " ")
        XCTAssertTrue(notes.contains("Keras log training counts epochs: loss has a panel by step for adam, which logs no epoch, "
            + "and one by epoch for training."), notes)
        XCTAssertFalse(notes.contains("mixes units"), notes)

        let lightning = fixtures.appendingPathComponent("lightning/metrics.csv").path
        let both = try LayoutSweepTests.report(["runs", keras, lightning, "--y", "val_loss"])
        XCTAssertEqual(both.elements.filter { $0.kind == .axisLabel }.map(\.text), ["epoch"])
        XCTAssertEqual(both.elements.filter { $0.kind == .panelTitle }.map(\.text), ["val_loss"])
        let bothNotes = both.elements.filter { $0.kind == .footnote }.map(\.text).joined(separator: " ")
        XCTAssertTrue(bothNotes.contains("Keras log training counts epochs: val_loss is drawn by epochs completed "
            + "(lightning's steps at its logged epochs)."), bothNotes)
        // Both runs' numbers by epoch: the Keras log's best at its epoch completed, Lightning's at its epoch.
        let legend = both.elements.filter { $0.kind == .legend }.map(\.text).joined(separator: "; ")
        XCTAssertFalse(legend.contains("step"), legend)
    }

    func testAGroupPatternMatchingNoRunIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        _ = try write("step,loss\n0,1\n1,0.5\n", "sgd-seed0.csv", in: dir)
        let run = try runDLPlot(["runs", "sgd-seed0.csv", "--group", "nomatch", "-o", "g.png"], in: dir)
        XCTAssertEqual(run.status, 64)
        XCTAssertEqual(run.stderr, "Error: invalid --group 'nomatch': it matches no run name; the runs are sgd-seed0\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("g.png").path))
    }

    /// Tabs (pandas' sep='\t') and semicolons (Keras' CSVLogger(separator=';')) are read as commas are;
    /// other separators, compressed and UTF-16 files and leading comments are named in one line.
    func testOtherSeparatorsAreReadOrNamed() throws {
        let dir = try makeTemporaryDirectory()
        let semi = try write("epoch;loss;val_loss\n0;1.0;1.1\n1;0.5;0.6\n", "semi.log", in: dir)
        let tabs = try write("step\tloss\tacc\n0\t1.0\t0.1\n1\t0.5\t0.4\n", "t.tsv", in: dir)
        for (file, expected) in [(semi, "semi,val_loss,1,0.6,2.0"), (tabs, "t,acc,1,0.4")] {
            let run = try runDLPlot(["runs", file, "--y", "*", "--data", "d.csv", "-o", "s.png"], in: dir)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("d.csv"), encoding: .utf8).contains(expected + "\n"))
        }
        let pipes = try write("step|loss\n0|1\n", "p.csv", in: dir)
        let gz = dir.appendingPathComponent("k.csv.gz")
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF]).write(to: gz)
        let u16 = dir.appendingPathComponent("u16.csv")
        try Data([0xFF, 0xFE] + Array("step,loss\n0,1\n".utf8).flatMap { [$0, 0] }).write(to: u16)
        let comment = try write("# made by train.py\nstep,loss\n0,1\n", "c.csv", in: dir)
        let config = try write("{\"lr\": 0.1, \"model\": \"resnet\"}\n", "cfg.json", in: dir)
        let other = try makeTemporaryDirectory()
        for (file, message) in [
            (pipes, "separates its columns with '|' ('step|loss'); expected values separated by commas, tabs or semicolons: "
                + "tr '|' , < FILE | dlplot runs - reads it"),
            (gz.path, "is gzip-compressed; expected an uncompressed log: dlplot runs <(zcat FILE) reads it decompressed"),
            (u16.path, "is UTF-16 text (as PowerShell and Excel's Unicode text write it); expected UTF-8: "
                + "iconv -f UTF-16 -t UTF-8 FILE > log.csv converts it"),
            (comment, "starts with a comment line ('# made by train.py'); expected a header such as step,loss in the first line: "
                + "leave the comments out, e.g. grep -v '^#' FILE | dlplot runs -"),
            // A config, not a log: once drawn as an invented point at step 0 in a run named "resnet".
            (config, "is one JSON object with no step, epoch or time key, not a training log; "
                + "expected JSON lines with a step such as {\"step\": 1, \"loss\": 0.5}"),
        ] {
            let run = try runDLPlot(["runs", file, "-o", "s.png"], in: other)
            XCTAssertEqual(run.status, 64, file)
            XCTAssertEqual(run.stderr, "Error: \(file): \(message)\n")
            XCTAssertEqual(listing(other), [])
        }
    }

    func testALightningLogDirectoryHasOneRunPerVersion() throws {
        let dir = try makeTemporaryDirectory()
        for v in 0..<2 {
            let version = dir.appendingPathComponent("lightning_logs/version_\(v)")
            try FileManager.default.createDirectory(at: version, withIntermediateDirectories: true)
            _ = try write("epoch,step,train_loss\n0,9,\(1.0 + Double(v))\n0,19,0.5\n", "metrics.csv", in: version)
        }
        let run = try runDLPlot(["runs", "lightning_logs", "--data", "l.csv", "-o", "l.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let table = try TidyTable(dir.appendingPathComponent("l.csv"))
        XCTAssertEqual(table.column("run"), ["version_0", "version_0", "version_1", "version_1"])
        XCTAssertEqual(table.column("value"), ["1.0", "0.5", "2.0", "0.5"])
    }

    func testAnEmptyMetricNameIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        let log = fixtures.appendingPathComponent("jsonl/adam.jsonl").path
        for y in ["", "loss,"] {
            let run = try runDLPlot(["runs", log, "--y", y, "-o", "y.png"], in: dir)
            XCTAssertEqual(run.status, 64, y)
            XCTAssertTrue(run.stderr.hasPrefix("Error: invalid --y '\(y)': expected metric names or globs separated by commas, none empty"), run.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("y.png").path))
        }
        // Spaces after the commas are not part of the names.
        let spaced = try runDLPlot(["runs", log, "--y", "loss, lr", "--data", "s.csv", "-o", "s.png"], in: dir)
        XCTAssertEqual(spaced.status, 0, spaced.stderr)
        let metrics = Set(try String(contentsOf: dir.appendingPathComponent("s.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] })
        XCTAssertEqual(metrics, ["loss", "lr"])
    }

    /// A log whose only x is a fractional epoch is drawn against it: the legend places points by epoch.
    func testFractionalEpochsWithoutStepsAreTheDefaultAxis() throws {
        let dir = try makeTemporaryDirectory()
        let file = try write("epoch,loss\n0.5,1\n1.0,0.8\n1.5,0.6\n", "epf.csv", in: dir)
        XCTAssertEqual(try texts(["runs", file], kind: .note), ["min 0.6 at epoch 1.5 · final 0.6"])
        XCTAssertEqual(try texts(["runs", file], kind: .axisLabel), ["epoch"])
        XCTAssertEqual(try texts(["runs", file, "--x", "step"], kind: .note), ["min 0.6 at row 2 · final 0.6"])
    }
}
