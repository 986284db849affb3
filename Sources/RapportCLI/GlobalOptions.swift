import ArgumentParser
import Foundation
import RapportBase
import RapportCore
import RapportStore

/// The book this run made, if it made one: a command that fails takes it away again
/// (`RapportMain`), so a refused first import or a mistyped `add` leaves no empty file.
enum NewBook {
    nonisolated(unsafe) private static var made: AppDatabase?

    static func opened(_ book: AppDatabase) { made = book }

    /// The command succeeded: the book is the seller's. Letting go of it closes it, which
    /// checkpoints its write-ahead log into the file as every run leaves it.
    static func keep() { made = nil }

    static func discardIfUnwritten() {
        _ = try? made?.removeIfUnwritten()
        made = nil
    }
}

/// Options every command takes: which book, and which day it is.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database file (default: $RAPPORT_DB, else $XDG_DATA_HOME/rapport/rapport.db).", valueName: "path"))
    var database: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Pretend today is this day, e.g. 2026-12-01 or tomorrow (default: $RAPPORT_TODAY, else the real day).",
        valueName: "day"))
    var today: String?

    /// Opens the book and fixes the clock for this run. Only commands that start a book
    /// pass `.creating`; the others refuse a missing one rather than read an empty book.
    func session(_ access: BookAccess = .existing) throws -> Session {
        let environment = ProcessInfo.processInfo.environment
        let path = try AppDatabase.path(option: database, environment: environment)
        let isNew = !FileManager.default.fileExists(atPath: path)
        let book = try AppDatabase.open(at: path, access: access)
        if isNew { NewBook.opened(book) }
        Language.speak(.chosen(setting: try book.languageSetting(), environment: environment))
        if Terminal.stdinIsTerminal && Terminal.stderrIsTerminal { book.chooseAmong(Terminal.whichCustomer) }
        let now = try clock()
        book.changes(by: ChangeOrigin(command: Session.commandLine(), now: now))
        return Session(database: book, now: now)
    }

    /// Now, on the seller's wall clock (with the day fixed by --today or RAPPORT_TODAY).
    func clock() throws -> LocalDateTime {
        try Session.clock(option: today, environment: ProcessInfo.processInfo.environment, real: time(nil))
    }

    /// Whether --today or RAPPORT_TODAY fixes the day (tests and demos want the time fixed too).
    var isClockFixed: Bool {
        today != nil || ProcessInfo.processInfo.environment["RAPPORT_TODAY"].map { !$0.isEmpty } == true
    }
}

/// One run of a command: the open book and the moment it runs at.
struct Session {
    let database: AppDatabase
    /// The seller's local wall-clock time, read once per run.
    let now: LocalDateTime

    var today: Day { now.day }

    /// This run as the history names it: `rapport log wjg call 谈了报价` (words with spaces quoted).
    static func commandLine(_ arguments: [String] = CommandLine.arguments) -> String {
        (["rapport"] + arguments.dropFirst().map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }).joined(separator: " ")
    }

    /// Now on the local wall clock, with the day replaced by `--today` or `RAPPORT_TODAY`
    /// (an ISO day, or any date expression relative to the real day) so runs are repeatable.
    /// Now in UTC, for stamps other programs read (an iCalendar's DTSTAMP).
    static func utcClock(real: time_t = time(nil)) -> LocalDateTime {
        var seconds = real
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(ordinal: 0)
        return LocalDateTime(day: day, time: ClockTime(clampingHour: Int(parts.tm_hour), minute: Int(parts.tm_min)))
    }

    static func clock(option: String?, environment: [String: String], real: time_t) throws -> LocalDateTime {
        // One conversion per run, through the C library: Foundation's Calendar would load
        // ICU's calendar data for this alone.
        var seconds = real
        var parts = tm()
        localtime_r(&seconds, &parts)
        let realDay = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(ordinal: 0)
        let realNow = LocalDateTime(day: realDay, time: ClockTime(clampingHour: Int(parts.tm_hour), minute: Int(parts.tm_min)))
        guard let fixed = option ?? environment["RAPPORT_TODAY"].flatMap({ $0.isEmpty ? nil : $0 }) else { return realNow }
        do {
            let when = try DateExpression.parse(fixed, today: realDay)
            return LocalDateTime(day: when.day, time: when.time ?? realNow.time)
        } catch {
            throw RapportError.date(error)
        }
    }
}
