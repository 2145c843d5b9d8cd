import Foundation

/// TensorBoard's "Download CSV" of a scalar chart: a file `Wall time,Step,Value` holding one tag of
/// one run. The UI names it `run-RUN-tag-TAG.csv` (slashes in RUN and TAG written as `_`), so the run
/// and the tag come from the file name when it has that form; else the run is the file's name and the
/// metric is called `Value`, as the header says.
enum TensorBoardExport {
    /// RUN and TAG from a file named `run-RUN-tag-TAG.csv` (or with `_` for `-`), else nil.
    static func names(_ path: String) -> (run: String, tag: String)? {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard stem.hasPrefix("run-") || stem.hasPrefix("run_") else { return nil }
        let rest = stem.dropFirst(4)
        guard let marker = rest.range(of: "-tag-", options: .backwards) ?? rest.range(of: "_tag_", options: .backwards),
              marker.lowerBound > rest.startIndex, marker.upperBound < rest.endIndex else { return nil }
        return (String(rest[..<marker.lowerBound]), String(rest[marker.upperBound...]))
    }
}
