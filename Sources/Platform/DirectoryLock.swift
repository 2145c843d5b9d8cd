// Platform: the one shim over the C library (Glibc, Musl or Darwin): the only import of it, and `OS`, the
// file calls (reads, writes, status, temporary files, directory locks) named the same on every platform.

extension OS {
    /// An exclusive advisory lock (flock(2) `LOCK_EX`) on the directory `path`, waiting while another
    /// process holds one (a wait interrupted by a signal is made again). The open descriptor that holds
    /// the lock (pass it to `unlockDirectory`), or nil when the directory cannot be opened or its file
    /// system has no `flock` (`errno` says why).
    public static func lockDirectory(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var locked = flock(fd, LOCK_EX)
        while locked != 0, errno == EINTR { locked = flock(fd, LOCK_EX) }
        guard locked == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Releases a lock `lockDirectory` returned (flock(2) `LOCK_UN`) and closes its descriptor.
    public static func unlockDirectory(_ fd: Int32) {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}
