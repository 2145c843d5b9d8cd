import Synchronization

/// A program run to its end in a process of its own, its standard output and error read into memory (a
/// fault in the child, even a trap, ends the child alone).
public struct ChildProcess: Sendable {
    /// How the child ended.
    public enum End: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (SIGILL for a Swift runtime trap, SIGSEGV, SIGKILL, …).
        case signalled(Int32)
    }

    /// How the child ended.
    public let end: End
    /// Everything it wrote to standard output and standard error, in the order written (one pipe holds both).
    public let output: [UInt8]

    /// Runs `executable` with `arguments` (the first is the program's name) and the parent's environment,
    /// standard input from /dev/null, and waits for it; nil when it could not be started (the C library's
    /// description of `errno` in `failure`).
    public static func run(_ executable: String, _ arguments: [String]) -> Result<ChildProcess, TemporaryFileError> {
        // Close-on-exec, set while no other thread spawns: a child started at the same time must not hold this
        // pipe open (its reader would wait for that child's end too).
        let started = spawnLock.withLock { _ in spawn(executable, arguments) }
        let pid: pid_t, readEnd: Int32
        switch started {
        case let .success(child): (pid, readEnd) = child
        case let .failure(error): return .failure(error)
        }
        defer { close(readEnd) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { OS.read(readEnd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            output += buffer.prefix(n)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // The wait status's layout (WIFSIGNALED and friends are C macros Swift does not import).
        let signal = status & 0x7f
        return .success(ChildProcess(end: signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal), output: output))
    }

    private static let spawnLock = Mutex(())

    /// Starts the child, its standard output and error on a new pipe: its id and the pipe's reading end.
    private static func spawn(_ executable: String, _ arguments: [String]) -> Result<(pid_t, Int32), TemporaryFileError> {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return .failure(TemporaryFileError(description: String(cString: strerror(errno)))) }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        let environment = _NSGetEnviron().pointee
        #else
        var actions = posix_spawn_file_actions_t()
        let environment = environ
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environment)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            return .failure(TemporaryFileError(description: String(cString: strerror(spawned))))
        }
        return .success((pid, fds[0]))
    }

    /// The path of the running program's executable, for running it again as a child; nil when it cannot be
    /// told.
    public static func currentExecutable() -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
        #elseif canImport(Darwin)
        var size = UInt32(4096)
        var buffer = [CChar](repeating: 0, count: Int(size))
        guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return nil
        #endif
    }
}
