import Foundation
import TestSupport
import XCTest

/// The example of Sources/Viz/README.md is `Examples/VizExample/main.swift` word for word (after its
/// first comment line), and the program built from it writes a PNG that decodes, of the size it asks for.
final class VizExampleTests: XCTestCase {
    private var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The products directory: where the test bundle and the example program are built.
    private var products: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    func testTheReadmeShowsTheExampleAsItIs() throws {
        let readme = try String(contentsOf: root.appendingPathComponent("Sources/Viz/README.md"), encoding: .utf8)
        let main = try String(contentsOf: root.appendingPathComponent("Examples/VizExample/main.swift"), encoding: .utf8)
        let program = main.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
        let blocks = readme.components(separatedBy: "```swift\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
        XCTAssertTrue(blocks.contains(program), "Sources/Viz/README.md must show Examples/VizExample/main.swift as it is")
        XCTAssertLessThanOrEqual(program.split(separator: "\n").count, 22, "the example stays short")
    }

    func testTheExampleWritesAPNGOfItsSize() throws {
        let executable = products.appendingPathComponent("VizExample")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: executable.path), "VizExample not built at \(executable.path)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("viz-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("waves.png")
        let process = Process()
        process.executableURL = executable
        process.arguments = [output.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let bytes = [UInt8](try Data(contentsOf: output))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG signature")
        let png = try DecodedPNG(bytes)
        XCTAssertEqual(png.width, 1280)
        XCTAssertEqual(png.height, 720)
        // Drawn, not blank: the first series' colour (the damped wave) is on the page.
        let blue = (r: 0x00, g: 0x72, b: 0xB2)
        var wave = 0
        for y in stride(from: 0, to: png.height, by: 2) {
            for x in stride(from: 0, to: png.width, by: 2) {
                let p = png.pixel(x, y)
                if abs(Int(p.r) - blue.r) < 24 && abs(Int(p.g) - blue.g) < 24 && abs(Int(p.b) - blue.b) < 24 { wave += 1 }
            }
        }
        XCTAssertGreaterThan(wave, 200, "the wave is drawn")
        XCTAssertNotNil(String(decoding: bytes, as: UTF8.self).range(of: "viz-example 1.0"), "the program names itself")
    }
}
