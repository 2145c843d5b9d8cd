import ArgumentParser
import Figures
import Foundation
import Optim
import RunLogs

/// `--path FILE` (repeatable) and `--path-label TEXT`: the user's own trajectories over a surface.
struct UserPathOptions: ParsableArguments {
    @Option(name: .customLong("path"), parsing: .singleValue, help: ArgumentHelp(
        "A trajectory from a file, drawn over the surface (repeatable): CSV with a header, or JSON lines, with x,y "
            + "(or w,b) per point, optionally step, loss and label (one path per label); - reads standard input. Without --optimizers or "
            + "--opt only the files' paths are drawn.",
        valueName: "file"))
    var paths: [String] = []

    @Option(name: .customLong("path-label"), parsing: .singleValue, help: ArgumentHelp(
        "A legend name for each --path, in order (default: the file's label column, else its name without extension).",
        valueName: "text"))
    var labels: [String] = []

    func validate() throws {
        guard labels.count <= paths.count else {
            throw ArgumentRefusal.invalid("--path-label", labels[paths.count], "one label too many; give at most one per --path "
                + "(\(paths.count) given)")
        }
        for l in labels { try PrintableText.check("--path-label", l) }
        for l in labels where l.trimmingSpaces.isEmpty { throw ArgumentRefusal.invalid("--path-label", l, "the label is empty; expected a name") }
        if paths.filter({ $0 == "-" }).count > 1 {
            throw ArgumentRefusal.invalid("--path", "-", "standard input is already read by another --path -; a stream can be read "
                + "once: save it to a file for the others")
        }
    }

    /// Refuses `--path -` when `--dataset -` reads standard input too (a stream can be read once).
    func checkStandardInput(dataset: String?) throws {
        if dataset == "-", paths.contains("-") {
            throw ArgumentRefusal.invalid("--path", "-", "standard input is already read by --dataset -; a stream can be read "
                + "once: save one of them to a file")
        }
    }

    /// Refuses the paths of `file` when they hold parameters `w,b` (or `w1,w2`) over a surface that has none
    /// (only the dataset surfaces do), and notes on standard error the columns a path does not use.
    static func check(_ found: [UserPath], file: String, surface: Surface, name: String) throws {
        guard let first = found.first else { return }
        if surface.dataset == nil, first.axes != ["x", "y"] {
            throw ArgumentRefusal.invalid("--path", file, "its columns \(first.axes.joined(separator: ",")) are the parameters of "
                + "linreg_mse and logreg_bce; \(name) takes x,y")
        }
        let own = [surface.parameterNames.0, surface.parameterNames.1]
        if surface.dataset != nil, first.axes != own {
            // w,b (one feature and a bias) and w1,w2 (two features, no bias) are different models' parameters.
            guard first.axes == ["x", "y"] else {
                throw ArgumentRefusal.invalid("--path", file, "its columns \(first.axes.joined(separator: ",")) are not the parameters of "
                    + "\(name) over this data set; it takes \(own.joined(separator: ","))")
            }
            FileHandle.standardError.write(Data(("note: --path \(file): x,y drawn as \(own.joined(separator: ",")) (x as \(own[0]), "
                + "y as \(own[1]))\n").utf8))
        }
        if !first.ignored.isEmpty {
            FileHandle.standardError.write(Data(("note: --path \(file): column(s) " + first.ignored.joined(separator: ", ")
                + " ignored; a path uses x,y (or w,b), step, loss (or f) and label\n").utf8))
        }
    }

    /// Notes each path whose file's loss is not the surface's value at its points (a path over another
    /// function, or mini-batch losses): the legend shows the file's loss, `--data` both.
    static func noteLosses(_ paths: [UserPathRun], surface: Surface, name: String) {
        let f = surface.dataset == nil ? "f" : "L"
        for path in paths {
            guard let m = path.lossMismatch else { continue }
            PendingNotes.add("--path \(path.label): its loss is not \(name)'s \(f) there (step \(m.step): loss \(String(format: "%.6g", m.loss)), "
                + "\(f) \(String(format: "%.6g", m.f))); the legend gives the file's loss, --data both (\(f) and loss)")
        }
    }

    /// Every path of every file with its legend name (`--path-label` names a file's unlabelled paths;
    /// with several labelled paths in a file it goes in front: "LABEL: sgd").
    /// - Throws: `ValidationError` "invalid --path 'FILE': line N: …" for a file that is not a path file.
    /// - Parameters: surface, name: the surface drawn and its name, to check the paths' columns against.
    func read(over surface: Surface? = nil, name: String = "") throws -> [(UserPath, String?)] {
        var out: [(UserPath, String?)] = []
        for (i, file) in paths.enumerated() {
            let found: [UserPath]
            do { found = try PathFileReader.read(file) } catch { throw ArgumentRefusal.file("--path", file, error) }
            if let surface { try Self.check(found, file: file, surface: surface, name: name) }
            let given = i < labels.count ? labels[i] : nil
            for p in found {
                guard let given else { out.append((p, nil)); continue }
                out.append((p, p.labelled ? given + ": " + p.label : given))
            }
        }
        return out
    }
}
