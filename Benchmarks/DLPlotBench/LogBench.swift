#if canImport(Glibc)
import Glibc
#endif
import Foundation
import RunLogs

/// Reading training logs: a 10⁷-row Lightning-style CSV (epoch, lr, step, train_loss on every row,
/// val_loss every 10⁵ rows) and a 10⁶-event TensorBoard file, read in process (rows/s,
/// MB/s) and drawn by a whole `dlplot runs` process, whose peak resident memory must stay under 300 MB.
/// `DLPLOT_BENCH_LOG_ROWS` overrides the row count (the event file has a tenth as many events).
func runLogBenchmarks(_ h: inout Harness, dlplot: String?) {
    let rows = Int(ProcessInfo.processInfo.environment["DLPLOT_BENCH_LOG_ROWS"] ?? "") ?? 10_000_000
    let dir = "/tmp/dlplot-bench-logs"
    mkdir(dir, 0o755)
    let csv = dir + "/lightning-\(rows).csv", events = dir + "/events.out.tfevents.\(rows / 10).bench"
    guard makeCSV(csv, rows: rows), makeEvents(events, count: rows / 10) else {
        h.record("logs", "failed: could not write the benchmark files in \(dir)")
        return
    }
    for (name, path, count) in [("CSV", csv, rows), ("event file", events, rows / 10)] {
        let size = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        let clock = ContinuousClock()
        var points = 0
        let metric = name == "CSV" ? "train_loss" : "train/loss"
        let d = clock.measure { points = (try? LogReader.read(path).first?.metric(metric)?.loggedCount) ?? -1 }
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        guard points == count else { h.record("read \(name)", "failed: \(points) of \(count) points"); continue }
        h.record("read \(name), \(formatRate(Double(count)))rows", formatRate(Double(count) / s) + " rows/s, "
            + fixed(size / 1e6 / s, 1) + " MB/s (" + fixed(s, 2) + " s)")
        guard let dlplot else { continue }
        let (status, seconds, rssKB) = measuredSpawn([dlplot, "runs", path, "-o", dir + "/runs.png"])
        h.record("dlplot runs \(name) (\(formatRate(Double(count)))rows) -> png",
                 status == 0 ? fixed(seconds, 2) + " s, peak RSS " + fixed(Double(rssKB) / 1024, 0) + " MB"
                    + (rssKB < 300 * 1024 ? " (< 300 MB)" : " (OVER 300 MB)") : "failed")
    }
}

/// Writes Lightning CSVLogger-style rows unless the file exists: sorted columns epoch,lr,step,train_loss,
/// val_loss; every row an epoch, a learning rate and a noisy decaying train_loss, and a val_loss row at
/// the last step of each of 100 epochs (as Lightning writes its sparse rows).
private func makeCSV(_ path: String, rows: Int) -> Bool {
    if access(path, F_OK) == 0 { return true }
    guard let f = fopen(path + ".tmp", "w") else { return false }
    fputs("epoch,lr,step,train_loss,val_loss\n", f)
    var state: UInt64 = 42
    let perEpoch = max(rows / 100, 1)
    for i in 0..<rows {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let noise = Double(state >> 11) / Double(1 << 53) - 0.5
        let loss = 2.3 / (1 + Double(i) / 1e5) + 0.05 * noise
        let lr = 1e-3 * (1 - Double(i) / Double(rows))
        fputs("\(i / perEpoch),\(lr),\(i),\(loss),\n", f)
        if i % perEpoch == perEpoch - 1 { fputs("\(i / perEpoch),,\(i),,\(loss + 0.1)\n", f) }
    }
    fclose(f)
    return rename(path + ".tmp", path) == 0
}

/// Writes a file-version record and `count` scalar events unless the file exists.
private func makeEvents(_ path: String, count: Int) -> Bool {
    if access(path, F_OK) == 0 { return true }
    guard let f = fopen(path + ".tmp", "w") else { return false }
    func put(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, f) } }
    put(TFRecordFraming.frame([0x09] + [UInt8](repeating: 0, count: 8) + [0x1A, 13] + Array("brain.Event:2".utf8)))
    for i in 0..<count {
        let loss = Float(2.3 / (1 + Double(i) / 1e4))
        put(TFRecordFraming.frame(ScalarEventEncoding.event(tag: "train/loss", step: Int64(i), value: loss,
                                                            wallTime: 1.7e9 + Double(i) * 0.01)))
    }
    fclose(f)
    return rename(path + ".tmp", path) == 0
}

/// Runs a program to completion (output discarded, see `start`): exit status, wall seconds, peak RSS in KiB.
private func measuredSpawn(_ argv: [String]) -> (Int32, Double, Int) {
    let clock = ContinuousClock(), begin = clock.now
    guard let pid = start(argv) else { return (-1, 0, 0) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let d = clock.now - begin
    return (status, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18, usage.ru_maxrss)
}
