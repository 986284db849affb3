import CSQLite
import Foundation
import GRDB
import RapportCore

/// What SQLite's session extension recorded of one change to the book: every row inserted,
/// updated or deleted, with its values before and after. Inverted and applied, it takes the
/// change back; it is also what a later sync between a seller's machines would ship.
struct Changeset: Sendable, Equatable {
    var data: Data

    var isEmpty: Bool { data.isEmpty }

    /// The changeset that undoes this one.
    func inverted() throws -> Changeset {
        guard !isEmpty else { return self }
        var count: Int32 = 0
        var output: UnsafeMutableRawPointer?
        let code = data.withUnsafeBytes { bytes in
            sqlite3changeset_invert(Int32(bytes.count), UnsafeMutableRawPointer(mutating: bytes.baseAddress), &count, &output)
        }
        return try Changeset(taking: output, count: count, code: code)
    }

    /// Takes a buffer SQLite allocated.
    init(taking buffer: UnsafeMutableRawPointer?, count: Int32, code: Int32) throws {
        defer { sqlite3_free(buffer) }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "a recorded change cannot be read") }
        data = buffer.map { Data(bytes: $0, count: Int(count)) } ?? Data()
    }

    init(_ data: Data) { self.data = data }

    /// Every row it touches, with column names from the book's schema, in the recorded order.
    func rows(_ db: Database) throws -> [RowChange] {
        guard !isEmpty else { return [] }
        var names: [String: [String]] = [:]
        var rows: [RowChange] = []
        try data.withUnsafeBytes { bytes in
            var iterator: OpaquePointer?
            guard sqlite3changeset_start(&iterator, Int32(bytes.count), UnsafeMutableRawPointer(mutating: bytes.baseAddress)) == SQLITE_OK
            else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "a recorded change cannot be read") }
            defer { sqlite3changeset_finalize(iterator) }
            while sqlite3changeset_next(iterator) == SQLITE_ROW {
                let (name, columnCount, op, indirect) = Self.operation(iterator)
                if names[name] == nil { names[name] = try db.columns(in: name).map(\.name) }
                let columns = names[name] ?? []
                func values(_ read: (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>) -> Int32) -> [String: DatabaseValue] {
                    var found: [String: DatabaseValue] = [:]
                    for index in 0..<Int(columnCount) where index < columns.count {
                        var value: OpaquePointer?
                        if read(iterator, Int32(index), &value) == SQLITE_OK, let value { found[columns[index]] = Self.value(value) }
                    }
                    return found
                }
                let operation: RowChange.Operation = op == SQLITE_INSERT ? .insert : op == SQLITE_DELETE ? .delete : .update
                rows.append(RowChange(
                    table: name, operation: operation, indirect: indirect,
                    before: operation == .insert ? [:] : values { sqlite3changeset_old($0, $1, $2) }.mapValues(Self.text),
                    after: operation == .delete ? [:] : values { sqlite3changeset_new($0, $1, $2) }.mapValues(Self.text)))
            }
        }
        return rows
    }

    /// The change an iterator is at: its table, how many columns it has, the operation and whether it is indirect.
    static func operation(_ iterator: OpaquePointer?) -> (table: String, columns: Int32, op: Int32, indirect: Bool) {
        var table: UnsafePointer<CChar>?
        var columnCount: Int32 = 0
        var op: Int32 = 0
        var indirect: Int32 = 0
        sqlite3changeset_op(iterator, &table, &columnCount, &op, &indirect)
        return (table.map { String(cString: $0) } ?? "", columnCount, op, indirect != 0)
    }

    private static func value(_ value: OpaquePointer) -> DatabaseValue {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return sqlite3_value_int64(value).databaseValue
        case SQLITE_FLOAT: return sqlite3_value_double(value).databaseValue
        case SQLITE_TEXT:
            let count = Int(sqlite3_value_bytes(value))
            guard let text = sqlite3_value_text(value) else { return "".databaseValue }
            return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self).databaseValue
        case SQLITE_BLOB: return "(\(sqlite3_value_bytes(value)) bytes)".databaseValue
        default: return .null
        }
    }

    private static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob(let b): "(\(b.count) bytes)"
        }
    }
}

/// Records what a transaction does to the book's own tables through a session object on its
/// connection. Derived tables kept by triggers (the funnel's rollups) are left out: applying a
/// changeset fires the same triggers, which keep them true.
final class ChangeRecorder {
    private var session: OpaquePointer?

    init(_ db: Database, tables: [String]) throws {
        var session: OpaquePointer?
        var code = sqlite3session_create(db.sqliteConnection, "main", &session)
        self.session = session
        for table in tables where code == SQLITE_OK { code = sqlite3session_attach(session, table) }
        guard code == SQLITE_OK else {
            if let session { sqlite3session_delete(session) }
            self.session = nil
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "the history cannot record this change")
        }
    }

    /// Pauses or resumes recording: a bulk insert is kept as its range of ids instead.
    func record(_ on: Bool) {
        sqlite3session_enable(session, on ? 1 : 0)
    }

    /// What was recorded so far; the recorder stops.
    func finish() throws -> Changeset {
        defer {
            sqlite3session_delete(session)
            session = nil
        }
        var count: Int32 = 0
        var buffer: UnsafeMutableRawPointer?
        let code = sqlite3session_changeset(session, &count, &buffer)
        return try Changeset(taking: buffer, count: count, code: code)
    }

    deinit { if let session { sqlite3session_delete(session) } }
}

/// Applies a changeset, refusing any conflict but those of derived columns: the attention day
/// a trigger keeps, a link a cascade set to NULL.
extension Changeset {
    /// What stopped an apply: the table of the row in conflict (none for a missing reference).
    struct Refusal: Error {
        var table: String
    }

    /// Columns a trigger keeps from other rows: a changeset's value for them may already be
    /// there, or be about to be written by the trigger; either way the trigger has the last word.
    /// Columns a removal elsewhere sets to NULL (a follow-up's link to the call the undo just
    /// removed) may differ too.
    static let keptByTriggers: [String: Set<String>] = ["customer": ["attention_on"]]

    /// Applies the changeset to `tables` of the book.
    func apply(_ db: Database, tables: [String]) throws {
        guard !isEmpty else { return }
        var kept: [String: Set<Int>] = [:]
        for table in tables {
            let nulled = try Row.fetchAll(db, sql: "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE on_delete = 'SET NULL'", arguments: [table])
                .map { $0[0] as String }
            let columns = (Self.keptByTriggers[table] ?? []).union(nulled)
            guard !columns.isEmpty else { continue }
            kept[table] = Set(try db.columns(in: table).enumerated().filter { columns.contains($0.element.name) }.map(\.offset))
        }
        let box = ConflictBox(kept: kept)
        let context = Unmanaged.passUnretained(box).toOpaque()
        let code = data.withUnsafeBytes { bytes in
            sqlite3changeset_apply_v2(
                db.sqliteConnection, Int32(bytes.count), UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                nil,
                { context, kind, iterator in
                    let box = Unmanaged<ConflictBox>.fromOpaque(context!).takeUnretainedValue()
                    return box.resolve(kind: kind, iterator: iterator)
                },
                context, nil, nil, SQLITE_CHANGESETAPPLY_NOSAVEPOINT)
        }
        if let refusal = box.refusal { throw refusal }
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}

/// The conflict handler's state; a class so the C callback can reach it through a pointer.
private final class ConflictBox {
    var refusal: Changeset.Refusal?
    /// By table, the positions of the columns triggers keep.
    let kept: [String: Set<Int>]

    init(kept: [String: Set<Int>]) { self.kept = kept }

    func resolve(kind: Int32, iterator: OpaquePointer?) -> Int32 {
        // Reported once, at the end, for the whole apply: a row would point at one that is gone.
        guard kind != SQLITE_CHANGESET_FOREIGN_KEY else {
            refusal = Changeset.Refusal(table: "")
            return SQLITE_CHANGESET_ABORT
        }
        let (name, columnCount, op, _) = Changeset.operation(iterator)
        // A row the undo removes that a cascade already removed is where the undo wants it.
        if kind == SQLITE_CHANGESET_NOTFOUND, op == SQLITE_DELETE { return SQLITE_CHANGESET_OMIT }
        if kind == SQLITE_CHANGESET_DATA, let kept = kept[name], differsOnlyIn(kept, iterator: iterator, columns: Int(columnCount)) {
            return SQLITE_CHANGESET_REPLACE
        }
        refusal = Changeset.Refusal(table: name)
        return SQLITE_CHANGESET_ABORT
    }

    /// Whether the row in the book differs from the changeset's old values only at `kept` positions.
    private func differsOnlyIn(_ kept: Set<Int>, iterator: OpaquePointer?, columns: Int) -> Bool {
        for index in 0..<columns where !kept.contains(index) {
            var expected: OpaquePointer?
            var found: OpaquePointer?
            guard sqlite3changeset_old(iterator, Int32(index), &expected) == SQLITE_OK,
                  sqlite3changeset_conflict(iterator, Int32(index), &found) == SQLITE_OK
            else { return false }
            // An update records only the columns it changed.
            guard let expected else { continue }
            guard let found, Self.same(expected, found) else { return false }
        }
        return true
    }

    private static func same(_ a: OpaquePointer, _ b: OpaquePointer) -> Bool {
        let type = sqlite3_value_type(a)
        guard type == sqlite3_value_type(b) else { return false }
        switch type {
        case SQLITE_INTEGER: return sqlite3_value_int64(a) == sqlite3_value_int64(b)
        case SQLITE_FLOAT: return sqlite3_value_double(a) == sqlite3_value_double(b)
        case SQLITE_NULL: return true
        default:
            let count = sqlite3_value_bytes(a)
            guard count == sqlite3_value_bytes(b) else { return false }
            guard count > 0 else { return true }
            return memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b), Int(count)) == 0
        }
    }
}
