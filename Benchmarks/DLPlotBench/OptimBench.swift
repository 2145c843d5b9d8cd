import Optim

/// Optim kernels: activation evaluations per second and optimizer steps per second.
func runOptimBenchmarks(_ h: inout Harness) {
}
