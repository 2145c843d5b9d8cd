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

/// Without libFuzzer: replays the files given as arguments (a crash reproducer, a corpus).
@main
enum Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                continue
            }
            data.withUnsafeBytes { check($0) }
        }
    }
}
#endif
