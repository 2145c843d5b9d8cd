/// Optim: the numeric kernels of dlplot (activations, losses, surfaces, optimizers, trajectories).
/// Pure functions of their inputs: no I/O, no drawing.
public enum Optim {}
