import Dispatch
import Synchronization

/// Runs per-frame work on several threads and hands the results on in frame order, a batch at a time, so
/// memory stays bounded (a few frames a thread) and the output never depends on the number of threads.
enum FramePipeline {
    /// Calls `work(k)` for every k in 0 ..< `count` on up to `jobs` threads, and `consume(k, result)` on
    /// the calling thread in increasing k. `progress` is called (on any thread) after each frame's work.
    static func run<T: Sendable>(count: Int, jobs: Int, progress: (@Sendable () -> Void)? = nil,
                                 work: @escaping @Sendable (Int) throws(VizError) -> T,
                                 consume: (Int, T) throws(VizError) -> Void) throws(VizError) {
        let threads = max(1, min(jobs, count))
        let batch = max(8, threads * 4)
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
}
