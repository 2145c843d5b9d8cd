// dlplot: the command line tool: option parsing and output around the recipes (Figures) and Optim.

import Foundation
import ArgumentParser
import Platform

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
    /// error or help request, goes through the full parser, so help is exactly ArgumentParser's for
    /// `dlplot`. Every error ends the process through `CommandLineErrors.exit(for:arguments:parsing:)`: bad
    /// input is one line on standard error and status 64.
    static func main() {
        let arguments = EmptyAttachedValues.split(Array(CommandLine.arguments.dropFirst()))
        // Past a file-size limit (`ulimit -f`) a write fails with EFBIG, reported as "file too large" and
        // exit 1 with the temporary removed, instead of the process being killed mid-write.
        signal(SIGXFSZ, SIG_IGN)
        if let message = refusalBeforeParsing(arguments) { CommandLineErrors.refuse(message) }
        if let name = arguments.first, let command = allSubcommands.first(where: { $0.configuration.commandName == name }),
           var parsed = try? command.parseAsRoot(Array(arguments.dropFirst())),
           type(of: parsed) == command {  // not the built-in help command, which would name `activation` alone
            do {
                try parsed.run()
            } catch {
                CommandLineErrors.exit(for: error, arguments: arguments, parsing: false)
            }
            ProcessEnd.checkStandardOutput()
            return
        }
        // `dlplot help activaton` would print the top-level help and succeed: name the unknown command instead.
        if let message = refusalAfterFailedParse(arguments) { CommandLineErrors.refuse(message) }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            CommandLineErrors.exit(for: error, arguments: arguments, parsing: true)
        }
        do {
            try command.run()
        } catch {
            CommandLineErrors.exit(for: error, arguments: arguments, parsing: false)
        }
        ProcessEnd.checkStandardOutput()
    }
}

extension DLPlot {
    /// The refusals found before any parsing: too many arguments, an output or option given twice.
    static func refusalBeforeParsing(_ arguments: [String]) -> String? {
        ProcessEnd.tooManyArgumentsMessage(arguments) ?? RepeatedOutputs.message(arguments) ?? RepeatedOptions.message(arguments)
    }

    /// The refusals said instead of ArgumentParser's own error when a command line does not parse as its
    /// command: an unknown command or option (with the closest name), an expression read as an option, …
    static func refusalAfterFailedParse(_ arguments: [String]) -> String? {
        let named = arguments.first == "help" ? Array(arguments.dropFirst()) : arguments
        return ProcessEnd.unknownCommandMessage(named) ?? ProcessEnd.unknownOptionMessage(arguments)
            ?? ProcessEnd.dashArgumentMessage(arguments) ?? ProcessEnd.optionAfterDashDashMessage(arguments)
            ?? ProcessEnd.positionalListMessage(arguments)
    }

    /// A command line parsed as the shell's `dlplot` parses it, with the same refusals (for the gallery's
    /// entries, which must say what the same command typed says).
    static func parseCommandLine(_ raw: [String]) throws -> ParsableCommand {
        let arguments = EmptyAttachedValues.split(raw)
        if let message = refusalBeforeParsing(arguments) { throw ValidationError(message) }
        if let name = arguments.first, let command = allSubcommands.first(where: { $0.configuration.commandName == name }),
           let parsed = try? command.parseAsRoot(Array(arguments.dropFirst())), type(of: parsed) == command {
            return parsed
        }
        if let message = refusalAfterFailedParse(arguments) { throw ValidationError(message) }
        return try parseAsRoot(arguments)
    }
}

/// The version printed by `--version` and recorded in every PNG.
enum DLPlotVersion {
    static let string = "0.1.0"
}
