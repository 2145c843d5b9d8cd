// Output: figures to bytes and files: formats, PNG encoding, SVG normalising, atomic writes, layout reports.

import Synchronization
import Platform

/// Writes files atomically and all-or-nothing.
///
/// Rules (each a tested behaviour):
/// 1. Every target is checked before anything is written: its directory exists, and the target is
///    absent, a regular file, or a symbolic link to a regular file (written through, the link kept).
///    Directories, device nodes, FIFOs, sockets and links to them (`/proc/self/fd/1`) are refused.
/// 2. Two targets naming the same file are refused.
/// 3. The bytes go to temporary files in each target's directory (`NAME.tmp-PID-N`, the name part
///    shortened so the whole stays within the file system's 255-byte name limit); only when every
///    temporary is complete (and what goes to standard output is written) are they renamed over the
///    targets. A failure leaves no temporary behind and no target replaced.
/// 4. The renames happen while the targets' directories are locked (`DirectoryLocks`): two runs writing
///    the same files at once leave all of one run's files, never a mix of both.
/// 5. After the renames, temporaries of the same targets that a killed run left (`NAME.tmp-PID-N` of a
///    process that no longer runs) are removed (`StaleTemporaries`).
public enum AtomicFile {
    /// What a file holds: its bytes, or a producer that hands them over piece by piece (so a table of
    /// 10⁷ rows is never held whole in memory). The producer calls `write` with each piece and stops
    /// when it returns false (the write failed).
    public enum Contents: Sendable {
        case bytes([UInt8])
        case pieces(@Sendable (_ write: ([UInt8]) -> Bool) -> Void)

        /// Writes every byte to `fd`; the error text, or nil.
        public func write(to fd: Int32) -> String? {
            switch self {
            case .bytes(let b): return AtomicFile.writeFully(fd, b)
            case .pieces(let produce):
                var failure: String?
                produce { piece in
                    failure = AtomicFile.writeFully(fd, piece)
                    return failure == nil
                }
                return failure
            }
        }
    }

    /// Writes `bytes` to `path`.
    /// - Throws: `VizError.io` (naming the path) when a path is empty, its directory does not exist, it is a directory, a device,
    ///   a FIFO, a symbolic link to a missing file, or its name is too long, when a path is named twice, or when writing or
    ///   renaming fails (the temporary files are removed).
    public static func write(_ bytes: [UInt8], to path: String) throws(VizError) {
        try writeAll([(path, bytes)])
    }

    /// Writes every file or none (see the rules above).
    /// - Throws: `VizError.io` (naming the path) when a path is empty, its directory does not exist, it is a directory, a device,
    ///   a FIFO, a symbolic link to a missing file, or its name is too long, when a path is named twice, or when writing or
    ///   renaming fails (the temporary files are removed).
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(VizError) {
        try writeAll(files.map { (path: $0.path, contents: Contents.bytes($0.bytes)) })
    }

    /// Writes every file or none (see the rules above), each from its `Contents`. `beforeRenaming` runs when every
    /// temporary is complete and before any is renamed over its target: it writes what cannot be taken back (standard
    /// output) and returns its failure in words, or nil; on a failure no target is replaced.
    /// - Throws: `VizError.io` (naming the path) when a path is empty, its directory does not exist, it is a directory, a device,
    ///   a FIFO, a symbolic link to a missing file, or its name is too long, when a path is named twice, or when writing or
    ///   renaming fails (the temporary files are removed); `VizError.io` with the path `-` and `beforeRenaming`'s failure.
    public static func writeAll(_ files: [(path: String, contents: Contents)],
                                beforeRenaming: () -> String? = { nil }) throws(VizError) {
        var resolved: [String] = []
        for f in files {
            let target = try checkTarget(f.path)
            if resolved.contains(target) || resolved.contains(where: { sameFile($0, target) }) {
                throw VizError.io(path: f.path, message: "it is named twice among the files this command writes")
            }
            resolved.append(target)
        }
        var temporaries: [String] = []
        func discard() { for t in temporaries { unlink(t) } }
        for (k, f) in files.enumerated() {
            let tmp = temporaryName(for: resolved[k])
            if let failure = writeNew(f.contents, to: tmp) {
                discard()
                throw VizError.io(path: f.path, message: failure)
            }
            temporaries.append(tmp)
        }
        if let failure = beforeRenaming() {
            discard()
            throw VizError.io(path: "-", message: failure)
        }
        // Rule 4: the renames happen under a lock on the targets' directories, so a concurrent run writing
        // the same set commits before or after this one, never in between.
        let locks = DirectoryLocks(directoriesOf: resolved)
        defer { locks.release() }
        for (k, tmp) in temporaries.enumerated() where rename(tmp, resolved[k]) != 0 {
            let failure = errorText()
            discard()
            throw VizError.io(path: files[k].path, message: failure)
        }
        // Rule 5: what a killed earlier run left of these targets goes now that they are whole.
        for target in resolved { StaleTemporaries.remove(of: target) }
    }

    /// Checks one target (rule 1) and returns the path to rename over: the path itself, or the
    /// regular file a symbolic link points to.
    /// - Throws: `VizError.io` (naming `path`) when it is empty, its directory does not exist or is not a directory, its name is
    ///   longer than the file system allows, or it is (or links to) a directory, a device, a FIFO or another non-regular file, or
    ///   a symbolic link to a missing file.
    public static func checkTarget(_ path: String) throws(VizError) -> String {
        guard !path.isEmpty else { throw VizError.io(path: path, message: "the file name is empty") }
        let dir = directory(of: path)
        guard let folder = OS.status(of: dir) else {
            throw VizError.io(path: path, message: "directory '\(dir)' does not exist")
        }
        guard folder.kind == .directory else {
            throw VizError.io(path: path, message: "'\(dir)' is not a directory")
        }
        guard var st = OS.status(of: path, followingLinks: false) else {
            // A name longer than the file system allows is found here, before anything is written, not at the
            // rename that would follow the other files' (a 254-byte --data name whose NAME-2.csv is 256 bytes).
            guard errno == ENAMETOOLONG else { return path }
            let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map { $0.utf8.count } ?? 0
            let limit = pathconf(dir, Int32(_PC_NAME_MAX))
            throw VizError.io(path: path, message: "its name is \(name) bytes, longer than the file system allows"
                              + (limit > 0 ? " (\(limit))" : ""))
        }
        let isLink = st.kind == .symbolicLink
        if isLink {
            guard let target = OS.status(of: path) else {
                throw VizError.io(path: path, message: "it is a symbolic link to a missing file")
            }
            st = target
        }
        switch st.kind {
        case .regular:
            guard isLink else { return path }
            guard let real = OS.realPath(path) else { throw VizError.io(path: path, message: errorText()) }
            return real
        case .directory: throw VizError.io(path: path, message: isLink ? "it is a symbolic link to a directory" : "it is a directory")
        case .characterDevice, .blockDevice: throw VizError.io(path: path, message: "it is \(isLink ? "a symbolic link to " : "")a device, not a regular file (use -o - for standard output)")
        case .fifo: throw VizError.io(path: path, message: "it is \(isLink ? "a symbolic link to " : "")a FIFO or pipe, not a regular file (use -o - for standard output)")
        default: throw VizError.io(path: path, message: "it is \(isLink ? "a symbolic link to " : "")something other than a regular file")
        }
    }

    /// Whether two existing paths are the same file (same device and inode).
    public static func sameFile(_ a: String, _ b: String) -> Bool { OS.sameFile(a, b) }

    /// `NAME.tmp-PID-N` beside `path`, with NAME cut (on a UTF-8 boundary) so the file name stays
    /// within 255 bytes.
    static func temporaryName(for path: String) -> String {
        let dir = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        var name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let suffix = ".tmp-\(getpid())-\(Counter.next())"
        while name.utf8.count + suffix.utf8.count > 255 { name.removeLast() }
        return dir + name + suffix
    }

    /// Whether `name` (a file name, no directory) is a temporary this writer makes, and the process id in it.
    public static func temporaryOwner(_ name: String) -> Int32? {
        let bytes = Array(name.utf8), marker = Array(".tmp-".utf8)
        guard bytes.count > marker.count else { return nil }
        var start = bytes.count - marker.count
        while start > 0, Array(bytes[start..<(start + marker.count)]) != marker { start -= 1 }
        guard start > 0 else { return nil }
        let tail = String(decoding: bytes[(start + marker.count)...], as: UTF8.self)
        let parts = tail.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = Int32(parts[0]), Int(parts[1]) != nil else { return nil }
        return pid
    }

    /// Creates `tmp` (which must not exist) with `contents`; the error text, or nil on success.
    private static func writeNew(_ contents: Contents, to tmp: String) -> String? {
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errorText() }
        var failure: String? = contents.write(to: fd)
        if close(fd) != 0, failure == nil { failure = errorText() }
        if failure != nil { unlink(tmp) }
        return failure
    }

    /// Writes every byte to `fd`, retrying on EINTR and short writes; the error text, or nil.
    public static func writeFully(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var offset = 0
        var failure: String?
        bytes.withUnsafeBytes { buf in
            while offset < buf.count {
                let n = OS.write(fd, buf.baseAddress?.advanced(by: offset), buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errorText(); return
                }
                offset += n
            }
        }
        return failure
    }

    /// The directory part of a path ("." for a bare file name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }

    static func errorText() -> String {
        guard let s = strerror(errno) else { return "error \(errno)" }
        return String(cString: s).lowercased()
    }

    /// A process-wide counter for unique temporary names across threads.
    private static let counter = Atomic<Int>(0)
    private enum Counter {
        static func next() -> Int { AtomicFile.counter.wrappingAdd(1, ordering: .relaxed).newValue }
    }
}
