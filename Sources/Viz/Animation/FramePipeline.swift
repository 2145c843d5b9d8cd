import Dispatch
import Synchronization

/// Runs per-frame work on several threads and hands the results on in frame order, a batch at a time, so
/// memory stays bounded (a few frames a thread) and the output never depends on the number of threads.
enum FramePipeline {
    /// Calls `work(k)` for every k in 0 ..< `count` on up to `jobs` threads, and `consume(k, result)` on
    /// the calling thread in increasing k. `progress` is called (on any thread) after each frame's work.
    /// `frameBytes` (the size of one result, 0: small) bounds a batch to `batchBytes` (at least a frame a
    /// thread): 8 frames of a 4K page were 265 MB held at once.
    static func run<T: Sendable>(count: Int, jobs: Int, frameBytes: Int = 0, progress: (@Sendable () -> Void)? = nil,
                                 work: @escaping @Sendable (Int) throws(VizError) -> T,
                                 consume: (Int, T) throws(VizError) -> Void) throws(VizError) {
        let threads = max(1, min(jobs, count))
        let batch = batchSize(threads: threads, frameBytes: frameBytes)
        var start = 0
        while start < count {
            let end = min(count, start + batch)
            let results = Mutex<[Int: Result<T, VizError>]>([:])
            let next = Atomic<Int>(start)
            DispatchQueue.concurrentPerform(iterations: min(threads, end - start)) { _ in
                while true {
                    let k = next.add(1, ordering: .relaxed).oldValue
                    guard k < end else { return }
                    let r = Result { () throws(VizError) -> T in try work(k) }
                    results.withLock { $0[k] = r }
                    progress?()
                }
            }
            let done = results.withLock { $0 }
            for k in start..<end {
                guard let r = done[k] else { throw VizError.invalidData("frame \(k + 1) was not drawn") }
                switch r {
                case let .success(v): try consume(k, v)
                case let .failure(e): throw e
                }
            }
            start = end
        }
    }

    /// The bytes of results a batch may hold (64 MB: 8 frames of 1920×1080, 2 of 3840×2160).
    static let batchBytes = 64 << 20

    /// Frames a batch: 4 a thread (at least 8), fewer for large frames, never fewer than one a thread.
    static func batchSize(threads: Int, frameBytes: Int) -> Int {
        let usual = max(8, threads * 4)
        guard frameBytes > 0 else { return usual }
        return max(threads, min(usual, batchBytes / frameBytes))
    }
}
