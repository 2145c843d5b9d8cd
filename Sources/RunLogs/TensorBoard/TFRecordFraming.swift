/// TFRecord framing for writers of event files (tests, benchmarks, tools that make logs):
/// `uint64 length`, `uint32 masked_crc32c(length)`, data, `uint32 masked_crc32c(data)`, little-endian.
public enum TFRecordFraming {
    /// One record around `data`.
    public static func frame(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 16)
        let n = UInt64(data.count)
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: n >> (8 * UInt64(i)))) }
        append32(CRC32C.masked(out), to: &out)
        out += data
        append32(CRC32C.masked(data), to: &out)
        return out
    }

    /// TFRecord's masked CRC-32C of `bytes`.
    public static func maskedCRC(_ bytes: [UInt8]) -> UInt32 { CRC32C.masked(bytes) }

    private static func append32(_ v: UInt32, to out: inout [UInt8]) {
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) }
    }
}

/// Encodes the one `Event` a scalar log needs, without the protobuf runtime: wall time, step and one
/// `simple_value` summary (the bytes tensorboardX and torch's `SummaryWriter.add_scalar` write).
public enum ScalarEventEncoding {
    public static func event(tag: String, step: Int64, value: Float, wallTime: Double) -> [UInt8] {
        var value8: [UInt8] = [0x0A] + varint(UInt64(tag.utf8.count)) + Array(tag.utf8)
        value8 += [0x15] + le(UInt64(value.bitPattern), 4)                 // simple_value, fixed32
        let summary: [UInt8] = [0x0A] + varint(UInt64(value8.count)) + value8  // Summary.value
        var out: [UInt8] = [0x09] + le(wallTime.bitPattern, 8)              // wall_time, fixed64
        out += [0x10] + varint(UInt64(bitPattern: step))                    // step, varint
        out += [0x2A] + varint(UInt64(summary.count)) + summary             // summary
        return out
    }

    private static func varint(_ v: UInt64) -> [UInt8] {
        var v = v, out: [UInt8] = []
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
        return out
    }

    private static func le(_ v: UInt64, _ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
}
