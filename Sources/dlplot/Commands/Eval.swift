import ArgumentParser
import Platform

/// `dlplot eval`: numbers from the Optim kernels (activations, softmax, losses, surfaces).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an activation, softmax, a loss or a surface and print the numbers (CSV or JSON).",
        discussion: """
            Numbers print as the shortest decimal that reads back to the same double (no rounding); \
            eval activation and eval surface print a negative zero as -0.0, as PyTorch gives and prints it (−x² and \
            its derivative at 0 are -0.0), and an input typed as -0 keeps its sign (1/x there is -inf); the loss and \
            softmax tables print every zero as 0.0 (a -0.0 there is an artefact of the arithmetic). \
            Negative values can follow an option directly: --x -1,0,1 or --x=-1,0,1.
            """,
        subcommands: [EvalActivation.self, EvalSoftmax.self, EvalLoss.self, EvalSurface.self]
    )

    /// `dlplot eval` alone names nothing to evaluate: a usage error (status 64) with the usage on standard
    /// error, as `dlplot list` alone gives, not the help on standard output with status 0.
    func run() throws {
        let names = Self.configuration.subcommands.map { $0._commandName }
        writeStandardError("Error: Missing what to evaluate: " + names.joined(separator: ", ") + "\n"
            + "Usage: dlplot eval <subcommand> [<options>]\n  See 'dlplot help eval' for more information.\n")
        OS.exit(ExitCode.validationFailure.rawValue)
    }
}
