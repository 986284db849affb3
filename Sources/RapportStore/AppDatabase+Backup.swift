import Foundation
import GRDB
import RapportCore

/// What `rapport check` found.
public struct CheckReport: Sendable, Equatable {
    /// `integrity_check`'s complaints; empty when the file is sound.
    public var integrity: [String]
    /// Rows whose parent is missing, as `table row N → parent`.
    public var foreignKeys: [String]
    /// Rollups that no longer equal what they sum (repaired by `check --repair`).
    public var rollups: [String]
    public var schema: String

    public var isSound: Bool { integrity.isEmpty && foreignKeys.isEmpty && rollups.isEmpty }
}

extension AppDatabase {
    /// The newest migration applied: the schema version a dump or a backup carries.
    public func schemaVersion() throws -> String {
        try read { try Self.schemaVersion($0) }
    }

    static func schemaVersion(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? "none"
    }

    /// Copies the whole book into a new file with SQLite's online backup, page by page
    /// under a read transaction: a TUI or a `rapport log` writing meanwhile is safe, and
    /// the copy is the book as it was at one instant. Refuses to overwrite a file.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw RapportError.conflict("\(path.quotedForMessage) already exists; name a new file")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw RapportError.database(path: path, reason: "cannot create the file")
        }
        do {
            let copy = try DatabaseQueue(path: path)
            try writer.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw RapportError.database(path: path, reason: Self.explain(error))
        }
    }

    /// Checks a backup before it replaces the book: a sound SQLite file, a Rapport schema
    /// this version knows (an older one is migrated after the restore).
    public static func inspectBackup(at path: String) throws -> (schema: String, customers: Int) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw RapportError.notFound(what: "backup file", reference: path)
        }
        var config = Configuration()
        config.readonly = true
        do {
            let source = try DatabaseQueue(path: path, configuration: config)
            defer { try? source.close() }
            return try source.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard problems == ["ok"] else {
                    throw RapportError.database(path: path, reason: "the file is damaged: " + (problems.first ?? "integrity check failed"))
                }
                guard try db.tableExists("grdb_migrations"), try db.tableExists("customer") else {
                    throw RapportError.database(path: path, reason: "the file is not a Rapport database")
                }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let known = Set(migrator.migrations)
                if let unknown = applied.first(where: { !known.contains($0) }) {
                    throw RapportError.database(path: path, reason: "it was written by a newer Rapport (schema \(unknown)); upgrade Rapport first")
                }
                return (try schemaVersion(db), try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0)
            }
        } catch let error as DatabaseError {
            throw RapportError.database(path: path, reason: explain(error))
        }
    }

    /// Replaces the whole book with a backup, in place (the online backup API writes into
    /// this connection, so other processes see the new book or the old one, never a mix),
    /// then migrates it if it is older. The backup is checked first, and only then is the
    /// book as it was copied to `copy`. Returns what the backup holds.
    public func restore(from path: String, keepingCopyAt copy: String) throws -> (schema: String, customers: Int) {
        let inspected = try Self.inspectBackup(at: path)
        try backup(to: copy)
        var config = Configuration()
        config.readonly = true
        do {
            let source = try DatabaseQueue(path: path, configuration: config)
            try source.backup(to: writer)
            try source.close()
            try Self.migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw RapportError.database(path: self.path, reason: Self.explain(error))
        }
        return inspected
    }

    /// Runs SQLite's integrity and foreign-key checks and compares every rollup with what it
    /// sums; with `repair`, rebuilds the rollups that drifted.
    public func check(repair: Bool = false) throws -> CheckReport {
        let report = try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
                let table: String = row[0] ?? "?"
                let rowid: Int64? = row[1]
                let parent: String = row[2] ?? "?"
                return "\(table) row \(rowid.map(String.init) ?? "?") → missing \(parent)"
            }
            var drifted: [String] = []
            for rollup in Self.funnelRollups where try !rollup.isTrue(db) { drifted.append(rollup.table) }
            return CheckReport(integrity: integrity, foreignKeys: foreignKeys, rollups: drifted, schema: try Self.schemaVersion(db))
        }
        if repair, !report.rollups.isEmpty {
            try write { db in
                for rollup in Self.funnelRollups where report.rollups.contains(rollup.table) { try rollup.rebuild(db) }
            }
        }
        return report
    }
}
