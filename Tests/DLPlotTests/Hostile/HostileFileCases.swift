/// The environment and the files a command reads: fontconfig settings that would never end, gallery
/// manifests, training logs and path files that are not what they should be. Each is named with what
/// was expected; nothing is written.
extension HostileCases {
    static let fileSetup = """
        mkdir fcz fcf fch emptydir
        ln -s /dev/zero fcz/fonts.conf
        mkfifo fcf/fonts.conf fifo.conf
        : > fch/fonts.conf && truncate -s 17M fch/fonts.conf
        printf '[[figure]\\nname=1' > bad.toml
        printf '[[figure]]\\nname = "a"\\ncommand = 3\\n' > badtype.toml
        printf 'title = "no figures"\\n' > nofigures.toml
        printf '\\000\\001\\377\\376binary\\000\\033[2J' > junk.bin
        : > empty.csv
        printf 'x,y\\n1,a\\n' > cell.csv
        printf 'step,x,y\\n2,1,1\\n1,0,0\\n' > back.csv
        printf 'a,b\\n1,2\\n' > cols.csv
        printf 'x,y\\n' > header.csv
        printf '{"x": 1, "y": 2}\\n{"x": "one", "y": 2}\\n' > text.jsonl
        printf 'just some words\\nand more\\n' > words.txt
        printf '<html><body>not a log</body></html>\\n' > page.html
        """

    static let environmentAndFiles: [HostileCase] = {
        func file(_ args: [String], _ names: [String], _ environment: [String: String] = [:]) -> HostileCase {
            HostileCase(args, names: names, environment: environment, setup: fileSetup)
        }
        var c: [HostileCase] = []
        let fontconfig: [([String: String], [String])] = [
            (["FONTCONFIG_FILE": "/dev/zero"], ["FONTCONFIG_FILE", "'/dev/zero'"]),
            (["FONTCONFIG_FILE": "/dev/urandom"], ["FONTCONFIG_FILE", "'/dev/urandom'"]),
            (["FONTCONFIG_FILE": "fifo.conf", "FONTCONFIG_PATH": "."], ["FONTCONFIG_PATH", "fifo.conf"]),
            (["FONTCONFIG_PATH": "fcz"], ["FONTCONFIG_PATH", "'fcz'"]),
            (["FONTCONFIG_PATH": "fcf"], ["FONTCONFIG_PATH", "'fcf'"]),
            (["FONTCONFIG_PATH": "fch"], ["FONTCONFIG_PATH", "'fch'", "bytes"]),
            (["FONTCONFIG_PATH": "emptydir:fcz"], ["FONTCONFIG_PATH", "fcz/fonts.conf"]),
        ]
        let drawing: [[String]] = [["activation", "relu"], ["activations"], ["softmax"], ["loss"], ["surface", "bowl", "--steps", "5"]]
        for (environment, names) in fontconfig {
            for command in drawing { c.append(file(command, names, environment)) }
        }
        for manifest in ["bad.toml", "nofigures.toml", "junk.bin", "empty.csv", "emptydir", "nosuch.toml", "/dev/zero"] {
            c.append(file(["gallery", "--manifest", manifest, "--out", "g"], ["--manifest", manifest]))
        }
        for log in ["junk.bin", "/dev/zero", "empty.csv", "emptydir", "nosuch.csv", "words.txt", "page.html", "header.csv"] {
            c.append(file(["runs", log], [log]))
        }
        for path in ["junk.bin", "/dev/zero", "empty.csv", "cell.csv", "back.csv", "cols.csv", "header.csv", "text.jsonl", "nosuch.csv",
                     "emptydir", "words.txt"] {
            c.append(file(["surface", "bowl", "--path", path], ["--path", path]))
        }
        return c
    }()
}
