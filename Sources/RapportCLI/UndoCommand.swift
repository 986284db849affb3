import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport undo [N] [--change ID]`
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take back the last change, or the last N, or one change of the history.",
        discussion: """
            Every command that writes is one change: a log with its follow-ups, a whole import, a
            won deal with its contract. `rapport history` lists them; `rapport redo` does again
            what was undone. Examples: rapport undo   rapport undo 3   rapport undo --change 12
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "How many changes to take back, newest first.") var count: Int = 1
    @Option(name: .customLong("change"), help: ArgumentHelp("Take back this change of `rapport history` alone, if nothing later depends on it.",
                                                            valueName: "id"))
    var change: Int64?

    func validate() throws {
        guard count >= 1, count <= 1000 else { throw ValidationError("The count must be from 1 to 1000, not \(count)") }
    }

    func run() throws {
        let session = try global.session()
        let undone = try change.map { [try session.database.undo(change: $0, now: session.now)] }
            ?? session.database.undo(count, now: session.now)
        for entry in undone {
            Terminal.write("Undid: " + HistoryCommand.told(entry) + (entry.undoing.isEmpty ? "" : " — " + TerminalText.sanitized(entry.undoing.joined(separator: ", "))) + "\n")
        }
        Terminal.write("`rapport redo` does it again.\n")
    }
}

/// `rapport redo`
struct RedoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redo",
        abstract: "Do again the change undone last (until another change is made).",
        discussion: "Example: rapport undo; rapport redo"
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try global.session()
        let entry = try session.database.redo(now: session.now)
        Terminal.write("Redid: " + HistoryCommand.told(entry) + "\n")
    }
}
