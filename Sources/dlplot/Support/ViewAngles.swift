import ArgumentParser

/// `--view plane|3d` with `--azimuth` and `--elevation` (degrees) for figures that can show a field in
/// perspective. Values are checked as typed, so errors quote them unchanged.
struct ViewAngles {
    /// nil for the plane view; (azimuth, elevation) in degrees for the 3-D view.
    static func parse(view: String, azimuth: String, elevation: String) throws -> (azimuth: Double, elevation: Double)? {
        switch view {
        case "plane":
            return nil
        case "3d":
            let a = try NumberArguments.finite(azimuth, option: "--azimuth")
            let e = try NumberArguments.finite(elevation, option: "--elevation")
            guard (-90...90).contains(e) else { throw ValidationError("--elevation: \(elevation) is not allowed; expected -90...90 degrees") }
            return (a, e)
        default:
            throw ValidationError("--view: '\(view)' is not allowed; expected plane or 3d")
        }
    }
}
