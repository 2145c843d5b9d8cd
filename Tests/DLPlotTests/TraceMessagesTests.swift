import Foundation
import XCTest

/// `dlplot trace` refuses bad input with one line naming the option and the value as typed, exit 64 and
/// nothing on standard output; its checks are the surface figures' (the shared run plan and optimizer
/// settings), so each message here is also theirs.
final class TraceMessagesTests: XCTestCase {
    private func refusal(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["trace"] + arguments, in: dir)
        XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "nothing written", file: file, line: line)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, r.stderr, file: file, line: line)
        return lines.first.map(String.init) ?? ""
    }

    func testEveryRefusalIsOneLineNamingTheOptionAndTheValue() throws {
        let bowl = ["--surface", "bowl"]
        let cases: [([String], String)] = [
            (bowl + ["--optimizer", "adam", "--rho", "0.9"],
             "invalid --rho '0.9': it does not apply to adam; its options: --lr, --beta1, --beta2, --eps, --weight-decay, --amsgrad, --decoupled-weight-decay, --maximize"),
            (bowl + ["--optimizer", "sgd", "--lr", "0"], "invalid --lr '0': the learning rate must be > 0"),
            (bowl + ["--optimizer", "sgd", "--lr", "fast"], "invalid --lr 'fast': is not a number; expected a finite decimal number such as -1.5 or 2e-3"),
            (bowl + ["--optimizer", "sgd", "--steps", "-1"], "invalid --steps '-1': expected 0 to 10000000"),
            (bowl + ["--optimizer", "sgd", "--steps", "10000001"], "invalid --steps '10000001': expected 0 to 10000000"),
            (bowl + ["--optimizer", "sgd", "--start", "1,2,3"], "invalid --start '1,2,3': 3 numbers; expected two, x,y (e.g. -1.5,2)"),
            (bowl + ["--optimizer", "sgd", "--batch-size", "2"],
             "invalid --batch-size '2': it applies only to the dataset surfaces linreg_mse and logreg_bce, not bowl"),
            (["--surface", "logreg_bce", "--optimizer", "sgd", "--batch-size", "0"], "invalid --batch-size '0': expected 1 or more"),
            (["--surface", "logreg_bce", "--optimizer", "sgd", "--batch-size", "13"],
             "invalid --batch-size '13': the built-in data has 12 examples; expected 1 to 12"),
            (bowl + ["--optimizer", "sgd", "--tol", "-1"], "invalid --tol '-1': expected a number >= 0"),
            (bowl + ["--optimizer", "sgd", "--tol", "abc"], "invalid --tol 'abc': is not a number; expected a finite decimal number such as -1.5 or 2e-3"),
            (bowl + ["--optimizer", "sgd", "--every", "0"], "invalid --every '0': expected 1 or more"),
            (bowl + ["--optimizer", "adam", "--schedule", "OneCycleLR(max_lr=0.1, total_steps=10)", "--steps", "20"],
             "invalid --schedule 'OneCycleLR(max_lr=0.1, total_steps=10)': OneCycleLR(max_lr=0.1, total_steps=10) allows at most 10 steps (torch raises after total_steps); --steps is 20"),
            (bowl + ["--optimizer", "adam", "--schedule", "StepLR(step=3)"],
             "invalid --schedule 'StepLR(step=3)': StepLR has no keyword 'step'; did you mean 'step_size'? Allowed: step_size, gamma"),
            (bowl + ["--optimizer", "Adam(lr=0.1)", "--lr", "0.2"], "invalid --lr '0.2': give the settings inside the call --optimizer 'Adam(lr=0.1)', not as options"),
            (bowl + ["--optimizer", "sgd", "--nesterov"],
             "invalid --nesterov: nesterov requires momentum > 0 and dampening = 0 (got momentum = 0.0, dampening = 0.0)"),
            (["--surface", "sqrt(x)+y^2", "--start=-1,1", "--optimizer", "gd"],
             "invalid --start '-1,1': f is undefined (NaN) at the start (-1, 1); give a start where it is defined"),
            (bowl + ["--optimizer", "gd", "--param", "a=1"], "invalid --param 'a=1': it applies to typed expressions, not the surface bowl"),
            (bowl + ["--optimizer", "lbfgs", "--line-search-fn", "foo"],
             "invalid --line-search-fn 'foo': expected strong_wolfe (torch's only line search)"),
        ]
        for (arguments, message) in cases {
            XCTAssertEqual(try refusal(arguments), "Error: " + message, "\(arguments)")
        }
    }

    /// The run shares the surface figures' plan: zero steps print the start alone, and a mini-batch run
    /// is the same for the same seed.
    func testZeroStepsAndMiniBatchesRunAsTheFiguresDo() throws {
        let zero = try runDLPlot(["trace", "--surface", "bowl", "--optimizer", "gd", "--steps", "0", "--start=3,-4"])
        XCTAssertEqual(zero.status, 0, zero.stderr)
        let rows = zero.stdout.split(separator: "\n")
        XCTAssertEqual(rows.first, "step,x,y,f")
        XCTAssertEqual(rows.dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }, [[0, 3, -4, 25]], zero.stdout)
        XCTAssertEqual(zero.stderr, "stop: max_steps\n")
        let args = ["trace", "--surface", "logreg_bce", "--optimizer", "sgd", "--lr", "0.1", "--batch-size", "3", "--seed", "7", "--steps", "3"]
        let a = try runDLPlot(args), b = try runDLPlot(args), other = try runDLPlot(args.dropLast(4) + ["--seed", "8", "--steps", "3"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout)
        XCTAssertNotEqual(a.stdout, other.stdout, "the seed picks the batches")
        XCTAssertEqual(a.stdout.split(separator: "\n").count, 5, "header, the start and three steps")
    }
}
