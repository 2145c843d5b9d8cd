/// Wall times as loggers write them, in seconds since 1970-01-01 00:00 UTC.
///
/// Accepted: a number (Unix seconds, as TensorBoard, W&B and `time.time()` write them; epoch
/// milliseconds, microseconds and nanoseconds, as JavaScript's `Date.now()`, Java's
/// `currentTimeMillis()` and `time.time_ns()` write them, are told apart by magnitude, see
/// `fromEpochNumber`), or an
/// ISO-8601 / RFC 3339 date-time as `datetime.isoformat()`, pandas and most loggers print it:
/// `2024-05-01T12:00:00Z`, `2024-05-01 12:00:00`, `2024-05-01T12:00:00.123456+02:00`,
/// `2024-05-01T12:00` (a `T` or a space between date and time; seconds and their fraction optional;
/// `Z`, `±HH:MM`, `±HHMM` or `±HH` as the offset). A time without an offset is read as UTC: only
/// differences are drawn (`--x time` is the time since the first record), and those are right unless
/// the log crosses a daylight-saving change in local time.
enum Timestamp {
    /// Seconds since the Unix epoch, or nil when `text` is neither a number nor such a date-time.
    static func seconds(_ text: Substring) -> Double? {
        if let v = Double(text) { return fromEpochNumber(v) }
        var s = Scanner(Array(text.utf8))
        guard let year = s.digits(4), s.take(UInt8(ascii: "-")), let month = s.digits(2), s.take(UInt8(ascii: "-")),
              let day = s.digits(2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        guard s.take(UInt8(ascii: "T")) || s.take(UInt8(ascii: "t")) || s.take(UInt8(ascii: " ")) else {
            return s.atEnd ? Double(days(year: year, month: month, day: day)) * 86_400 : nil
        }
        guard let hour = s.digits(2), s.take(UInt8(ascii: ":")), let minute = s.digits(2), hour <= 24, minute < 60 else { return nil }
        var seconds = 0.0
        if s.take(UInt8(ascii: ":")) {
            guard let whole = s.digits(2), whole <= 60 else { return nil }
            seconds = Double(whole)
            if s.take(UInt8(ascii: ".")) || s.take(UInt8(ascii: ",")) {
                var scale = 0.1, any = false
                while let d = s.digit() { seconds += Double(d) * scale; scale /= 10; any = true }
                guard any else { return nil }
            }
        }
        var offset = 0
        if s.take(UInt8(ascii: "Z")) || s.take(UInt8(ascii: "z")) {
        } else if let sign = s.sign() {
            guard let h = s.digits(2) else { return nil }
            var m = 0
            if s.take(UInt8(ascii: ":")) { guard let mm = s.digits(2) else { return nil }; m = mm } else if let mm = s.digits(2) { m = mm }
            offset = sign * (h * 3600 + m * 60)
        }
        guard s.atEnd else { return nil }
        let day0 = Double(days(year: year, month: month, day: day)) * 86_400
        return day0 + Double(hour * 3600 + minute * 60 - offset) + seconds
    }

    /// A number of seconds, milliseconds, microseconds or nanoseconds since 1970, in seconds, told apart
    /// by magnitude: |v| < 10¹¹ is seconds (up to the year 5138), < 10¹⁴ milliseconds, < 10¹⁷
    /// microseconds, else nanoseconds. Each unit's range starts in 1973, so a clock between 1973 and
    /// 5138 is never mistaken for another unit; times from a run's own start (small numbers) stay seconds.
    static func fromEpochNumber(_ v: Double) -> Double {
        let m = abs(v)
        if m < 1e11 || !m.isFinite { return v }
        if m < 1e14 { return v / 1e3 }
        if m < 1e17 { return v / 1e6 }
        return v / 1e9
    }

    /// Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        var atEnd: Bool { i == bytes.count }
        mutating func take(_ b: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
            return true
        }
        mutating func digit() -> Int? {
            guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { return nil }
            i += 1
            return Int(bytes[i - 1] - 0x30)
        }
        mutating func digits(_ n: Int) -> Int? {
            var v = 0
            for _ in 0..<n { guard let d = digit() else { return nil }; v = v * 10 + d }
            return v
        }
        mutating func sign() -> Int? {
            if take(UInt8(ascii: "+")) { return 1 }
            if take(UInt8(ascii: "-")) { return -1 }
            return nil
        }
    }
}
