extension Figure {
    /// Lays the figure out and draws it into a `RecordingBackend`, measuring text as the PNG output
    /// would: every primitive with its geometry in points, tagged with the element it belongs to.
    /// - Throws: `VizError.pageTooSmall` when the page has no room for what the figure holds (the `PageNeed` says what);
    ///   `.invalidData` when a panel's marks hold no finite data or a log axis has no positive data; `.invalidValue` for axis
    ///   limits that are not two different finite numbers (positive on a log axis), a font scale outside 0.1…10, a base font size
    ///   outside 1…200 points or a size or dpi outside `Figure.validate`'s limits; `.cairo` when Cairo cannot make its surface
    ///   (out of memory).
    public func record() throws(VizError) -> RecordingBackend {
        let rec = try RecordingBackend(size: size, pixelsPerPoint: dpi / 72)
        try draw(into: rec)
        return rec
    }

    /// Lays the figure out and draws it into `backend`, a caller's own `DrawingBackend` (one that writes
    /// PGF/TikZ, say): the same calls, in the same order, as the PNG, SVG and PDF outputs receive. Geometry is
    /// in points on a page of `size` (origin top left, y down); lines that PNG output snaps to whole pixels are
    /// snapped at `dpi`. Text is laid out with the sizes the backend's `measure` returns.
    /// - Throws: What `record()` throws, except `.cairo`: `VizError.pageTooSmall` when the page has no room for
    ///   what the figure holds (the `PageNeed` says what); `.invalidData` when a panel's marks hold no finite data or
    ///   a log axis has no positive data; `.invalidValue` for axis limits that are not two different finite numbers
    ///   (positive on a log axis), a font scale outside 0.1…10, a base font size outside 1…200 points or a size or
    ///   dpi outside `Figure.validate`'s limits.
    public func draw(into backend: some DrawingBackend) throws(VizError) {
        try FigureRenderer(figure: self, canvas: backend, resolution: dpi / 72).render()
    }

    /// Where every text-like element landed and what it covers, in PNG pixels (see `LayoutReport`).
    /// - Throws: What `record()` throws: `VizError.pageTooSmall` when the page has no room for what the figure holds (the
    ///   `PageNeed` says what); `.invalidData` when a panel's marks hold no finite data or a log axis has no positive data;
    ///   `.invalidValue` for axis limits that are not two different finite numbers (positive on a log axis), a font scale outside
    ///   0.1…10, a base font size outside 1…200 points or a size or dpi outside `Figure.validate`'s limits; `.cairo` when Cairo
    ///   cannot make its surface (out of memory).
    public func layoutReport() throws(VizError) -> LayoutReport {
        LayoutReport(recording: try record(), scale: dpi / 72)
    }
}
