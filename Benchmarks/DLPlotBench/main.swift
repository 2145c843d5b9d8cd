// `make bench`: numeric kernels, rendering, and whole `dlplot` commands.
//   DLPlotBench [--dlplot PATH] [--baseline PATH-TO-C-PROGRAM] [--floor PATH-TO-PAGE-FLOOR-PROGRAM] [--before PATH-TO-EARLIER-DLPLOT]
//               [--python PYTHON-WITH-MATPLOTLIB] [--runs N] [--only optim|expressions|viz|fields|commands|scale|logs|paired|animation]
var harness = Harness()
let arguments = Array(CommandLine.arguments.dropFirst())
func argument(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let only = argument("--only")
print("dlplot benchmarks (best of repeated runs, release build)")
if only == nil || only == "optim" {
    print("== Optim")
    runOptimBenchmarks(&harness)
}
if only == nil || only == "optim" || only == "expressions" {
    print("== Typed expressions")
    runExpressionBenchmarks(&harness)
}
if only == nil || only == "viz" {
    print("== Viz")
    runVizBenchmarks(&harness)
}
if only == nil || only == "fields" {
    print("== Viz fields")
    runFieldBenchmarks(&harness)
}
if only == nil || only == "commands", let dlplot = argument("--dlplot") {
    print("== Whole commands (process start to file written)")
    runCommandBenchmarks(&harness, dlplot: dlplot, baseline: argument("--baseline"))
}
if only == nil || only == "scale", let dlplot = argument("--dlplot") {
    print("== Surface pipeline at growing grids, whole processes (best of \(argument("--runs") ?? "5") runs)")
    runScaleBenchmarks(&harness, dlplot: dlplot, runs: Int(argument("--runs") ?? "") ?? 5)
}
if only == nil || only == "logs" {
    print("== Training logs (reading; whole `dlplot runs` with its peak memory)")
    runLogBenchmarks(&harness, dlplot: argument("--dlplot"))
}
if only == nil || only == "paired", let dlplot = argument("--dlplot") {
    print("== Paired whole-process comparison (best of \(argument("--runs") ?? "5") runs; matplotlib best of a third as many)")
    runPairedBenchmarks(&harness, dlplot: dlplot, before: argument("--before"), python: argument("--python"),
                        floor: argument("--floor"), runs: Int(argument("--runs") ?? "") ?? 5)
}
if only == nil || only == "animation", let dlplot = argument("--dlplot") {
    print("== Animated GIF against matplotlib's FuncAnimation + PillowWriter (whole processes)")
    runAnimationBenchmark(&harness, dlplot: dlplot, python: argument("--python"), runs: Int(argument("--runs") ?? "") ?? 5)
}
if only == nil || only == "animation" {
    print("== Animation frames (in-process)")
    runAnimationFrameBenchmarks(&harness)
}
