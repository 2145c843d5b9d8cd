// Text: text logs: CSV (comma, tab or semicolon separated), JSON lines, TensorBoard and W&B CSV exports, read line by line with timestamps.

import CSV
import Foundation

/// The rows of a CSV file, parsed by CSV.swift a block of about a megabyte at a time.
///
/// CSV.swift's `InputStream` reader decodes the file one byte at a time through a class whose every
/// access is checked for exclusivity: about 60 % of the time of reading a long log went there. Its
/// `String` reader parses the same grammar much faster, so the file is read in blocks that end at a line
/// break outside quotes (a quoted cell may hold line breaks: the quotes before a cut are counted, and a
/// cut is only made where they pair up), each block decoded as UTF-8 and parsed by a reader of its own.
/// Memory stays bounded by the block (and the longest record). A UTF-8 byte-order mark is skipped, as
/// CSV.swift's stream reader skips it.
struct CSVBlocks {
    /// The bytes read at once.
    private let blockSize: Int

    private let handle: FileHandle
    private let delimiter: UnicodeScalar
    /// Bytes read after the last cut: the start of the next block.
    private var carry: [UInt8] = []
    private var atEnd = false
    private var reader: CSVReader?
    /// The header row (the first block's first record).
    private(set) var header: [String] = []
    /// Why reading stopped early: a block that is not UTF-8, or a read that failed.
    private(set) var problem: String?

    /// Opens `path` and reads its header row. Throws when the file cannot be opened or has no header row.
    init(path: String, delimiter: UnicodeScalar, blockSize: Int = 1 << 20) throws(RunLogError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw RunLogError(file: path, "cannot be opened for reading") }
        self.handle = handle
        self.blockSize = max(1, blockSize)
        self.delimiter = delimiter
        guard let first = nextBlock() else {
            throw RunLogError(file: path, "has no header row; expected a CSV log with column names such as step,loss")
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = first.starts(with: bom) ? first.dropFirst(3) : first[...]
        guard let string = String(validating: text, as: UTF8.self) else {
            throw RunLogError(file: path, "is not readable as UTF-8 CSV (invalid UTF-8 in its first block); expected a text log")
        }
        do { reader = try CSVReader(string: string, hasHeaderRow: true, delimiter: delimiter) } catch {
            throw RunLogError(file: path, "has no header row; expected a CSV log with column names such as step,loss")
        }
        header = reader?.headerRow ?? []
    }

    /// The next record, nil at the end of the file (or at a `problem`).
    mutating func next() -> [String]? {
        while true {
            if let row = reader?.next() { return row }
            reader = nil
            guard problem == nil, let block = nextBlock() else { return nil }
            guard let string = String(validating: block, as: UTF8.self) else {
                problem = "invalid UTF-8"
                return nil
            }
            do { reader = try CSVReader(string: string, hasHeaderRow: false, delimiter: delimiter) } catch {
                problem = "\(error)"
                return nil
            }
        }
    }

    /// The bytes up to the last line break outside quotes among those read (all that is left at the end of
    /// the file); nil when nothing is left.
    private mutating func nextBlock() -> [UInt8]? {
        var scanned = 0, inQuotes = false
        while true {
            if !atEnd {
                let data: Data?
                do { data = try handle.read(upToCount: blockSize) } catch {
                    problem = "\(error)"
                    data = nil
                }
                if let data, !data.isEmpty { carry.append(contentsOf: data) } else { atEnd = true }
            }
            // The last line break outside quotes in the bytes not yet scanned.
            var cut: Int?
            carry.withUnsafeBufferPointer { bytes in
                for i in scanned..<bytes.count {
                    let b = bytes[i]
                    if b == 0x22 { inQuotes.toggle() } else if b == 0x0A, !inQuotes { cut = i }
                }
            }
            scanned = carry.count
            if atEnd {
                guard !carry.isEmpty else { return nil }
                defer { carry = [] }
                return carry
            }
            if let cut {
                let block = Array(carry[...cut])
                carry.removeSubrange(...cut)
                return block
            }
        }
    }
}
