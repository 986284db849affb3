import ArgumentParser
import Foundation
import RapportBase
import RapportCore
import RapportStore
import RapportTUI
import RapportTerminal

/// `rapport` with no subcommand: the full-screen interface on a terminal, the today view
/// as text anywhere else (a pipe, cron, CI).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "The full-screen interface (the default): today's calls first, then your book.",
        discussion: """
            Not on a terminal, prints the today view instead. --snapshot renders the first screen
            as text without a terminal: rapport --snapshot 100x30 --keys '/wjg'. Keys that log, edit
            or remove write the book; with --dry they run on a copy in memory.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Print the first screen at this size as text and exit, e.g. 100x30.", valueName: "WxH"))
    var snapshot: String?

    @Option(help: ArgumentHelp("With --snapshot: keys to press first (\\r Enter, \\e Esc, \\t Tab); what they do is written to the book.",
                               valueName: "keys"))
    var keys: String = ""

    @Flag(help: "With --snapshot: press the keys on a copy of the book in memory, so nothing they do is written.") var dry = false

    func validate() throws {
        if let snapshot, Self.size(snapshot) == nil {
            throw ValidationError("--snapshot takes WIDTHxHEIGHT, e.g. 100x30, not \(snapshot)")
        }
        if dry, snapshot == nil { throw ValidationError("--dry goes with --snapshot") }
    }

    static func size(_ text: String) -> Size? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...1000).contains(h)
        else { return nil }
        return Size(width: w, height: h)
    }

    func run() throws {
        let session = try global.session(.creating)
        let settings = try session.database.settings()
        let fixed = session.now
        let clock: () -> LocalDateTime = global.isClockFixed ? { fixed } : { (try? global.clock()) ?? fixed }
        if let snapshot, let size = Self.size(snapshot) {
            Terminal.write(TUIApp.snapshot(database: dry ? try session.database.inMemoryCopy() : session.database, settings: settings, size: size,
                                           keys: Key.script(keys), clock: clock) + "\n")
            return
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            try Today.printText(session, settings: settings.reminders)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        do {
            try TUIApp.run(database: session.database, settings: settings,
                           color: environment["NO_COLOR"].map(\.isEmpty) != false, clock: clock)
        } catch let error as TerminalUnavailable {
            Terminal.error("rapport: " + TerminalText.sanitized(error.description) + "; here is today's list")
            try Today.printText(session, settings: settings.reminders)
        }
    }
}
