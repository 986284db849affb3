import ArgumentParser
import RapportBase
import RapportCLI
import Testing

/// Every command's help at 80 columns fits 80 display cells: argument-parser wraps by
/// characters, and a Chinese character takes two cells, so texts with Chinese in them are
/// wrapped by Rapport first (the usage line, argument-parser's own, aside).
struct HelpWidthTests {
    /// Every command path: `[]`, `["deal"]`, `["deal", "add"]`, …
    static func paths(_ command: any ParsableCommand.Type = Rapport.self, _ prefix: [String] = []) -> [[String]] {
        [prefix] + command.configuration.subcommands.flatMap { sub in
            paths(sub, prefix + [sub.configuration.commandName ?? sub._commandName])
        }
    }

    @Test func everyHelpFitsEightyCells() throws {
        for path in Self.paths() {
            let help = try RapportBinary.run(path + ["--help"], environment: ["COLUMNS": "80", "PATH": "/usr/bin:/bin"]).stdout
            for line in help.split(separator: "\n") where !line.hasPrefix("USAGE:") {
                #expect(String(line).displayWidth <= 80, "rapport \(path.joined(separator: " ")) --help: \(line)")
            }
        }
    }
}
