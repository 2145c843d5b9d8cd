import Optim
import Viz

extension OptimizerConfig {
    /// The legend and title label with every number in the figures' form (`TickFormat.exact`): "gd lr=1×10¹⁰",
    /// "gd lr=10", "adam lr=0.001 eps=1×10⁻⁶"; never rounded, never "10000000000.0". Data tables keep `label`.
    public var displayLabel: String { label(number: TickFormat.exact) }
}
