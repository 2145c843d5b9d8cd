/// A filled triangular arrowhead in device space, tip at `tip`, pointing along `direction`.
enum Arrowhead {
    static func path(tip: Point, direction d: Point, length: Double, width: Double) -> Path {
        let n = d.length
        guard n > 0, length > 0 else { return Path() }
        let u = d * (1 / n), v = Point(-u.y, u.x)
        let base = tip - u * length
        return Path(polygon: [tip, base + v * (width / 2), base - v * (width / 2)])
    }
}
