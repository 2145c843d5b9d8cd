import ArgumentParser
import Foundation
import Platform
import Viz

/// No output may replace a file the same command reads: `runs a.csv --data a.csv` replaced the training log,
/// `surface … --path keep.csv --data keep.csv` the user's path, silently and for good. Outputs are compared with
/// the inputs as canonical paths (directory resolved, symbolic links followed) and, when both exist, by device
/// and inode (hard links). Standard input and output (`-`) are never the same file as a named one.
enum InputOutputCheck {
    /// Refuses (exit 64) the first output in `outputs` that is one of `inputs`, naming both as typed.
    static func check(outputs: [(option: String, path: String)], inputs: [(what: String, path: String)]) throws {
        let named = inputs.filter { !OutputTarget.isStandardOutput($0.path) && $0.path != "-" }
        guard !named.isEmpty else { return }
        let inputKeys = named.map { (input: $0, key: key($0.path)) }
        for (option, path) in outputs where !OutputTarget.isStandardOutput(path) {
            let k = key(path)
            if let hit = inputKeys.first(where: { $0.key == k || sameInode($0.input.path, path) }) {
                throw ValidationError(message(option: option, path: path, input: "\(hit.input.what) '\(hit.input.path)'"))
            }
        }
    }

    /// The label of an output the user did not type: the name chosen without -o.
    static let defaultName = "the default output name"

    /// The label of `--data`'s further table `path` (NAME-2.csv, …) when `data` is what the user typed.
    static func furtherTable(_ data: String) -> String { "--data '\(data)' also writes" }

    /// The refusal of an output that is an input: "invalid -o 'x.csv': it is an input …" for a name the user
    /// typed; for one chosen here (`defaultName`, `furtherTable`) the message says so and how to choose another.
    static func message(option: String, path: String, input: String?) -> String {
        let what = input.map { " (\($0))" } ?? ""
        if option.hasPrefix("-") && !option.contains(" ") {
            return "invalid \(option) '\(path)': it is an input of this command\(what); writing there would replace it: choose another name"
        }
        let advice = option.hasPrefix("--data") ? "give --data another name" : "give -o with another name"
        return "\(option) '\(path)', an input of this command\(what): writing there would replace it; \(advice)"
    }

    /// The canonical form of `path`: a symbolic link to a regular file resolved, the directory made absolute.
    static func key(_ path: String) -> String {
        let target = (try? AtomicFile.checkTarget(path)) ?? path
        return FigureOptions.canonicalKey(target)
    }

    /// Whether both exist and are the same file (device and inode).
    static func sameInode(_ a: String, _ b: String) -> Bool {
        OS.status(of: a)?.kind == .regular && OS.sameFile(a, b)
    }
}
