import Foundation

/// Streams the lines of a file in bounded memory (1 MiB reads), without their `\n` or `\r\n`.
struct LineReader {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// 1-based number of the line last returned.
    private(set) var line = 0
    /// Whether the line last returned ended with a newline (false only for an unterminated last line).
    private(set) var terminated = true

    init(path: String) throws(RunLogError) {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw RunLogError(file: path, "cannot be opened for reading")
        }
        handle = h
        self.path = path
    }

    mutating func next() throws(RunLogError) -> ArraySlice<UInt8>? {
        var searchFrom = position
        while true {
            if let nl = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = nl
                if end > position && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let slice = buffer[position..<end]
                position = nl + 1
                line += 1; terminated = true
                return slice
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let slice = buffer[position...]
                position = buffer.count
                line += 1; terminated = false
                return slice
            }
            if position > 0 { buffer.removeSubrange(0..<position); position = 0 }
            searchFrom = buffer.count
            let data: Data?
            do { data = try handle.read(upToCount: 1 << 20) } catch {
                throw RunLogError(file: path, "read failed: \(error.localizedDescription)")
            }
            if let data, !data.isEmpty { buffer.append(contentsOf: data) } else { atEnd = true }
        }
    }
}
