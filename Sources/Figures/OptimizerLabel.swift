import Optim
import Viz

extension OptimizerConfig {
    /// The run's one name, the same in legends, titles, notes and the `run` column of data tables (so a figure and
    /// its data can be joined), every number in the figures' form (`TickFormat.exact`, the shortest text that
    /// reads back to the same double): "gd lr=1×10¹⁰", "adam lr=5", "adam lr=0.001 eps=1×10⁻⁶"; never rounded,
    /// never "5.0" or "10000000000.0".
    public var displayLabel: String { label(number: TickFormat.exact) }
}
