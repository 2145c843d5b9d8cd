import Foundation
import Viz
import XCTest
@testable import dlplot

/// `dlplot surface linreg_mse|logreg_bce --dataset FILE.csv`: the user's examples behind the dataset
/// losses, with the same model and options as the built-in data; numbers checked by hand; bad files
/// refused with one line naming --dataset, the file, the line and the column (exit 64, nothing written).
final class DatasetCLITests: XCTestCase {
    private let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures/datasets")

    private func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The least-squares surface over Anscombe's set I: the start's loss is the mean of y² (w = b = 0),
    /// and the first SGD step is w, b = −lr·(2/n)Σ(0 − yᵢ)·(xᵢ, 1), computed here by hand.
    func testLinearRegressionNumbersAreTheHandComputedOnes() throws {
        let dir = try makeTemporaryDirectory()
        let file = datasets.appendingPathComponent("anscombe1.csv").path
        let run = try runDLPlot(["surface", "linreg_mse", "--dataset", file, "--optimizers", "sgd", "--lr", "0.01",
                                 "--steps", "2", "-o", "a.png", "--data", "a.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let table = try TidyTable(dir.appendingPathComponent("a.csv"))
        XCTAssertEqual(table.columns, ["run", "step", "w", "b", "L"])
        let x: [Double] = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
        let y: [Double] = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]
        var squares = 0.0, gw = 0.0, gb = 0.0
        for (a, t) in zip(x, y) {
            squares += t * t
            gw += (0 - t) * a
            gb += 0 - t
        }
        let w1 = 0 - 0.01 * (2 / 11.0 * gw), b1 = 0 - 0.01 * (2 / 11.0 * gb)
        var l1 = 0.0
        for (a, t) in zip(x, y) { l1 += (w1 * a + b1 - t) * (w1 * a + b1 - t) }
        let rows = table.rows.map { $0.dropFirst().compactMap(Double.init) }
        XCTAssertEqual(rows[0], [0, 0, 0, squares / 11])
        XCTAssertEqual(rows[1], [1, w1, b1, l1 / 11])
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(table.column("run"), ["sgd lr=0.01", "sgd lr=0.01", "sgd lr=0.01"])
    }

    /// Two features and labels: the parameters are the two weights (w1, w2 in the table and on the axes).
    func testTwoFeaturesWithLabelsAndMiniBatches() throws {
        let dir = try makeTemporaryDirectory()
        let file = try write("x1,x2,label\n1,0,1\n0,1,0\n-1,0.5,0\n2,-1,1\n", "four.csv", in: dir)
        let run = try runDLPlot(["surface", "logreg_bce", "--dataset", file, "--optimizers", "sgd", "--lr", "0.5", "--steps", "1",
                                 "--batch-size", "1", "--seed", "3", "-o", "b.png", "--data", "b.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let table = try TidyTable(dir.appendingPathComponent("b.csv"))
        XCTAssertEqual(table.columns, ["run", "step", "w1", "w2", "L"])
        XCTAssertEqual(table.column("L").first.flatMap(Double.init) ?? 0, Foundation.log(2.0), accuracy: 1e-15, "σ(0) = ½: L = ln 2")
        // One example per step: the first step moves along that example's features only, by lr·(½ − yᵢ)·(x1ᵢ, x2ᵢ).
        let w = (Double(table.column("w1")[1]) ?? .nan, Double(table.column("w2")[1]) ?? .nan)
        let examples: [(Double, Double, Double)] = [(1, 0, 1), (0, 1, 0), (-1, 0.5, 0), (2, -1, 1)]
        XCTAssertTrue(examples.contains { e in w.0 == -0.5 * (0.5 - e.2) * e.0 && w.1 == -0.5 * (0.5 - e.2) * e.1 }, "\(w)")

        let texts = try LayoutSweepTests.report(["surface", "logreg_bce", "--dataset", file, "--optimizers", "gd,adam"])
            .elements.map(\.text)
        XCTAssertTrue(texts.contains { $0.hasPrefix("Logistic regression (BCE), 4 examples from four.csv") }, "\(texts)")
        XCTAssertTrue(texts.contains("$w_1$") && texts.contains("$w_2$"), "the axes name the two weights: \(texts)")
    }

    func testTheFixturesDrawWithTheSameOptionsAsTheBuiltInData() throws {
        let dir = try makeTemporaryDirectory()
        for (surface, file) in [("linreg_mse", "anscombe1.csv"), ("logreg_bce", "two-classes.csv")] {
            let path = datasets.appendingPathComponent(file).path
            for extra in [[], ["--batch-size", "4", "--seed", "1"], ["--view", "3d"], ["--with-curves"]] {
                let run = try runDLPlot(["surface", surface, "--dataset", path, "--optimizers", "sgd,adam", "--steps", "100",
                                         "-o", "f.png"] + extra, in: dir)
                XCTAssertEqual(run.status, 0, "\(surface) \(extra): \(run.stderr)")
            }
            let curves = try runDLPlot(["curves", "--surface", surface, "--dataset", path, "--optimizers", "sgd,adam", "-o", "c.png"], in: dir)
            XCTAssertEqual(curves.status, 0, curves.stderr)
        }
    }

    /// w and b are different quantities: the plot is not forced to equal units, it fills its space.
    func testTheDatasetSurfaceFillsTheFigure() throws {
        // The two-class view is a little taller than wide in (w1, w2): in equal units the plot would be narrower than tall.
        let file = datasets.appendingPathComponent("two-classes.csv").path
        let report = try LayoutSweepTests.report(["surface", "logreg_bce", "--dataset", file, "--optimizers", "gd,adam"])
        let frame = try XCTUnwrap(report.frames.first?.box)
        XCTAssertGreaterThan(frame.width, 1.1 * frame.height, "\(frame)")
        // (The title, with its formula, takes two lines at full size rather than one shrunk.)
        XCTAssertGreaterThan(frame.height, 0.55 * report.height, "\(frame)")
    }

    /// Separable, symmetric 1-D classes: b stays 0 up to rounding, printed as 0, and the view keeps some height in b.
    func testSymmetricSeparableDataHasAViewAndNoRoundingNoise() throws {
        let dir = try makeTemporaryDirectory()
        let file = try write("x,label\n" + (0..<20).map { "\(Double($0) - 9.5),\($0 >= 10 ? 1 : 0)\n" }.joined(), "sep.csv", in: dir)
        let report = try LayoutSweepTests.report(["surface", "logreg_bce", "--dataset", file, "--optimizers", "gd,adam"])
        let legend = report.elements.filter { $0.kind == .legend }.map(\.text).joined(separator: "; ")
        XCTAssertFalse(legend.contains("10⁻"), legend)
        XCTAssertTrue(legend.contains(", 0), L = "), legend)
        let run = try runDLPlot(["surface", "logreg_bce", "--dataset", file, "--optimizers", "gd", "--steps", "1", "-o", "s.png", "--data", "s.csv"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let ticks = report.elements.filter { $0.kind == .tickLabel }.compactMap { Double($0.text.replacingOccurrences(of: "−", with: "-")) }
        XCTAssertGreaterThanOrEqual(ticks.filter { $0 < 0 }.count, 1, "\(ticks)")
    }

    /// A path that starts outside the view says so, and where it comes in; one that never does, says that.
    func testPathsStartingOutsideTheViewSayWhereTheyEnter() throws {
        let dir = try makeTemporaryDirectory()
        let file = try write("label,step,w,b\nmine,0,-5,20\nmine,1,0.2,1\nmine,2,0.4,2\nwild,0,50,50\nwild,1,60,60\n", "p.csv", in: dir)
        let legend = try LayoutSweepTests.report(["surface", "linreg_mse", "--dataset", datasets.appendingPathComponent("anscombe1.csv").path,
                                                  "--path", file]).elements.filter { $0.kind == .legend }.map(\.text)
        XCTAssertTrue(legend.contains { $0.contains("mine; starts outside the view, enters at step 1; → (0.40, 2.00), L = ") }, "\(legend)")
        XCTAssertTrue(legend.contains { $0.contains("wild; outside the view throughout") }, "\(legend)")
        XCTAssertFalse(legend.contains { $0.contains("leaves the view at step 0") }, "\(legend)")
    }

    func testBadDatasetsAreRefusedWithOneLineNamingTheFileLineAndColumn() throws {
        let dir = try makeTemporaryDirectory()
        let expected = "expected a header row with columns x,y (or x1,x2,label for two features) and one example per row"
        let many = "x,y\n" + (0...10_000).map { "\($0),1\n" }.joined()
        let cases: [(String, String, String, String)] = [
            ("linreg_mse", "cols.csv", "x,z\n1,2\n", "line 1: columns 'x,z'; no target column; expected y (or label)"),
            ("linreg_mse", "inputs.csv", "a,y\n1,2\n", "line 1: columns 'a,y'; no input column; " + expected),
            ("linreg_mse", "half.csv", "x1,y\n1,2\n", "line 1: columns 'x1,y'; x1 without x2; expected x (one feature) or x1,x2 (two)"),
            ("linreg_mse", "both.csv", "x,y,label\n1,2,1\n", "line 1: columns 'x,y,label'; both y and label; expected one target column"),
            ("linreg_mse", "twice.csv", "x,y,X\n1,2,3\n", "line 1: columns 'x,y,X'; 'x' appears twice; expected each column once"),
            ("linreg_mse", "cell.csv", "x,y\n1,2\n3,abc\n", "line 3, column 'y': 'abc' is not a number"),
            ("linreg_mse", "blank.csv", "x,y\n1,2\n,3\n", "line 3, column 'x': empty; expected a number"),
            ("linreg_mse", "short.csv", "x,y\n1,2\n3\n", "line 3, column 'y': empty; expected a number"),
            ("linreg_mse", "nan.csv", "x,y\n1,2\nnan,3\n", "line 3, column 'x': 'nan' is not finite; expected a finite number"),
            ("logreg_bce", "labels.csv", "x1,x2,label\n1,2,0\n2,1,2\n", "line 3, column 'label': '2' is not a class label; expected 0 or 1"),
            ("logreg_bce", "half.csv", "x,label\n1,0\n2,0.5\n", "line 3, column 'label': '0.5' is not a class label; expected 0 or 1"),
            ("linreg_mse", "empty.csv", "", "line 1: empty file; " + expected),
            ("linreg_mse", "header.csv", "x,y\n", "line 2: a header but no examples; " + expected),
            ("linreg_mse", "numbers.csv", "1,2\n3,4\n", "line 1: columns '1,2'; numbers, not a header; " + expected),
            ("linreg_mse", "many.csv", many, "line 10002: more than 10000 examples; expected at most 10000 (a random sample draws the same surface)"),
            ("linreg_mse", "binary.csv", "x,y\n\u{0}\u{1}\n", "is binary data; " + expected),
            ("linreg_mse", "one.csv", "x,y\n1,2\n", "1 example; expected at least 2"),
            ("linreg_mse", "same.csv", "x,y\n3,1\n3,2\n",
             "every x is the same (3.0): w and b cannot be told apart, so the loss has no single minimum; expected at least two different x"),
        ]
        for (surface, name, text, message) in cases {
            let path = try write(text, name, in: dir)
            let run = try runDLPlot(["surface", surface, "--dataset", path, "-o", "out.png", "--data", "out.csv"], in: dir)
            XCTAssertEqual(run.status, 64, name)
            XCTAssertEqual(run.stderr, "Error: invalid --dataset '\(path)': \(message)\n", name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.png").path), name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.csv").path), name)
        }
        let ok = try write("x,y\n1,2\n2,3\n", "ok.csv", in: dir)
        for (args, message) in [
            (["surface", "rosenbrock", "--dataset", ok], "invalid --dataset '\(ok)': it applies only to the dataset surfaces linreg_mse and logreg_bce, not rosenbrock"),
            (["surface", "linreg_mse", "--dataset", dir.appendingPathComponent("none.csv").path],
             "invalid --dataset '\(dir.appendingPathComponent("none.csv").path)': no such file; " + expected),
            (["surface", "linreg_mse", "--dataset", ok, "--param", "a=1"], "invalid --param 'a=1': it applies to typed expressions, not to --dataset"),
        ] {
            let run = try runDLPlot(args + ["-o", "out.png"], in: dir)
            XCTAssertEqual(run.status, 64, message)
            XCTAssertEqual(run.stderr, "Error: \(message)\n")
        }
    }

    /// A batch cannot hold more examples than the set has: 5 of a 4-row file (or 1000 of the built-in 12) is
    /// refused in one line naming --batch-size as typed and the set's size (exit 64, nothing written), not
    /// drawn with a subtitle claiming "batch size 5 of 4"; all 4 is the full batch and is accepted.
    func testBatchLargerThanTheDataSetIsRefused() throws {
        let dir = try makeTemporaryDirectory()
        let file = try write("x,y\n1,2\n2,4\n3,5\n4,9\n", "four.csv", in: dir)
        let over = try runDLPlot(["surface", "linreg_mse", "--dataset", file, "--batch-size", "5", "-o", "o.png"], in: dir)
        XCTAssertEqual(over.status, 64)
        XCTAssertEqual(over.stderr, "Error: invalid --batch-size '5': four.csv has 4 examples; expected 1 to 4\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o.png").path))
        let builtIn = try runDLPlot(["surface", "linreg_mse", "--batch-size", "1000", "-o", "o.png"], in: dir)
        XCTAssertEqual(builtIn.status, 64)
        XCTAssertEqual(builtIn.stderr, "Error: invalid --batch-size '1000': the built-in data has 12 examples; expected 1 to 12\n")
        let all = try runDLPlot(["surface", "linreg_mse", "--dataset", file, "--batch-size", "4", "--steps", "2", "-o", "a.png"], in: dir)
        XCTAssertEqual(all.status, 0, all.stderr)
    }
}
