// Platform: the one place that names the C library (Glibc on Linux, Musl, Darwin on macOS). Every
// other file that needs a POSIX call imports Platform instead, so a port changes this file alone.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// The POSIX calls whose Swift names collide with others in scope (`write`, `exit`), under one name
/// on every platform.
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
}
