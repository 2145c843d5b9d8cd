import Optim

// Fuzzes the expression parser and evaluator. Built two ways:
//   swift build -c debug --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
//       -Xswiftc -use-ld=lld --product ExpressionFuzz                          (libFuzzer: run with a corpus directory)
//   swift build --product ExpressionFuzz                  (replays files given as arguments)
// Every input must either parse or throw an ExpressionError with a caret inside the shown text;
// a parsed expression must give the same bits through the point and the array paths.

/// One input: parse as 1-D and 2-D (with two parameters), evaluate, print; traps on a broken invariant.
func check(_ data: UnsafeRawBufferPointer) {
    let text = String(decoding: data, as: UTF8.self)
    for dimension in [1, 2] {
        do {
            let f = try MathExpression(text, dimension: dimension, parameters: ["a": 1.5, "beta": 2])
            _ = f.mathLabel
            let xs = [-3.0, -1, -0.0, 0.5, 2, 40]
            let ys = [0.5, 2, 1, -1, 0, -7]
            if dimension == 1 {
                var v: [Double] = [], d: [Double] = []
                f.evaluate(xs, values: &v, derivatives: &d)
                for (i, x) in xs.enumerated() {
                    let p = f.evaluate(x)
                    precondition(p.value.bitPattern == v[i].bitPattern || (p.value.isNaN && v[i].isNaN), "value paths differ")
                    precondition(p.derivative.bitPattern == d[i].bitPattern || (p.derivative.isNaN && d[i].isNaN),
                                 "derivative paths differ")
                }
            } else {
                var v: [Double] = [], gx: [Double] = [], gy: [Double] = []
                f.evaluate(xs: xs, ys: ys, values: &v, dfdx: &gx, dfdy: &gy)
                for i in xs.indices {
                    let p = f.evaluate(xs[i], ys[i])
                    precondition(p.value.bitPattern == v[i].bitPattern || (p.value.isNaN && v[i].isNaN), "value paths differ")
                }
            }
        } catch {
            let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
            precondition(lines.count == 1 || lines.count == 3, "error of \(lines.count) lines")
            if lines.count == 3 {
                precondition(lines[2].count >= 3 && lines[2].last == "^", "caret line")
                precondition(lines[2].count <= lines[1].count + 1, "caret beyond the text")
            }
        }
    }
}

#if FUZZING
/// The function libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    check(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

/// libFuzzer's entry for a driver of our own (SwiftPM links an executable's entry point as
/// `<Module>_main`, so libFuzzer's own `main` is not used).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("ExpressionFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzz(UnsafeRawPointer(data), size)
    }
}
#else
import Foundation

/// Without libFuzzer: replays the files given as arguments (a crash reproducer, a corpus), or with
/// `--generate N [--seed S]` checks N seeded random expressions of the grammar, a third of them
/// mutated (the same generator as the seeded test, for long runs in a release build).
@main
enum Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let i = arguments.firstIndex(of: "--generate"), i + 1 < arguments.count, let count = Int(arguments[i + 1]) {
            let seed = arguments.firstIndex(of: "--seed").flatMap { $0 + 1 < arguments.count ? UInt64(arguments[$0 + 1]) : nil } ?? 1
            generate(count, seed: seed)
            return
        }
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                continue
            }
            data.withUnsafeBytes { check($0) }
        }
    }
}

/// N generated inputs through `check`; prints the count, the parsed share and the time.
func generate(_ count: Int, seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let unary = ["exp", "log", "log1p", "expm1", "sqrt", "abs", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asinh", "atan",
                 "erf", "erfc", "sigmoid", "softplus", "relu", "gelu", "mish", "elu", "selu", "softsign", "hardswish", "relu6"]
    let leaves = ["x", "y", "pi", "e", "a", "beta", "2", "0.5", "1e-3", "3", "0", "1e300", "100"]
    func pick(_ options: [String]) -> String { options[rng.nextInt(below: options.count)] }
    func expression(_ depth: Int) -> String {
        if depth <= 0 || rng.nextInt(below: 4) == 0 { return pick(leaves) }
        switch rng.nextInt(below: 9) {
        case 0: return expression(depth - 1) + " + " + expression(depth - 1)
        case 1: return expression(depth - 1) + " - " + expression(depth - 1)
        case 2: return expression(depth - 1) + "*" + expression(depth - 1)
        case 3: return expression(depth - 1) + "/" + expression(depth - 1)
        case 4: return "(" + expression(depth - 1) + ")" + pick(["^", "**"]) + expression(depth - 1)
        case 5: return "-" + expression(depth - 1)
        case 6: return pick(["max", "min"]) + "(" + expression(depth - 1) + ", " + expression(depth - 1) + ")"
        case 7: return "(" + expression(depth - 1) + ")"
        default: return pick(unary) + "(" + expression(depth - 1) + ")"
        }
    }
    let alphabet = Array("xy()+-*/^,.e0123456789 abcz_$é\n")
    let clock = ContinuousClock()
    let started = clock.now
    for k in 0..<count {
        var chars = Array(expression(1 + k % 7))
        if k % 3 == 0 {
            for _ in 0..<(1 + rng.nextInt(below: 3)) {
                let i = chars.isEmpty ? 0 : rng.nextInt(below: chars.count + 1)
                switch rng.nextInt(below: 3) {
                case 0: chars.insert(alphabet[rng.nextInt(below: alphabet.count)], at: i)
                case 1: if i < chars.count { chars.remove(at: i) }
                default: if i + 1 < chars.count { chars.swapAt(i, i + 1) }
                }
            }
        }
        var bytes = Array(String(chars).utf8)
        bytes.withUnsafeMutableBytes { check(UnsafeRawBufferPointer($0)) }
    }
    print("checked \(count) generated inputs (seed \(seed)) in \(clock.now - started), no failure")
}
#endif
