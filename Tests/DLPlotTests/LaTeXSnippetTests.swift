import Foundation
import XCTest

/// `--frames-dir`'s `animation.tex`: plain TeX whatever the command line holds, a note for a directory name
/// LaTeX cannot read, and, where pdfLaTeX and the animate package are installed (Debian `texlive-latex-extra`,
/// about 290 MB, so not in `make deps`), a document that inputs it compiles with every frame in it.
final class LaTeXSnippetTests: XCTestCase {
    private let small = ["surface", "bowl", "--optimizers", "gd", "--steps", "30", "--grid", "40", "--size", "320x200", "--dpi", "64", "--animate"]

    func testSnippetIsTeXCodeOrCommentsWhateverTheCommandHolds() throws {
        let dir = try makeTemporaryDirectory()
        let r = try runDLPlot(small + ["--frames", "3", "--title", "two\nlines \\bad{", "--frames-dir", "f"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let tex = try String(contentsOf: dir.appendingPathComponent("f/animation.tex"), encoding: .utf8)
        let code = tex.split(separator: "\n").filter { !$0.hasPrefix("%") }
        XCTAssertEqual(code.first, "\\begin{animateinline}[controls,autoplay]{20}", tex)
        XCTAssertTrue(code.allSatisfy { $0.hasPrefix("\\begin{animateinline}") || $0.hasPrefix("\\includegraphics[width=\\linewidth]{f/frame-000")
                          || $0.hasPrefix("\\newframe") || $0 == "\\end{animateinline}" }, "a line break in --title stays in the comment:\n\(tex)")
        XCTAssertTrue(tex.contains("% dlplot surface bowl"), tex)
        XCTAssertTrue(tex.contains("\\usepackage{graphicx} and \\usepackage{animate}"), "article-like classes need graphicx:\n\(tex)")

        let hash = try runDLPlot(small + ["--frames", "2", "--frames-dir", "x#1"], in: dir)
        XCTAssertEqual(hash.status, 0, hash.stderr)
        XCTAssertEqual(hash.stderr, "note: x#1/animation.tex will not compile: LaTeX cannot read '#' in a file path; name the --frames-dir without # to use it\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x#1/frame-0002.png").path), "the frames are written")
        let plain = try runDLPlot(small + ["--frames", "2", "--frames-dir", "my frames"], in: dir)
        XCTAssertEqual(plain.stderr, "", "a space is fine for LaTeX")
    }

    /// pdfLaTeX compiles an article that inputs the snippets of PNG frames held at the end (animateinline,
    /// in a directory with a space and an underscore) and of PDF frames (animategraphics), and the PDF holds
    /// every PNG frame as an image.
    func testDocumentWithTheSnippetsCompiles() throws {
        let pdflatex = try Self.tool("pdflatex")
        let kpsewhich = try Self.tool("kpsewhich")
        let (found, where_) = try Self.run(kpsewhich, ["animate.sty"], in: FileManager.default.temporaryDirectory)
        guard found == 0, !where_.isEmpty else {
            throw XCTSkip("LaTeX's animate package not found: install Debian's texlive-latex-extra to run this test")
        }
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = try runDLPlot(small + ["--frames", "5", "--hold", "1", "--loop", "--frames-dir", "png frames_1"], in: dir)
        XCTAssertEqual(png.status, 0, png.stderr)
        let pdf = try runDLPlot(small + ["--frames", "4", "--hold", "0", "--frame-format", "pdf", "--frames-dir", "pdf"], in: dir)
        XCTAssertEqual(pdf.status, 0, pdf.stderr)
        let doc = """
            \\pdfobjcompresslevel=0
            \\documentclass{article}
            \\usepackage{graphicx}
            \\usepackage{animate}
            \\begin{document}
            \\input{png frames_1/animation.tex}

            \\input{pdf/animation.tex}
            \\end{document}

            """
        try doc.write(to: dir.appendingPathComponent("slides.tex"), atomically: true, encoding: .utf8)
        let (status, log) = try Self.run(pdflatex, ["-interaction=nonstopmode", "-halt-on-error", "slides.tex"], in: dir)
        XCTAssertEqual(status, 0, String(log.suffix(2000)))
        XCTAssertFalse(log.split(separator: "\n").contains { $0.hasPrefix("!") }, String(log.suffix(2000)))
        let out = try Data(contentsOf: dir.appendingPathComponent("slides.pdf"))
        let text = String(decoding: out, as: UTF8.self)
        XCTAssertGreaterThanOrEqual(text.components(separatedBy: "/Subtype /Image").count - 1, 5, "every PNG frame is in the PDF")
        XCTAssertTrue(text.contains("/JavaScript") || text.contains("/JS"), "the animate package's player is in the PDF")
    }

    /// The path of `name` on PATH, or a skip naming the Debian package.
    static func tool(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
        throw XCTSkip("\(name) not found: install Debian's texlive-latex-extra (pdfLaTeX and the animate package) to run this test")
    }

    /// Runs `tool` with `arguments` in `dir`: its exit status and standard output.
    static func run(_ tool: String, _ arguments: [String], in dir: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
