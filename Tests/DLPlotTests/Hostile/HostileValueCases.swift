/// Numbers and settings out of range or malformed, negative values after a space included.
extension HostileCases {
    static let values: [HostileCase] = {
        let act = ["activation", "relu"]
        var c: [HostileCase] = []
        c += HostileCase.values(act, "--dpi", ["-160", "0", "nan", "inf", "1e400", "abc", "5", "3000"])
        c += HostileCase.values(act, "--size", ["-5x10", "0x0", "axb", "100000x100", "1e308x1e308", "10x", "x10",
                                                "800x500x3", "8x4.5parsecs", "20000x20000x3", "nanxnan"])
        c += HostileCase.values(act, "--font-scale", ["-1", "0", "100", "nan", "abc"])
        c += HostileCase.values(act, "--theme", ["neon", "Dark mode"])
        c += HostileCase.values(act, "--format", ["gif", "bmp", "PNGG"])
        c += HostileCase.values(act, "--legend", ["middle", "top"])
        c += HostileCase.values(act, "--colors", ["notacolor", "#12345", "red,,blue"])
        c += HostileCase.values(act, "--y-range", ["3:1", "a:b", "nan:1", "1"])
        c += HostileCase.values(act, "--range", ["3:1", "nan:1", "1", "a:b", "2:2", "-1e308:1e308"])
        c += HostileCase.values(act, "--saturation", ["-1", "inf", "abc"])
        c += HostileCase.values(["activation", "elu"], "--param", ["alpha=-1", "alpha=abc", "alpha=1e308"])
        c += HostileCase.values(["softmax"], "--temperature", ["-1", "0", "inf", "nan", "1e308", "abc"])
        c += HostileCase.values(["softmax"], "--logits", ["1,x,3", "1,,2", "nan,1", "1e400,1"])
        c += HostileCase.values(["surface", "bowl"], "--steps", ["-5", "0", "1e9", "abc", "100001"])
        c += HostileCase.values(["surface", "bowl"], "--lr", ["-1", "0", "nan", "inf", "abc"])
        c += HostileCase.values(["surface", "bowl"], "--start", ["1", "1,2,3", "a,b", "nan,1", "1e400,0"])
        c += HostileCase.values(["surface", "bowl"], "--xrange", ["2:2", "3:1", "a:b", "-1e308:1e308"])
        c += HostileCase.values(["surface", "bowl"], "--yrange", ["5:-5", "inf:1"])
        c += HostileCase.values(["surface", "bowl"], "--grid", ["5", "5000"])
        c += HostileCase.values(["surface", "bowl"], "--levels", ["0", "61", "abc", "1,,2"])
        c += HostileCase.values(["surface", "bowl"], "--view", ["4d", "top"])
        c += HostileCase.values(["surface", "bowl"], "--style", ["wavy"])
        c += HostileCase.values(["surface", "bowl", "--view", "3d"], "--elevation", ["95", "-91", "nan"])
        c += HostileCase.values(["surface", "bowl", "--view", "3d"], "--azimuth", ["inf", "abc"])
        c += HostileCase.values(["eval", "activation", "gelu"], "--x", ["nan", "1,,2", "abc", "inf"])
        c += HostileCase.values(["eval", "surface", "bowl"], "--points", ["1:", ":1", "a:b", "nan:1", "1:2:3"])
        c += HostileCase.values(["eval", "softmax", "--logits", "1,2"], "--temperature", ["-1", "inf", "0"])
        c += HostileCase.values(["trace", "--surface", "bowl", "--optimizer", "gd"], "--steps", ["-1", "abc", "1e9"])
        c += HostileCase.values(["trace", "--surface", "bowl", "--optimizer", "gd"], "--lr", ["-1", "abc"])
        c += HostileCase.values(["lr"], "--rates", ["0.1,zero", "-1", "0", "nan"])
        c += HostileCase.values(["lr"], "--start", ["1e200", "nan", "abc"])
        c += HostileCase.values(["lr"], "--steps", ["-1", "0"])
        c += HostileCase.values(["vanishing"], "--depth", ["-3", "0", "1000", "abc"])
        c += HostileCase.values(["vanishing"], "--width", ["8", "100000"])
        c += HostileCase.values(["curves"], "--steps", ["0", "-1", "1e8"])
        c += HostileCase.values(["basins"], "--grid", ["1", "3000"])
        c += HostileCase.values(["basins"], "--radius", ["-1", "0"])
        c += HostileCase.values(["stability"], "--grid", ["1", "2000"])
        c += HostileCase.values(["stability"], "--tol", ["0", "-1"])
        c += HostileCase.values(["landscape"], "--steps", ["1", "20001", "abc"])
        c += HostileCase.values(["landscape"], "--grid", ["10", "402"])
        c += HostileCase.values(["landscape"], "--sgd-lr", ["-1", "0"])
        c += HostileCase.values(["landscape"], "--task", ["nosuch"])
        c += HostileCase.values(["steps"], "--panels", ["0", "9"])
        c += HostileCase.values(["steps"], "--every", ["0", "1001"])
        c += HostileCase.values(["xor"], "--lr", ["1e3", "-1", "0"])
        c += HostileCase.values(["xor"], "--epochs", ["-1", "abc"])
        c += HostileCase.values(["loss"], "--delta", ["-2", "0", "nan"])
        c += HostileCase.values(["loss"], "--probabilities", ["0", "1", "1.5"])
        c += HostileCase.values(["gallery"], "--jobs", ["0", "-1", "1000", "abc"])
        c += [HostileCase(["gallery", "--formats", "png,gif"], names: ["--formats", "gif"]), HostileCase(["gallery", "--formats", "jpeg"], names: ["--formats", "jpeg"])]
        c += [HostileCase(["eval", "loss", "cce", "--prediction", "0.5,0.5", "--target", "1,0,0"], names: ["--prediction", "--target", "1,0,0"]),
              HostileCase(["eval", "loss", "bce", "--prediction", "1.5", "--target", "1"], names: ["--prediction", "1.5"]),
              HostileCase(["surface", "bowl", "--orbit", "30"], names: ["--orbit", "30"]),
              HostileCase(["surface", "bowl", "--elevation", "30"], names: ["--elevation", "30"]),
              HostileCase(["landscape", "--azimuth", "-40"], names: ["--azimuth", "-40"])]
        return c
    }()
}
