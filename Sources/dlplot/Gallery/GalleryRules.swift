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
        StaleTemporaries.remove(in: dir, names: Set(names))
    }
}
