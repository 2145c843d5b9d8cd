import Foundation

/// One hostile command line: the arguments, what standard error must name (the option and the value
/// as typed), and optionally an environment and a shell script that prepares the directory first
/// (device nodes, FIFOs, links, files to read). Whatever the script made must be left exactly as it was.
struct HostileCase: Sendable {
    var args: [String]
    /// Texts the one error line must all contain.
    var names: [String]
    var environment: [String: String] = [:]
    var setup: String?

    init(_ args: [String], names: [String], environment: [String: String] = [:], setup: String? = nil) {
        self.args = args; self.names = names; self.environment = environment; self.setup = setup
    }

    init(_ args: [String], names: String, environment: [String: String] = [:], setup: String? = nil) {
        self.init(args, names: [names], environment: environment, setup: setup)
    }

    /// `base` with `option value` for every value, each a case naming the option and the value as typed
    /// (the option alone for an empty value).
    static func values(_ base: [String], _ option: String, _ values: [String]) -> [HostileCase] {
        values.map { v in HostileCase(base + [option, v], names: v.isEmpty ? [option] : [option, v]) }
    }
}

/// The kinds of hostile input, each with at least 60 cases (the acceptance of the hostile-input suite).
enum HostileKind: String, CaseIterable, Sendable {
    case values, names, commandLine, outputTargets, cost, environmentAndFiles

    var cases: [HostileCase] {
        switch self {
        case .values: HostileCases.values
        case .names: HostileCases.names
        case .commandLine: HostileCases.commandLine
        case .outputTargets: HostileCases.outputTargets
        case .cost: HostileCases.cost
        case .environmentAndFiles: HostileCases.environmentAndFiles
        }
    }
}

/// The cases, one extension per kind.
enum HostileCases {}
