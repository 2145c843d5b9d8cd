import Foundation
import Platform

/// One unlinked temporary file that holds the points of every long series (see `LongSeries`) while a
/// log is read and until the process ends, so that a 10⁷-row log costs disk, not memory: points go in
/// as blocks of `SpillFile.blockPoints` records, appended at the end, each found again by its offset.
///
/// A record is 24 bytes: the step (Int64), the value and the wall time (Double bit patterns), all
/// little-endian as the machine stores them. The file is made in `NSTemporaryDirectory()` (`TMPDIR`) on
/// first use and unlinked at once (Linux); reads and writes are positional (`pread`, `pwrite`), under a lock.
final class SpillFile: @unchecked Sendable {
    /// The points of one block.
    static let blockPoints = 8192
    static let recordBytes = 24

    /// The file every long series of the process uses.
    static let shared = SpillFile()

    private let lock = NSLock()
    private var descriptor: Int32 = -1
    private var end: Int64 = 0
    /// Why the file could not be made or written, once it could not.
    private(set) var failure: String?

    /// A point of a series: its step, value and wall time (0 when the log records none).
    struct Point: Equatable {
        var step: Int64
        var value: Double
        var time: Double
    }

    /// Appends `points` as one block and returns its offset (nil when the file cannot be made or written).
    func append(_ points: [Point]) -> Int64? {
        lock.lock(); defer { lock.unlock() }
        guard open() else { return nil }
        var bytes = [UInt8](repeating: 0, count: points.count * Self.recordBytes)
        bytes.withUnsafeMutableBytes { raw in
            for (i, p) in points.enumerated() {
                raw.storeBytes(of: p.step, toByteOffset: i * 24, as: Int64.self)
                raw.storeBytes(of: p.value.bitPattern, toByteOffset: i * 24 + 8, as: UInt64.self)
                raw.storeBytes(of: p.time.bitPattern, toByteOffset: i * 24 + 16, as: UInt64.self)
            }
        }
        let offset = end
        if let why = OS.writeAll(descriptor, bytes, at: offset) { failure = why; return nil }
        end += Int64(bytes.count)
        return offset
    }

    /// The `count` points of the block at `offset`.
    func read(offset: Int64, count: Int) -> [Point] {
        lock.lock(); defer { lock.unlock() }
        let bytes = OS.readAll(descriptor, count: count * Self.recordBytes, at: offset)
        return bytes.withUnsafeBytes { raw in
            (0..<(bytes.count / Self.recordBytes)).map { i in
                Point(step: raw.load(fromByteOffset: i * 24, as: Int64.self),
                      value: Double(bitPattern: raw.load(fromByteOffset: i * 24 + 8, as: UInt64.self)),
                      time: Double(bitPattern: raw.load(fromByteOffset: i * 24 + 16, as: UInt64.self)))
            }
        }
    }

    /// Where the file is made: `TMPDIR` (`NSTemporaryDirectory()`), else /tmp when that cannot hold it.
    static var directory: String { NSTemporaryDirectory() }

    /// Makes the file on first use (under the lock): in `TMPDIR`, else in /tmp (a TMPDIR naming a missing
    /// directory, as a stale CI setting does).
    private func open() -> Bool {
        if descriptor >= 0 { return true }
        if failure != nil { return false }
        var reasons: [String] = []
        for directory in [Self.directory, "/tmp"] {
            switch OS.unlinkedTemporaryFile(in: directory, prefix: "dlplot-points-") {
            case .success(let fd): descriptor = fd; return true
            case .failure(let e): reasons.append(directory + ": " + e.description)
            }
        }
        failure = reasons.joined(separator: "; ")
        return false
    }
}
