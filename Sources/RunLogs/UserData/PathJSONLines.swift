import Foundation

/// `--path` files in JSON lines: one object per line such as `{"step": 10, "x": 0.5, "y": 1.2,
/// "loss": 3.1, "label": "adam"}`, with the same fields and rules as the CSV form (see
/// `PathFileReader`). Numbers may be JSON numbers or strings (`"nan"`, `"inf"`); Python's `NaN`,
/// `Infinity` and `-Infinity` are read as such. Blank lines are skipped.
enum PathJSONLines {
    enum Field: Decodable {
        case number(Double), text(String), other

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .other; return }
            if (try? c.decode(Bool.self)) != nil { self = .other; return }
            if let n = try? c.decode(Double.self) { self = .number(n); return }
            if let s = try? c.decode(String.self) { self = .text(s); return }
            self = .other
        }

        var shown: String {
            switch self {
            case .number(let v): return NumberShown.text(v)
            case .text(let s): return s
            case .other: return "(not a number)"
            }
        }
    }

    static func read(_ path: String) throws(RunLogError) -> [UserPath] {
        var lines = try LineReader(path: path)
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        var paths = PathAccumulator(file: path)
        var hasLoss: Bool?
        while let bytes = try lines.next() {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let line = lines.line
            let object: [String: Field]
            do { object = try decoder.decode([String: Field].self, from: Data(bytes)) } catch {
                throw RunLogError(file: path, "line \(line): not a JSON object; expected one object per line such as "
                    + "{\"step\": 0, \"x\": 1.5, \"y\": -0.5}")
            }
            let keys = Dictionary(object.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
            func number(_ names: [String], required: Bool) throws(RunLogError) -> Double? {
                guard let name = names.first(where: { keys[$0] != nil }), let field = keys[name] else {
                    guard required else { return nil }
                    throw RunLogError(file: path, "line \(line): no '\(names[0])' field; expected fields x and y "
                        + "(or w and b), optionally step, loss and label")
                }
                switch field {
                case .number(let v): return v
                case .text(let s): if let v = PathAccumulator.number(s.trimmingCharacters(in: .whitespaces)) { return v }
                case .other: break
                }
                throw RunLogError(file: path, "line \(line), field '\(name)': '\(field.shown)' is not a number")
            }
            if paths.total == 0, let a = ["x", "w", "w1"].first(where: { keys[$0] != nil }), let b = ["y", "b", "w2"].first(where: { keys[$0] != nil }) {
                paths.axes = [a, b]
            }
            for k in keys.keys.sorted() where !["x", "y", "w", "b", "w1", "w2", "step", "loss", "f", "label"].contains(k) { paths.ignore(k) }
            let x = try number(["x", "w", "w1"], required: true) ?? .nan
            let y = try number(["y", "b", "w2"], required: true) ?? .nan
            let loss = try number(["loss", "f"], required: false)
            if hasLoss == nil { hasLoss = loss != nil }
            if hasLoss == true && loss == nil {
                throw RunLogError(file: path, "line \(line): no 'loss' field; the first point has one, so every point needs one")
            }
            var step: Int?
            if let raw = try number(["step"], required: false) {
                guard raw.rounded() == raw, abs(raw) < 9e15 else {
                    throw RunLogError(file: path, "line \(line), field 'step': '\(NumberShown.text(raw))' is not an integer step")
                }
                step = Int(raw)
            }
            var label: String?
            if case let .text(s)? = keys["label"], !s.isEmpty { label = s }
            try paths.add(label: label, step: step, x: x, y: y, loss: hasLoss == true ? loss : nil, line: line)
        }
        return try paths.finish()
    }
}

/// Numbers in messages: shortest round-trip decimals, `nan`, `inf`, `-inf`.
enum NumberShown {
    static func text(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return v.description
    }
}
