import ArgumentParser

/// The `dlplot` command: figures and numbers for teaching the mathematics of neural-network training.
@main
struct DLPlot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlplot",
        abstract: "Figures and numbers for teaching how neural networks train.",
        discussion: """
            Figures are written as PNG, SVG or PDF (chosen by the output file's extension). \
            Numbers (activations, losses, surfaces, optimizer paths) print as CSV or JSON.
            Run `dlplot help <subcommand>` for the options of each.
            """,
        version: DLPlotVersion.string,
        subcommands: DLPlot.allSubcommands
    )
}

/// The version printed by `--version` and recorded in every PNG.
enum DLPlotVersion {
    static let string = "0.1.0"
}
