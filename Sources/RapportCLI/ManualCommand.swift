import ArgumentParser
import Foundation
import RapportBase
import RapportCore

/// `rapport manual`: the man page, from the command tree — each command's help as its
/// `--help` says it, so the page and the help never differ. Written here rather than by
/// argument-parser's generate-manual plugin, which drops every character outside ASCII
/// (the examples' 王建国 and 周五 came out blank).
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the man page (roff), for `make install`.",
        shouldDisplay: false
    )

    func run() throws {
        Terminal.write(Self.page(date: Self.today()))
    }

    /// The page: the root's help as the description, then a section per command, in the
    /// command tree's order.
    static func page(date: String) -> String {
        var out = ".TH RAPPORT 1 \"\(date)\" \"Rapport \(Rapport.configuration.version)\" \"User Commands\"\n"
        out += ".SH NAME\nrapport \\- " + roff(Rapport.configuration.abstract) + "\n"
        out += ".SH DESCRIPTION\n" + verbatim(Rapport.helpMessage(columns: 78))
        out += ".SH COMMANDS\n"
        for (path, command) in commands() where !path.isEmpty {
            out += ".SS rapport " + path.joined(separator: " ") + "\n" + verbatim(command.helpMessage(columns: 78))
        }
        out += ".SH ENVIRONMENT\n.TP\n.B RAPPORT_DB\nthe book (default ~/.local/share/rapport/rapport.db)\n"
            + ".TP\n.B RAPPORT_TODAY\npretend today is this day\n.TP\n.B RAPPORT_LANG\nen or zh for one run\n"
        return out
    }

    /// Every command below `command` with its path of names, the hidden ones left out.
    static func commands(_ command: any ParsableCommand.Type = Rapport.self, _ path: [String] = []) -> [([String], any ParsableCommand.Type)] {
        [(path, command)] + command.configuration.subcommands.filter { $0.configuration.shouldDisplay }.flatMap { sub in
            commands(sub, path + [sub.configuration.commandName ?? sub._commandName])
        }
    }

    /// Text as it is, line for line: roff's own characters made literal.
    static func verbatim(_ text: String) -> String {
        ".nf\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { roff(String($0)) }.joined(separator: "\n") + "\n.fi\n"
    }

    /// A backslash doubled, and a line that would start with `.` or `'` (a request) escaped.
    static func roff(_ line: String) -> String {
        let escaped = line.replacingOccurrences(of: "\\", with: "\\e")
        return escaped.first == "." || escaped.first == "'" ? "\\&" + escaped : escaped
    }

    /// Today in UTC, the page's date (SOURCE_DATE_EPOCH, when set, for a repeatable build).
    static func today() -> String {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { time_t($0) } ?? time(nil)
        return Session.utcClock(real: epoch).day.iso
    }
}
