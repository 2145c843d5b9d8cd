/// Names that are not known (activations, surfaces, optimizers, losses, schedules, parameters) and
/// typed expressions that do not parse.
extension HostileCases {
    static let names: [HostileCase] = {
        var c: [HostileCase] = []
        for name in ["nosuch", "rleu", "Sigmoid!", "gelu2", "soft_max"] {
            c.append(HostileCase(["activation", name], names: name))
            c.append(HostileCase(["eval", "activation", name, "--x", "1"], names: name))
        }
        for name in ["nosuch", "rosenbrok", "himmelblau2", "bowl_"] {
            c.append(HostileCase(["surface", name], names: name))
            c.append(HostileCase(["eval", "surface", name, "--points", "1:2"], names: name))
            c.append(HostileCase(["trace", "--surface", name, "--optimizer", "gd"], names: name))
            c.append(HostileCase(["curves", "--surface", name], names: name))
        }
        for name in ["nosuch", "adamm", "sgdd"] {
            c.append(HostileCase(["surface", "bowl", "--optimizers", "gd," + name], names: name))
            c.append(HostileCase(["steps", "--optimizer", name], names: name))
            c.append(HostileCase(["trace", "--surface", "bowl", "--optimizer", name], names: name))
        }
        for name in ["nosuch", "ce", "hubber"] {
            c.append(HostileCase(["eval", "loss", name, "--prediction", "0.5", "--target", "1"], names: name))
        }
        c += [
            HostileCase(["activations", "--names", "relu,nosuch"], names: "nosuch"),
            HostileCase(["vanishing", "--activations", "relu,nosuch"], names: "nosuch"),
            HostileCase(["lr", "--function", "nosuch"], names: "nosuch"),
            HostileCase(["pitfalls", "--function", "quartc"], names: "quartc"),
            HostileCase(["stability", "--x", "nosuch"], names: "nosuch"),
            HostileCase(["stability", "--measure", "speed"], names: "speed"),
            HostileCase(["vanishing", "--init", "xavier2"], names: "xavier2"),
            HostileCase(["softmax", "--group-by", "colour"], names: "colour"),
            HostileCase(["list", "nosuch"], names: "nosuch"),
            HostileCase(["activation", "leaky_relu", "--param", "negative_slop=0.1"], names: "negative_slop"),
            HostileCase(["activation", "relu", "--param", "alpha=1"], names: "alpha"),
            HostileCase(["surface", "bowl", "--opt", "adam:lrr=0.1"], names: "lrr"),
            HostileCase(["surface", "bowl", "--opt", "nosuch:lr=0.1"], names: "nosuch"),
            HostileCase(["trace", "--surface", "bowl", "--optimizer", "Adam(lr=0.1, beta=(0.8, 0.99))"], names: "beta"),
            HostileCase(["trace", "--surface", "bowl", "--optimizer", "Adam(lr=0.1"], names: "column"),
            HostileCase(["trace", "--surface", "bowl", "--optimizer", "adam", "--schedule", "StepLR(gama=0.5)"], names: "gama"),
            HostileCase(["trace", "--surface", "bowl", "--optimizer", "adam", "--schedule", "NoSuchLR()"], names: "NoSuchLR"),
            // Typed expressions: the expression as typed and the column.
            HostileCase(["activation", "x*tanhh(x)"], names: ["'x*tanhh(x)'", "column 3", "tanh"]),
            HostileCase(["activation", "x^^2"], names: ["'x^^2'", "column 3"]),
            HostileCase(["activation", "(x + 1"], names: ["'(x + 1'", "expected ')'"]),
            HostileCase(["activation", "x + y"], names: "'y'"),
            HostileCase(["activation", "x*beta"], names: "beta"),
            HostileCase(["activation", "exp"], names: "exp"),
            HostileCase(["activation", "1/"], names: "'1/'"),
            HostileCase(["activation", "x $ 2"], names: "'x $ 2'"),
            HostileCase(["surface", "x^2 + (y"], names: "'x^2 + (y'"),
            HostileCase(["surface", "x^2 + z"], names: "'z'"),
            HostileCase(["eval", "surface", "x + ", "--points", "1:1"], names: "'x + '"),
            HostileCase(["eval", "activation", "sin(x", "--x", "1"], names: "'sin(x'"),
            HostileCase(["eval", "activation", "x*x", "--param", "exp=2", "--x", "1"], names: "exp=2"),
            HostileCase(["lr", "--function", "x^^4"], names: "'x^^4'"),
            HostileCase(["activation", String(repeating: "(", count: 300) + "x" + String(repeating: ")", count: 300)], names: "nested too deeply"),
        ]
        return c
    }()
}
