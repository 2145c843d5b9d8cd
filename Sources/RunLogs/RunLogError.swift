/// A log that cannot be read: names the file and says what was expected.
///
/// The command line prints `description` on one line and exits with status 64.
public struct RunLogError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file (or directory) as given.
    public let file: String
    /// What is wrong and what was expected, e.g. "row 7 has 5 cells but the header has 4".
    public let message: String
    /// Whether the log's only x column, `epoch`, is no step (it holds a fraction, or the same epoch on
    /// several rows): the reader then reads the file again with the record number as the step and the
    /// epochs as logged.
    var fractionalEpoch = false

    public init(file: String, _ message: String) {
        self.file = file; self.message = message
    }

    /// The error for a fractional epoch read as a step (see `fractionalEpoch`).
    static func fractionalEpoch(file: String, _ message: String) -> RunLogError {
        var e = RunLogError(file: file, message)
        e.fractionalEpoch = true
        return e
    }

    public var description: String { "\(file): \(message)" }
}
