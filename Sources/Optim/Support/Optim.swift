/// Optim: the numeric kernels of dlplot (activations, losses, surfaces, optimizers, trajectories,
/// a tiny multi-layer perceptron). Pure functions of their inputs: no I/O, no drawing, no Foundation.
public enum Optim {}
