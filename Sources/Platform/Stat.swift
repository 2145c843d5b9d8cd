/// What stat(2) or lstat(2) says of a path, in terms that are the same on every platform (the C
/// library's `struct stat` differs in field types and `mode_t` width between Glibc and Darwin).
public struct FileStatus: Sendable, Equatable {
    /// The file's type, from the `S_IFMT` bits of `st_mode`.
    public enum Kind: Sendable, Equatable {
        case regular, directory, symbolicLink, fifo, socket, characterDevice, blockDevice, other
    }

    /// The file's type (`symbolicLink` only from `OS.status(of:followingLinks: false)`).
    public let kind: Kind
    /// `st_size`: the length in bytes of a regular file.
    public let size: Int64
    /// `st_dev` and `st_ino`: the same pair means the same file, however the paths are spelt.
    public let device: UInt64, inode: UInt64

    /// The file's identity (device, inode), for comparing two paths or remembering a file.
    public var identity: [UInt64] { [device, inode] }

    init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        default: kind = .other
        }
        size = Int64(info.st_size)
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

extension OS {
    /// stat(2) of `path` (through symbolic links), or lstat(2) with `followingLinks: false`; nil when
    /// the path does not exist or cannot be looked at (`errno` says why).
    public static func status(of path: String, followingLinks: Bool = true) -> FileStatus? {
        var info = stat()
        let found = followingLinks ? stat(path, &info) : lstat(path, &info)
        return found == 0 ? FileStatus(info) : nil
    }

    /// Whether `a` and `b` both exist and are the same file (same device and inode), through links and
    /// any spelling of the path.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        guard let sa = status(of: a), let sb = status(of: b) else { return false }
        return sa.identity == sb.identity
    }
}

extension OS {
    /// realpath(3): the absolute path of `path` with every symbolic link, `.` and `..` resolved; nil
    /// when a part of it does not exist (`errno` says why).
    public static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
