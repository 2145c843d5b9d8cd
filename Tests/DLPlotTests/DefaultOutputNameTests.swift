import Foundation
import XCTest
@testable import dlplot

/// Y14-11, Y9-11 (issue 17 §6): without -o, two help examples of one command wrote the same file (`softmax.png`,
/// `basins-himmelblau.png`), the second silently replacing a different figure; `steps --optimizer 'SGD(lr=0.4)'`
/// wrote `steps-SGD(lr=0.4)-ellipse.png`, a name that must be quoted in a shell.
final class DefaultOutputNameTests: XCTestCase {
    func testTheNameIsTheCommandItsSubjectAndAHashOfTheOptions() {
        XCTAssertEqual(DefaultOutputName.name(stem: "softmax", arguments: []), "softmax")
        XCTAssertEqual(DefaultOutputName.name(stem: "softmax", arguments: ["--logits", "2,1"]),
                       "softmax-" + DefaultFileName.hash("--logits\u{0}2,1"))
        XCTAssertEqual(DefaultOutputName.name(stem: "softmax", arguments: ["--logits", "3,1,0.2"]), "softmax-9c569d",
                       "the name -o's help and the README give")
        // Where and how the files are written is no part of it.
        XCTAssertEqual(DefaultOutputName.name(stem: "softmax", arguments: ["--data", "d.csv", "--format=svg", "--layout-report", "l.json",
                                                                           "--jobs", "2", "--progress"]), "softmax")
        XCTAssertEqual(DefaultOutputName.name(stem: "softmax", arguments: ["--data", "d.csv", "--logits", "2,1"]),
                       DefaultOutputName.name(stem: "softmax", arguments: ["--logits", "2,1"]))
        // The options the stem spells add no hash alone; a negative number is a value, not an option.
        XCTAssertEqual(DefaultOutputName.name(stem: "lr-x_4-1a2b3c", arguments: ["--function", "x^4", "--param", "a=1"],
                                              named: ["--param", "--function"]), "lr-x_4-1a2b3c")
        XCTAssertFalse(DefaultOutputName.isOption("-1.5"))
        XCTAssertTrue(DefaultOutputName.isOption("--lr=0.1"))
        XCTAssertEqual(DefaultOutputName.shellSafe("steps-SGD(lr=0.4)-ellipse"), "steps-SGD_lr_0.4-ellipse")
        XCTAssertEqual(DefaultOutputName.shellSafe("steps-SGD(lr=0.4, momentum=0.9)-bowl"), "steps-SGD_lr_0.4_momentum_0.9-bowl")
        XCTAssertEqual(DefaultOutputName.shellSafe(".a b"), "a_b")
    }

    func testTheHelpExamplesNoLongerReplaceEachOther() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try runDLPlot(["softmax", "--logits", "2,1,0.1", "--temperature", "0.5,1,2", "-o", "softmax.png"], in: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        let kept = try Data(contentsOf: dir.appendingPathComponent("softmax.png"))
        let second = ["--logits", "3,1,0.2,-1", "--classes", "cat,dog,fox,owl", "--temperature", "0.25,1,4"]
        let name = "softmax-" + DefaultFileName.hash(second.joined(separator: "\u{0}")) + ".png"
        let r = try runDLPlot(["softmax"] + second, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "wrote \(name)\n")
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("softmax.png")), kept, "the first figure is not replaced")
        // The same command line again: the same file, replaced, and said.
        let again = try runDLPlot(["softmax"] + second, in: dir)
        XCTAssertEqual(again.stderr, "wrote \(name) (replaced the existing file of that name)\n")
        XCTAssertEqual(listing(dir).sorted(), ["softmax.png", name].sorted())
    }

    func testAChosenNameNeedsNoQuotingInAShell() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runDLPlot(["steps", "--optimizer", "SGD(lr=0.4)", "--surface", "ellipse"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(listing(dir), ["steps-SGD_lr_0.4-ellipse.png"])
        let animated = try runDLPlot(["surface", "bowl", "--optimizers", "SGD(lr=0.3)", "--steps", "4", "--animate", "--frames", "3",
                                      "--size", "400x300", "--jobs", "1"], in: dir)
        XCTAssertEqual(animated.status, 0, animated.stderr)
        let gif = "surface-bowl-" + DefaultFileName.hash("bowl\u{0}--optimizers\u{0}SGD(lr=0.3)\u{0}--steps\u{0}4\u{0}--animate\u{0}--frames\u{0}3\u{0}--size\u{0}400x300") + ".gif"
        XCTAssertEqual(animated.stderr, "wrote \(gif)\n")
        for name in listing(dir) {
            XCTAssertNil(name.range(of: "[^A-Za-z0-9._-]", options: .regularExpression), name)
        }
    }
}
