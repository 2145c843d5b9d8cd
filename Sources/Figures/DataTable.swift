/// The numbers behind a figure, written with `--data`: one or more named tables of columns.
public struct DataTable: Sendable {
    public var name: String
    public var columns: [String]
    public var rows: [[Double]]

    public init(name: String, columns: [String], rows: [[Double]] = []) {
        self.name = name; self.columns = columns; self.rows = rows
    }

    /// CSV text for several tables: each begins with a `# name` comment line, then a header row.
    /// Numbers are the shortest decimals that read back to the same Double.
    public static func csv(_ tables: [DataTable]) -> String {
        var out = ""
        for (k, t) in tables.enumerated() {
            if k > 0 { out += "\n" }
            if tables.count > 1 { out += "# " + t.name + "\n" }
            out += t.columns.joined(separator: ",") + "\n"
            for r in t.rows { out += r.map(NumberText.shortest).joined(separator: ",") + "\n" }
        }
        return out
    }
}

/// Number printing shared by every command: the shortest decimal that reads back to the same Double.
public enum NumberText {
    /// `1.5`, `-0.25`, `1e-08`, `inf`, `-inf`, `nan`.
    public static func shortest(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return v.description
    }
    /// `v` with exactly `decimals` decimals (v ≥ 0, for labels), e.g. 0.0193 → "0.019".
    public static func fixed(_ v: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let units = Int((v * scale).rounded())
        var frac = String(units % Int(scale))
        while frac.count < decimals { frac = "0" + frac }
        return String(units / Int(scale)) + "." + frac
    }

}
