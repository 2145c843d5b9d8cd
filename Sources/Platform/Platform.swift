// Platform: the one place that names the C library (Glibc on Linux, Musl, Darwin on macOS). Every
// other file that needs a POSIX call imports Platform instead, so a port changes this file alone.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// The POSIX calls whose Swift names collide with others in scope (`write`, `read`, `exit`), and the file
/// calls built of several, under one name on every platform.
public enum OS {
    /// write(2): writes up to `count` bytes from `bytes` to the file descriptor `fd`; the number of
    /// bytes written, or -1 with `errno` set.
    @inline(__always)
    public static func write(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
        #elseif canImport(Musl)
        Musl.write(fd, bytes, count)
        #else
        Darwin.write(fd, bytes, count)
        #endif
    }

    /// exit(3): ends the process with `status`, flushing C stdio buffers.
    public static func exit(_ status: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(status)
        #elseif canImport(Musl)
        Musl.exit(status)
        #else
        Darwin.exit(status)
        #endif
    }

    /// pwrite(2), repeated until all of `bytes` are written at `offset` of `fd` (a call interrupted by a
    /// signal is made again); nil when done, else the C library's description of `errno`.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int64) -> String? {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress.map { $0 + written }, bytes.count - written, off_t(offset) + off_t(written)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return String(cString: strerror(errno)) }
            written += n
        }
        return nil
    }

    /// pread(2), repeated until `count` bytes are read from `offset` of `fd` or the file ends (or a read
    /// fails); the bytes read, fewer than `count` at the end of the file.
    public static func readAll(_ fd: Int32, count: Int, at offset: Int64) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress.map { $0 + done }, count - done, off_t(offset) + off_t(done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        return Array(bytes.prefix(done))
    }

    /// read(2): reads up to `count` bytes from the file descriptor `fd` into `bytes`; the number of bytes
    /// read (0 at the end of the file), or -1 with `errno` set (`EINTR`: interrupted, try again).
    @inline(__always)
    public static func read(_ fd: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, bytes, count)
        #elseif canImport(Musl)
        Musl.read(fd, bytes, count)
        #else
        Darwin.read(fd, bytes, count)
        #endif
    }

    /// open(2) of `path` for reading only (close-on-exec): the descriptor, or nil with `errno` set.
    public static func openForReading(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        return fd >= 0 ? fd : nil
    }

    /// A new file in `directory`, made with mkstemp(3): named `prefix` and six random characters, mode
    /// 0600, open for reading and writing. Its descriptor and path, or the C library's description of `errno`.
    public static func temporaryFile(in directory: String, prefix: String) -> Result<(fd: Int32, path: String), TemporaryFileError> {
        var template = Array((directory + "/" + prefix + "XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return .failure(TemporaryFileError(description: String(cString: strerror(errno)))) }
        return .success((fd, String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
    }

    /// A new file in `directory`, made as `temporaryFile(in:prefix:)` and unlinked at once, so it goes
    /// when its descriptor is closed or the process ends: the open descriptor, or the C library's
    /// description of `errno`.
    public static func unlinkedTemporaryFile(in directory: String, prefix: String) -> Result<Int32, TemporaryFileError> {
        temporaryFile(in: directory, prefix: prefix).map { file in
            unlink(file.path)
            return file.fd
        }
    }
}

/// Why a temporary file could not be made: the C library's description of `errno`.
public struct TemporaryFileError: Error, Sendable {
    /// strerror(3) of the failure.
    public let description: String
}
