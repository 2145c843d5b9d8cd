/// Command lines that are malformed as such: misspelt commands, unknown options, missing values, stray
/// arguments. Each names the command or option as typed (the closest known one where there is one).
extension HostileCases {
    static let commandLine: [HostileCase] = {
        var c: [HostileCase] = [
            HostileCase(["activaton", "sigmoid"], names: ["'activaton'", "'activation'"]),
            HostileCase(["surfce", "rosenbrock"], names: ["'surfce'", "'surface'"]),
            HostileCase(["galery"], names: ["'galery'", "'gallery'"]),
            HostileCase(["curve"], names: ["'curve'", "'curves'"]),
            HostileCase(["evl", "activation", "gelu"], names: "'evl'"),
            HostileCase(["lists", "surfaces"], names: "'lists'"),
            HostileCase(["Activation", "relu"], names: "'Activation'"),
            HostileCase(["help", "activaton"], names: ["'activaton'", "'activation'"]),
            HostileCase(["help", "eval", "activaton"], names: "'activaton'"),
            HostileCase(["eval", "activaton", "gelu"], names: ["'activaton'", "'activation'"]),
            HostileCase(["eval", "nosuch", "--x", "1"], names: "'nosuch'"),
            HostileCase(["eval", "losss", "mse"], names: ["'losss'", "'loss'"]),
            HostileCase(["--nosuch"], names: "--nosuch"),
            HostileCase(["-z"], names: "-z"),
        ]
        let bases: [[String]] = [
            ["activation", "relu"], ["activations"], ["softmax"], ["loss"], ["xor"], ["lr"], ["pitfalls"], ["vanishing"],
            ["surface", "bowl"], ["curves"], ["basins"], ["stability"], ["landscape"], ["steps"],
            ["eval", "activation", "gelu", "--x", "1"], ["eval", "softmax", "--logits", "1,2"],
            ["eval", "loss", "mse", "--prediction", "1", "--target", "1"], ["eval", "surface", "bowl", "--points", "1:1"],
            ["trace", "--surface", "bowl", "--optimizer", "gd"], ["list", "surfaces"], ["gallery"],
        ]
        for base in bases {
            c.append(HostileCase(base + ["--frobnicate"], names: "'--frobnicate'"))
            c.append(HostileCase(base + ["--colour", "red"], names: "'--colour'"))
        }
        // A value missing at the end of the line.
        for (base, option) in [(["activation", "relu"], "--dpi"), (["activation", "relu"], "-o"), (["surface", "bowl"], "--steps"),
                               (["surface", "bowl"], "--optimizers"), (["softmax"], "--temperature"), (["curves"], "--surface"),
                               (["eval", "activation", "gelu"], "--x"), (["gallery"], "--manifest"), (["runs"], "--y")] {
            c.append(HostileCase(base + [option], names: option))
        }
        c += [
            HostileCase(["list", "surfaces", "extra"], names: "'extra'"),
            HostileCase(["surface", "bowl", "rosenbrock"], names: "'rosenbrock'"),
            HostileCase(["eval", "activation", "gelu", "relu", "--x", "1"], names: "'relu'"),
            HostileCase(["trace", "--optimizer", "gd", "--steps", "3", "bowl"], names: "--surface"),
            HostileCase(["activation", "relu", "--dpi", "--size", "400x300"], names: "--dpi"),
            HostileCase(["eval", "loss", "mse", "--target", "1"], names: "--prediction"),
            HostileCase(["eval", "softmax", "--temperature", "1"], names: "--logits"),
            HostileCase(["activation", "relu", "--no-zones=yes"], names: "--no-zones"),
        ]
        return c
    }()
}
