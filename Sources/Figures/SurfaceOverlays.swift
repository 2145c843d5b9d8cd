import Viz

extension SurfaceFigure {
    /// The gradient field drawn over the plane when asked: arrows (`--arrows`) and streamlines (`--streamlines`),
    /// both pointing downhill (−∇f). `isLog`: the levels are logarithmic, so the arrows' lengths are too.
    func addOverlays(to ax: inout Axes, theme: Theme, isLog: Bool) throws {
        let s = surface
        // The overlays' ink: over the plain background of --style lines, the theme's foreground (white streamlines
        // were invisible there); over the filled colours, white with a dark rim, which reads on viridis's yellow
        // as on its purple.
        let plain = style == .lines
        let halo: Color? = plain ? nil : Color(hex: 0x000000, alpha: 0.3)
        if arrows {
            let n = 18
            var field = try VectorFieldMark(x: plan.x, y: plan.y, nx: n, ny: n, scaling: isLog ? .log : .linear,
                                            color: plain ? theme.foreground.withAlpha(0.55) : Color(hex: 0xFFFFFF, alpha: 0.8),
                                            lineWidth: 0.9, zOrder: 1.2) { x, y in
                let g = s.gradient(x, y)
                return Point(-g.dx, -g.dy)
            }
            field.halo = halo
            ax.add(field)
        }
        if streamlines {
            var lines = try StreamlineMark(x: plan.x, y: plan.y, density: 22, color: plain ? theme.foreground.withAlpha(0.5) : Color(hex: 0xFFFFFF, alpha: 0.7),
                                           lineWidth: 0.8) { x, y in
                let g = s.gradient(x, y)
                return Point(-g.dx, -g.dy)
            }
            lines.halo = halo
            ax.add(lines)
        }
    }
}
