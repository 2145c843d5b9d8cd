import Platform

/// Exclusive advisory locks (`flock(2)`) on the directories a set of files is renamed into, held while
/// `AtomicFile.writeAll` renames its temporaries over the targets. Two processes writing the same file set
/// at once then commit one whole set after the other, so the result is all of one run's files, never a
/// mix (the last to commit wins). The lock is on the directory itself: nothing is created beside the
/// outputs. Directories are locked in (device, inode) order, so two writers never wait on each other
/// crosswise; a file system without `flock` is written without the lock.
struct DirectoryLocks {
    private let descriptors: [Int32]

    /// Locks each distinct directory of `paths`, waiting for another writer's commit to finish.
    init(directoriesOf paths: [String]) {
        var seen: [(device: UInt64, inode: UInt64, path: String)] = []
        for path in paths {
            let dir = AtomicFile.directory(of: path)
            guard let st = OS.status(of: dir) else { continue }
            let key = (st.device, st.inode)
            if !seen.contains(where: { $0.device == key.0 && $0.inode == key.1 }) { seen.append((key.0, key.1, dir)) }
        }
        seen.sort { ($0.device, $0.inode) < ($1.device, $1.inode) }
        descriptors = seen.compactMap { OS.lockDirectory($0.path) }
    }

    /// Unlocks every directory (closing the descriptors).
    func release() {
        descriptors.forEach(OS.unlockDirectory)
    }
}
