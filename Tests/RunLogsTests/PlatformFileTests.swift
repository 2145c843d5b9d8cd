import Foundation
import Platform
import XCTest

/// The positional file calls of the Platform shim, which the spill file of long series uses: what is
/// written at an offset reads back, a read past the end returns what is there, and a temporary file that
/// cannot be made says why.
final class PlatformFileTests: XCTestCase {
    func testWrittenBytesReadBackAtTheirOffsets() throws {
        let fd = try OS.unlinkedTemporaryFile(in: NSTemporaryDirectory(), prefix: "platform-test-").get()
        defer { close(fd) }
        let block = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        XCTAssertNil(OS.writeAll(fd, block, at: 0))
        XCTAssertNil(OS.writeAll(fd, [7, 8, 9], at: 100_000))
        XCTAssertEqual(OS.readAll(fd, count: 100_000, at: 0), block)
        XCTAssertEqual(OS.readAll(fd, count: 4, at: 99_998), [block[99_998], block[99_999], 7, 8])
        XCTAssertEqual(OS.readAll(fd, count: 10, at: 100_001), [8, 9], "a read past the end returns what is there")
        XCTAssertEqual(OS.readAll(fd, count: 10, at: 200_000), [])
    }

    func testTheTemporaryFileIsUnlinkedAtOnce() throws {
        let dir = NSTemporaryDirectory() + "/platform-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fd = try OS.unlinkedTemporaryFile(in: dir, prefix: "x-").get()
        defer { close(fd) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [])
        XCTAssertNil(OS.writeAll(fd, [1, 2, 3], at: 0))
        XCTAssertEqual(OS.readAll(fd, count: 3, at: 0), [1, 2, 3])
    }

    func testAFileThatCannotBeMadeSaysWhy() {
        switch OS.unlinkedTemporaryFile(in: "/nonexistent-\(UUID().uuidString)", prefix: "x-") {
        case .success(let fd): close(fd); XCTFail("made a file in a missing directory")
        case .failure(let e): XCTAssertEqual(e.description, "No such file or directory")
        }
        XCTAssertEqual(OS.writeAll(-1, [1], at: 0), "Bad file descriptor")
    }

    /// `OS.status` names each kind of file, through links or not, with its size and identity; `sameFile`
    /// and `realPath` see through links and spellings.
    func testStatusNamesEveryKindAndSeesThroughLinks() throws {
        let dir = try XCTUnwrap(OS.realPath(NSTemporaryDirectory())) + "/platform-stat-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data([1, 2, 3, 4, 5]).write(to: URL(fileURLWithPath: dir + "/f"))
        XCTAssertEqual(mkfifo(dir + "/p", 0o600), 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/l", withDestinationPath: dir + "/f")
        XCTAssertEqual(OS.status(of: dir + "/f")?.kind, .regular)
        XCTAssertEqual(OS.status(of: dir + "/f")?.size, 5)
        XCTAssertEqual(OS.status(of: dir)?.kind, .directory)
        XCTAssertEqual(OS.status(of: dir + "/p")?.kind, .fifo)
        XCTAssertEqual(OS.status(of: "/dev/null")?.kind, .characterDevice)
        XCTAssertEqual(OS.status(of: dir + "/l")?.kind, .regular, "a link is followed")
        XCTAssertEqual(OS.status(of: dir + "/l", followingLinks: false)?.kind, .symbolicLink)
        XCTAssertNil(OS.status(of: dir + "/missing"))
        XCTAssertTrue(OS.sameFile(dir + "/l", dir + "/./f"))
        XCTAssertFalse(OS.sameFile(dir + "/f", dir + "/p"))
        XCTAssertFalse(OS.sameFile(dir + "/f", dir + "/missing"))
        XCTAssertEqual(OS.realPath(dir + "/l"), dir + "/f")
        XCTAssertNil(OS.realPath(dir + "/missing"))
    }

    /// `temporaryFile` leaves a named file (mode 0600) that `openForReading` and `OS.read` read back;
    /// a missing file cannot be opened.
    func testANamedTemporaryFileReadsBack() throws {
        let dir = try XCTUnwrap(OS.realPath(NSTemporaryDirectory()))
        let (fd, path) = try OS.temporaryFile(in: dir, prefix: "platform-named-").get()
        defer { unlink(path) }
        XCTAssertTrue(path.hasPrefix(dir + "/platform-named-"), path)
        XCTAssertEqual(path.count, dir.count + "/platform-named-".count + 6)
        let bytes: [UInt8] = [9, 8, 7]
        XCTAssertEqual(OS.write(fd, bytes, bytes.count), 3)
        close(fd)
        XCTAssertEqual(OS.status(of: path)?.kind, .regular)
        let input = try XCTUnwrap(OS.openForReading(path))
        defer { close(input) }
        var buffer = [UInt8](repeating: 0, count: 8)
        XCTAssertEqual(buffer.withUnsafeMutableBytes { OS.read(input, $0.baseAddress, $0.count) }, 3)
        XCTAssertEqual(Array(buffer.prefix(3)), [9, 8, 7])
        XCTAssertEqual(buffer.withUnsafeMutableBytes { OS.read(input, $0.baseAddress, $0.count) }, 0, "the end of the file")
        XCTAssertNil(OS.openForReading(dir + "/missing-\(UUID().uuidString)"))
        XCTAssertEqual(OS.read(-1, nil, 0), -1)
    }

    /// `lockDirectory` holds an exclusive flock on the directory: another open of it cannot take the lock
    /// until `unlockDirectory` lets it go. A missing directory (or a file) gives no lock.
    func testADirectoryLockExcludesOthersUntilReleased() throws {
        let dir = NSTemporaryDirectory() + "/platform-lock-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let other = open(dir, O_RDONLY)
        XCTAssertGreaterThanOrEqual(other, 0)
        defer { close(other) }
        let held = try XCTUnwrap(OS.lockDirectory(dir))
        XCTAssertEqual(flock(other, LOCK_EX | LOCK_NB), -1, "the lock is held")
        XCTAssertEqual(errno, EWOULDBLOCK)
        OS.unlockDirectory(held)
        XCTAssertEqual(flock(other, LOCK_EX | LOCK_NB), 0, "released")
        XCTAssertNil(OS.lockDirectory(dir + "/missing"))
        try Data([1]).write(to: URL(fileURLWithPath: dir + "/f"))
        XCTAssertNil(OS.lockDirectory(dir + "/f"), "a file is not a directory")
    }
}
