import ArgumentParser

/// `--view plane|3d` with `--azimuth` and `--elevation` (degrees) for figures that can show a field in
/// perspective. Values are checked as typed, so errors quote them unchanged. An angle given without
/// `--view 3d` is refused rather than ignored (as matplotlib's `view_init` belongs to 3-D axes only).
struct ViewAngles {
    /// Refuses `--azimuth` or `--elevation` (the values as typed, nil when not given) on the plane view.
    static func refuseOnPlane(azimuth: String?, elevation: String?) throws {
        for (option, value) in [("--azimuth", azimuth), ("--elevation", elevation)] {
            if let value {
                throw ArgumentRefusal.invalid(option, value, "it applies only with --view 3d (the plane view is seen from above)")
            }
        }
    }

    /// nil for the plane view; (azimuth, elevation) in degrees for the 3-D view.
    /// `defaultAzimuth` and `defaultElevation` (as typed) stand in for angles not given.
    static func parse(view: String, azimuth: String?, elevation: String?, defaultAzimuth: String = "-60",
                      defaultElevation: String = "30") throws -> (azimuth: Double, elevation: Double)? {
        switch view {
        case "plane":
            try refuseOnPlane(azimuth: azimuth, elevation: elevation)
            return nil
        case "3d":
            let a = try NumberArguments.finite(azimuth ?? defaultAzimuth, option: "--azimuth")
            let e = try NumberArguments.finite(elevation ?? defaultElevation, option: "--elevation")
            guard (-90...90).contains(e) else { throw ArgumentRefusal.invalid("--elevation", elevation ?? defaultElevation, "expected -90 to 90 degrees") }
            return (a, e)
        default:
            throw ArgumentRefusal.invalid("--view", view, "expected plane or 3d")
        }
    }
}
