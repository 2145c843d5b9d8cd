import ArgumentParser

extension DLPlot {
    /// Every subcommand, in the order `--help` lists them.
    static let allSubcommands: [ParsableCommand.Type] = [
        Eval.self,
        Trace.self,
        List.self,
    ]
}
