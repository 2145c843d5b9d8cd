// RunLogs: reading training logs (TensorBoard event files, CSV, JSON lines) into runs of metric series.

/// A step column that starts again at each epoch, as a hand-written loop logs it
/// (`for step, batch in enumerate(loader)` beside `epoch`): each step is moved past the previous
/// epoch's steps, so that every logged point keeps a place of its own instead of being taken for a
/// resumed run that replaces the earlier epochs.
///
/// The step is taken to start again when it goes below the last one while the epoch goes up; a step
/// that goes back with the epoch (or without an epoch) is a resumed run (see `RunLogBuilder`).
struct EpochCountedSteps {
    private var lastStep: Int64?
    private var lastPosition: Int64 = 0
    private var lastEpoch: Double?
    private var offset: Int64 = 0
    /// How often the step started again, and where first: the epoch, the logged step and its place.
    private(set) var restarts = 0
    private(set) var first: (epoch: Double, step: Int64, position: Int64)?

    /// The place of a logged `step` with the row's `epoch` (nil when the row has none).
    mutating func position(step: Int64, epoch: Double?) -> Int64 {
        if let l = lastStep, let e = epoch, let le = lastEpoch, step < l, e > le {
            offset = lastPosition &+ 1 &- step
            restarts += 1
            if first == nil { first = (e, step, step &+ offset) }
        }
        let p = step &+ offset
        lastStep = step
        lastPosition = p
        if let epoch, epoch.isFinite { lastEpoch = epoch }
        return p
    }

    /// The note for a run whose step started again at each epoch (nil when it never did).
    func note(stepName: String) -> String? {
        guard let f = first else { return nil }
        let epoch = f.epoch.rounded() == f.epoch ? String(Int64(f.epoch)) : String(f.epoch)
        return "'\(stepName)' starts again at each epoch (\(restarts) time\(restarts == 1 ? "" : "s")): steps are counted on "
            + "across epochs (epoch \(epoch)'s step \(f.step) is step \(f.position)), not taken for a resumed run"
    }
}
