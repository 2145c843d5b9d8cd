import ArgumentParser
import Optim
#if canImport(Glibc)
import Glibc
#endif

/// What the command line does before and after a command runs: naming a misspelt command, and making
/// sure standard output really was written.
enum ProcessEnd {
    /// "'activaton' is not a dlplot command; did you mean 'activation'?" when the first argument looks
    /// like a command name but is none; nil otherwise (options, help, known commands).
    /// Whether C's stdout (where `print` writes) has its error flag set. The stream is found through
    /// the dynamic linker: Swift 6 does not allow reading the C global `stdout` directly.
    static func standardOutputFailed() -> Bool {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        guard let symbol = dlsym(handle, "stdout"),
              let stream = symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee else { return false }
        return ferror(stream) != 0
    }

    static func unknownCommandMessage(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
        let names = DLPlot.allSubcommands.map { $0._commandName }
        guard !names.contains(first) else { return nil }
        var message = "'\(first)' is not a dlplot command"
        if let near = closestName(to: first, in: names) { message += "; did you mean '\(near)'?" }
        return message + " (commands: " + names.joined(separator: ", ") + ")"
    }

    /// Flushes standard output; when that or any earlier write failed (a full disk, a closed stdout),
    /// prints "cannot write standard output" and exits with status 1, so a cut-off table never passes
    /// for a complete one.
    static func checkStandardOutput() {
        errno = 0
        if fflush(nil) != 0 || standardOutputFailed() {
            let reason = errno != 0 ? strerror(errno).map { String(cString: $0).lowercased() } ?? "error \(errno)" : "write error"
            writeStandardError("Error: cannot write standard output: \(reason)\n")
            exit(1)
        }
    }
}
