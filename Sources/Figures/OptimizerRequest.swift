import Optim

/// One optimizer a figure runs: its name (`adam`, `momentum`, …) and the settings given for it, by
/// PyTorch's keys (`lr`, `beta1`, `amsgrad`, …). Settings not given take PyTorch's defaults; a missing
/// `lr` is chosen by the figure (see `LearningRateSearch`).
public struct OptimizerRequest: Sendable, Hashable {
    /// The optimizer's name, one of `OptimizerConfig.allNames`.
    public var name: String
    /// The settings given, by torch key.
    public var settings: [String: OptimizerSetting]
    /// The learning-rate schedule stepped after each optimizer step, if any.
    public var schedule: LRSchedule?

    /// The request for `name` with `settings` and an optional `schedule`.
    public init(name: String, settings: [String: OptimizerSetting] = [:], schedule: LRSchedule? = nil) {
        self.name = name
        self.settings = settings
        self.schedule = schedule
    }

    /// Whether a learning rate was given; otherwise the figure chooses it.
    public var hasLearningRate: Bool { settings["lr"] != nil }

    /// The config with these settings, and `lr` when none was given.
    /// - Throws: `OptimError` for an unknown name, a setting the optimizer lacks or a value PyTorch rejects.
    public func config(lr: Double? = nil) throws -> OptimizerConfig {
        var s = settings
        if let lr, !hasLearningRate { s["lr"] = .number(lr) }
        return try OptimizerConfig(name: name, settings: s)
    }
}
