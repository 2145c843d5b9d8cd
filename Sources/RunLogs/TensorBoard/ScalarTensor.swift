import Foundation

/// The scalar held by a 0-d `TensorProto`, as TensorFlow 2 and torch's `SummaryWriter`
/// (`new_style=True`) log scalars: `DT_FLOAT` in `float_val`, `DT_DOUBLE` in `double_val`, integer
/// types in `int_val`/`int64_val`, half types in `half_val`, or any of them as little-endian bytes in
/// `tensor_content`. Returns nil for anything that is not exactly one numeric value.
enum ScalarTensor {
    static func value(of t: Tensorboard_TensorProto) -> (value: Double, precision: LoggedPrecision)? {
        guard !t.tensorShape.unknownRank, t.tensorShape.dim.allSatisfy({ $0.size == 1 }) else { return nil }
        let raw = [UInt8](t.tensorContent)
        switch t.dtype {
        case .dtFloat:
            if let v = t.floatVal.first { return (Double(v), .float32) }
            return raw.count == 4 ? (Double(Float(bitPattern: le(raw))), .float32) : nil
        case .dtDouble:
            if let v = t.doubleVal.first { return (v, .float64) }
            return raw.count == 8 ? (Double(bitPattern: le(raw)), .float64) : nil
        case .dtInt32, .dtInt16, .dtInt8, .dtUint8:
            if let v = t.intVal.first { return (Double(v), .float64) }
            return integer(raw, signed: t.dtype != .dtUint8)
        case .dtInt64:
            if let v = t.int64Val.first { return (Double(v), .float64) }
            return raw.count == 8 ? (Double(Int64(bitPattern: le(raw))), .float64) : nil
        case .dtHalf, .dtBfloat16:
            let bits: UInt16
            if let v = t.halfVal.first { bits = UInt16(truncatingIfNeeded: v) } else if raw.count == 2 {
                bits = UInt16(raw[0]) | UInt16(raw[1]) << 8
            } else { return nil }
            if t.dtype == .dtBfloat16 { return (Double(Float(bitPattern: UInt32(bits) << 16)), .float32) }
            return (Double(half(bits)), .float32)
        case .dtBool:
            if let v = t.boolVal.first { return (v ? 1 : 0, .float64) }
            return raw.count == 1 ? (raw[0] != 0 ? 1 : 0, .float64) : nil
        default:
            return nil
        }
    }

    private static func le<T: FixedWidthInteger>(_ b: [UInt8]) -> T {
        var v: T = 0
        for (i, byte) in b.enumerated() where i < MemoryLayout<T>.size { v |= T(byte) << (8 * i) }
        return v
    }

    private static func integer(_ raw: [UInt8], signed: Bool) -> (Double, LoggedPrecision)? {
        switch raw.count {
        case 1: return (signed ? Double(Int8(bitPattern: raw[0])) : Double(raw[0]), .float64)
        case 2: return (Double(Int16(bitPattern: le(raw))), .float64)
        case 4: return (Double(Int32(bitPattern: le(raw))), .float64)
        default: return nil
        }
    }

    /// IEEE 754 binary16 to Float.
    private static func half(_ h: UInt16) -> Float {
        let sign: Float = (h & 0x8000) != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F), fraction = Float(h & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * Float.pow2(-24)
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Float.pow2(exponent - 15)
        }
    }
}

private extension Float {
    static func pow2(_ e: Int) -> Float { Float(sign: .plus, exponent: e, significand: 1) }
}
