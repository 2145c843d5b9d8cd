import Viz
/// The gallery's README.md: every figure with its caption and the command that reproduces it.
enum GalleryIndex {
    /// `manifest` is the manifest's path as given and `outDir` the README's folder: the manifest is linked by
    /// its own name when it lies beside the README (a --manifest m.toml was linked as gallery.toml). The count
    /// is of the figures listed, with the entries that failed said apart ("3 figures" listed 2).
    static func markdown(entries: [GalleryManifest.Entry], formats: [OutputFormat], failed: Set<String>,
                         manifest: String = "gallery/gallery.toml", outDir: String = "gallery") -> String {
        let name = String(manifest.split(separator: "/").last ?? "gallery.toml")
        let sameFolder = AtomicFile.directory(of: manifest) == outDir
        let link = sameFolder ? "[`\(name)`](\(name))" : "`\(manifest)`"
        let listed = entries.filter { !failed.contains($0.name) }.count, missing = entries.count - listed
        let count = "\(listed) figure\(listed == 1 ? "" : "s")" + (missing > 0 ? " (\(missing) more failed to render)" : "")
        var out = """
            # dlplot gallery

            Every figure here is made by the command shown under it. Regenerate them all with `make gallery` \
            (or `dlplot gallery`); the list lives in \(link). \(count).

            """
        var section: String?
        var toc: [String] = []
        for e in entries where e.section != section || section == nil {
            if !e.section.isEmpty && !toc.contains(e.section) { toc.append(e.section) }
            section = e.section
        }
        if toc.count > 1 {
            out += "\n" + toc.map { "- [\($0)](#\(anchor($0)))" }.joined(separator: "\n") + "\n"
        }
        section = nil
        for e in entries where !failed.contains(e.name) {
            if e.section != section, !e.section.isEmpty {
                out += "\n## \(e.section)\n"
                section = e.section
            }
            let image = e.isAnimated ? "\(e.name).gif"
                : formats.contains(.png) ? "\(e.name).png" : formats.contains(.svg) ? "\(e.name).svg" : "\(e.name).pdf"
            out += "\n### \(e.name)\n\n"
            out += "![\(e.caption.escapingBrackets)](\(image))\n\n"
            if !e.caption.isEmpty { out += e.caption + "\n\n" }
            out += "```sh\ndlplot \(e.commandLine(writing: image))\n```\n"
            let others = e.isAnimated ? [] : formats.filter { $0 != .png }.map { "[\($0.rawValue.uppercased())](\(e.name).\($0.rawValue))" }
            if !others.isEmpty { out += "\nAlso as " + others.joined(separator: ", ") + ".\n" }
        }
        return out
    }

    static func anchor(_ s: String) -> String {
        String(s.lowercased().compactMap { $0.isLetter || $0.isNumber ? $0 : ($0 == " " || $0 == "-" ? "-" : nil) })
    }
}

extension String {
    /// The text with every `]` escaped for a Markdown link label.
    var escapingBrackets: String { flatMap { $0 == "]" ? ["\\", "]"] : [$0] }.map(String.init).joined() }
}
