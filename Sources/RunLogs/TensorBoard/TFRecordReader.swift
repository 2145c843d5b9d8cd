import Foundation

/// Streams the records of a TFRecord file (the framing of TensorBoard event files) in bounded memory.
///
/// Each record is `uint64 length`, `uint32 masked_crc32c(length)`, `length` bytes of data,
/// `uint32 masked_crc32c(data)`, little-endian (tensorflow/core/lib/io/record_writer.cc). Both checks
/// are verified. A file that ends inside a record (a writer still running, or killed) yields the
/// records before it and reports the cut in `truncation`.
struct TFRecordReader {
    /// Records larger than this are refused rather than buffered (event records are small).
    static let maximumRecordLength = 1 << 30
    private static let chunk = 1 << 20

    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// Byte offset in the file of `buffer[0]`.
    private var bufferOffset = 0
    /// Records returned so far.
    private(set) var count = 0
    /// Bytes consumed so far (the offset of the next record).
    var offset: Int { bufferOffset + position }
    /// Set when the file ends inside a record: a sentence for the run's notes.
    private(set) var truncation: String?

    init(path: String) throws(RunLogError) {
        self.path = path
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw RunLogError(file: path, "cannot be opened for reading")
        }
        handle = h
    }

    /// The next record's data, or nil at the end of the file (or at a truncated final record).
    mutating func next() throws(RunLogError) -> [UInt8]? {
        let start = offset
        guard try fill(12) else { return cut(start, have: available, need: 12) }
        let header = Array(buffer[position..<position + 12])
        let length = header[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        let lengthCRC = le32(header, 8)
        let expected = header.withUnsafeBytes { CRC32C.masked(UnsafeRawBufferPointer(rebasing: $0[0..<8])) }
        guard lengthCRC == expected else {
            throw RunLogError(file: path, "record \(count + 1) at byte \(start): the length check (masked CRC-32C) "
                + "fails; expected TFRecord framing as in a TensorBoard event file")
        }
        guard length <= UInt64(Self.maximumRecordLength) else {
            throw RunLogError(file: path, "record \(count + 1) at byte \(start) claims \(length) bytes; "
                + "event records are at most \(Self.maximumRecordLength) bytes")
        }
        let total = 12 + Int(length) + 4
        guard try fill(total) else { return cut(start, have: available, need: total) }
        let data = Array(buffer[position + 12..<position + 12 + Int(length)])
        let dataCRC = le32(buffer, position + 12 + Int(length))
        guard dataCRC == CRC32C.masked(data) else {
            throw RunLogError(file: path, "record \(count + 1) at byte \(start): the data check (masked CRC-32C) "
                + "fails; the file is corrupt")
        }
        position += total
        count += 1
        return data
    }

    private var available: Int { buffer.count - position }

    private mutating func cut(_ start: Int, have: Int, need: Int) -> [UInt8]? {
        if have > 0 {
            truncation = "the last record (at byte \(start)) is cut short, \(have) of \(need) bytes: "
                + "skipped, as for a file still being written"
        }
        position = buffer.count
        return nil
    }

    /// Makes at least `n` bytes available from `position`; false when the file ends first.
    private mutating func fill(_ n: Int) throws(RunLogError) -> Bool {
        if available >= n { return true }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            bufferOffset += position
            position = 0
        }
        while buffer.count < n && !atEnd {
            let data: Data?
            do { data = try handle.read(upToCount: max(Self.chunk, n - buffer.count)) } catch {
                throw RunLogError(file: path, "read failed at byte \(offset): \(error.localizedDescription)")
            }
            guard let data, !data.isEmpty else { atEnd = true; break }
            buffer.append(contentsOf: data)
        }
        return buffer.count >= n
    }

    private func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
