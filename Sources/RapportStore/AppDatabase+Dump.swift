import Foundation
import GRDB
import GRDBSQLite
import RapportBase
import RapportCore

extension AppDatabase {
    /// Tables a dump leaves out: SQLite's and GRDB's own, and the rollups, which the
    /// triggers rebuild from the rows they sum.
    static var tablesNotDumped: Set<String> {
        // The history is the book's own record of its changes, not the seller's rows.
        Set(["grdb_migrations", "sqlite_sequence", "history", "history_customer"] + funnelRollups.map(\.table))
    }

    /// Writes every table of the book as JSON, one row per line, in pieces to `output`
    /// (a million interactions never sit in memory). Settings come first, so a restore
    /// computes everything that depends on them with the book's own values.
    public func dumpBook(now: LocalDateTime, to output: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try read { db in
            let tables = try Self.dumpedTables(db)
            let names = tables.filter { $0 == "setting" } + tables.filter { $0 != "setting" }
            var w = JSONWriter(capacity: 1 << 20)
            w.beginObject()
            w.field("format", "rapport-book")
            w.field("schema", try Self.schemaVersion(db))
            w.field("exported_at", now.text)
            w.key("sequences")
            w.beginObject()
            // Only the dumped tables' counters: the history's is the book's own, as its rows are.
            for row in try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence ORDER BY name") where tables.contains(row[0] as String) {
                w.key(text: row[0] as String)
                w.int(row[1] as Int64)
            }
            w.endObject()
            w.key("tables")
            w.beginArray()
            for name in names {
                let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(name.quotedDatabaseIdentifier))")
                let columns = info.map { $0["name"] as String }
                // In key order, so that a restored book dumps the same bytes.
                let key = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }
                    .map { ($0["name"] as String).quotedDatabaseIdentifier }
                w.newline()
                w.beginObject()
                w.field("name", name)
                w.key("columns")
                w.beginArray()
                for column in columns { w.string(column) }
                w.endArray()
                w.key("rows")
                w.beginArray()
                let statement = try db.makeStatement(sql: "SELECT * FROM \(name.quotedDatabaseIdentifier) ORDER BY "
                                                         + (key.isEmpty ? "rowid" : key.joined(separator: ", ")))
                try statement.forEachRow(arguments: []) { row in
                    w.newline()
                    w.beginArray()
                    for i in 0..<Int32(columns.count) {
                        switch sqlite3_column_type(row.statement, i) {
                        case SQLITE_NULL: w.null()
                        case SQLITE_INTEGER: w.int(row.int64(i))
                        case SQLITE_TEXT: w.string(row.text(i))
                        default:
                            throw RapportError.conflict("\(name).\(columns[Int(i)]) holds a value that is neither text nor a whole number; "
                                                        + "this Rapport never writes one (run `rapport check`)")
                        }
                    }
                    w.endArray()
                    if w.byteCount > 1 << 20 { try w.flush(output) }
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
            w.newline()
            try w.flush(output)
        }
    }

    /// Restores a dump into this book, which must be empty, in one transaction, reading
    /// it row by row: the seeded settings and playbooks are replaced by the dump's, foreign
    /// keys are checked at the end, and the rollups and attention days are derived once from
    /// the restored rows and settings. Returns the schema and the rows restored per table.
    public func restoreDump(_ data: Data, file: String) throws -> (schema: String, tables: [(name: String, rows: Int)]) {
        // Into an empty book: its history starts after.
        try write(recording: false) { db in
            let schema = try Self.schemaVersion(db)
            for table in ["customer", "interaction", "deal", "product", "contract"] {
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                guard count == 0 else {
                    throw RapportError.conflict("the book already has \(count) rows in \(table); a full export goes into an empty book (use --db NEW.db)")
                }
            }
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try Self.widenCache(db)
            // The triggers keep derived columns and rollups row by row, the indexes their keys; for a
            // whole book it is far cheaper to drop them, load the rows, put them back (building each
            // index once) and derive everything once.
            let setAside = try Self.dropSchemaObjects(where: "1", db)
            return try data.withUnsafeBytes { raw in
                var reader = DumpReader(json: JSONReader(raw.bindMemory(to: UInt8.self)), file: file)
                // A CHECK with an `IN (…)` list builds an ephemeral table each time an insert runs:
                // the rows go in unchecked, and the whole book is checked once they are all in.
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                let restored: [(name: String, rows: Int)]
                do {
                    defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }  // also when a row is refused
                    restored = try reader.restore(into: db, schema: schema)
                }
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard problems == ["ok"] else {
                    if let broken = try Self.firstRowBreakingChecks(db) {
                        throw RapportError.conflict("\(file.quotedForMessage) breaks the book's rules: \(broken); nothing was imported")
                    }
                    throw RapportError.conflict("the export breaks the book's rules (\(problems.prefix(3).joined(separator: "; "))); nothing was imported")
                }
                // What the schema allows but Rapport's readers refuse ("" as a date, an amount past the bound).
                if let unreadable = try Self.unreadableRows(db, limit: 1, typesChecked: true).first {
                    throw RapportError.conflict("\(file.quotedForMessage) holds what Rapport cannot read: \(unreadable); nothing was imported")
                }
                for object in setAside { try db.execute(sql: object.sql) }
                for rollup in Self.funnelRollups { try rollup.rebuild(db) }
                try Self.refreshAllAttention(db)
                if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                    throw RapportError.conflict("the export is inconsistent: a row of \(broken[0] as String? ?? "?") refers to a missing "
                                                + "\(broken[2] as String? ?? "?"); nothing was imported")
                }
                return (schema, restored)
            }
        }
    }
}

extension AppDatabase {
    /// The first row, in table order, that breaks a CHECK of its table, with the rule and
    /// the value: rewriting a row's columns in place re-runs its checks, and halving the range of
    /// rows rewritten finds it in a few dozen statements. Only on the refusal path of a
    /// restore, whose transaction is rolled back.
    static func firstRowBreakingChecks(_ db: Database) throws -> String? {
        for table in try dumpedTables(db) {
            let info = try db.columns(in: table)
            let columns = info.map(\.name)
            // Every column, as SQLite re-runs only the checks that name a column changed.
            let assignments = columns.map { "\($0.quotedDatabaseIdentifier) = \($0.quotedDatabaseIdentifier)" }.joined(separator: ", ")
            let name = table.quotedDatabaseIdentifier
            // A WITHOUT ROWID table (setting, playbook) is ordered by its one-column key.
            let withoutRowID = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table])?
                .uppercased().contains("WITHOUT ROWID") ?? false
            let key = withoutRowID ? (info.first { $0.primaryKeyIndex == 1 }?.name ?? columns[0]).quotedDatabaseIdentifier : "rowid"
            let keys = try DatabaseValue.fetchAll(db, sql: "SELECT \(key) FROM \(name) ORDER BY \(key)")
            func breaks(_ range: ClosedRange<Int>) throws -> String? {
                do {
                    try db.execute(sql: "UPDATE \(name) SET \(assignments) WHERE \(key) BETWEEN ? AND ?",
                                   arguments: [keys[range.lowerBound], keys[range.upperBound]])
                    return nil
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    return error.message ?? "a CHECK constraint failed"
                }
            }
            guard !keys.isEmpty, try breaks(0...(keys.count - 1)) != nil else { continue }
            var range = 0...(keys.count - 1)
            while range.count > 1 {
                let lower = range.lowerBound...(range.lowerBound + range.count / 2 - 1)
                range = try breaks(lower) != nil ? lower : (lower.upperBound + 1)...range.upperBound
            }
            let rule = try breaks(range) ?? "a CHECK constraint failed"
            let row = try Row.fetchOne(db, sql: "SELECT * FROM \(name) WHERE \(key) = ?", arguments: [keys[range.lowerBound]])
            // The value of the first column the rule names, outside its quoted words.
            let words = rule.replacingOccurrences(of: "'[^']*'", with: " ", options: .regularExpression)
                .split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
            let named = words.first { columns.contains($0) }
            let value = named.flatMap { column in row.map { Self.describe($0[column]) } }.map { " (\($0))" } ?? ""
            let rowName = (row?["id"] as Int64?).map { "id \($0)" } ?? (row.map { "key " + Self.describe($0[0]) } ?? "")
            return "\(table) \(rowName): \(named ?? "a value")\(value) breaks the rule \(rule.replacingOccurrences(of: "CHECK constraint failed: ", with: ""))"
        }
        return nil
    }
}

/// Walks a book dump token by token, inserting each row as it is read.
private struct DumpReader {
    var json: JSONReader
    let file: String

    func bad(_ why: String) -> RapportError {
        RapportError.invalid(field: "book export", value: file, expected: why)
    }

    /// A row that would break the book, named by its place in the export.
    func refused(row: Int, of table: String, _ why: String) -> RapportError {
        RapportError.conflict("row \(row) of \(table) in \(file.quotedForMessage): \(why); nothing was imported")
    }

    /// SQLite's refusal of a row in the seller's words, with the value that caused it.
    static func explain(_ error: DatabaseError, columns: [String], values: [Parameter]) -> String {
        let message = error.message ?? "\(error.resultCode)"
        func value(of column: String) -> String {
            guard let i = columns.firstIndex(of: column), i < values.count else { return "" }
            switch values[i] {
            case .text(let t?): return " " + t.quotedForMessage
            case .integer(let n?): return " " + String(n)
            default: return ""
            }
        }
        // "UNIQUE constraint failed: setting.key" or "…: contract.number, …".
        for (prefix, says) in [("UNIQUE constraint failed: ", "appears twice"), ("NOT NULL constraint failed: ", "must have a value")]
        where message.hasPrefix(prefix) {
            let named = message.dropFirst(prefix.count).split(separator: ",").map { part in
                let column = String(part.split(separator: ".").last ?? Substring(part)).trimmingSpaces()
                return column + value(of: column)
            }
            return named.joined(separator: " with ") + " " + says
        }
        return message
    }

    mutating func token() throws -> JSONReader.Token {
        do {
            guard let token = try json.next() else { throw bad("it ends too soon") }
            return token
        } catch let failure as JSONReader.Failure {
            throw bad("it is not valid JSON at byte \(failure.offset): expected \(failure.expected)")
        }
    }

    mutating func expect(_ wanted: JSONReader.Token, _ what: String) throws {
        guard try token() == wanted else { throw bad("expected \(what)") }
    }

    mutating func string(_ what: String) throws -> String {
        guard case .value(.string(let text)) = try token() else { throw bad("\(what) must be text") }
        return text
    }

    /// Reads an array's items up to its end, handing each item's first token to `body`.
    mutating func items(_ body: (inout DumpReader, JSONReader.Token) throws -> Void) throws {
        while true {
            let token = try token()
            if token == .endArray { return }
            try body(&self, token)
        }
    }

    mutating func skip() throws {
        do { try json.skipValue() } catch { throw bad("it is not valid JSON at byte \(error.offset): expected \(error.expected)") }
    }

    mutating func restore(into db: Database, schema: String) throws -> [(name: String, rows: Int)] {
        guard try token() == .beginObject else { throw bad("it is not a Rapport book export (write one with `rapport export --format json`)") }
        var format: String?
        var dumpSchema: String?
        var restored: [(name: String, rows: Int)] = []
        while case .key(let key) = try token() {
            switch key {
            case "format":
                format = try string("format")
                guard format == "rapport-book" else { throw bad("it is not a Rapport book export (format \(format ?? ""))") }
            case "schema":
                let theirs = try string("schema")
                guard theirs == schema else {
                    throw RapportError.conflict("the export is of schema \(theirs); this Rapport writes \(schema): import it with the "
                                                + "Rapport that exported it, back that book up, and restore the backup here")
                }
                dumpSchema = theirs
            case "sequences":
                try expect(.beginObject, "the sequences as an object")
                try db.execute(sql: "DELETE FROM sqlite_sequence")
                while case .key(let table) = try token() {
                    guard case .value(.integer(let seq)) = try token() else { throw bad("the sequence of \(table) must be a whole number") }
                    try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table, seq])
                }
            case "tables":
                guard format != nil, dumpSchema != nil else { throw bad("format and schema must come before the tables") }
                try expect(.beginArray, "the tables as an array")
                try items { reader, token in
                    guard token == .beginObject else { throw reader.bad("each table must be an object") }
                    restored.append(try reader.table(db))
                }
            default:
                try skip()
            }
        }
        guard format != nil, dumpSchema != nil else { throw bad("it lacks its format and schema") }
        return restored
    }

    /// One table: its name, its columns, then its rows, inserted as they come.
    mutating func table(_ db: Database) throws -> (name: String, rows: Int) {
        var name: String?
        var columns: [String] = []
        var kinds: [AppDatabase.ColumnKind] = []
        var rows = 0
        while case .key(let key) = try token() {
            switch key {
            case "name":
                let table = try string("a table's name")
                guard !AppDatabase.tablesNotDumped.contains(table), try db.tableExists(table) else {
                    throw RapportError.invalid(field: "table", value: table, expected: "the export names a table this book does not have")
                }
                name = table
            case "columns":
                try expect(.beginArray, "the columns as an array")
                try items { reader, token in
                    guard case .value(.string(let column)) = token else { throw reader.bad("column names must be text") }
                    columns.append(column)
                }
                guard let name else { throw bad("a table's name must come before its columns") }
                let declared = Dictionary(try db.columns(in: name).map { ($0.name, AppDatabase.ColumnKind(declared: $0.type)) },
                                          uniquingKeysWith: { a, _ in a })
                if let unknown = columns.first(where: { declared[$0] == nil }) {
                    throw RapportError.invalid(field: "column", value: "\(name).\(unknown)", expected: "the export names a column this book does not have")
                }
                kinds = columns.compactMap { declared[$0] }
            case "rows":
                guard let name, !columns.isEmpty else { throw bad("a table's name and columns must come before its rows") }
                try db.execute(sql: "DELETE FROM \(name.quotedDatabaseIdentifier)")
                let insert = try db.makeStatement(sql: "INSERT INTO \(name.quotedDatabaseIdentifier) ("
                    + columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ") + ") VALUES ("
                    + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
                try expect(.beginArray, "the rows of \(name) as an array")
                var binder = ParameterBinder(insert)
                var values: [Parameter] = []  // the row's, kept to name a value SQLite refuses
                try items { reader, token in
                    guard token == .beginArray else { throw reader.bad("row \(rows + 1) of \(name) must be an array") }
                    var count = 0
                    values.removeAll(keepingCapacity: true)
                    try reader.items { reader, token in
                        count += 1
                        let value: Parameter
                        switch token {
                        case .value(.null): value = .text(nil)
                        case .value(.string(let text)): value = .text(text)
                        case .value(.integer(let n)): value = .integer(n)
                        default: throw reader.bad("row \(rows + 1) of \(name) holds a value that is neither text, a whole number nor null")
                        }
                        guard count <= columns.count else { return }
                        // The column's type, as the commands would write it: SQLite would keep
                        // "abc" in a number column, or turn 5 into "5", without a word.
                        let column = columns[count - 1]
                        switch (value, kinds[count - 1]) {
                        case (.text(let text?), .integer):
                            throw reader.refused(row: rows + 1, of: name, "\(column) \(text.quotedForMessage) is not a whole number")
                        case (.integer(let n?), .text):
                            throw reader.refused(row: rows + 1, of: name, "\(column) \(n) is not text")
                        case (.text(let text?), .text) where text.utf8.contains(0):
                            throw reader.refused(row: rows + 1, of: name, "\(column) holds a NUL character")
                        default: break
                        }
                        values.append(value)
                        binder.bind(value)
                    }
                    guard count == columns.count else {
                        throw reader.bad("row \(rows + 1) of \(name) has \(count) values for \(columns.count) columns")
                    }
                    do {
                        try binder.run()
                    } catch let error as DatabaseError {
                        throw reader.refused(row: rows + 1, of: name, DumpReader.explain(error, columns: columns, values: values))
                    }
                    rows += 1
                }
            default:
                try skip()
            }
        }
        guard let name else { throw bad("a table lacks its name") }
        return (name, rows)
    }
}
