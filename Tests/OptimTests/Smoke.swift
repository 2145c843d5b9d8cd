import XCTest
@testable import Optim
final class OptimSmokeTests: XCTestCase { func testModule() { XCTAssertNotNil(Optim.self) } }
