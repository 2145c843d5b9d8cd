/// Requests whose cost would be unbounded (time, memory, output size): refused before it is spent,
/// naming the option and the limit.
extension HostileCases {
    static let cost: [HostileCase] = {
        func list(_ item: String, _ count: Int) -> String { Array(repeating: item, count: count).joined(separator: ",") }
        let nested = "$" + String(repeating: "{", count: 50_000) + "$"
        var c: [HostileCase] = [
            HostileCase(["activations", "--names", list("relu", 5_000)], names: "--names"),
            HostileCase(["vanishing", "--activations", list("relu", 8)], names: ["--activations", "1 to 7"]),
            HostileCase(["softmax", "--logits", list("1", 13)], names: ["--logits", "2 to 12"]),
            HostileCase(["softmax", "--logits", "1,2", "--temperature", list("1", 1_000)], names: "--temperature"),
            HostileCase(["lr", "--rates", list("0.1", 100)], names: "--rates"),
            HostileCase(["pitfalls", "--starts", list("1", 1_000)], names: "--starts"),
            HostileCase(["surface", "bowl", "--levels", (1...2_000).map { String(Double($0) / 100) }.joined(separator: ",")],
                        names: ["--levels", "2000 levels"]),
            HostileCase(["surface", "bowl", "--levels", (1...101).map(String.init).joined(separator: ",")], names: ["--levels", "101 levels"]),
            HostileCase(["eval", "softmax", "--logits", (0..<20_000).map { String($0 % 7) }.joined(separator: ","), "--format", "json"],
                        names: ["--logits", "20000 logits"]),
            HostileCase(["activation"] + Array(repeating: "sigmoid", count: 5_000), names: "5001 arguments"),
            HostileCase(["gallery", "--only"] + Array(repeating: "a", count: 1_200), names: "1202 arguments"),
            HostileCase(["activation"] + Array(repeating: "relu", count: 13), names: "13 activations"),
            HostileCase(["activation", "elu", "--param", "alpha=" + (1...13).map(String.init).joined(separator: ",")], names: "13 curves"),
            HostileCase(["activation", "x" + String(repeating: "+x", count: 40_000)], names: ["activation", "too long"]),
            HostileCase(["activation", String(repeating: "(", count: 50_000) + "x" + String(repeating: ")", count: 50_000)],
                        names: ["activation", "too long"]),
            HostileCase(["eval", "activation", "x" + String(repeating: "^x", count: 40_000), "--x", "1"], names: "too long"),
            HostileCase(["surface", "x" + String(repeating: "*y", count: 40_000)], names: ["surface", "too long"]),
            HostileCase(["activation", "relu", "--title", nested, "--size", "0x0"], names: "--size"),
            // torch calls nested past the parser's depth (5,000 levels overflowed its stack).
            HostileCase(["trace", "--surface", "saddle", "--optimizer", "SGD" + String(repeating: "(", count: 5_000), "--steps", "5"],
                        names: ["--optimizer", "brackets nested more than 64 deep"]),
            HostileCase(["curves", "--surface", "bowl", "--optimizers", "SGD" + String(repeating: "(", count: 50_000)],
                        names: ["--optimizers", "brackets nested more than 64 deep"]),
            HostileCase(["curves", "--surface", "bowl", "--optimizers", "gd", "--schedule", "CosineAnnealingLR" + String(repeating: "(", count: 50_000)],
                        names: ["--schedule", "brackets nested more than 64 deep"]),
            HostileCase(["surface", "bowl", "--optimizers", "Adam(betas=" + String(repeating: "[", count: 70) + "0.9" + String(repeating: "]", count: 70) + ")"],
                        names: ["--optimizers", "brackets nested more than 64 deep"]),
        ]
        // Sizes and resolutions that would allocate gigabytes are refused before allocating.
        for size in ["20001x20000", "20000x20001", "300x300in", "800x800cm", "1e6x10", "99999999999x1"] {
            c.append(HostileCase(["activation", "relu", "--size", size], names: ["--size", size]))
        }
        c += ["2400", "1000"].map { HostileCase(["activation", "relu", "--size", "100x100in", "--dpi", $0], names: ["--size", "100x100in", "\($0) dpi"]) }
        // Steps, grids and samples past their stated limits.
        c += HostileCase.values(["surface", "bowl"], "--steps", ["100001", "1000000000"])
        c += HostileCase.values(["surface", "bowl"], "--grid", ["2001", "100000"])
        c += HostileCase.values(["curves"], "--steps", ["10000001", "1e12"])
        c += HostileCase.values(["trace", "--surface", "bowl", "--optimizer", "gd"], "--steps", ["10000001"])
        c += HostileCase.values(["basins"], "--grid", ["2002", "1000000"])
        c += HostileCase.values(["basins"], "--steps", ["100001"])
        c += HostileCase.values(["stability"], "--grid", ["1002"])
        c += HostileCase.values(["stability"], "--steps", ["100001"])
        c += HostileCase.values(["landscape"], "--steps", ["20001", "99999999"])
        c += HostileCase.values(["landscape"], "--grid", ["402"])
        c += HostileCase.values(["xor"], "--epochs", ["1000000000"])
        c += HostileCase.values(["lr"], "--steps", ["100000000"])
        c += HostileCase.values(["pitfalls"], "--steps", ["100000000"])
        c += HostileCase.values(["steps"], "--panels", ["100"])
        c += HostileCase.values(["steps"], "--every", ["100000"])
        c += HostileCase.values(["vanishing"], "--depth", ["51", "100000"])
        c += HostileCase.values(["vanishing"], "--width", ["257", "100000"])
        c += HostileCase.values(["gallery"], "--jobs", ["257", "100000"])
        c += HostileCase.values(["activation", "relu"], "--font-scale", ["11", "1e6"])
        c += HostileCase.values(["activation", "relu"], "--dpi", ["2401", "1e9"])
        c += HostileCase.values(["surface", "bowl", "--animate", "-o", "a.gif"], "--frames", ["100000", "1e9"])
        c += HostileCase.values(["surface", "bowl", "--animate", "-o", "a.gif"], "--fps", ["1000", "1e9"])
        c += HostileCase.values(["surface", "bowl", "--animate", "-o", "a.gif"], "--duration", ["100000", "1e9"])
        c += HostileCase.values(["surface", "bowl", "--animate", "-o", "a.gif"], "--hold", ["100000"])
        c += HostileCase.values(["surface", "bowl", "--view", "3d", "--animate", "-o", "a.gif"], "--orbit", ["721", "1e9"])
        c += HostileCase.values(["surface", "bowl", "--animate", "-o", "a.gif"], "--jobs", ["100000"])
        return c
    }()
}
