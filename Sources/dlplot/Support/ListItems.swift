/// The items of an option's comma-separated list.
enum ListItems {
    /// `text` split at the commas outside brackets and quotes, spaces kept: "a, B(x=(1, 2)), c" is three
    /// items, so a formula (`relu,max(x, 0.1*x)`) or a torch call (`Adam(lr=0.1, betas=(0.9, 0.99))`)
    /// stays one item. Brackets are `(…)` and `[…]`; quotes are `'…'` and `"…"`.
    static func topLevel(_ text: String) -> [String] {
        var items: [String] = [], current = "", depth = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if "([".contains(c) {
                depth += 1
            } else if ")]".contains(c) {
                depth -= 1
            } else if c == ",", depth == 0 {
                items.append(current)
                current = ""
                continue
            }
            current.append(c)
        }
        items.append(current)
        return items
    }
}
