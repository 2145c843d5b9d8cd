import ArgumentParser

extension DLPlot {
    /// Every subcommand, in the order `--help` lists them.
    static let allSubcommands: [ParsableCommand.Type] = [
        ActivationCommand.self,
        ActivationsCommand.self,
        SoftmaxCommand.self,
        LossCommand.self,
        XORCommand.self,
        LearningRateCommand.self,
        PitfallsCommand.self,
        VanishingCommand.self,
        SurfaceCommand.self,
        CurvesCommand.self,
        BasinsCommand.self,
        StabilityCommand.self,
        LandscapeCommand.self,
        StepsCommand.self,
        RunsCommand.self,
        Eval.self,
        Trace.self,
        List.self,
        Gallery.self,
    ]
}
