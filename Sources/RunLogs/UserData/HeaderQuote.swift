/// A file's header row as an error line quotes it: whole when short; otherwise its first columns, "…" and its
/// last, with how many there are ("'c0,c1,c2,…,c199999' (200000 columns)"). A 200 000-column header made one
/// error line of 1.5 MB; a single huge column name is cut the same way.
enum HeaderQuote {
    /// The quoted header, at most about `limit` characters inside the quotes.
    static func text(_ names: [String], limit: Int = 100) -> String {
        let whole = names.joined(separator: ",")
        guard whole.count > limit else { return "'\(whole)'" }
        let short = names.map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 }
        var kept: [String] = [], length = 0
        for name in short.dropLast() {
            guard length + name.count + 1 <= limit - (short.last?.count ?? 0) - 3 else { break }
            kept.append(name)
            length += name.count + 1
        }
        let tail = names.count > 1 ? (short.last.map { ",…," + $0 } ?? "") : "…"
        return "'" + kept.joined(separator: ",") + tail + "' (\(names.count) column" + (names.count == 1 ? "" : "s") + ")"
    }
}
