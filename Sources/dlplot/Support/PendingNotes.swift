import Foundation

/// Notes about a figure (how its logs were read, the page it is drawn on) held until its files are written,
/// then said on standard error: a command refused after reading (an output name that is an input, a page too
/// small) prints its one error line, not notes before it that speak of a figure never written.
enum PendingNotes {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var notes: [String] = []

    /// Holds `note` (without "note: ") until `flush()`.
    static func add(_ note: String) { lock.withLock { notes.append(note) } }

    /// Forgets the notes held (a new figure starts).
    static func discard() { lock.withLock { notes.removeAll() } }

    /// Writes the notes held to standard error, one line each, and forgets them.
    static func flush() {
        let held = lock.withLock { () -> [String] in
            defer { notes.removeAll() }
            return notes
        }
        for note in held { writeStandardError("note: " + note + "\n") }
    }
}
