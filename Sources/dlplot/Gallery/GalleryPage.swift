import Mustache

/// The gallery as a web page, `<out>/index.html`: every figure as a thumbnail with its caption and the
/// exact command that makes it (with a copy button), grouped by the manifest's sections, in the order
/// of their first entry. Animations (`.gif`, `.webp`, an `.svg` made with `--animate`, and `.mp4`, shown
/// with `<video autoplay loop muted playsinline>`) play in place. The page is self-contained: inline
/// CSS (with a `prefers-color-scheme: dark` variant) and a small inline script for the copy buttons,
/// no fonts or scripts from the network, so it works from `file://`. Every text is HTML-escaped by the
/// template (Mustache, `GalleryPageTemplate`); the same figures give the same bytes.
enum GalleryPage {
    /// One figure of the page.
    struct Figure {
        var entry: GalleryManifest.Entry
        /// The files written for the entry (names inside the output folder, e.g. `sig.png`), in the
        /// order they were written.
        var files: [String]
        /// Pixel size of the file the page shows (`files` entry chosen by `shown(_:command:)`), when known.
        var size: MediaSize?
    }

    /// The first line after the doctype of every page the gallery writes (how `GalleryRules` knows the
    /// page is its own before replacing it).
    static let marker = "<!-- dlplot gallery: written by `dlplot gallery`; edits are overwritten. -->"

    /// The HTML of the page.
    static func html(figures: [Figure]) throws -> String {
        let template = try MustacheTemplate(string: GalleryPageTemplate.text)
        return template.render(view(figures: figures))
    }

    /// The file the page shows for an entry: its first animation, else its PNG, else its SVG, else
    /// none (a PDF-only entry is linked, not shown).
    static func shown(_ files: [String], command: String) -> String? {
        let animated = animationExtensions(command: command)
        if let first = files.first(where: { animated.contains(fileExtension($0)) }) { return first }
        return files.first { fileExtension($0) == "png" } ?? files.first { fileExtension($0) == "svg" }
    }

    /// The extensions that hold an animation for this command: GIF, WebP and MP4 always; SVG when the
    /// command animates (`--animate`).
    static func animationExtensions(command: String) -> Set<String> {
        let args = (try? CommandSplitter.split(command)) ?? []
        return args.contains("--animate") ? ["gif", "webp", "mp4", "svg"] : ["gif", "webp", "mp4"]
    }

    /// "png" for "a/b.PNG"; "" when there is no extension.
    static func fileExtension(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    // MARK: - The view the template renders (read by Mustache through reflection)

    struct PageView {
        var count: Int
        var plural: Bool
        var contents: [TocItem]
        var hasContents: Bool
        var sections: [SectionView]
    }

    struct TocItem {
        var id: String
        var heading: String
        var count: Int
    }

    struct SectionView {
        var heading: Heading?
        var figures: [FigureView]
    }

    struct Heading {
        var id: String
        var text: String
    }

    struct FigureView {
        var id: String
        var caption: String
        var hasCaption: Bool
        var alt: String
        /// The shown file is an animation (GIF, WebP, animated SVG or MP4).
        var animated: Bool
        /// The command, as words: the page keeps each word on one line where it fits (a break after
        /// the `-` of `--size` would mislead), and its text is the command exactly.
        var command: [Word]
        var image: Media?
        var video: Media?
        var links: [Link]
    }

    struct Word {
        var text: String
        var last: Bool
    }

    struct Media {
        var src: String
        var width: Int?
        var height: Int?
        var poster: String?
    }

    struct Link {
        var href: String
        var label: String
        var last: Bool
    }

    static func view(figures: [Figure]) -> PageView {
        // Sections in the order of their first entry; ids unique across figures and sections.
        var order: [String] = []
        var members: [String: [Figure]] = [:]
        for f in figures {
            if members[f.entry.section] == nil { order.append(f.entry.section) }
            members[f.entry.section, default: []].append(f)
        }
        var used = Set(figures.map(\.entry.name))
        var sections: [SectionView] = []
        var contents: [TocItem] = []
        for (k, name) in order.enumerated() {
            let list = members[name] ?? []
            var heading: Heading?
            if !name.isEmpty {
                let id = uniqueID(GalleryIndex.anchor(name), fallback: "section-\(k + 1)", used: &used)
                heading = Heading(id: id, text: name)
                contents.append(TocItem(id: id, heading: name, count: list.count))
            }
            sections.append(SectionView(heading: heading, figures: list.map(figureView)))
        }
        return PageView(count: figures.count, plural: figures.count != 1, contents: contents,
                        hasContents: contents.count > 1, sections: sections)
    }

    static func figureView(_ f: Figure) -> FigureView {
        let e = f.entry
        let shown = shown(f.files, command: e.command)
        let target = shown ?? f.files.first ?? (e.name + ".png")
        var view = FigureView(id: e.name, caption: e.caption, hasCaption: !e.caption.isEmpty, alt: e.caption.isEmpty ? e.name : e.caption,
                              animated: false, command: words("dlplot " + e.commandLine(writing: target)), image: nil, video: nil, links: [])
        if let shown {
            let animated = animationExtensions(command: e.command).contains(fileExtension(shown))
            view.animated = animated
            var media = Media(src: shown, width: f.size?.width, height: f.size?.height, poster: nil)
            if fileExtension(shown) == "mp4" {
                media.poster = f.files.first { fileExtension($0) == "png" }
                view.video = media
            } else {
                view.image = media
            }
        }
        view.links = f.files.enumerated().map { k, file in
            Link(href: file, label: fileExtension(file).uppercased(), last: k == f.files.count - 1)
        }
        return view
    }

    /// The words of `text` between single spaces (empty words where spaces repeat), so that joining them
    /// with spaces gives `text` back.
    static func words(_ text: String) -> [Word] {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        return parts.enumerated().map { k, w in Word(text: String(w), last: k == parts.count - 1) }
    }

    static func uniqueID(_ base: String, fallback: String, used: inout Set<String>) -> String {
        let stem = base.isEmpty ? fallback : base
        var id = stem
        var n = 2
        while used.contains(id) { id = "\(stem)-\(n)"; n += 1 }
        used.insert(id)
        return id
    }
}
