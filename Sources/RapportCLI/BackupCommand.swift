import ArgumentParser
import Foundation
import RapportBase
import RapportCore
import RapportStore

/// `rapport backup [FILE]`
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the whole book into a new file, safely while Rapport is open elsewhere.",
        discussion: """
            Uses SQLite's online backup: the copy is the book as it was at one instant, even while the TUI
            or another `rapport log` writes. Without FILE the copy goes to backups/ beside the book:
              rapport backup
              rapport backup ~/Dropbox/rapport-2026-11-23.db
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Where to write the copy (a new file).", valueName: "file")) var file: String?

    func run() throws {
        let session = try global.session()
        let target = try file ?? BackupCommand.defaultPath(beside: session.database.path, now: session.now, label: "backup")
        try session.database.backup(to: target)
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        Terminal.write("Backed up \(TerminalText.sanitized(session.database.path)) to \(TerminalText.sanitized(target)) "
                       + "(\(size / 1024) KB, schema \(try session.database.schemaVersion())).\n")
    }

    /// `backups/rapport-20261123-0930-backup.db` beside the book, numbered if taken twice a minute.
    static func defaultPath(beside book: String, now: LocalDateTime, label: String) throws -> String {
        let directory = URL(fileURLWithPath: book).deletingLastPathComponent().appendingPathComponent("backups")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw RapportError.invalid(field: "backup directory", value: directory.path, expected: "a directory you can write to")
        }
        let digits = now.text.filter(\.isASCIIDigit)
        let stamp = digits.prefix(8) + "-" + digits.dropFirst(8)
        var n = 1
        while true {
            let name = "rapport-\(stamp)-\(label)\(n == 1 ? "" : "-\(n)").db"
            let path = directory.appendingPathComponent(name).path
            if !FileManager.default.fileExists(atPath: path) { return path }
            n += 1
        }
    }
}

/// `rapport restore FILE`
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the book with a backup, keeping the current book as a copy first.",
        discussion: """
            The backup is checked first (a sound file, a Rapport schema this version knows); an older
            backup is brought up to date after the restore. The current book is copied to backups/ first.
              rapport restore ~/.local/share/rapport/backups/rapport-20261120-1800-backup.db
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The backup to restore.", valueName: "file")) var file: String

    func run() throws {
        let session = try global.session(.creating)
        let kept = try BackupCommand.defaultPath(beside: session.database.path, now: session.now, label: "before-restore")
        let inspected = try session.database.restore(from: file, keepingCopyAt: kept)
        Terminal.write("Restored \(TerminalText.sanitized(file)) (\(inspected.customers.grouped) customers, schema \(inspected.schema)) "
                       + "into \(TerminalText.sanitized(session.database.path)).\nThe book as it was is kept in \(TerminalText.sanitized(kept)).\n")
    }
}

/// `rapport check [--repair]`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the book's file: SQLite's integrity and foreign keys, its schema, every row as Rapport reads it, and the funnel's running sums.",
        discussion: "Exits 1 when something is wrong. --repair rebuilds running sums that drifted."
    )

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Rebuild the funnel's running sums if they drifted.") var repair = false

    func run() throws {
        let session = try global.session()
        let report = try session.database.check(repair: repair)
        var out = "Checked \(TerminalText.sanitized(session.database.path)) (schema \(report.schema)):\n"
        out += report.integrity.isEmpty ? "  integrity: ok\n" : report.integrity.prefix(20).map { "  integrity: " + TerminalText.sanitized($0) + "\n" }.joined()
        out += report.foreignKeys.isEmpty ? "  foreign keys: ok\n" : report.foreignKeys.prefix(20).map { "  foreign key: " + $0 + "\n" }.joined()
        out += report.schemaObjects.isEmpty ? "  schema: ok\n" : report.schemaObjects.prefix(20).map { "  schema: " + TerminalText.sanitized($0) + "\n" }.joined()
        out += report.unreadable.isEmpty ? "  rows: ok\n" : report.unreadable.map { "  row: " + TerminalText.sanitized($0) + "\n" }.joined()
        if report.rollups.isEmpty {
            out += "  funnel sums: ok\n"
        } else {
            out += "  funnel sums: " + report.rollups.joined(separator: ", ") + (repair ? " drifted; rebuilt\n" : " drifted (run `rapport check --repair`)\n")
        }
        Terminal.write(out)
        if !report.integrity.isEmpty || !report.foreignKeys.isEmpty || !report.schemaObjects.isEmpty || !report.unreadable.isEmpty
            || (!report.rollups.isEmpty && !repair) {
            throw ExitCode(1)
        }
    }
}
