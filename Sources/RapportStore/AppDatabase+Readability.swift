import GRDB
import RapportCore

/// A stored row that Rapport's own readers would refuse, or that no command would have
/// written: found by `rapport check` in a hand-edited book, and by a JSON import before
/// it commits.
public struct UnreadableRow: Sendable, Equatable, CustomStringConvertible {
    public var table: String
    /// How the row is known: `id 12`, `key "cadence.A"`.
    public var row: String
    public var problem: String

    public var description: String { "\(table) \(row): \(problem)" }
}

extension AppDatabase {
    /// Up to `limit` rows that would break reading, in table order: values of the wrong
    /// type for their column, text with a NUL, and whatever the product's readers and the
    /// commands' rules refuse (dates, stages, amounts past the bound, field limits, settings).
    /// `typesChecked`: the values' types and NULs were checked as they came in (a JSON
    /// import does so as it binds them), which spares a scan of every table.
    static func unreadableRows(_ db: Database, limit: Int, typesChecked: Bool = false) throws -> [UnreadableRow] {
        var found: [UnreadableRow] = []
        for table in try dumpedTables(db) where found.count < limit && !typesChecked {
            found += try mistypedRows(table, db, limit: limit - found.count)
        }
        // A mistyped value would trap in a reader below, which trusts the column types.
        guard found.isEmpty else { return found }
        for reader in rowReaders where found.count < limit {
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(reader.table) ORDER BY rowid")
            while found.count < limit, let row = try rows.next() {
                do {
                    try reader.read(row)
                } catch {
                    let problem = (error as? StoredValueError)?.problem ?? String(describing: error)
                    found.append(UnreadableRow(table: reader.table, row: "id \(row["id"] as Int64? ?? 0)", problem: problem))
                }
            }
        }
        if found.count < limit {
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting ORDER BY key") where found.count < limit {
                let key: String = row[0], value: String = row[1]
                do throws(RapportError) {
                    _ = try Setting.named(key).canonical(value)
                } catch {
                    found.append(UnreadableRow(table: "setting", row: "key \(key.quotedForMessage)", problem: error.description))
                }
            }
        }
        return found
    }

    /// The tables a dump carries, in schema order.
    static func dumpedTables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
            .filter { !tablesNotDumped.contains($0) }
    }

    /// The kind of value a column's declared type holds: the schema declares only these two.
    enum ColumnKind {
        case integer, text

        init(declared: String) { self = declared.uppercased().hasPrefix("INT") ? .integer : .text }

        var sqliteType: String { self == .integer ? "integer" : "text" }
    }

    /// Rows of `table` holding a value of another type than its column declares (SQLite
    /// keeps `'abc'` in an INTEGER column, where reading it would trap), or text with a NUL
    /// (which a Swift string read from the row would silently end at).
    private static func mistypedRows(_ table: String, _ db: Database, limit: Int) throws -> [UnreadableRow] {
        let columns = try db.columns(in: table)
        let key = columns.filter { $0.primaryKeyIndex > 0 }.sorted { $0.primaryKeyIndex < $1.primaryKeyIndex }.map(\.name)
        let kinds = columns.map { ColumnKind(declared: $0.type) }
        // Per column: 0 sound, 1 the wrong type, 2 text with a NUL; `max(0, …)` stays a scalar
        // function for a one-column table.
        let flags = zip(columns, kinds).map { c, kind in
            let name = c.name.quotedDatabaseIdentifier
            return "CASE WHEN typeof(\(name)) NOT IN ('null', '\(kind.sqliteType)') THEN 1 "
                + (kind == .text ? "WHEN instr(CAST(\(name) AS BLOB), x'00') > 0 THEN 2 " : "") + "ELSE 0 END"
        }
        let keyNames = key.isEmpty ? ["rowid"] : key
        let keyList = keyNames.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let sql = "SELECT * FROM (SELECT \(keyList), max(0, \(flags.joined(separator: ", "))) AS bad, "
            + flags.enumerated().map { "\($1) AS f\($0)" }.joined(separator: ", ") + ", "
            + columns.map(\.name.quotedDatabaseIdentifier).joined(separator: ", ")
            + " FROM \(table.quotedDatabaseIdentifier)) WHERE bad > 0 ORDER BY \(keyList) LIMIT \(limit)"
        return try Row.fetchAll(db, sql: sql).map { row in
            let named = keyNames.enumerated().map { "\($1 == "rowid" ? "row" : $1) \(describe(row[$0]))" }.joined(separator: ", ")
            let flagsStart = keyNames.count + 1, valuesStart = flagsStart + columns.count
            let i = (0..<columns.count).first { (row[flagsStart + $0] as Int) > 0 } ?? 0
            let problem = (row[flagsStart + i] as Int) == 2
                ? "\(columns[i].name) holds a NUL character, which no command writes"
                : "\(columns[i].name) holds \(describe(row[valuesStart + i])), not \(kinds[i] == .integer ? "a whole number" : "text")"
            return UnreadableRow(table: table, row: named, problem: problem)
        }
    }

    /// A stored value as a message shows it: text quoted and shortened, numbers as they are.
    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "null"
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): s.quotedForMessage
        case .blob(let b): "\(b.count) bytes of binary data"
        }
    }

    /// The product's own readers, one per table that has one, with the commands' rules for
    /// what the reader alone lets through: a row that passes here reads everywhere.
    private static let rowReaders: [(table: String, read: @Sendable (Row) throws -> Void)] = [
        ("customer", { row in
            _ = try Customer(row: row).validated()
            try birthday(row)
        }),
        ("contact_person", { row in
            _ = try FieldLimits.required(ContactPerson(row: row).name, field: "name")
            try birthday(row)
        }),
        ("interaction", { row in
            let interaction = try Interaction(row: row)
            _ = try FieldLimits.optional(interaction.note, field: "note", limit: FieldLimits.longText)
        }),
        ("follow_up", { row in
            let followUp = try FollowUp(row: row)
            _ = try FieldLimits.required(followUp.title, field: "title", limit: FieldLimits.shortText)
        }),
        ("deal", { _ = try Deal(row: $0).validated() }),
        ("deal_stage", { _ = try StageStay(row: $0) }),
        ("product", { _ = try Product(row: $0).validated() }),
        ("contract", { row in
            // Its instalments have a reader of their own, below.
            let contract = try Contract(row: row)
            _ = try FieldLimits.required(contract.number, field: "contract number", limit: FieldLimits.contractNumber)
        }),
        ("instalment", { _ = try Instalment(row: $0) }),
        ("payment", { _ = try Payment(row: $0) }),
    ]

    /// The card readers drop a birthday they cannot read; a row holding one is reported.
    private static func birthday(_ row: Row) throws {
        if let text: String = row["birthday"], Birthday(text: text) == nil {
            throw StoredValueError(column: "birthday", value: text, expected: StoredValueError.birthday)
        }
    }
}
