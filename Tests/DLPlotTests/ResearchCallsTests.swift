import Foundation
import XCTest

/// Optimizer and schedule calls as a new user writes them, tried as a new user would: torch's
/// defaults for what a call leaves out, bare class names, Nesterov stability maps, and errors that say
/// what to type.
final class ResearchCallsTests: XCTestCase {
    private func runs(_ args: [String]) throws -> Set<String> {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("calls-\(UUID().uuidString)")
        let r = try runDLPlot(args + ["--steps", "3", "--data", file.path + ".csv", "-o", file.path + ".png"])
        XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
        let rows = try String(contentsOfFile: file.path + ".csv", encoding: .utf8).split(separator: "\n").dropFirst()
        return Set(rows.map { String($0.split(separator: ",")[0]) })
    }

    /// A torch call without lr takes torch's default lr (Adam 1e-3, SGD 1e-3, LBFGS 1), a bare class name
    /// is its empty call, and --lr still applies to calls without lr; a dlplot name alone gets a chosen lr.
    func testCallsWithoutLRUseTorchDefaults() throws {
        XCTAssertEqual(try runs(["surface", "rosenbrock", "--optimizers", "Adam(), SGD(), LBFGS()"]),
                       ["adam lr=0.001", "sgd lr=0.001", "lbfgs lr=1"])
        XCTAssertEqual(try runs(["surface", "rosenbrock", "--optimizers", "SGD,Adam"]), ["adam lr=0.001", "sgd lr=0.001"])
        XCTAssertEqual(try runs(["surface", "rosenbrock", "--optimizers", "Adam(), sgd", "--lr", "0.01"]), ["adam lr=0.01", "sgd lr=0.01"])
        XCTAssertEqual(try runs(["curves", "--surface", "ellipse", "--optimizers", "RMSprop()"]), ["rmsprop lr=0.01"])
    }

    /// `stability` with Nesterov momentum (the help's own example) draws; its momentum axis starts above 0,
    /// and a range through 0 is refused naming --y-range.
    func testNesterovStabilityMapDraws() throws {
        for call in ["SGD(nesterov=True, momentum=0.5)", "nesterov"] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("nesterov-\(UUID().uuidString).png")
            let r = try runDLPlot(["stability", "ellipse", "--optimizer", call, "--grid", "21", "--steps", "50", "-o", file.path])
            XCTAssertEqual(r.status, 0, "\(call): \(r.stderr)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))
        }
        let r = try runDLPlot(["stability", "ellipse", "--optimizer", "SGD(nesterov=True)", "--y-range", "0:0.9", "-o", "/tmp/never-nesterov.png"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("invalid --y-range '0:0.9': Nesterov momentum needs momentum > 0"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never-nesterov.png"))
    }

    func testMessagesSayWhatToType() throws {
        let bad: [([String], String)] = [
            (["trace", "--surface", "bowl", "--optimizer", "adam", "--schedule", "StepLR(step=3)"],
             "StepLR has no keyword 'step'; did you mean 'step_size'? Allowed: step_size, gamma"),
            (["trace", "--surface", "bowl", "--optimizer", "adam", "--schedule", "StepLR(foo=3)"], "StepLR has no keyword 'foo'. Allowed:"),
            (["trace", "--surface", "bowl", "--optimizer", "adam", "--schedule", "SequentialLR([StepLR(step_size=3)], milestones=[2])"],
             "1 scheduler needs 0 milestones, got 1"),
            (["surface", "bowl", "--optimizers", "SGD(lr=0.1), ", "-o", "/tmp/never-calls.png"], "an item is empty (a comma too many)"),
        ]
        for (args, needle) in bad {
            let r = try runDLPlot(args)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(needle), "\(args): \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never-calls.png"))
    }
}
