import Synchronization
import Viz
import Platform

/// The progress line of an animation on standard error: frames done, frames per second and the time left,
/// rewritten in place on a terminal (or one line every 10 % when asked for elsewhere).
final class AnimationProgress: Sendable {
    private struct State { var done = 0; var lastDecile = 0 }
    private let state = Mutex(State())
    private let total: Int
    private let interactive: Bool
    private let start = ContinuousClock.now

    /// A progress line for `total` frames, or nil when it would be silent (standard error is not a terminal
    /// and `forced` is false).
    init?(total: Int, forced: Bool) {
        let tty = isatty(2) != 0
        guard tty || forced else { return nil }
        self.total = total
        interactive = tty
    }

    /// Records one more frame drawn.
    func tick() {
        let line = state.withLock { (s: inout State) -> String? in
            s.done += 1
            let decile = s.done * 10 / max(1, total)
            guard interactive || decile > s.lastDecile || s.done == total else { return nil }
            s.lastDecile = decile
            let elapsed = ContinuousClock.now - start
            let seconds = max(1e-6, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            let rate = Double(s.done) / seconds
            let left = Double(total - s.done) / max(rate, 1e-9)
            let text = "frame \(s.done)/\(total) · \(TickFormat.fixed(rate, 1)) frames/s · \(TickFormat.fixed(left, 1)) s left"
            return interactive ? "\r" + text + "   " : text + "\n"
        }
        if let line { writeStandardError(line) }
    }

    /// Ends the line on a terminal.
    func finish() { if interactive { writeStandardError("\n") } }
}
