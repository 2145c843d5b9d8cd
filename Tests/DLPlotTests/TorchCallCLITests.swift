import Foundation
import XCTest

/// torch's call syntax and --schedule through the CLI: every schedules.json case via `trace`, and
/// the errors (exit 64, one line naming the option and value).
final class TorchCallCLITests: XCTestCase {
    func testTraceReproducesEveryScheduleCaseWithItsLR() throws {
        let cases = try XCTUnwrap(try referenceJSON("schedules")["cases"] as? [[String: Any]])
        for c in cases {
            let id = c["id"] as? String ?? "?"
            let hyper = try XCTUnwrap(c["hyperparameters"] as? [String: Any])
            let args = hyper.keys.sorted().map { key -> String in
                if let list = hyper[key] as? [NSNumber] { return "\(key)=(" + list.map { "\($0.doubleValue)" }.joined(separator: ", ") + ")" }
                if let text = hyper[key] as? String { return "\(key)='\(text)'" }
                return "\(key)=\((hyper[key] as? NSNumber)?.doubleValue ?? .nan)"
            }
            let call = "\(c["optimizer"] as? String ?? "")(" + args.joined(separator: ", ") + ")"
            let start = try XCTUnwrap(c["start"] as? [NSNumber]).map(\.doubleValue)
            var command = ["trace", "--surface", c["surface"] as? String ?? "", "--optimizer", call,
                           "--start=\(start[0]),\(start[1])", "--steps", "\(c["steps"] as? Int ?? 0)", "--format", "json"]
            if let schedule = c["schedule"] as? String { command += ["--schedule", schedule] }
            let r = try runDLPlot(command)
            XCTAssertEqual(r.status, 0, "\(id): \(r.stderr)")
            let json = try parseJSON(r.stdout)
            let xs = numbers(json["x"]), ys = numbers(json["y"]), lrs = numbers(json["lr"])
            let reference = try XCTUnwrap(c["trajectory"] as? [[NSNumber]])
            XCTAssertEqual(xs.count, reference.count, id)
            for (k, row) in reference.enumerated() where k < xs.count {
                let scale = max(abs(row[0].doubleValue), abs(row[1].doubleValue), 1e-300)
                XCTAssertLessThanOrEqual(max(abs(xs[k] - row[0].doubleValue), abs(ys[k] - row[1].doubleValue)) / scale, 1e-9, "\(id) row \(k)")
            }
            XCTAssertEqual(lrs.count, xs.count, id)
            if let refLR = c["lr"] as? [NSNumber] {
                for (k, v) in refLR.enumerated() { XCTAssertEqual(lrs[k], v.doubleValue, accuracy: 1e-12 * v.doubleValue, "\(id) lr \(k)") }
            }
        }
    }

    func testBadCallsAreOneLineUsageErrors() throws {
        let bad: [([String], String)] = [
            (["trace", "--surface", "bowl", "--optimizer", "Adam(lr=0.1, beta=(0.8, 0.99))"], "Allowed: lr, betas"),
            (["trace", "--surface", "bowl", "--optimizer", "adam", "--schedule", "StepLR(gama=0.5)"], "StepLR has no keyword 'gama'"),
            (["trace", "--surface", "bowl", "--optimizer", "Adam(lr=0.1", "--steps", "3"], "column 12"),
            (["surface", "bowl", "--optimizers", "SGD(lr=0.1), Adamm(lr=0.1)", "-o", "/tmp/never.png"], "did you mean 'Adam'"),
            (["curves", "--surface", "bowl", "--optimizers", "adam", "--schedule", "OneCycleLR(max_lr=0.1, total_steps=10)",
              "--steps", "20", "-o", "/tmp/never.png"], "at most 10 steps"),
        ]
        for (args, needle) in bad {
            let r = try runDLPlot(args)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(needle), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never.png"))
    }
}
