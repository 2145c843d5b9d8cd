import Foundation
import Optim
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

    /// The short form takes torch's pairs: `--opt adam:betas=(0.8,0.99)` is the run of beta1=0.8,beta2=0.99,
    /// and `rprop:etas=(…),step_sizes=(…)` the run of the same call in torch's syntax, number for number.
    func testShortFormTakesTorchPairs() throws {
        func path(_ args: [String]) throws -> String {
            let r = try runDLPlot(["trace", "--surface", "rosenbrock", "--steps", "25"] + args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            return r.stdout
        }
        func dataOf(_ opt: String) throws -> String {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("pairs-\(UUID().uuidString)")
            let r = try runDLPlot(["surface", "rosenbrock", "--steps", "25", "--opt", opt, "--data", file.path + ".csv", "-o", file.path + ".png"])
            XCTAssertEqual(r.status, 0, "\(opt): \(r.stderr)")
            return try String(contentsOfFile: file.path + ".csv", encoding: .utf8)
        }
        XCTAssertEqual(try dataOf("adam:lr=0.05,betas=(0.8,0.99)"), try dataOf("adam:lr=0.05,beta1=0.8,beta2=0.99"))
        XCTAssertEqual(try dataOf("rprop:lr=0.01,etas=(0.4, 1.3),step_sizes=(1e-6,2)"),
                       try dataOf("rprop:lr=0.01,etaminus=0.4,etaplus=1.3,step_size_min=1e-6,step_size_max=2"))
        // trace takes every setting of the new optimizers as options, equal to the torch call.
        XCTAssertEqual(try path(["--optimizer", "rprop", "--lr", "0.01", "--etaminus", "0.4", "--etaplus", "1.3", "--step-size-max", "2"]),
                       try path(["--optimizer", "Rprop(lr=0.01, etas=(0.4, 1.3), step_sizes=(1e-6, 2))"]))
        XCTAssertEqual(try path(["--optimizer", "lbfgs", "--lr", "1", "--history-size", "5", "--line-search-fn", "strong_wolfe"]),
                       try path(["--optimizer", "LBFGS(lr=1, history_size=5, line_search_fn='strong_wolfe')"]))
        XCTAssertEqual(try path(["--optimizer", "asgd", "--lr", "0.001", "--lambd", "0.001", "--t0", "10"]),
                       try path(["--optimizer", "ASGD(lr=0.001, lambd=0.001, t0=10)"]))
        XCTAssertEqual(try path(["--optimizer", "adafactor", "--lr", "0.01", "--beta2-decay", "-0.5", "--d", "2", "--eps1", "1e-30"]),
                       try path(["--optimizer", "Adafactor(lr=0.01, beta2_decay=-0.5, d=2, eps=(1e-30, 1e-3))"]))
        let bad: [([String], String)] = [
            (["surface", "bowl", "--opt", "momentum:betas=(0.8,0.9)", "-o", "/tmp/never.png"], "invalid --opt momentum:betas '(0.8,0.9)': momentum has no pair settings"),
            (["surface", "bowl", "--opt", "adam:betas=(0.8)", "-o", "/tmp/never.png"], "expected a pair"),
            (["trace", "--surface", "bowl", "--optimizer", "lbfgs", "--line-search-fn", "wolfe"], "invalid --line-search-fn 'wolfe': expected strong_wolfe"),
            (["trace", "--surface", "bowl", "--optimizer", "adam", "--etaplus", "1.3"], "invalid --etaplus '1.3': it does not apply to adam"),
        ]
        for (args, needle) in bad {
            let r = try runDLPlot(args)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(needle), "\(args): \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never.png"))
    }

    /// One torch class twice with other settings is two paths (a momentum comparison), each with its own
    /// label and style; the same settings twice, or an --opt that cannot tell the two apart, is refused.
    func testOneOptimizerTwiceWithOtherSettings() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("twice-\(UUID().uuidString)")
        let r = try runDLPlot(["surface", "ellipse", "--steps", "5", "--optimizers", "SGD(lr=0.1), SGD(lr=0.1, momentum=0.9)",
                               "--data", file.path + ".csv", "-o", file.path + ".png"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try String(contentsOfFile: file.path + ".csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let runs = Set(rows.map { $0.split(separator: ",")[0] })
        XCTAssertEqual(runs, ["sgd lr=0.1", "sgd lr=0.1 momentum=0.9"])
        // Step 2 differs: plain SGD vs heavy ball (−4, 1.5) on 0.1x² + 2y²: x₂ = −4·0.98² vs −3.92 − 0.1·(0.9·(−0.8) − 0.784).
        let x2 = Dictionary(rows.filter { $0.split(separator: ",")[1] == "2" }.map { (String($0.split(separator: ",")[0]), Double($0.split(separator: ",")[2]) ?? .nan) },
                            uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(x2["sgd lr=0.1"] ?? .nan, -4 * 0.98 * 0.98, accuracy: 1e-12)
        XCTAssertEqual(x2["sgd lr=0.1 momentum=0.9"] ?? .nan, -3.92 - 0.1 * (0.9 * -0.8 - 0.784), accuracy: 1e-12)
        let bad: [([String], String)] = [
            (["surface", "ellipse", "--optimizers", "SGD(lr=0.1),SGD( lr=0.1 )", "-o", "/tmp/never.png"],
             "'SGD( lr=0.1 )' is listed twice with the same settings"),
            (["surface", "ellipse", "--optimizers", "adam,adam", "-o", "/tmp/never.png"], "'adam' is listed twice with the same settings"),
            (["surface", "ellipse", "--optimizers", "SGD(lr=0.1),SGD(lr=0.2)", "--opt", "sgd:momentum=0.5", "-o", "/tmp/never.png"],
             "invalid --opt 'sgd:momentum=0.5': 'sgd' appears 2 times in --optimizers"),
        ]
        for (args, needle) in bad {
            let r = try runDLPlot(args)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(needle), "\(args): \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never.png"))
    }

    /// Every entry of the hyper-parameter table is an option of `trace` (so a new setting cannot be
    /// left out of it).
    func testEveryHyperparameterIsATraceOption() throws {
        let help = try runDLPlot(["trace", "--help"]).stdout
        XCTAssertEqual(OptimizerConfig.hyperparameters.count, 33)
        for key in OptimizerConfig.hyperparameters.map(\.key) {
            let option = "--" + key.replacingOccurrences(of: "_", with: "-")
            XCTAssertTrue(help.contains(option + " ") || help.contains(option + "\n"), key)
        }
    }
}
