import Foundation
import GRDB
import RapportBase
import RapportCore
import Synchronization

/// Who is changing the book and when, for the history: the command line (or TUI action) and
/// the moment it runs at.
public struct ChangeOrigin: Sendable, Equatable {
    public var command: String
    public var now: LocalDateTime?

    public init(command: String, now: LocalDateTime?) {
        self.command = command
        self.now = now
    }
}

/// What one write is recording beside its changeset.
final class ChangeNotes {
    /// The customers a bulk import added, by id, which it does not record row by row.
    var bulkCustomers: ClosedRange<Int64>?
    /// The customer this change moves to the trash.
    var trashed: Int64?
    /// What the change was, when its rows alone do not say it (a merge is a removal and some edits).
    var headline: String?
    let recorder: ChangeRecorder

    init(_ recorder: ChangeRecorder) { self.recorder = recorder }
}

extension AppDatabase {
    /// SQLite's data version of the book: it moves when another connection commits a write,
    /// so an open TUI notices `rapport log` run in another terminal.
    public func dataVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// Sets the command and time the next writes are kept under in the history.
    public func changes(by origin: ChangeOrigin) {
        self.origin.withLock { current in current = origin }
    }

    /// The tables the history records: the seller's own rows, not what triggers derive from them.
    static func recordedTables(_ db: Database) throws -> [String] {
        try dumpedTables(db)
    }

    /// Runs `updates` recording what it changes, and keeps the change in the history in the same transaction.
    func recorded<T>(_ db: Database, _ updates: (ChangeNotes) throws -> T) throws -> T {
        let notes = ChangeNotes(try ChangeRecorder(db, tables: try Self.recordedTables(db)))
        let value = try updates(notes)
        try keep(try notes.recorder.finish(), notes, db)
        return value
    }

    /// Writes the history row of a finished change (none for a change that changed nothing),
    /// ends what could be redone, and lets go of changes older than `history.days`.
    private func keep(_ changeset: Changeset, _ notes: ChangeNotes, _ db: Database) throws {
        guard !changeset.isEmpty || notes.bulkCustomers != nil else { return }
        let origin: ChangeOrigin = self.origin.withLock { current in current }
        var now = origin.now?.text ?? ""
        if now.isEmpty { now = try String.fetchOne(db, sql: "SELECT strftime('%Y-%m-%d %H:%M', 'now', 'localtime')") ?? "" }
        let rows = try changeset.rows(db)
        let customers = try Self.customers(of: rows, db)
        var summary = rows.isEmpty ? "" : ChangeWords.summary(of: rows, names: try Self.names(customers, rows: rows, db))
        if let headline = notes.headline { summary = TerminalText.sanitized(headline) + (summary.isEmpty ? "" : ", " + summary) }
        if let bulk = notes.bulkCustomers {
            let added = "added \(bulk.count.grouped) customers (#\(bulk.lowerBound)–#\(bulk.upperBound))"
            summary = summary.isEmpty ? added : added + ", " + summary
        }
        try db.execute(sql: "UPDATE history SET redoable = 0 WHERE redoable = 1")
        try db.execute(sql: """
            INSERT INTO history (made_at, command, summary, changeset, bulk_first, bulk_last, trashed) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [now, TerminalText.sanitized(origin.command), summary, changeset.data,
                             notes.bulkCustomers?.lowerBound, notes.bulkCustomers?.upperBound, notes.trashed])
        let id = db.lastInsertedRowID
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO history_customer (customer_id, change_id) VALUES (?, ?)")
        for customer in customers { try statement.execute(arguments: [customer, id]) }
        // One setting read, not all of them: this runs at every write.
        let stored = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'history.days'")
        let days = Settings(stored: stored.map { ["history.days": $0] } ?? [:]).historyDays
        try db.execute(sql: "DELETE FROM history WHERE made_at < date(?, '-' || ? || ' days') AND (trashed IS NULL OR undone_at IS NOT NULL)",
                       arguments: [now, days])
    }

    /// The customers rows belong to: their own ids, their `customer_id`, and the customer of a
    /// deal or contract they name. A row whose change only moved values the book derives (every
    /// customer's attention day after a cadence is set) does not make the change theirs.
    static func customers(of rows: [RowChange], _ db: Database) throws -> [Int64] {
        var found: Set<Int64> = []
        var deals: Set<Int64> = []
        var contracts: Set<Int64> = []
        for row in rows where row.operation != .update || !row.editedColumns.isEmpty {
            if row.table == "customer", let id = row.id.flatMap(Int64.init) { found.insert(id) }
            if let id = row["customer_id"].flatMap(Int64.init) { found.insert(id) }
            if let id = row["deal_id"].flatMap(Int64.init) { deals.insert(id) }
            if let id = row["contract_id"].flatMap(Int64.init) { contracts.insert(id) }
        }
        for (table, ids) in [("deal", deals), ("contract", contracts)] where !ids.isEmpty {
            found.formUnion(try Int64.fetchAll(db, sql: "SELECT customer_id FROM \(table) WHERE id IN (\(ids.map(String.init).joined(separator: ",")))"))
        }
        return found.sorted()
    }

    /// Names of customers, from the book or, for those a change removed, from the change itself.
    static func names(_ ids: [Int64], rows: [RowChange], _ db: Database) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in rows where row.table == "customer" {
            if let id = row.id.flatMap(Int64.init), let name = row["name"] { names[id] = name }
        }
        let missing = ids.filter { names[$0] == nil }
        guard !missing.isEmpty else { return names }
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM customer WHERE id IN (\(missing.map(String.init).joined(separator: ",")))") {
            names[row[0]] = row[1]
        }
        return names
    }

    // MARK: - Undo and redo

    /// Takes back the last `count` changes, newest first, in one transaction; returns them.
    public func undo(_ count: Int = 1, now: LocalDateTime) throws -> [HistoryEntry] {
        try writeUnrecorded { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM history WHERE undone_at IS NULL ORDER BY id DESC LIMIT ?", arguments: [count])
            guard !ids.isEmpty else { throw RapportError.conflict("there is nothing to undo") }
            guard ids.count == count else {
                throw RapportError.conflict("only \(ids.count) change\(ids.count == 1 ? "" : "s") can be undone; nothing was undone")
            }
            return try ids.map { try Self.undo(change: $0, now: now, db) }
        }
    }

    /// Takes back one change of the history, if no later change depends on it.
    public func undo(change id: Int64, now: LocalDateTime) throws -> HistoryEntry {
        try writeUnrecorded { db in try Self.undo(change: id, now: now, db) }
    }

    /// Does again the change undone last, if nothing was changed since.
    public func redo(now: LocalDateTime) throws -> HistoryEntry {
        try writeUnrecorded { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, reverse, bulk_first, bulk_last FROM history WHERE redoable = 1 ORDER BY undo_order DESC LIMIT 1
                """) else {
                throw RapportError.conflict("there is nothing to redo (a change made after an undo ends what can be redone)")
            }
            let id: Int64 = row["id"]
            let reverse = Changeset(row["reverse"] as Data? ?? Data())
            if let first = row["bulk_first"] as Int64?, let last = row["bulk_last"] as Int64? {
                // A bulk import comes back as it came: its customers inserted with the import's
                // schema objects set aside, not recorded again; the change keeps its own record
                // (the updates, and the range), so the undo's record is let go. Nothing was
                // written since the undo (a write ends what can be redone), so nothing can depend on it.
                let setAside = try Self.setAsideForBulkInsert(of: Int(last - first + 1), path: path, db)
                try reverse.inverted().apply(db, tables: try Self.recordedTables(db))
                for object in setAside { try db.execute(sql: object.sql) }
                try db.execute(sql: "UPDATE history SET undone_at = NULL, undo_order = NULL, reverse = NULL, redoable = 0 WHERE id = ?",
                               arguments: [id])
                return try Self.historyEntry(id, db)
            }
            let forward = try Self.applyRecording(try reverse.inverted(), expected: try reverse.rows(db), bulk: nil, change: id, db)
            try db.execute(sql: """
                UPDATE history SET changeset = ?, bulk_first = NULL, bulk_last = NULL, undone_at = NULL, undo_order = NULL,
                  reverse = NULL, redoable = 0 WHERE id = ?
                """, arguments: [forward.data, id])
            return try Self.historyEntry(id, db)
        }
    }

    static func undo(change id: Int64, now: LocalDateTime, _ db: Database) throws -> HistoryEntry {
        guard let row = try Row.fetchOne(db, sql: "SELECT changeset, bulk_first, bulk_last, undone_at FROM history WHERE id = ?", arguments: [id])
        else { throw RapportError.notFound(what: "change", reference: "\(id)") }
        guard row["undone_at"] as String? == nil else { throw RapportError.conflict("change \(id) is already undone; `rapport redo` does it again") }
        let changeset = Changeset(row["changeset"] as Data? ?? Data())
        let bulk: ClosedRange<Int64>? = (row["bulk_first"] as Int64?).flatMap { first in (row["bulk_last"] as Int64?).map { first...$0 } }
        let reverse = try applyRecording(try changeset.inverted(), expected: try changeset.rows(db), bulk: bulk, change: id, db)
        let order = (try Int64.fetchOne(db, sql: "SELECT max(undo_order) FROM history") ?? 0) + 1
        try db.execute(sql: "UPDATE history SET undone_at = ?, undo_order = ?, reverse = ?, redoable = 1 WHERE id = ?",
                       arguments: [now.text, order, reverse.data, id])
        var entry = try historyEntry(id, db)
        // Said as the seller would: what the change was, and for a logged call what became of
        // the follow-ups it closed and scheduled (`follow-up 3 reopened, follow-up 4 removed`).
        let original = try changeset.rows(db)
        let names = try names(try customers(of: original, db), rows: original, db)
        // (A change with a headline of its own, a merge, keeps its whole summary.)
        if bulk == nil, let headline = ChangeWords.phrases(of: original, names: names).first, entry.summary.hasPrefix(headline) {
            entry.summary = headline
        }
        if original.contains(where: { $0.table == "interaction" && !$0.indirect }) {
            let promises = try reverse.rows(db).filter { $0.table == "follow_up" }
            if !promises.isEmpty { entry.undoing = ChangeWords.phrases(of: promises, names: names) }
        }
        return entry
    }

    /// Applies `changeset` (and removes a bulk import's customers), recording what that does;
    /// refuses when it touches any row of the seller's the change did not (a later change's
    /// payment on the contract it removes), or meets a row another change altered since.
    private static func applyRecording(_ changeset: Changeset, expected: [RowChange], bulk: ClosedRange<Int64>?,
                                       change id: Int64, _ db: Database) throws -> Changeset {
        let tables = try recordedTables(db)
        let recorder = try ChangeRecorder(db, tables: tables)
        do {
            try changeset.apply(db, tables: tables)
        } catch let refusal as Changeset.Refusal {
            let noun = refusal.table.isEmpty ? "a row it needs" : ChangeWords.noun(refusal.table)
            throw RapportError.conflict("change \(id) cannot be taken back: a later change altered the same \(noun); undo that one first")
        }
        if let bulk {
            try db.execute(sql: "DELETE FROM customer WHERE id BETWEEN ? AND ?", arguments: [bulk.lowerBound, bulk.upperBound])
        }
        let done = try recorder.finish()
        var primaryKeys: [String: [String]] = [:]
        func key(_ row: RowChange) throws -> String {
            if primaryKeys[row.table] == nil { primaryKeys[row.table] = try db.primaryKey(row.table).columns }
            return Self.key(of: row, columns: primaryKeys[row.table] ?? [])
        }
        let keys = try Set(expected.map(key))
        let cardTables: Set<String> = ["customer", "customer_phone", "customer_email", "customer_tag"]
        for row in try done.rows(db) {
            if let bulk, cardTables.contains(row.table),
               let customer = (row.table == "customer" ? row.id : row["customer_id"]).flatMap(Int64.init), bulk.contains(customer) { continue }
            if row.operation == .update, row.editedColumns.isEmpty { continue }
            if try keys.contains(key(row)) { continue }
            throw RapportError.conflict("change \(id) cannot be taken back alone: a later change depends on it "
                                        + "(\(ChangeWords.noun(row.table))\(row.id.map { " " + $0 } ?? "")); undo that one first")
        }
        return done
    }

    /// A row's table and primary key, to compare what an undo did with what it meant to do.
    private static func key(of row: RowChange, columns: [String]) -> String {
        let values = row.operation == .insert ? row.after : row.before
        return row.table + ":" + columns.map { (values[$0] ?? nil) ?? "" }.joined(separator: "\u{1F}")
    }

    /// A write that is itself the history's business (undo, redo, the trash): not recorded as a change.
    func writeUnrecorded<T>(_ updates: (Database) throws -> T) throws -> T {
        try write(recording: false, updates)
    }

    // MARK: - Reading the history

    /// The changes, newest first; only those touching `customer` when one is named.
    public func history(customer: Int64? = nil, limit: Int = 50) throws -> [HistoryEntry] {
        try read { db in
            let ids: [Int64]
            if let customer {
                ids = try Int64.fetchAll(db, sql: """
                    SELECT id FROM history WHERE id IN (SELECT change_id FROM history_customer WHERE customer_id = :c)
                      OR :c BETWEEN bulk_first AND bulk_last
                    ORDER BY id DESC LIMIT :limit
                    """, arguments: ["c": customer, "limit": limit])
            } else {
                ids = try Int64.fetchAll(db, sql: "SELECT id FROM history ORDER BY id DESC LIMIT ?", arguments: [limit])
            }
            return try ids.map { try Self.historyEntry($0, db) }
        }
    }

    static func historyEntry(_ id: Int64, _ db: Database) throws -> HistoryEntry {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, made_at, command, summary, undone_at FROM history WHERE id = ?", arguments: [id])
        else { throw RapportError.notFound(what: "change", reference: "\(id)") }
        return HistoryEntry(id: row["id"], madeAt: try row.localDateTime("made_at"), command: row["command"], summary: row["summary"],
                            state: row["undone_at"] as String? == nil ? .done : .undone,
                            customers: try Int64.fetchAll(db, sql: "SELECT customer_id FROM history_customer WHERE change_id = ? ORDER BY customer_id",
                                                          arguments: [id]))
    }
}
