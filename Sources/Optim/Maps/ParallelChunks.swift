import Dispatch

/// Splits `0..<count` into contiguous chunks and runs `body(range)` for each on all cores
/// (`DispatchQueue.concurrentPerform`). Results must be written to disjoint places; the chunking
/// is fixed by `count` and `chunk`, so output does not depend on the number of cores.
func forEachChunk(count: Int, chunk: Int, _ body: @Sendable (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let size = max(1, chunk)
    let chunks = (count + size - 1) / size
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        body((c * size)..<min(count, (c + 1) * size))
    }
}

/// A buffer that parallel chunks write to at disjoint indices (the caller guarantees that no two
/// chunks touch the same index, and that the buffer outlives the writes).
struct DisjointWrites<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    func set(_ index: Int, _ value: Element) { base[index] = value }
}
