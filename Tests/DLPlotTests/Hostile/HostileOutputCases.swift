/// Output targets that are not regular files, cannot be made, or are named twice. The directory is
/// prepared with device nodes (links to devices where mknod is not allowed), FIFOs, links and a file
/// that must keep its bytes.
extension HostileCases {
    static let outputSetup = """
        mknod nullcopy c 1 3 2>/dev/null || ln -s /dev/null nullcopy
        mknod fullcopy c 1 7 2>/dev/null || ln -s /dev/full fullcopy
        mknod zerocopy.csv c 1 5 2>/dev/null || ln -s /dev/zero zerocopy.csv
        mkfifo fifo fifo.csv fifo.json anim.gif
        ln -s /proc/self/fd/1 selflink
        ln -s /dev/null nulllink.png
        ln -s fifo fifolink.png
        mkdir dir dir.csv
        ln -s dir dirlink.png
        ln -s nowhere/x.png dangling.png
        echo old > old.png
        echo text > plain
        """

    static let outputTargets: [HostileCase] = {
        func out(_ args: [String], _ names: [String]) -> HostileCase { HostileCase(args, names: names, setup: outputSetup) }
        var c: [HostileCase] = []
        let commands: [[String]] = [["activation", "relu"], ["activations"], ["softmax"], ["loss"], ["xor", "--epochs", "10"],
                                    ["surface", "bowl", "--steps", "5"], ["curves", "--steps", "5"], ["lr"], ["steps"]]
        for command in commands {
            for target in ["nullcopy", "fifo", "selflink", "dir", "nodir/a.png", "plain/a.png"] {
                c.append(out(command + ["-o", target, "--format", "png"], ["-o", target]))
            }
        }
        for target in ["fullcopy", "nulllink.png", "fifolink.png", "dirlink.png", "/dev/null", "/dev/full", "/dev/zero", ".", "..", "./", ""] {
            c.append(out(["activation", "relu", "-o", target, "--format", "png"], target.isEmpty ? ["-o"] : ["-o", "'\(target)'"]))
        }
        c += [
            out(["activation", "relu", "-o", "old.png", "--data", "nodir/d.csv"], ["--data", "nodir/d.csv"]),
            out(["activation", "relu", "-o", "old.png", "--data", "zerocopy.csv"], ["--data", "zerocopy.csv"]),
            out(["activation", "relu", "-o", "old.png", "--data", "fifo.csv"], ["--data", "fifo.csv"]),
            out(["activation", "relu", "-o", "old.png", "--data", "dir.csv"], ["--data", "dir.csv"]),
            out(["activation", "relu", "-o", "old.png", "--layout-report", "fifo.json"], ["fifo.json"]),
            out(["activation", "relu", "-o", "same.csv", "--format", "png", "--data", "same.csv"], ["same.csv"]),
            out(["activation", "relu", "-o", "a.svg", "--layout-report", "a.svg"], ["a.svg"]),
            out(["activation", "relu", "-o", "old.png", "--format", "svg"], ["--format", "svg"]),
            out(["activation", "relu", "-o", "a.gif"], ["-o", "a.gif"]),
            out(["activation", "relu", "-o", "a.txt"], ["-o", "a.txt"]),
            out(["activation", "relu", "--data", "d.txt"], ["--data", "d.txt"]),
            out(["surface", "bowl", "--animate", "-o", "anim.gif"], ["-o", "anim.gif"]),
            out(["surface", "bowl", "--animate", "--frames-dir", "plain"], ["--frames-dir", "plain"]),
            out(["surface", "bowl", "--animate", "--frames-dir", "old.png"], ["--frames-dir", "old.png"]),
            out(["gallery", "--manifest", "nosuch.toml", "--out", "plain"], ["nosuch.toml"]),
            out(["surface", "bowl", "--view", "3d", "-o", "dangling.png"], ["-o", "dangling.png"]),
        ]
        return c
    }()
}
