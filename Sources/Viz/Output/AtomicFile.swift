import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: the bytes go to a temporary file in the same directory, which is renamed
/// over the target only when complete. A failure leaves neither a partial file nor a stale temporary.
public enum AtomicFile {
    /// Writes `bytes` to `path`.
    public static func write(_ bytes: [UInt8], to path: String) throws(VizError) {
        let dir = directory(of: path)
        var st = stat()
        guard stat(dir, &st) == 0 else {
            throw VizError.io(path: path, message: "directory '\(dir)' does not exist")
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw VizError.io(path: path, message: "'\(dir)' is not a directory")
        }
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw VizError.io(path: path, message: "it is a directory")
        }
        let tmp = path + ".tmp-\(getpid())-\(Counter.next())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw VizError.io(path: path, message: errorText()) }
        var offset = 0
        var failure: String?
        bytes.withUnsafeBytes { buf in
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress?.advanced(by: offset), buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errorText(); return
                }
                offset += n
            }
        }
        if close(fd) != 0, failure == nil { failure = errorText() }
        if failure == nil, rename(tmp, path) != 0 { failure = errorText() }
        if let failure {
            unlink(tmp)
            throw VizError.io(path: path, message: failure)
        }
    }

    /// The directory part of a path ("." for a bare file name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }

    private static func errorText() -> String {
        guard let s = strerror(errno) else { return "error \(errno)" }
        return String(cString: s).lowercased()
    }

    /// A process-wide counter for unique temporary names across threads.
    private static let counter = Atomic<Int>(0)
    private enum Counter {
        static func next() -> Int { AtomicFile.counter.wrappingAdd(1, ordering: .relaxed).newValue }
    }
}
