import Foundation
import Platform

/// Makes every input argument readable as a regular file: `-` (standard input) and files that can be
/// read only once (pipes, FIFOs, sockets: `/dev/stdin` in a pipeline, bash's `<(…)`) are first copied,
/// in 1 MiB blocks, to an anonymous temporary file, so memory stays bounded whatever their size and the
/// readers can look at the first bytes (to tell the format) and then read from the start. At most
/// `maximumBytes` are copied (an endless pipe such as `yes |` is refused, not written to disk forever).
///
/// Each such input is copied once per process and then shared: a command that draws its figure twice
/// (to fit the page) reads the same data. On Linux the copy is unlinked as soon as it is made and
/// reached through `/proc/self/fd`, so nothing is left behind however the process ends.
public enum InputSpool {
    /// How the input `path` is named in messages: "standard input" for `-`, else the path as given.
    public static func displayName(_ path: String) -> String { path == "-" ? "standard input" : path }

    /// The most bytes copied from one pipe (4 GiB: a CSV log of 10⁸ rows).
    public static let maximumBytes = 4 << 30

    /// A regular file (or directory) holding the contents of `path`: `path` itself when it is one.
    /// - Throws: `RunLogError` for a missing file, a terminal on standard input (nothing was piped in),
    ///   and a failed copy.
    public static func readable(_ path: String) throws(RunLogError) -> String {
        if path != "-" {
            guard let info = OS.status(of: path) else { return path }  // the readers say what is missing
            noteRead(path)
            // Pipes and sockets can be read once; files, directories and devices are read in place
            // (the readers refuse a device's endless or binary bytes after their first block).
            if info.kind != .fifo && info.kind != .socket { return path }
        } else if isatty(STDIN_FILENO) == 1 {
            throw RunLogError(file: displayName(path), "is a terminal; pipe a file into it "
                + "(e.g. python train.py | dlplot runs - -o curves.png) or give the file's name")
        }
        return try cache.spooled(path)
    }

    /// Calls `body` with a readable regular file for `path` (see `readable`); errors that name the
    /// copy are reported under the input's own name.
    public static func reading<T>(_ path: String, _ body: (String) throws(RunLogError) -> T) throws(RunLogError) -> T {
        let file = try readable(path)
        do { return try body(file) } catch {
            guard file != path else { throw error }
            throw RunLogError(file: error.file == file ? displayName(path) : error.file,
                              error.message.replacingOccurrences(of: file, with: displayName(path)))
        }
    }

    private static let cache = SpoolCache()

    /// Records that the file (or directory) `path` is an input of this process, so that no output may
    /// replace it (see `isInput`). Readers call it for every file they open inside a directory.
    public static func noteRead(_ path: String) {
        guard let info = OS.status(of: path) else { return }
        cache.noteInput(info.identity)
    }

    /// Whether `path` names (through links, `./`, any spelling) a file this process has read as input:
    /// an output there would destroy the user's log or data.
    public static func isInput(_ path: String) -> Bool {
        guard let info = OS.status(of: path) else { return false }
        return cache.isInput(info.identity)
    }
}

/// The copies made so far, by input path (guarded by a lock: readers may run on any thread).
private final class SpoolCache: @unchecked Sendable {
    private let lock = NSLock()
    private var copies: [String: String] = [:]
    private var inputs = Set<[UInt64]>()

    func noteInput(_ identity: [UInt64]) {
        lock.lock(); defer { lock.unlock() }
        inputs.insert(identity)
    }

    func isInput(_ identity: [UInt64]) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return inputs.contains(identity)
    }

    func spooled(_ path: String) throws(RunLogError) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let copy = copies[path] { return copy }
        let copy = try copy(path)
        copies[path] = copy
        return copy
    }

    private func copy(_ path: String) throws(RunLogError) -> String {
        let name = InputSpool.displayName(path)
        guard let source = path == "-" ? STDIN_FILENO : OS.openForReading(path) else {
            throw RunLogError(file: name, "cannot be opened for reading")
        }
        defer { if source != STDIN_FILENO { close(source) } }
        guard case .success(let (target, tempPath)) = OS.temporaryFile(in: NSTemporaryDirectory(), prefix: "dlplot-input-") else {
            throw RunLogError(file: name, "cannot be copied to a temporary file (is TMPDIR writable?)")
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { OS.read(source, $0.baseAddress, $0.count) }
            if n == 0 { break }
            total += max(n, 0)
            if total > InputSpool.maximumBytes {
                close(target); unlink(tempPath)
                throw RunLogError(file: name, "holds more than \(InputSpool.maximumBytes >> 30) GiB; expected a training "
                    + "log or data file (save a larger one to a file and give its name)")
            }
            if n < 0 {
                if errno == EINTR { continue }
                close(target); unlink(tempPath)
                throw RunLogError(file: name, "read failed: \(String(cString: strerror(errno)))")
            }
            var written = 0
            while written < n {
                let w = buffer.withUnsafeBytes { OS.write(target, $0.baseAddress.map { $0 + written }, n - written) }
                guard w > 0 else {
                    close(target); unlink(tempPath)
                    throw RunLogError(file: name, "cannot be copied to a temporary file (\(String(cString: strerror(errno))))")
                }
                written += w
            }
        }
        #if os(Linux)
        // Unlinked now, readable through the open descriptor until the process ends.
        unlink(tempPath)
        return "/proc/self/fd/\(target)"
        #else
        close(target)
        return tempPath
        #endif
    }
}
