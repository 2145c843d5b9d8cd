import XCTest
// Unit-tests the internal MP4 index move (MP4FastStart).
@testable import Viz

/// Moving an MP4's index in front of its media: boxes reordered, every chunk offset (32- and 64-bit) shifted
/// by the index's size, and files it cannot handle left as written.
final class MP4FastStartTests: XCTestCase {
    private func box(_ type: String, _ contents: [UInt8]) -> [UInt8] {
        let n = UInt32(8 + contents.count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 255), UInt8(n >> 8 & 255), UInt8(n & 255)] + Array(type.utf8) + contents
    }

    private func be(_ v: UInt64, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64(width - 1 - $0))) } }

    private func file(stco: [UInt32], co64: [UInt64]) -> (bytes: [UInt8], moovSize: Int) {
        let table = box("stco", [0, 0, 0, 0] + be(UInt64(stco.count), 4) + stco.flatMap { be(UInt64($0), 4) })
        let wide = box("co64", [0, 0, 0, 0] + be(UInt64(co64.count), 4) + co64.flatMap { be($0, 8) })
        let moov = box("moov", box("mvhd", [UInt8](repeating: 7, count: 12)) + box("trak", box("mdia", box("minf", box("stbl", table))))
                       + box("trak", box("mdia", box("minf", box("stbl", wide)))))
        return (box("ftyp", Array("isom".utf8)) + box("free", []) + box("mdat", [1, 2, 3, 4, 5, 6]) + moov, moov.count)
    }

    func testIndexMovesInFrontAndOffsetsShiftByItsSize() throws {
        let (bytes, moovSize) = file(stco: [28, 30], co64: [31])
        let out = MP4FastStart.moveIndexToFront(bytes)
        XCTAssertEqual(out.count, bytes.count)
        let top = try XCTUnwrap(MP4FastStart.boxes(out, in: 0..<out.count))
        XCTAssertEqual(top.map(\.type), ["ftyp", "free", "moov", "mdat"])
        let mdat = try XCTUnwrap(top.first { $0.type == "mdat" })
        XCTAssertEqual(Array(out[mdat.contents..<mdat.end]), [1, 2, 3, 4, 5, 6])
        // The offsets that pointed at media bytes 1 and 3 (and 4) still do.
        func find(_ type: String) -> Int { out.indices.first { String(decoding: out[$0..<min(out.count, $0 + 4)], as: UTF8.self) == type }! }
        let stco = find("stco") + 4 + 4, co64 = find("co64") + 4 + 4
        XCTAssertEqual(MP4FastStart.word(out, at: stco + 4, count: 4), UInt64(28 + moovSize))
        XCTAssertEqual(MP4FastStart.word(out, at: stco + 8, count: 4), UInt64(30 + moovSize))
        XCTAssertEqual(MP4FastStart.word(out, at: co64 + 4, count: 8), UInt64(31 + moovSize))
        XCTAssertEqual(out[Int(MP4FastStart.word(out, at: stco + 4, count: 4))], 1)
        XCTAssertEqual(out[Int(MP4FastStart.word(out, at: co64 + 4, count: 8))], 4)
        XCTAssertEqual(MP4FastStart.moveIndexToFront(out), out, "an index already in front stays")
    }

    func testOverflowingAndMalformedFilesAreLeftAsWritten() {
        let (big, _) = file(stco: [UInt32.max - 3], co64: [])
        XCTAssertEqual(MP4FastStart.moveIndexToFront(big), big, "a 32-bit offset that would overflow")
        // A table that claims more entries than it holds.
        let table = box("stco", [0, 0, 0, 0] + be(5, 4) + be(28, 4))
        let broken = box("ftyp", Array("isom".utf8)) + box("mdat", [1, 2]) + box("moov", box("trak", box("mdia", box("minf", box("stbl", table)))))
        XCTAssertEqual(MP4FastStart.moveIndexToFront(broken), broken)
        XCTAssertEqual(MP4FastStart.moveIndexToFront([1, 2, 3]), [1, 2, 3])
    }
}
