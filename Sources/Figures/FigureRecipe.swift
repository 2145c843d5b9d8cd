// Figures: the recipes that turn the numbers of Optim into Viz figures — one type per figure
// family (activations, losses, softmax, surfaces, learning rates, …), the optimizer runs they share
// (`SurfaceRuns`), their styles and the data tables written beside them. No option parsing, no I/O.
import Viz

/// A figure family: plain values in, marks out.
///
/// `build(into:)` fills the panels of a `Figure` the caller made (with its size, theme and grid of
/// panels; each recipe documents the grid it expects) and returns the numbers it drew as data tables
/// (for `--data`). Building is deterministic: the same recipe and figure give the same marks.
public protocol FigureRecipe {
    /// Adds this figure's axes and marks to `figure` and returns the numbers behind them.
    /// - Throws: the recipe's typed errors (`OptimError` from runs, `VizError` from marks).
    func build(into figure: inout Figure) throws -> [DataTable]
}
