/// A log that cannot be read: names the file and says what was expected.
///
/// The command line prints `description` on one line and exits with status 64.
public struct RunLogError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file (or directory) as given.
    public let file: String
    /// What is wrong and what was expected, e.g. "row 7 has 5 cells but the header has 4".
    public let message: String

    public init(file: String, _ message: String) {
        self.file = file; self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
