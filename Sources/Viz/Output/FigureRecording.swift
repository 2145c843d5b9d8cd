extension Figure {
    /// Lays the figure out and draws it into a `RecordingBackend`, measuring text as the PNG output
    /// would: every primitive with its geometry in points, tagged with the element it belongs to.
    public func record() throws(VizError) -> RecordingBackend {
        let scale = dpi / 72
        let rec = try RecordingBackend(size: size, pixelsPerPoint: scale)
        try FigureRenderer(figure: self, canvas: rec, resolution: scale).render()
        return rec
    }

    /// Where every text-like element landed and what it covers, in PNG pixels (see `LayoutReport`).
    public func layoutReport() throws(VizError) -> LayoutReport {
        LayoutReport(recording: try record(), scale: dpi / 72)
    }
}
