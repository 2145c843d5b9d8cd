import Platform

/// Temporaries a killed writer left behind, found and removed by the next run that writes the same target:
/// a file's `NAME.tmp-PID-N` (`AtomicFile`, NAME maybe cut to keep the whole within 255 bytes) and a new
/// directory's `NAME.tmp-PID-frames` (a directory of frames made whole before its rename). Only those of a
/// process that no longer runs are removed; a live writer's (another run at work) are kept.
public enum StaleTemporaries {
    /// Removes, in `dir`, the temporaries of each name in `names` whose process is gone.
    public static func remove(in dir: String, names: Set<String>) {
        guard !names.isEmpty, let d = opendir(dir) else { return }
        var stale: [(name: String, directory: Bool)] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let found = owner(name), found.pid != getpid(), kill(found.pid, 0) != 0, errno == ESRCH,
                  names.contains(where: { belongs(found.base, of: $0, temporary: name) }) else { continue }
            stale.append((name, found.directory))
        }
        closedir(d)
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        for t in stale {
            if t.directory { removeTree(prefix + t.name) } else { unlink(prefix + t.name) }
        }
    }

    /// Removes the temporaries of `path`'s own name beside it (see `remove(in:names:)`).
    public static func remove(of path: String) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        remove(in: AtomicFile.directory(of: trimmed), names: [name])
    }

    /// `(base, pid, directory)` for `BASE.tmp-PID-N` (a file) or `BASE.tmp-PID-frames` (a directory).
    static func owner(_ name: String) -> (base: String, pid: Int32, directory: Bool)? {
        let bytes = Array(name.utf8), marker = Array(".tmp-".utf8)
        guard bytes.count > marker.count else { return nil }
        var start = bytes.count - marker.count
        while start > 0, !bytes[start..<(start + marker.count)].elementsEqual(marker) { start -= 1 }
        guard start > 0 else { return nil }
        let base = String(decoding: bytes[..<start], as: UTF8.self)
        let parts = String(decoding: bytes[(start + marker.count)...], as: UTF8.self)
            .split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0 else { return nil }
        if parts[1] == "frames" { return (base, pid, true) }
        guard Int(parts[1]) != nil else { return nil }
        return (base, pid, false)
    }

    /// Whether a temporary with this base was made for `target`: the same name, or (a name cut so the
    /// temporary fits 255 bytes) a prefix of it in a temporary of at least 250 bytes.
    static func belongs(_ base: String, of target: String, temporary: String) -> Bool {
        base == target || (temporary.utf8.count >= 250 && target.hasPrefix(base))
    }

    /// Deletes a directory of frames (files only; it holds no subdirectories) and the directory.
    static func removeTree(_ path: String) {
        if let d = opendir(path) {
            var names: [String] = []
            while let entry = readdir(d) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(d)
            for n in names { unlink(path + "/" + n) }
        }
        rmdir(path)
    }
}
