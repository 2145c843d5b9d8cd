import Foundation
import Viz
import XCTest
@testable import dlplot

/// `dlplot surface NAME --path FILE`: the user's own trajectories drawn with the computed runs' rules
/// (clipped where they leave the view, ended where they diverge, legend outcome), their numbers in
/// --data, and bad path files refused with one line naming the option, the file and the line.
final class UserPathCLITests: XCTestCase {
    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Texts of the figure (legend rows, notes) from its layout report.
    private func texts(_ args: [String]) throws -> [String] {
        let report = try LayoutSweepTests.report(args)
        // Contour labels meeting other texts are a known open layout problem (see LayoutSweepTests).
        XCTAssertEqual(LayoutChecks.problems(report).filter { !$0.contains("contour-label") }, [], args.joined(separator: " "))
        return report.elements.flatMap { $0.text.components(separatedBy: "; ") }
    }

    func testPathsAreDrawnClippedAndEndedLikeComputedRuns() throws {
        let dir = try scratch()
        // Inside the view throughout; leaves the view (x > 2) at step 30; diverges at its fourth row.
        let inside = try write("step,x,y,loss\n0,-1.5,2,12.5\n10,-1,1,4\n20,0.5,0.25,0.25\n", "inside.csv", in: dir)
        let leaves = try write("{\"step\": 0, \"x\": 1.5, \"y\": 1}\n{\"step\": 10, \"x\": 1.8, \"y\": 1.2}\n"
            + "{\"step\": 20, \"x\": 1.95, \"y\": 1.3}\n{\"step\": 30, \"x\": 2.4, \"y\": 1.5}\n{\"step\": 40, \"x\": 3, \"y\": 2}\n",
            "leaves.jsonl", in: dir)
        let diverges = try write("x,y\n-1,2\n-0.5,1.5\n0.3,0.2\ninf,nan\nnan,0\n", "diverges.csv", in: dir)
        let args = ["surface", "rosenbrock", "--path", inside, "--path", leaves, "--path", diverges, "--path-label", "mine"]
        let shown = try texts(args)
        XCTAssertTrue(shown.contains("mine"), "--path-label names the first file's path: \(shown)")
        XCTAssertTrue(shown.contains("→ (0.50, 0.25), loss = 0.25"), "the logged loss at the end: \(shown)")
        XCTAssertTrue(shown.contains("leaves"), "the file name without its extension")
        XCTAssertTrue(shown.contains("leaves the view at step 30"), "\(shown)")
        // Said in the legend; at the edge when a spot there is free, never again under the figure (W8-19).
        let footnotes = try LayoutSweepTests.report(args).elements.filter { $0.kind == .footnote }.map(\.text)
        XCTAssertFalse(footnotes.contains { $0.contains("leaves the view at step 30") }, "\(footnotes)")
        XCTAssertTrue(shown.contains("diverged at step 3"), "row 3 (from 0) holds inf")
        XCTAssertTrue(shown.contains("diverges: diverged at step 3"))
        XCTAssertFalse(shown.contains { $0.hasPrefix("300 steps") }, "no computed runs without --optimizers")
        XCTAssertTrue(shown.contains("3 paths from files"))

        // The numbers: one tidy table, the files' points up to the divergence, f computed where no loss is logged.
        let run = try runDLPlot(args + ["-o", "p.png", "--data", "p.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try String(contentsOf: dir.appendingPathComponent("p.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.first, "run,step,x,y,f,loss")
        XCTAssertTrue(rows.contains("mine,10,-1.0,1.0,4.0,4.0"), "f and the file's own loss: \(rows)")
        XCTAssertTrue(rows.contains("leaves,40,3.0,2.0,4904.0,"), "f(3, 2) = 4 + 100·49 for a path without loss")
        XCTAssertEqual(rows.filter { $0.hasPrefix("diverges,") }.count, 3, "rows after the divergence are not drawn")
    }

    /// A non-finite row followed by finite ones is a gap, as in `runs`: the points after it are drawn and
    /// the legend says "non-finite at step k"; "diverged" only when the rows stay non-finite to the end.
    func testANaNPointInThePathsMiddleLeavesAGapAndThePointsAfterItAreDrawn() throws {
        let dir = try scratch()
        let gap = try write("x,y\n0,0\n1,nan\n2,2\n", "nanpath.csv", in: dir)
        let shown = try texts(["surface", "bowl", "--path", gap])
        XCTAssertTrue(shown.contains("non-finite at step 1") && shown.contains("f = 8"), "the end (2, 2) after the gap: \(shown)")
        XCTAssertFalse(shown.contains { $0.contains("diverged") }, "\(shown)")
        let run = try runDLPlot(["surface", "bowl", "--path", gap, "-o", "g.png", "--data", "g.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try String(contentsOf: dir.appendingPathComponent("g.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.filter { $0.hasPrefix("nanpath,") }, ["nanpath,0,0.0,0.0,0.0", "nanpath,2,2.0,2.0,8.0"])
        let several = try write("x,y\n0,0\nnan,1\nnan,1\n1,1\ninf,0\n1.5,1\n", "two-gaps.csv", in: dir)
        let two = try texts(["surface", "bowl", "--path", several])
        // The legend may break an entry at its clauses over two lines; the entry reads the same joined.
        let joined = two.joined(separator: " ")
        XCTAssertTrue(joined.contains("2 non-finite points from step 1, at step 4") && joined.contains("→ (1.50, 1.00), f = 3.25"), "\(two)")
    }

    func testPathsBesideComputedRunsAndIn3D() throws {
        let dir = try scratch()
        let two = try write("label,step,x,y\nsgd,0,-1,2\nadam,0,-1,2\nsgd,5,-0.8,1.2\nadam,5,0,0.5\n", "two.csv", in: dir)
        let shown = try texts(["surface", "rosenbrock", "--path", two, "--path-label", "run 7", "--optimizers", "adam", "--steps", "50"])
        XCTAssertTrue(shown.contains("run 7: sgd") && shown.contains("run 7: adam"), "\(shown)")
        XCTAssertTrue(shown.contains { $0.hasPrefix("adam lr=") }, "the computed run is there too")
        XCTAssertTrue(shown.contains("2 paths from files"))
        let shown3D = try texts(["surface", "rosenbrock", "--path", two, "--view", "3d"])
        XCTAssertTrue(shown3D.contains("sgd") && shown3D.contains("→ (0, 0.50), f = 26"), "\(shown3D)")
        let curves = try runDLPlot(["surface", "rosenbrock", "--path", two, "--with-curves", "-o", "c.png"], in: dir)
        XCTAssertEqual(curves.status, 0, curves.stderr)
    }

    func testBadPathFilesAreRefusedWithOneLineNamingOptionFileAndLine() throws {
        let dir = try scratch()
        let cases: [(String, String, String)] = [
            ("cols.csv", "a,b,c\n1,2,3\n", "line 1: columns 'a,b,c'; expected a header row with columns x,y (or w,b), optionally step, loss and label"),
            ("cell.csv", "x,y\n1,2\n3,abc\n", "line 3, column 'y': 'abc' is not a number"),
            ("empty.csv", "", "line 1: empty file; expected a header row with columns x,y (or w,b), optionally step, loss and label"),
            ("blank.csv", "\n  \n", "line 1: only blank lines; expected a header row with columns x,y (or w,b), optionally step, loss and label"),
            ("header.csv", "x,y\n", "line 2: a header but no points; expected rows of x,y"),
            ("step.csv", "step,x,y\n0,1,2\n0,1,2\n", "line 3: step 0 of path 'step' does not follow step 0; expected increasing steps"),
            ("json.jsonl", "{\"x\": 1, \"y\": \"zz\"}\n", "line 1, field 'y': 'zz' is not a number"),
            ("jsonx.jsonl", "{\"x\": 1, \"y\": 2}\n{\"y\": 2}\n", "line 2: no 'x' field; expected fields x and y (or w and b), optionally step, loss and label"),
            ("broken.jsonl", "{\"x\": 1, \"y\": 2}\n{\"x\": 1,\n", "line 2: not a JSON object; expected one object per line such as {\"step\": 0, \"x\": 1.5, \"y\": -0.5}"),
            ("binary.csv", "x,y\n\u{0}\u{1}\n", "is binary data; expected CSV or JSON lines of x,y points"),
        ]
        for (name, text, message) in cases {
            let path = try write(text, name, in: dir)
            let run = try runDLPlot(["surface", "himmelblau", "--path", path, "-o", "out.png", "--data", "out.csv"], in: dir)
            XCTAssertEqual(run.status, 64, name)
            XCTAssertEqual(run.stderr, "Error: invalid --path '\(path)': \(message)\n", name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.png").path), name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.csv").path), name)
        }
        let lr = try runDLPlot(["surface", "himmelblau", "--path", "x.csv", "--lr", "0.1", "-o", "out.png"], in: dir)
        XCTAssertEqual(lr.status, 64)
        XCTAssertTrue(lr.stderr.hasPrefix("Error: invalid --lr '0.1': it applies to computed runs; with --path, name them with --optimizers or --opt"), lr.stderr)
    }

    /// Parameters w,b over a surface of x,y are refused; columns a path does not use are named in a note.
    func testPathColumnsAreCheckedAgainstTheSurface() throws {
        let dir = try scratch()
        let wb = try write("{\"step\":0,\"w\":0,\"b\":0}\n{\"step\":1,\"w\":1,\"b\":-1}\n", "wb.jsonl", in: dir)
        let refused = try runDLPlot(["surface", "rosenbrock", "--path", wb, "-o", "o.png"], in: dir)
        XCTAssertEqual(refused.status, 64)
        XCTAssertEqual(refused.stderr, "Error: invalid --path '\(wb)': its columns w,b are the parameters of linreg_mse and logreg_bce; "
            + "rosenbrock takes x,y\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o.png").path))
        let onLinreg = try runDLPlot(["surface", "linreg_mse", "--path", wb, "-o", "l.png"], in: dir)
        XCTAssertEqual(onLinreg.status, 0, onLinreg.stderr)
        XCTAssertEqual(onLinreg.stderr, "")
        // w,b is not the two-feature model's w1,w2, nor w1,w2 the (w, b) surface's; x,y is taken with a note.
        let data = try write("x1,x2,label\n0,0,0\n1,0,1\n0,1,0\n1,1,1\n2,0.5,1\n-1,0.2,0\n", "cls.csv", in: dir)
        let wbOnW12 = try runDLPlot(["surface", "logreg_bce", "--dataset", data, "--path", wb, "-o", "c.png"], in: dir)
        XCTAssertEqual(wbOnW12.status, 64)
        XCTAssertEqual(wbOnW12.stderr, "Error: invalid --path '\(wb)': its columns w,b are not the parameters of logreg_bce over "
            + "this data set; it takes w1,w2\n")
        let w12 = try write("w1,w2\n0,0\n1,1\n", "w12.csv", in: dir)
        let w12OnWB = try runDLPlot(["surface", "linreg_mse", "--path", w12, "-o", "d.png"], in: dir)
        XCTAssertEqual(w12OnWB.status, 64)
        XCTAssertEqual(w12OnWB.stderr, "Error: invalid --path '\(w12)': its columns w1,w2 are not the parameters of linreg_mse over "
            + "this data set; it takes w,b\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("d.png").path))
        let xy = try write("x,y\n0,0\n1,1\n", "xy.csv", in: dir)
        let xyOnWB = try runDLPlot(["surface", "linreg_mse", "--path", xy, "-o", "x.png"], in: dir)
        XCTAssertEqual(xyOnWB.status, 0, xyOnWB.stderr)
        XCTAssertEqual(xyOnWB.stderr, "note: --path \(xy): x,y drawn as w,b (x as w, y as b)\n")

        let extra = try write("x,y,z,val_loss\n1,1,7,9\n0,0,7,9\n", "extra.csv", in: dir)
        let noted = try runDLPlot(["surface", "rosenbrock", "--path", extra, "-o", "e.png"], in: dir)
        XCTAssertEqual(noted.status, 0, noted.stderr)
        XCTAssertEqual(noted.stderr, "note: --path \(extra): column(s) z, val_loss ignored; a path uses x,y (or w,b), step, loss (or f) and label\n")
    }

    /// A path file's own loss stays its own column; f is the surface's value, and a loss that is not f is noted.
    func testAPathFilesLossIsNotWrittenAsTheSurfacesValue() throws {
        let dir = try scratch()
        let path = try write("step,x,y,loss\n0,-1,1,999\n1,0,0.5,888\n2,0.5,0.5,777\n", "lossdiff.csv", in: dir)
        let run = try runDLPlot(["surface", "rosenbrock", "--path", path, "--data", "d.csv", "-o", "ld.png"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try String(contentsOf: dir.appendingPathComponent("d.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        // Rosenbrock: f(−1, 1) = 4, f(0, 0.5) = 26, f(0.5, 0.5) = 6.5.
        XCTAssertEqual(rows, ["run,step,x,y,f,loss", "lossdiff,0,-1.0,1.0,4.0,999.0", "lossdiff,1,0.0,0.5,26.0,888.0",
                              "lossdiff,2,0.5,0.5,6.5,777.0"])
        XCTAssertTrue(run.stderr.contains("note: --path lossdiff: its loss is not rosenbrock's f there (step 0: loss 999, f 4); "
            + "the legend gives the file's loss, --data both (f and loss)"), run.stderr)
        let same = try write("step,x,y,loss\n0,-1,1,4\n1,0.5,0.5,6.5\n", "same.csv", in: dir)
        let agree = try runDLPlot(["surface", "rosenbrock", "--path", same, "-o", "s.png"], in: dir)
        XCTAssertEqual(agree.stderr, "")
    }
}
