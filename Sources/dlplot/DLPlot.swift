import Foundation
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

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

    /// Runs the command line. A command named first is parsed on its own, which skips building the
    /// whole command tree (about a millisecond of every run). Anything else, and every parse
    /// error or help request, goes through the full parser, so usage and messages are exactly
    /// ArgumentParser's for `dlplot`.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = ProcessEnd.tooManyArgumentsMessage(arguments) {
            writeStandardError("Error: " + message + "\n")
            Glibc.exit(64)
        }
        if let name = arguments.first, let command = allSubcommands.first(where: { $0.configuration.commandName == name }),
           var parsed = try? command.parseAsRoot(Array(arguments.dropFirst())),
           type(of: parsed) == command {  // not the built-in help command, which would name `activation` alone
            do {
                try parsed.run()
            } catch let error as ValidationError {
                // Bad input found while making the figure (a page too small for it): one line, exit 64.
                FileHandle.standardError.write(Data(("Error: " + error.message + "\n").utf8))
                exit(withError: ExitCode.validationFailure)
            } catch {
                ProcessEnd.checkStandardOutput()
                exit(withError: error)
            }
            ProcessEnd.checkStandardOutput()
            return
        }
        if let message = ProcessEnd.unknownCommandMessage(arguments) ?? ProcessEnd.unknownOptionMessage(arguments)
            ?? ProcessEnd.dashArgumentMessage(arguments) {
            writeStandardError("Error: " + message + "\n")
            Glibc.exit(64)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            ProcessEnd.checkStandardOutput()
            exit(withError: error)
        }
        ProcessEnd.checkStandardOutput()
    }
}

/// The version printed by `--version` and recorded in every PNG.
enum DLPlotVersion {
    static let string = "0.1.0"
}
