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
    /// Schema objects Rapport did not make, changed, or missing (`SchemaProblem`).
    public var schemaObjects: [String]
    /// Rows Rapport's readers would refuse (`UnreadableRow`), at most 20.
    public var unreadable: [String]
    public var schema: String

    public var isSound: Bool { integrity.isEmpty && foreignKeys.isEmpty && rollups.isEmpty && schemaObjects.isEmpty && unreadable.isEmpty }
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
    /// the copy is the book as it was at one instant. The copy is written under a private
    /// temporary name and linked into place only when complete, so a failed or killed
    /// backup leaves no file at `path`. Refuses to overwrite a file.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw RapportError.conflict("\(path.quotedForMessage) already exists; name a new file")
        }
        let partial = try SiblingFile(beside: path, label: "partial")
        do {
            let copy = try DatabaseQueue(path: partial.path)
            try writer.backup(to: copy)
            try copy.close()
            try partial.publish(as: path, replacing: false)
        } catch let error as DatabaseError {
            partial.discard()
            throw RapportError.database(path: path, reason: Self.explain(error, at: path))
        } catch {
            partial.discard()
            throw error
        }
    }

    /// The whole book copied into memory (SQLite's online backup): what is written to the
    /// copy never reaches the file. `rapport --snapshot --dry` runs its keys on one.
    public func inMemoryCopy() throws -> AppDatabase {
        let copy = try DatabaseQueue(configuration: Self.makeConfiguration())
        try writer.backup(to: copy)
        return try AppDatabase(copy)
    }

    /// Checks a backup before it replaces the book: a sound SQLite file with a Rapport schema
    /// this version knows, holding exactly the schema objects its migrations make (a trigger
    /// or view planted in a backup would run inside the book). Opened read-only.
    public static func inspectBackup(at path: String) throws -> (schema: String, customers: Int) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw RapportError.notFound(what: "backup file", reference: path)
        }
        do {
            let source = try DatabaseQueue(path: path, configuration: makeConfiguration(readonly: true))
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
                    throw RapportError.database(path: path, reason: "it was written by a newer Rapport (schema \(unknown.quotedForMessage)); upgrade Rapport first")
                }
                if let problem = try schemaProblems(db).first {
                    throw RapportError.database(path: path, reason: "it holds \(problem), so it is not a backup Rapport made; nothing was restored")
                }
                return (try schemaVersion(db), try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0)
            }
        } catch let error as DatabaseError {
            throw RapportError.database(path: path, reason: explain(error))
        }
    }

    /// Replaces the whole book with a backup. The backup is checked, copied into a private
    /// file beside the book, and brought up to date and checked again there; only then is
    /// the book as it was copied to `copy`, and the restored copy written over the book in
    /// one step by the online backup API (into this connection, so other processes see the
    /// new book or the old one, never a mix). A refused restore leaves the book untouched.
    /// Returns what the backup holds.
    public func restore(from path: String, keepingCopyAt copy: String) throws -> (schema: String, customers: Int) {
        let inspected = try Self.inspectBackup(at: path)
        let staging = try SiblingFile(beside: self.path, label: "restoring")
        defer { staging.discard() }
        do {
            let staged = try DatabaseQueue(path: staging.path, configuration: Self.makeConfiguration())
            defer { try? staged.close() }
            let source = try DatabaseQueue(path: path, configuration: Self.makeConfiguration(readonly: true))
            try source.backup(to: staged)
            try source.close()
            let migrated = try AppDatabase(staged, path: path)
            if let broken = try migrated.read({ try Row.fetchOne($0, sql: "PRAGMA foreign_key_check") }) {
                throw RapportError.database(path: path, reason: "a row of \((broken[0] as String? ?? "?").quotedForMessage) refers to a missing "
                                            + "\((broken[2] as String? ?? "?").quotedForMessage); nothing was restored")
            }
            try backup(to: copy)
            try staged.backup(to: writer)
            // The backup's history is not applied to this book: a file from outside brings rows
            // that were checked, never changesets to replay later. The copy is the way back.
            try writer.write { db in
                db.clearSchemaCache()
                try db.execute(sql: "DELETE FROM history")
            }
        } catch let error as DatabaseError {
            throw RapportError.database(path: self.path, reason: Self.explain(error, at: self.path))
        }
        return inspected
    }

    /// Runs SQLite's integrity and foreign-key checks, compares every rollup with what it
    /// sums, and reads every row as the product does; with `repair`, rebuilds the rollups
    /// that drifted.
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
            // The readers assume a sound file; a damaged one is reported as such first.
            let unreadable = integrity.isEmpty ? try Self.unreadableRows(db, limit: 20).map(\.description) : []
            return CheckReport(integrity: integrity, foreignKeys: foreignKeys, rollups: drifted,
                               schemaObjects: try Self.schemaProblems(db).map(\.description), unreadable: unreadable,
                               schema: try Self.schemaVersion(db))
        }
        if repair, !report.rollups.isEmpty {
            try write { db in
                for rollup in Self.funnelRollups where report.rollups.contains(rollup.table) { try rollup.rebuild(db) }
            }
        }
        return report
    }
}
