import Foundation
import GRDB
import RapportCore

/// Whether a command may start a new book where none is.
public enum BookAccess: Sendable {
    /// A command that reads, or that writes to what is already in the book: a missing
    /// book is an error, not an empty one.
    case existing
    /// A command that starts a book (add, import, demo, restore, the TUI): a missing file
    /// and its directory are created.
    case creating
}

extension AppDatabase {
    /// Where the book lives: `--db`, else `RAPPORT_DB`, else `$XDG_DATA_HOME/rapport/rapport.db`,
    /// else `~/.local/share/rapport/rapport.db`. An empty `--db` names no file and is refused.
    public static func path(option: String?, environment: [String: String]) throws -> String {
        if let option {
            guard !option.isEmpty else { throw RapportError.invalid(field: "--db", value: option, expected: "name the book's file") }
            return option
        }
        if let env = environment["RAPPORT_DB"], !env.isEmpty { return env }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/rapport/rapport.db"
    }

    /// Opens the book at `path` in WAL mode, so a `rapport log` in one terminal works while
    /// the TUI is open in another; with `.creating`, makes it first when it is missing.
    ///
    /// The book holds personal data: a new directory is made 0700 and a new file 0600
    /// (SQLite gives the -wal and -shm files the database file's mode). A file that is not
    /// a Rapport book is refused and left byte for byte unchanged.
    public static func open(at path: String, access: BookAccess) throws -> AppDatabase {
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists, status.st_mode & S_IFMT == S_IFDIR {
            throw RapportError.database(path: path, reason: "it is a directory; name the book's file, e.g. \((path + "/rapport.db").quotedForMessage)")
        }
        if exists, status.st_mode & S_IFMT != S_IFREG {
            throw RapportError.database(path: path, reason: "it is not a regular file")
        }
        if access == .existing, !exists || status.st_size == 0 {
            throw RapportError.database(path: path, reason: "there is no book there yet; `rapport add` or `rapport import` starts one "
                                        + "(or name another with --db or RAPPORT_DB)")
        }
        if !exists { try create(path) }
        do {
            let queue = try DatabaseQueue(path: path, configuration: makeConfiguration())
            let book = try AppDatabase(queue, path: path)
            // WAL is switched on only once the file is known to be a Rapport book (rather
            // than by GRDB's `.wal` option, which writes at every open): opening must leave
            // a file it refuses byte for byte unchanged.
            try queue.inDatabase { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            return book
        } catch let error as DatabaseError {
            throw RapportError.database(path: path, reason: explain(error, at: path))
        }
    }

    /// Closes and removes a book that holds nothing a seller wrote (no customer, product or
    /// interaction): for a book a failed command made, so a refused `import` into a new path
    /// leaves no empty book behind. Returns whether it was removed.
    public func removeIfUnwritten() throws -> Bool {
        let written = try read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM customer) + (SELECT count(*) FROM product) + (SELECT count(*) FROM interaction)") ?? 0
        }
        guard written == 0 else { return false }
        try close()
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        return true
    }

    /// Makes a new, empty book file (and its directory) readable by the seller alone.
    private static func create(_ path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let files = FileManager.default
        if !files.fileExists(atPath: directory) {
            do {
                try files.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw RapportError.database(path: path, reason: "cannot create its directory \(directory.quotedForMessage)")
            }
        }
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw RapportError.database(path: path, reason: "cannot create the file (\(String(cString: strerror(errno))))")
        }
        Foundation.close(fd)
    }
}
