import Foundation
import GRDB
import RapportCore

extension AppDatabase {
    /// Where the book lives: `--db`, else `RAPPORT_DB`, else `$XDG_DATA_HOME/rapport/rapport.db`,
    /// else `~/.local/share/rapport/rapport.db`.
    public static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["RAPPORT_DB"], !env.isEmpty { return env }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/rapport/rapport.db"
    }

    /// Opens (creating when needed) the book at `path` in WAL mode, so a `rapport log` in one
    /// terminal works while the TUI is open in another.
    ///
    /// The book holds personal data: a new directory is made 0700 and a new file 0600
    /// (SQLite gives the -wal and -shm files the database file's mode).
    public static func open(at path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let files = FileManager.default
        do {
            if !files.fileExists(atPath: directory) {
                try files.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                          attributes: [.posixPermissions: 0o700])
            }
            if !files.fileExists(atPath: path) {
                guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw RapportError.database(path: path, reason: "cannot create the file")
                }
            }
        } catch let error as RapportError {
            throw error
        } catch {
            throw RapportError.database(path: path, reason: "cannot create its directory")
        }
        do {
            // One connection in WAL mode: other processes (the TUI, a second terminal) read
            // and write beside it. WAL is switched on here rather than by GRDB's `.wal`
            // option, which writes to the file at every open (to prime a pool's WAL file):
            // opening must leave a book it refuses byte for byte unchanged.
            var config = makeConfiguration()
            config.prepareDatabase { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            return try AppDatabase(try DatabaseQueue(path: path, configuration: config), path: path)
        } catch let error as DatabaseError {
            throw RapportError.database(path: path, reason: explain(error))
        }
    }
}
