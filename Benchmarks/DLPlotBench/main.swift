// `make bench`: numeric kernels, rendering, and whole `dlplot` commands.
var harness = Harness()
let arguments = Array(CommandLine.arguments.dropFirst())
print("dlplot benchmarks (best of repeated runs, release build)")
print("== Optim")
runOptimBenchmarks(&harness)
print("== Viz")
runVizBenchmarks(&harness)
