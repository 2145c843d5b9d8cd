import Foundation
import XCTest

/// The same command writes the same MP4 bytes, however the heap is filled. x264's AVX-512 code read memory
/// it never wrote, so on a processor with AVX-512 a 480-pixel-wide animation came out different from run
/// to run (the frames' pixels were the same); glibc's `MALLOC_PERTURB_` fills every allocation with a
/// different byte in each run here, which made that show on every try. Runs: 3 by default,
/// `DLPLOT_MP4_REPEATS` for more (50 were run when the fix was made).
final class MP4DeterminismTests: XCTestCase {
    private var repeats: Int {
        Int(ProcessInfo.processInfo.environment["DLPLOT_MP4_REPEATS"] ?? "") ?? 3
    }

    func testSameCommandWritesTheSameMP4BytesWhateverTheHeapHolds() throws {
        let dir = try makeTemporaryDirectory()
        let args = ["surface", "beale", "--optimizers", "gd,adam", "--steps", "40", "--grid", "60", "--size", "480x300",
                    "--dpi", "72", "--animate", "--fps", "10", "--duration", "1", "--hold", "0.5"]
        var first: Data?
        for run in 0..<max(2, repeats) {
            // 0 leaves glibc's heap as it is; 1, 2, ... fill each allocation with 254, 253, ... (the byte xor 255).
            let perturb = String(run % 255)
            let name = "run\(run).mp4"
            let r = try runDLPlot(args + ["--jobs", run % 2 == 0 ? "1" : "2", "-o", name], in: dir,
                                  environment: ["MALLOC_PERTURB_": perturb])
            XCTAssertEqual(r.status, 0, r.stderr)
            let bytes = try Data(contentsOf: dir.appendingPathComponent(name))
            XCTAssertGreaterThan(bytes.count, 1000)
            if let first {
                XCTAssertTrue(bytes == first, "run \(run) (MALLOC_PERTURB_=\(perturb)) wrote other bytes than run 0")
            } else {
                first = bytes
            }
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(name))
        }
    }
}
