import RealModule

/// The few elementary functions Viz needs, in one place, through swift-numerics' RealModule (the
/// platform's libm underneath, so results are the C library's to the bit, on Linux and macOS alike).
enum Math {
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { Double.pow(x, y) }
    @inline(__always) static func log10(_ x: Double) -> Double { Double.log10(x) }
    @inline(__always) static func log(_ x: Double) -> Double { Double.log(x) }
    @inline(__always) static func exp(_ x: Double) -> Double { Double.exp(x) }
    @inline(__always) static func log1p(_ x: Double) -> Double { Double.log(onePlus: x) }
    @inline(__always) static func expm1(_ x: Double) -> Double { Double.expMinusOne(x) }
    @inline(__always) static func sin(_ x: Double) -> Double { Double.sin(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { Double.cos(x) }
    @inline(__always) static func atan2(_ y: Double, _ x: Double) -> Double { Double.atan2(y: y, x: x) }
    @inline(__always) static func asinh(_ x: Double) -> Double { Double.asinh(x) }
    @inline(__always) static func sinh(_ x: Double) -> Double { Double.sinh(x) }
    /// 10^x as pow(10, x) (not libm's exp10, whose last bit may differ).
    @inline(__always) static func exp10(_ x: Double) -> Double { Double.pow(10, x) }
    static let pi = Double.pi
}
