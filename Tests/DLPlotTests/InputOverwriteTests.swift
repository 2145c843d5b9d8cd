import Foundation
import XCTest

/// An output named like an input (the log, a --path or --dataset file, a file inside a run directory)
/// is refused: writing it would destroy the user's data.
final class InputOverwriteTests: XCTestCase {
    private let log = "epoch,loss,val_loss\n0,1.0,1.1\n1,0.5,0.6\n"

    func testNoOutputReplacesAnInput() throws {
        let dir = try makeTemporaryDirectory()
        try log.write(to: dir.appendingPathComponent("kc.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.csv").path, withDestinationPath: "kc.csv")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("logs/version_0"), withIntermediateDirectories: true)
        try log.write(to: dir.appendingPathComponent("logs/version_0/metrics.csv"), atomically: true, encoding: .utf8)
        try "x,y\n0,1\n1,1\n".write(to: dir.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        // The input is named when the command line names it; a file found inside a run directory is not.
        let cases: [([String], String)] = [
            (["runs", "kc.csv", "-o", "out.png", "--data", "kc.csv"], "--data 'kc.csv': it is an input of this command (the log 'kc.csv')"),
            (["runs", "kc.csv", "-o", "./kc.csv", "--format", "png"], "-o './kc.csv': it is an input of this command (the log 'kc.csv')"),
            (["runs", "kc.csv", "-o", "out.png", "--data", "link.csv"], "--data 'link.csv': it is an input of this command (the log 'kc.csv')"),
            (["runs", "logs", "-o", "out.png", "--data", "logs/version_0/metrics.csv"],
             "--data 'logs/version_0/metrics.csv': it is an input of this command"),
            (["surface", "rosenbrock", "--path", "p.csv", "-o", "out.png", "--data", "p.csv"],
             "--data 'p.csv': it is an input of this command (--path 'p.csv')"),
        ]
        for (args, named) in cases {
            let run = try runDLPlot(args, in: dir)
            XCTAssertEqual(run.status, 64, args.joined(separator: " "))
            XCTAssertEqual(run.stderr, "Error: invalid \(named); writing there would replace it: choose another name\n")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.png").path), "nothing written")
        }
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("kc.csv"), encoding: .utf8), log)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("logs/version_0/metrics.csv"), encoding: .utf8), log)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("p.csv"), encoding: .utf8), "x,y\n0,1\n1,1\n")
    }

    /// A name the user did not type (the default output name, --data's NAME-2.csv) that is an input: the
    /// message says which name it is and how to choose another, not "invalid -o" for a -o never given.
    func testAChosenNameThatIsAnInputSaysSo() throws {
        let dir = try makeTemporaryDirectory()
        try log.write(to: dir.appendingPathComponent("runs.png"), atomically: true, encoding: .utf8)
        let byDefault = try runDLPlot(["runs", "runs.png"], in: dir)
        XCTAssertEqual(byDefault.status, 64)
        XCTAssertEqual(byDefault.stderr, "Error: the default output name 'runs.png', an input of this command (the log 'runs.png'): "
            + "writing there would replace it; give -o with another name\n")
        for seed in 0..<2 {
            try log.write(to: dir.appendingPathComponent("a-seed\(seed).csv"), atomically: true, encoding: .utf8)
        }
        try log.write(to: dir.appendingPathComponent("d-2.csv"), atomically: true, encoding: .utf8)
        let further = try runDLPlot(["runs", "a-seed0.csv", "a-seed1.csv", "d-2.csv", "--group", "seed[0-9]+", "-o", "g.png",
                                     "--data", "d.csv"], in: dir)
        XCTAssertEqual(further.status, 64)
        XCTAssertEqual(further.stderr, "Error: --data 'd.csv' also writes 'd-2.csv', an input of this command (the log 'd-2.csv'): "
            + "writing there would replace it; give --data another name\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("g.png").path), "nothing written")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("d-2.csv"), encoding: .utf8), log)
    }
}
