import Foundation
import XCTest

/// End-to-end tests of `dlplot eval`, `trace` and `list`: the built executable against the PyTorch
/// reference values, exit statuses, and error messages.
final class CLINumbersTests: XCTestCase {
    // MARK: - Reference values through the CLI

    func testEvalActivationMatchesEveryReferencePoint() throws {
        let table = try XCTUnwrap(try referenceJSON("activations")["activations"] as? [String: Any])
        let accepted: [String: Set<String>] = ["leaky_relu": ["negative_slope"], "prelu": ["a"], "elu": ["alpha"],
                                               "celu": ["alpha"], "swish_beta": ["beta"], "softplus": ["beta", "threshold"],
                                               "hardtanh": ["min_val", "max_val"]]
        for (name, variants) in table {
            let variant = try XCTUnwrap((variants as? [[String: Any]])?.first)
            let params = (variant["params"] as? [String: Any] ?? [:]).compactMap { key, value -> String? in
                guard accepted[name]?.contains(key) == true, let v = value as? NSNumber else { return nil }
                return "\(key)=\(arg(v.doubleValue))"
            }
            let points = try XCTUnwrap(variant["points"] as? [[String: Any]])
            let xs = points.compactMap { ($0["x"] as? NSNumber)?.doubleValue }
            let r = try runDLPlot(["eval", "activation", name, "--x", xs.map(arg).joined(separator: ","), "--format", "json"]
                                  + params.flatMap { ["--param", $0] })
            XCTAssertEqual(r.status, 0, r.stderr)
            let json = try parseJSON(r.stdout)
            XCTAssertEqual(numbers(json["x"]), xs)
            let ys = numbers(json["y"]), dys = numbers(json["dy"])
            for (i, p) in points.enumerated() {
                let y = (p["y"] as? NSNumber)?.doubleValue ?? .nan
                let dy = (p["dy"] as? NSNumber)?.doubleValue ?? .nan
                let yExact = (p["y_exact"] as? NSNumber)?.doubleValue
                let dyExact = (p["dy_exact"] as? NSNumber)?.doubleValue
                XCTAssertTrue(close(ys[i], y) || yExact.map { close(ys[i], $0) } == true, "\(name)(\(xs[i])) = \(ys[i]) vs \(y)")
                XCTAssertTrue(close(dys[i], dy) || dyExact.map { close(dys[i], $0) } == true, "\(name)'(\(xs[i])) = \(dys[i]) vs \(dy)")
            }
        }
    }

    func testEvalActivationCSV() throws {
        let r = try runDLPlot(["eval", "activation", "sigmoid", "--x", "-1000,0,1e-3"])
        XCTAssertEqual(r.status, 0)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.prefix(3), ["x,y,dy", "-1000.0,0.0,0.0", "0.0,0.5,0.25"])
        // The third row against sigma(x) and sigma(x)(1 - sigma(x)) computed independently (Python float64).
        let cells = lines[3].split(separator: ",").compactMap { Double($0) }
        XCTAssertEqual(cells.count, 3)
        XCTAssertTrue(close(cells[1], 0.5002499999791666) && close(cells[2], 0.24999993750001043), String(lines[3]))
        XCTAssertEqual(r.stderr, "")
    }

    func testEvalSoftmaxMatchesReferenceJacobians() throws {
        let cases = try XCTUnwrap((try referenceJSON("activations")["softmax"] as? [String: Any])?["cases"] as? [[String: Any]])
        for c in cases {
            let input = numbers(c["input"]), output = numbers(c["output"])
            let jacobian = (c["jacobian"] as? [Any] ?? []).map(numbers)
            let r = try runDLPlot(["eval", "softmax", "--logits", input.map(arg).joined(separator: ","), "--format", "json"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let json = try parseJSON(r.stdout)
            let got = numbers(json["output"])
            let gotJ = (json["jacobian"] as? [Any] ?? []).map(numbers)
            XCTAssertEqual(got.count, output.count)
            XCTAssertEqual(gotJ.count, jacobian.count)
            for i in output.indices {
                XCTAssertTrue(close(got[i], output[i]), "softmax \(input)[\(i)]")
                for j in output.indices { XCTAssertTrue(close(gotJ[i][j], jacobian[i][j]), "J \(input)[\(i)][\(j)]") }
            }
        }
        let csv = try runDLPlot(["eval", "softmax", "--logits", "0,0", "--temperature", "2"])
        XCTAssertEqual(csv.stdout, "i,input,output\n0,0.0,0.5\n1,0.0,0.5\n")
    }

    func testEvalLossMatchesEveryReferenceCase() throws {
        let table = try XCTUnwrap(try referenceJSON("losses")["losses"] as? [String: Any])
        for (name, entryAny) in table {
            let entry = try XCTUnwrap(entryAny as? [String: Any])
            for c in try XCTUnwrap(entry["cases"] as? [[String: Any]]) {
                let rowWise = name.hasPrefix("cce")
                func text(_ key: String) -> String {
                    rowWise
                        ? (c[key] as? [Any] ?? []).map { numbers($0).map(arg).joined(separator: ",") }.joined(separator: ";")
                        : numbers(c[key]).map(arg).joined(separator: ",")
                }
                let r = try runDLPlot(["eval", "loss", name, "--prediction", text("prediction"), "--target", text("target"),
                                       "--format", "json"])
                XCTAssertEqual(r.status, 0, r.stderr)
                let json = try parseJSON(r.stdout)
                let loss = numbers(json["loss"]), refLoss = numbers(c["loss"])
                XCTAssertEqual(loss.count, refLoss.count)
                for i in refLoss.indices { XCTAssertTrue(close(loss[i], refLoss[i]), "\(name) loss[\(i)]") }
                XCTAssertTrue(close((json["loss_mean"] as? NSNumber)?.doubleValue ?? .nan,
                                    (c["loss_mean"] as? NSNumber)?.doubleValue ?? 0), "\(name) loss_mean")
                let grad = rowWise ? (json["grad"] as? [Any] ?? []).flatMap(numbers) : numbers(json["grad"])
                let refGrad = rowWise ? (c["grad"] as? [Any] ?? []).flatMap(numbers) : numbers(c["grad"])
                let gradMean = rowWise ? (json["grad_mean"] as? [Any] ?? []).flatMap(numbers) : numbers(json["grad_mean"])
                let refGradMean = rowWise ? (c["grad_mean"] as? [Any] ?? []).flatMap(numbers) : numbers(c["grad_mean"])
                XCTAssertEqual(grad.count, refGrad.count)
                for i in refGrad.indices {
                    XCTAssertTrue(close(grad[i], refGrad[i]), "\(name) grad[\(i)] \(grad[i]) vs \(refGrad[i])")
                    XCTAssertTrue(close(gradMean[i], refGradMean[i]), "\(name) grad_mean[\(i)]")
                }
            }
        }
        let csv = try runDLPlot(["eval", "loss", "cce", "--prediction", "0.8,0.1,0.1;0.2,0.7,0.1", "--target", "1,0,0;0,1,0"])
        XCTAssertEqual(csv.stdout, "i,loss,grad\n0,0.2231435513142097,-1.25;0.0;0.0\n1,0.35667494393873245,0.0;-1.4285714285714286;0.0\n")
    }

    func testEvalSurfaceMatchesReferencePoints() throws {
        let table = try XCTUnwrap(try referenceJSON("surfaces")["surfaces"] as? [String: Any])
        for (name, entryAny) in table {
            let points = try XCTUnwrap((entryAny as? [String: Any])?["points"] as? [[String: Any]])
            let list = points.map { p in
                "\(arg((p["x"] as? NSNumber)?.doubleValue ?? .nan)):\(arg((p["y"] as? NSNumber)?.doubleValue ?? .nan))"
            }.joined(separator: ",")
            let r = try runDLPlot(["eval", "surface", name, "--points", list, "--format", "json"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let json = try parseJSON(r.stdout)
            for key in ["f", "dfdx", "dfdy"] {
                let got = numbers(json[key])
                for (i, p) in points.enumerated() {
                    let ref = (p[key] as? NSNumber)?.doubleValue ?? .nan
                    XCTAssertTrue(close(got[i], ref, abs: 1e-12), "\(name) \(key)[\(i)] = \(got[i]) vs \(ref)")
                }
            }
        }
    }

    func testNonFiniteOutputConvention() throws {
        let csv = try runDLPlot(["eval", "surface", "saddle", "--points", "1e200:0,0:1e200"])
        XCTAssertEqual(csv.status, 0)
        // ∂f/∂y = −2y at y = 0 is −0.0, printed as torch prints it (X9-22).
        XCTAssertEqual(csv.stdout, "x,y,f,dfdx,dfdy\n1e+200,0.0,inf,2e+200,-0.0\n0.0,1e+200,-inf,0.0,-2e+200\n")
        let json = try runDLPlot(["eval", "surface", "saddle", "--points", "1e200:0", "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"f\":[\"inf\"]"), json.stdout)
        XCTAssertEqual(numbers(try parseJSON(json.stdout)["f"]), [.infinity])
    }

    // MARK: - trace

    func testTraceTextbookRun() throws {
        let r = try runDLPlot(["trace", "--surface", "saddle", "--optimizer", "gd", "--start", "2,3", "--lr", "0.1", "--steps", "100"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 102)
        XCTAssertEqual(lines[0], "step,x,y,f")
        XCTAssertEqual(lines[1], "0,2.0,3.0,-5.0")
        XCTAssertTrue(lines[101].hasPrefix("100,4.074071952668972e-10,248453923.5660437,"), String(lines[101]))
        XCTAssertEqual(r.stderr, "stop: max_steps\n")
        let json = try parseJSON(try runDLPlot(["trace", "--surface", "saddle", "--optimizer", "gd", "--start", "2,3", "--lr", "0.1",
                                                "--steps", "100", "--format", "json"]).stdout)
        XCTAssertEqual(json["stop"] as? String, "max_steps")
        XCTAssertEqual(json["stop_step"] as? Int, 100)
        XCTAssertEqual(numbers(json["x"]).last, 4.074071952668972e-10)
        XCTAssertEqual(numbers(json["y"]).last, 248453923.5660437)
    }

    /// All 26 torch.optim trajectories through `dlplot trace`, with the README's relative criterion.
    func testTraceMatchesEveryReferenceTrajectory() throws {
        let cases = try XCTUnwrap(try referenceJSON("optimizers")["cases"] as? [[String: Any]])
        XCTAssertEqual(cases.count, 26)
        for c in cases {
            let id = c["id"] as? String ?? "?"
            let hyper = try XCTUnwrap(c["hyperparameters"] as? [String: Any])
            let torchName = (c["optimizer"] as? String ?? "").lowercased()
            var args = ["trace", "--surface", c["surface"] as? String ?? "", "--optimizer", torchName,
                        "--start", numbers(c["start"]).map(arg).joined(separator: ","),
                        "--steps", String(c["steps"] as? Int ?? 0), "--format", "json"]
            let numeric = ["lr", "momentum", "dampening", "weight_decay", "eps", "lr_decay", "initial_accumulator_value",
                           "alpha", "rho", "momentum_decay"]
            for key in numeric {
                if let v = (hyper[key] as? NSNumber)?.doubleValue, !(key == "lr" && v == 0) {
                    args += ["--" + key.replacingOccurrences(of: "_", with: "-"), arg(v)]
                }
            }
            if let betas = hyper["betas"] { args += ["--beta1", arg(numbers(betas)[0]), "--beta2", arg(numbers(betas)[1])] }
            for flag in ["nesterov", "centered", "amsgrad"] where hyper[flag] as? Bool == true { args.append("--" + flag) }
            if torchName != "adamw", hyper["decoupled_weight_decay"] as? Bool == true { args.append("--decoupled-weight-decay") }
            let r = try runDLPlot(args)
            XCTAssertEqual(r.status, 0, "\(id): \(r.stderr)")
            let json = try parseJSON(r.stdout)
            let xs = numbers(json["x"]), ys = numbers(json["y"])
            let reference = (c["trajectory"] as? [Any] ?? []).map(numbers)
            XCTAssertEqual(xs.count, reference.count, id)
            var worst = 0.0
            for k in reference.indices where k < xs.count {
                let scale = max(abs(reference[k][0]), abs(reference[k][1]))
                worst = max(worst, max(abs(xs[k] - reference[k][0]), abs(ys[k] - reference[k][1])) / (scale > 0 ? scale : 1))
            }
            XCTAssertLessThanOrEqual(worst, 1e-9, id)
        }
    }

    func testTraceStopsAndOptions() throws {
        let converged = try runDLPlot(["trace", "--surface", "bowl", "--optimizer", "gd", "--start", "3,-4", "--lr", "0.1",
                                       "--steps", "1000", "--tol", "1e-6"])
        XCTAssertEqual(converged.status, 0)
        XCTAssertEqual(converged.stderr, "stop: converged at step 73\n")
        XCTAssertTrue(converged.stdout.split(separator: "\n").last?.hasPrefix("73,") == true)
        let diverged = try runDLPlot(["trace", "--surface", "saddle", "--optimizer", "gd", "--start", "1,1", "--lr", "10",
                                      "--steps", "1000", "--format", "json"])
        XCTAssertEqual(diverged.status, 0)
        XCTAssertTrue(diverged.stderr.hasPrefix("stop: diverged at step "), diverged.stderr)
        let json = try parseJSON(diverged.stdout)
        XCTAssertEqual(json["stop"] as? String, "diverged")
        let k = try XCTUnwrap(json["stop_step"] as? Int)
        XCTAssertEqual(numbers(json["y"]).count, k)
        // Every printed row has finite parameters; f may overflow float64 on the last rows (that is not divergence).
        XCTAssertTrue(numbers(json["y"]).allSatisfy(\.isFinite))
        XCTAssertEqual(numbers(json["f"]).count, k)
        // Negative start values both ways, decimated output, seeded mini-batches.
        let a = try runDLPlot(["trace", "--surface", "rosenbrock", "--optimizer", "adam", "--start", "-1.5,2", "--steps", "10", "--every", "5"])
        let b = try runDLPlot(["trace", "--surface", "rosenbrock", "--optimizer", "adam", "--start=-1.5,2", "--steps", "10", "--every", "5"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout)
        XCTAssertEqual(a.stdout.split(separator: "\n").map { $0.split(separator: ",").first ?? "" }, ["step", "0", "5", "10"])
        let s1 = try runDLPlot(["trace", "--surface", "logreg_bce", "--optimizer", "sgd", "--lr", "0.1", "--batch-size", "1", "--seed", "5"])
        let s2 = try runDLPlot(["trace", "--surface", "logreg_bce", "--optimizer", "sgd", "--lr", "0.1", "--batch-size", "1", "--seed", "5"])
        let s3 = try runDLPlot(["trace", "--surface", "logreg_bce", "--optimizer", "sgd", "--lr", "0.1", "--batch-size", "1", "--seed", "6"])
        XCTAssertEqual(s1.status, 0, s1.stderr)
        XCTAssertEqual(s1.stdout, s2.stdout)
        XCTAssertNotEqual(s1.stdout, s3.stdout)
    }

    // MARK: - list and help

    func testList() throws {
        let expected: [String: [String]] = [
            "activations": ["identity", "binary_step", "sigmoid", "swish", "log_sigmoid"],
            "losses": ["mse", "mae", "huber", "bce", "bce_logits", "cce", "cce_logits"],
            "surfaces": ["saddle", "rosenbrock", "six_hump_camel", "styblinski_tang", "linreg_mse", "logreg_bce"],
            "optimizers": ["sgd", "gd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "nadam", "radam", "adamax"],
        ]
        for (what, names) in expected {
            let r = try runDLPlot(["list", what])
            XCTAssertEqual(r.status, 0)
            let firstWords = Set(r.stdout.split(separator: "\n").map { String($0.split(separator: " ").first ?? "") })
            for name in names { XCTAssertTrue(firstWords.contains(name), "\(what): \(name) missing") }
            for line in r.stdout.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1)
                XCTAssertEqual(parts.count, 2, "\(what): '\(line)' has no description")
                XCTAssertFalse(parts.last?.trimmingCharacters(in: .whitespaces).isEmpty ?? true, "\(what): '\(line)'")
            }
        }
        XCTAssertEqual(try runDLPlot(["list", "activations"]).stdout.split(separator: "\n").count, 24)
    }

    func testHelpExplainsEveryOption() throws {
        let trace = try runDLPlot(["trace", "--help"])
        XCTAssertEqual(trace.status, 0)
        for option in ["--surface", "--optimizer", "--start", "--steps", "--lr", "--momentum", "--dampening", "--nesterov",
                       "--weight-decay", "--eps", "--lr-decay", "--initial-accumulator-value", "--alpha", "--centered", "--rho",
                       "--beta1", "--beta2", "--amsgrad", "--momentum-decay", "--decoupled-weight-decay", "--tol",
                       "--batch-size", "--seed", "--format"] {
            XCTAssertTrue(trace.stdout.contains(option), "trace --help lacks \(option)")
        }
        for command in [["eval", "activation"], ["eval", "softmax"], ["eval", "loss"], ["eval", "surface"], ["trace"]] {
            let help = try runDLPlot(command + ["--help"]).stdout
            XCTAssertTrue(help.contains("default"), "\(command) --help does not state defaults")
        }
    }

    // MARK: - Bad input

    /// Every bad invocation exits with status 64, prints nothing on stdout and names the bad value.
    func testBadInputIsAUsageErrorNamingTheValue() throws {
        let cases: [([String], [String])] = [
            (["eval", "activation", "rleu", "--x", "1"], ["'rleu'", "did you mean 'relu'", "sigmoid"]),
            (["eval", "activation", "leaky_relu", "--x", "1", "--param", "negative_slop=0.1"], ["'negative_slop'", "did you mean 'negative_slope'"]),
            (["eval", "activation", "relu", "--x", "1,abc"], ["'abc'"]),
            (["eval", "activation", "relu", "--x", "nan"], ["'nan'", "finite"]),
            (["eval", "activation", "relu", "--x", "1,inf"], ["'inf'"]),
            (["eval", "activation", "elu", "--x", "1", "--param", "alpha"], ["'alpha'", "key=value"]),
            (["eval", "softmax", "--logits", "1,2", "--temperature", "0"], ["temperature", "0.0"]),
            (["eval", "loss", "mse", "--prediction", "1,2", "--target", "1"], ["2 predictions but 1 targets"]),
            (["eval", "loss", "bce", "--prediction", "1.5", "--target", "1"], ["1.5", "[0, 1]"]),
            (["eval", "loss", "hubber", "--prediction", "1", "--target", "1"], ["'hubber'", "did you mean 'huber'"]),
            (["eval", "loss", "huber", "--prediction", "1", "--target", "1", "--param", "delta=-2"], ["invalid --param 'delta=-2': huber's delta must be a finite number > 0"]),
            (["eval", "surface", "rosenbrok", "--points", "1:1"], ["'rosenbrok'", "did you mean 'rosenbrock'"]),
            (["eval", "surface", "bowl", "--points", "1;2"], ["'1;2'", "x:y"]),
            (["trace", "--surface", "bowl", "--optimizer", "adam", "--rho", "0.9"], ["--rho", "adam", "--beta1"]),
            (["trace", "--surface", "bowl", "--optimizer", "adamm"], ["'adamm'", "did you mean 'adam'"]),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--lr", "0"], ["invalid --lr '0': the learning rate must be > 0"]),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--lr", "-0.1"], ["-0.1"]),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--lr", "fast"], ["'fast'"]),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--steps", "-1"], ["-1", "0 to 10000000"]),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--steps", "10000001"], ["10000001"]),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--start", "1,2,3"], ["'1,2,3'", "two"]),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--nesterov"], ["nesterov requires momentum > 0"]),
            (["trace", "--surface", "bowl", "--optimizer", "adam", "--beta1", "1"], ["invalid --beta1 '1': adam's beta1 cannot be 1; expected 0 <= beta1 < 1"]),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--batch-size", "2"], ["--batch-size", "bowl"]),
            (["trace", "--surface", "bowl", "--optimizer", "sgd", "--tol", "-1"], ["invalid --tol '-1': expected a number >= 0"]),
            (["list", "optimisers"], ["optimisers"]),
        ]
        for (arguments, expected) in cases {
            let r = try runDLPlot(arguments)
            XCTAssertEqual(r.status, 64, "\(arguments): status \(r.status)")
            XCTAssertEqual(r.stdout, "", "\(arguments): printed on stdout")
            for text in expected {
                XCTAssertTrue(r.stderr.contains(text), "\(arguments): stderr lacks \(text): \(r.stderr)")
            }
        }
    }
}
