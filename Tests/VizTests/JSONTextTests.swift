import Foundation
import Viz
import XCTest

/// The JSON strings of the layout report (and of dlplot's number tables) read back to the text.
final class JSONTextTests: XCTestCase {
    func testEscapesWhatJSONRequiresAndKeepsTheRest() throws {
        let text = "a\"b\\c\nd\te\u{1}f\u{1F}σ→ /"
        XCTAssertEqual(JSONText.string(text), "\"a\\\"b\\\\c\\nd\\te\\u0001f\\u001fσ→ /\"")
        let parsed = try JSONSerialization.jsonObject(with: Data(("[" + JSONText.string(text) + "]").utf8)) as? [String]
        XCTAssertEqual(parsed, [text])
        XCTAssertEqual(JSONText.string(""), "\"\"")
    }
}
