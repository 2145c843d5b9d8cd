import Foundation
import XCTest
@testable import dlplot

/// Refusals that left the one documented form, `Error: invalid --opt 'value as typed': what is expected`
/// (Y9-4, Y9-9): optimizer checks, a list given where one optimizer goes, a setting to sweep, a list word,
/// a whole number too large for its type, a word not among an option's choices, a parameter of a function
/// that has none. Each: one line, the option named, the value as typed, exit 64, nothing written.
final class RefusalOneFormTests: XCTestCase {
    private func assertRefused(_ args: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(args, in: dir)
        XCTAssertEqual(r.status, 64, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, "Error: " + expected + "\n", file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "nothing written", file: file, line: line)
    }

    /// Optim's checks ("adam: eps = -1.0 is not allowed") are said as the option that gave the value, quoted as typed.
    func testOptimizerSettingRefusalsNameTheOptionAndTheValueAsTyped() throws {
        try assertRefused(["surface", "rosenbrock", "--optimizers", "Adam(eps=-1)", "-o", "a.png"],
                          "invalid --optimizers 'Adam(eps=-1)': adam's eps cannot be -1; expected eps >= 0")
        try assertRefused(["curves", "--surface", "rosenbrock", "--optimizers", "Adam(betas=(2,0.9))", "-o", "a.png"],
                          "invalid --optimizers 'Adam(betas=(2,0.9))': adam's beta1 cannot be 2; expected 0 <= beta1 < 1")
        try assertRefused(["surface", "rosenbrock", "--opt", "adam:beta1=2", "-o", "a.png"],
                          "invalid --opt adam:beta1 '2': adam's beta1 cannot be 2; expected 0 <= beta1 < 1")
        try assertRefused(["surface", "rosenbrock", "--optimizers", "SGD(lr=-1)", "-o", "a.png"],
                          "invalid --optimizers 'SGD(lr=-1)': the learning rate must be > 0")
        try assertRefused(["trace", "--surface", "rosenbrock", "--optimizer", "adam", "--beta1", "2"],
                          "invalid --beta1 '2': adam's beta1 cannot be 2; expected 0 <= beta1 < 1")
        try assertRefused(["trace", "--surface", "rosenbrock", "--optimizer", "Adam(eps=-1)"],
                          "invalid --optimizer 'Adam(eps=-1)': adam's eps cannot be -1; expected eps >= 0")
        try assertRefused(["steps", "--optimizer", "SGD(lr=-1)", "-o", "a.png"],
                          "invalid --optimizer 'SGD(lr=-1)': the learning rate must be > 0")
        try assertRefused(["surface", "bowl", "--optimizers", "SGD(nesterov=True)", "-o", "a.png"],
                          "invalid --optimizers 'SGD(nesterov=True)': nesterov requires momentum > 0 and dampening = 0 "
                          + "(got momentum = 0.0, dampening = 0.0)")
    }

    /// An option that takes one optimizer, given a list or an unknown name; `stability`'s settings to sweep; `list`.
    func testOneOptimizerSweptSettingsAndListWords() throws {
        let allowed = "Allowed: sgd, gd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw, nadam, radam, adamax, rprop, "
            + "asgd, lbfgs, adafactor, lion"
        let list = "one optimizer expected, not a list (--optimizers of surface and curves takes a list)"
        try assertRefused(["trace", "--surface", "rosenbrock", "--optimizer", "gd,adam"], "invalid --optimizer 'gd,adam': " + list)
        try assertRefused(["steps", "--optimizer", "gd,adam", "-o", "a.png"], "invalid --optimizer 'gd,adam': " + list)
        try assertRefused(["stability", "bowl", "--optimizer", "nope", "-o", "a.png"],
                          "invalid --optimizer 'nope': unknown optimizer 'nope'. " + allowed)
        try assertRefused(["stability", "bowl", "--x", "nope", "-o", "a.png"],
                          "invalid --x 'nope': sgd has no numeric setting of that name to sweep. Its numbers: lr, momentum, dampening, weight_decay")
        try assertRefused(["stability", "bowl", "--x", "lr", "--y", "lr", "-o", "a.png"],
                          "invalid --y 'lr': --x sweeps lr already; the two axes need different settings")
        try assertRefused(["list", "nope"],
                          "invalid list 'nope': expected activations, losses, surfaces, optimizers, curves, tasks or themes")
    }

    /// A whole number too large for the option's type gets the command's own range (it is a whole number);
    /// a word not among the choices, and a parameter of a function without any, are said in the one form too.
    func testNumbersTooLargeChoicesAndParametersInTheOneForm() throws {
        try assertRefused(["surface", "rosenbrock", "--steps", "99999999999999999999999", "-o", "a.png"],
                          "invalid --steps '99999999999999999999999': expected 1 to 100000")
        try assertRefused(["curves", "--steps=99999999999999999999999", "-o", "a.png"],
                          "invalid --steps '99999999999999999999999': expected 1 to 10000000")
        try assertRefused(["trace", "--surface", "bowl", "--optimizer", "gd", "--steps", "-99999999999999999999"],
                          "invalid --steps '-99999999999999999999': expected 0 to 10000000")
        try assertRefused(["surface", "linreg_mse", "--seed", "18446744073709551616", "-o", "a.png"],
                          "invalid --seed '18446744073709551616': expected a whole number from 0 to 18446744073709551615")
        try assertRefused(["surface", "linreg_mse", "--seed", "-1", "-o", "a.png"], "invalid --seed '-1': expected a whole number >= 0")
        try assertRefused(["surface", "bowl", "--steps", "1.5", "-o", "a.png"], "invalid --steps '1.5': expected a whole number")
        try assertRefused(["eval", "activation", "gelu", "--x", "1", "--format", "yaml"], "invalid --format 'yaml': expected csv or json")
        try assertRefused(["trace", "--surface", "bowl", "--optimizer", "gd", "--format", "xml"], "invalid --format 'xml': expected csv or json")
        try assertRefused(["eval", "activation", "gelu", "--x", "1", "--param", "foo=2"], "invalid --param 'foo=2': gelu has no parameters")
        // The message of a parse error that is none of these is ArgumentParser's.
        XCTAssertNil(ParserRefusals.choiceRefusal("Missing expected argument '<what>'"))
        XCTAssertEqual(ParserRefusals.choiceRefusal("The value 'q' is invalid for '--kind <kind>'. Please provide one of the following: - a - b - c - d - e - f"),
                       "invalid --kind 'q': expected a, b, c, d, e or f")
    }

    /// One rule for an item listed twice (Y9-20), as `--optimizers gd,gd` was refused: `activation sigmoid tanh
    /// sigmoid` drew sigmoid twice with two legend entries; `lr --rates 0.1,0.10` two equal panels. Numbers are
    /// compared by value and the repeat quoted as typed; a list that may repeat (pitfalls' --rates, one per
    /// start) is left alone.
    func testAnItemListedTwiceIsRefusedByOneRule() throws {
        try assertRefused(["activation", "sigmoid", "tanh", "sigmoid", "-o", "a.png"],
                          "invalid activation 'sigmoid': it is listed twice; give each once")
        try assertRefused(["activations", "--names", "sigmoid,tanh, sigmoid", "-o", "a.png"],
                          "invalid --names 'sigmoid,tanh, sigmoid': 'sigmoid' is listed twice; give each once")
        try assertRefused(["vanishing", "--activations", "tanh,tanh", "-o", "a.png"],
                          "invalid --activations 'tanh,tanh': 'tanh' is listed twice; give each once")
        try assertRefused(["lr", "--rates", "0.1,0.10", "-o", "a.png"], "invalid --rates '0.1,0.10': '0.1' is listed twice; give each once")
        try assertRefused(["pitfalls", "--starts", "1,1.0", "-o", "a.png"], "invalid --starts '1,1.0': '1' is listed twice; give each once")
        try assertRefused(["softmax", "--temperature", "2,1,2", "-o", "a.png"],
                          "invalid --temperature '2,1,2': '2' is listed twice; give each once")
        try assertRefused(["surface", "bowl", "--optimizers", "gd,gd", "-o", "a.png"],
                          "invalid --optimizers 'gd,gd': 'gd' is listed twice with the same settings")
        let dir = try makeTemporaryDirectory()
        let same = try runDLPlot(["pitfalls", "--starts", "1,2", "--rates", "0.1,0.1", "-o", "p.png"], in: dir)
        XCTAssertEqual(same.status, 0, same.stderr)
        let two = try runDLPlot(["activation", "sigmoid", "tanh", "-o", "a.png"], in: dir)
        XCTAssertEqual(two.status, 0, two.stderr)
    }

    /// Two entries that run alike are refused however they are spelled (F-4): the optimizer after its alias
    /// (`gd` is sgd, `momentum` is SGD(momentum=0.9)) and every setting after torch's defaults, --lr and --opt
    /// decide, not the text. `SGD(lr=0.01), sgd` with --lr 0.01 drew two identical runs under one name.
    func testRunsThatRunAlikeAreRefusedHoweverSpelled() throws {
        try assertRefused(["curves", "--optimizers", "SGD(lr=0.01), sgd", "--lr", "0.01", "--steps", "50", "-o", "a.png", "--data", "a.csv"],
                          "invalid --optimizers 'SGD(lr=0.01), sgd': 'sgd' is listed twice with the same settings (first as 'SGD(lr=0.01)')")
        try assertRefused(["curves", "--optimizers", "sgd,gd", "--lr", "0.01", "-o", "a.png"],
                          "invalid --optimizers 'sgd,gd': 'gd' is listed twice with the same settings (first as 'sgd')")
        // Without --lr both are chosen from the same settings, so alike too.
        try assertRefused(["surface", "bowl", "--optimizers", "gd, sgd", "-o", "a.png"],
                          "invalid --optimizers 'gd, sgd': 'sgd' is listed twice with the same settings (first as 'gd')")
        try assertRefused(["surface", "bowl", "--optimizers", "momentum,SGD(momentum=0.9)", "--lr", "0.1", "-o", "a.png"],
                          "invalid --optimizers 'momentum,SGD(momentum=0.9)': 'SGD(momentum=0.9)' is listed twice with the same "
                            + "settings (first as 'momentum')")
        try assertRefused(["curves", "--optimizers", "SGD(lr=0.01), SGD(lr=0.01, momentum=0)", "-o", "a.png"],
                          "invalid --optimizers 'SGD(lr=0.01), SGD(lr=0.01, momentum=0)': 'SGD(lr=0.01, momentum=0)' is listed "
                            + "twice with the same settings (first as 'SGD(lr=0.01)')")
        try assertRefused(["surface", "bowl", "--optimizers", "sgd", "--opt", "gd:lr=0.1", "--lr", "0.1", "-o", "a.png"],
                          "invalid --opt 'gd:lr=0.1': 'gd:lr=0.1' is listed twice with the same settings (first as 'sgd')")
        try assertRefused(["basins", "himmelblau", "--optimizers", "Adam(), adam", "--lr", "0.001", "-o", "a.png"],
                          "invalid --optimizers 'Adam(), adam': 'adam' is listed twice with the same settings (first as 'Adam()')")
        // A torch call without lr takes torch's lr; a bare name gets one chosen: two runs.
        let dir = try makeTemporaryDirectory()
        let two = try runDLPlot(["curves", "--optimizers", "SGD(), sgd", "--steps", "5", "-o", "c.png"], in: dir)
        XCTAssertEqual(two.status, 0, two.stderr)
    }

    /// Refusals that left the one form (F-7): a bare flag of --opt whose rule fails, a --path or --dataset file
    /// that cannot be read, a comma list of activation names (read as a formula: three lines with a caret), a whole
    /// number with a space (said to be out of range), an unknown name given as a command's argument or an option.
    func testTheLastRefusalsOutsideTheOneForm() throws {
        try assertRefused(["curves", "--opt", "sgd:nesterov", "-o", "a.png"],
                          "invalid --opt 'sgd:nesterov': nesterov requires momentum > 0 and dampening = 0 (got momentum = 0.0, dampening = 0.0)")
        try assertRefused(["trace", "--surface", "bowl", "--optimizer", "sgd", "--nesterov"],
                          "invalid --nesterov: nesterov requires momentum > 0 and dampening = 0 (got momentum = 0.0, dampening = 0.0)")
        try assertRefused(["surface", "rosenbrock", "--path", "nonexist.csv", "-o", "a.png"],
                          "invalid --path 'nonexist.csv': no such file; expected a CSV or JSON lines file of x,y points")
        try assertRefused(["surface", "linreg_mse", "--dataset", "none.csv", "-o", "a.png"],
                          "invalid --dataset 'none.csv': no such file; expected a header row with columns x,y (or x1,x2,label for two "
                            + "features) and one example per row")
        let list = "a comma list of names; give the names as separate arguments without commas, e.g. dlplot activation "
        try assertRefused(["activation", "sigmoid,tanh,sigmoid", "-o", "a.png"], "invalid activation 'sigmoid,tanh,sigmoid': " + list + "sigmoid tanh")
        try assertRefused(["activation", "sigmoid,", "tanh", "-o", "a.png"], "invalid activation 'sigmoid,': " + list + "sigmoid tanh")
        try assertRefused(["curves", "--steps", " 10", "-o", "a.png"], "invalid --steps ' 10': a whole number has no spaces; give 10")
        try assertRefused(["surface", "bowl", "--steps=1 0", "-o", "a.png"], "invalid --steps '1 0': a whole number has no spaces; give 10")
        let activations = "identity, binary_step, sigmoid, tanh, relu, leaky_relu, prelu, elu, selu, celu, gelu, gelu_tanh, gelu_sigmoid, "
            + "silu, swish, mish, lisht, softplus, softsign, hardtanh, hardsigmoid, hardswish, relu6, log_sigmoid"
        try assertRefused(["activation", "nosuch", "-o", "a.png"], "invalid activation 'nosuch': unknown activation 'nosuch'. Allowed: "
                          + activations + "; or type a formula, e.g. 'x*sigmoid(beta*x)' with --param beta=1")
        try assertRefused(["eval", "activation", "nosuch", "--x", "1"], "invalid activation 'nosuch': unknown activation 'nosuch'. Allowed: "
                          + activations + "; or type a formula, e.g. 'x*sigmoid(beta*x)' with --param beta=1")
        let surfaces = "saddle, bowl, ellipse, rosenbrock, beale, himmelblau, booth, matyas, rastrigin, ackley, six_hump_camel, monkey_saddle, "
            + "styblinski_tang, linreg_mse, logreg_bce; or type a formula, e.g. 'x^2 + 10*y^2'"
        try assertRefused(["stability", "qqq", "-o", "a.png"], "invalid surface 'qqq': unknown surface 'qqq'. Allowed: " + surfaces)
        try assertRefused(["curves", "--surface", "qqq", "-o", "a.png"], "invalid --surface 'qqq': unknown surface 'qqq'. Allowed: " + surfaces)
    }

    /// One number rule for a hyper-parameter however it is given (F-8): `--lr`, `--opt adam:k=v` and `Adam(k=v)`
    /// get the same decision and the same words. A torch call had its own: `Adam(eps=1e-400)` ran with eps = 0,
    /// `Adam(lr=True)` with lr = 1, `Adam(lr=1e999)` was "not a number" and `Adam(lr=1e-400)` "must be > 0".
    func testANumberGetsOneRuleWhicheverWayItIsGiven() throws {
        let underflow = "underflows to 0 in float64 (the smallest positive double is 5e-324)"
        let cases: [(key: String, value: String, reason: String)] = [
            ("lr", "1e-400", underflow), ("eps", "1e-400", underflow),
            ("lr", "1e999", "overflows float64 (the largest double is 1.8e308)"),
            ("lr", "nan", "is not finite; expected a finite decimal number"),
            ("lr", "True", "is not a number; expected a finite decimal number such as -1.5 or 2e-3"),
            ("weight_decay", "False", "is not a number; expected a finite decimal number such as -1.5 or 2e-3"),
        ]
        for c in cases {
            let call = "Adam(\(c.key)=\(c.value))"
            try assertRefused(["surface", "rosenbrock", "--optimizers", call, "-o", "a.png"], "invalid --optimizers '\(call)': '\(c.value)' " + c.reason)
            try assertRefused(["surface", "rosenbrock", "--opt", "adam:\(c.key)=\(c.value)", "-o", "a.png"],
                              "invalid --opt adam:\(c.key) '\(c.value)': " + c.reason)
            try assertRefused(["trace", "--surface", "bowl", "--optimizer", call], "invalid --optimizer '\(call)': '\(c.value)' " + c.reason)
            if c.key == "lr" { try assertRefused(["curves", "--lr", c.value, "-o", "a.png"], "invalid --lr '\(c.value)': " + c.reason) }
        }
        try assertRefused(["surface", "bowl", "--optimizers", "Adam(betas=(True, 0.9))", "-o", "a.png"],
                          "invalid --optimizers 'Adam(betas=(True, 0.9))': 'True' is not a number; expected a finite decimal number such as -1.5 or 2e-3")
        try assertRefused(["surface", "bowl", "--schedule", "StepLR(step_size=3, gamma=1e999)", "-o", "a.png"],
                          "invalid --schedule 'StepLR(step_size=3, gamma=1e999)': '1e999' overflows float64 (the largest double is 1.8e308)")
        // A flag still takes True, and a number Python's 1_000.
        let dir = try makeTemporaryDirectory()
        let flag = try runDLPlot(["surface", "bowl", "--optimizers", "Adam(lr=1_0e-2, amsgrad=True)", "--steps", "3", "--data", "d.csv", "-o", "a.png"], in: dir)
        XCTAssertEqual(flag.status, 0, flag.stderr)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("d.csv"), encoding: .utf8).contains("adam lr=0.1 amsgrad,"))
    }
}
