import ArgumentParser
import Viz
import Platform

/// The gallery's rules for files it did not just write:
/// 1. `<out>/README.md` is replaced only when it is absent or is a gallery index (it begins with
///    "# dlplot gallery"), and `<out>/index.html` only when it is absent or a gallery page (its second
///    line is `GalleryPage.marker`); any other file of those names is refused before anything renders.
/// 2. A failing entry writes nothing and deletes nothing; the index leaves it out.
/// 3. Temporaries of the gallery's own file names (`NAME.png.tmp-PID-N`) left by a process that no
///    longer runs (killed just before its rename) are removed at the start of the next run.
enum GalleryRules {
    /// The first line of every index the gallery writes.
    static let indexHeading = "# dlplot gallery"

    /// The first two lines of every page the gallery writes.
    static let pageHeading = "<!DOCTYPE html>\n" + GalleryPage.marker

    /// Rule 1, for both files.
    static func checkIndexes(in outDir: String) throws {
        try checkIndex(outDir + "/README.md", heading: indexHeading, what: "a gallery index")
        try checkIndex(outDir + "/index.html", heading: pageHeading, what: "a gallery page")
    }

    /// Rule 1 for one file.
    static func checkIndex(_ path: String, heading: String, what: String) throws {
        guard let st = OS.status(of: path, followingLinks: false) else { return }
        guard st.kind == .regular, let text = try? readText(path, limit: 64 << 20),
              text.hasPrefix(heading) else {
            throw ArgumentRefusal.invalid("--out", path, "it exists and is not \(what); move it or choose another --out")
        }
    }

    /// Rule 3: removes `<dir>/<name>.tmp-PID-N` for every `name` in `names` whose process is gone.
    static func removeStaleTemporaries(in dir: String, names: [String]) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        let known = Set(names)
        var stale: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = AtomicFile.temporaryOwner(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH,
                  let base = baseName(name), known.contains(base)
            else { continue }
            stale.append(name)
        }
        for name in stale { unlink(dir + "/" + name) }
    }

    /// "sig.png" for "sig.png.tmp-123-4".
    static func baseName(_ temporary: String) -> String? {
        var parts = temporary.components(separatedBy: ".tmp-")
        guard parts.count >= 2 else { return nil }
        parts.removeLast()
        return parts.joined(separator: ".tmp-")
    }
}
