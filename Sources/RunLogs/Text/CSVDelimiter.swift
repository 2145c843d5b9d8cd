// Text: text logs: CSV (comma, tab or semicolon separated), JSON lines, TensorBoard and W&B CSV exports, read line by line with timestamps.

import Foundation

/// The separator of a delimited log, told from its header line: a comma, unless the header has none and
/// separates its names with tabs (pandas' `to_csv(sep='\t')`, shell loggers) or semicolons (Keras'
/// `CSVLogger(separator=';')`, spreadsheets in locales with a decimal comma).
enum CSVDelimiter {
    static func of(_ path: String) -> UnicodeScalar {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "," }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        let line = head.prefix { $0 != 0x0A && $0 != 0x0D }
        if line.contains(UInt8(ascii: ",")) { return "," }
        if line.contains(0x09) { return "\t" }
        if line.contains(UInt8(ascii: ";")) { return ";" }
        return ","
    }
}
