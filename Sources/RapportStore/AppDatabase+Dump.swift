import Foundation
import GRDB
import GRDBSQLite
import RapportCore

extension AppDatabase {
    /// Tables a dump leaves out: SQLite's and GRDB's own, and the rollups, which the
    /// triggers rebuild from the rows they sum.
    static var tablesNotDumped: Set<String> {
        Set(["grdb_migrations", "sqlite_sequence"] + funnelRollups.map(\.table))
    }

    /// Writes every table of the book as JSON, one row per line, in pieces to `output`
    /// (a million interactions never sit in memory). Settings come first, so a restore
    /// computes everything that depends on them with the book's own values.
    public func dumpBook(now: LocalDateTime, to output: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try read { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name != 'setting', rowid
                """).filter { !Self.tablesNotDumped.contains($0) }
            var w = JSONWriter(capacity: 1 << 20)
            w.beginObject()
            w.field("format", "rapport-book")
            w.field("schema", try Self.schemaVersion(db))
            w.field("exported_at", now.text)
            w.key("sequences")
            w.beginObject()
            for row in try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence ORDER BY name") {
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
        try write { db in
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
                    throw RapportError.conflict("the export breaks the book's rules (\(problems.prefix(3).joined(separator: "; "))); nothing was imported")
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

/// Walks a book dump token by token, inserting each row as it is read.
private struct DumpReader {
    var json: JSONReader
    let file: String

    func bad(_ why: String) -> RapportError {
        RapportError.invalid(field: "book export", value: file, expected: why)
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
                let known = Set(try db.columns(in: name).map(\.name))
                if let unknown = columns.first(where: { !known.contains($0) }) {
                    throw RapportError.invalid(field: "column", value: "\(name).\(unknown)", expected: "the export names a column this book does not have")
                }
            case "rows":
                guard let name, !columns.isEmpty else { throw bad("a table's name and columns must come before its rows") }
                try db.execute(sql: "DELETE FROM \(name.quotedDatabaseIdentifier)")
                let insert = try db.makeStatement(sql: "INSERT INTO \(name.quotedDatabaseIdentifier) ("
                    + columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ") + ") VALUES ("
                    + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
                try expect(.beginArray, "the rows of \(name) as an array")
                var binder = ParameterBinder(insert)
                try items { reader, token in
                    guard token == .beginArray else { throw reader.bad("row \(rows + 1) of \(name) must be an array") }
                    var count = 0
                    try reader.items { reader, token in
                        count += 1
                        let value: Parameter
                        switch token {
                        case .value(.null): value = .text(nil)
                        case .value(.string(let text)): value = .text(text)
                        case .value(.integer(let n)): value = .integer(n)
                        default: throw reader.bad("row \(rows + 1) of \(name) holds a value that is neither text, a whole number nor null")
                        }
                        if count <= columns.count { binder.bind(value) }
                    }
                    guard count == columns.count else {
                        throw reader.bad("row \(rows + 1) of \(name) has \(count) values for \(columns.count) columns")
                    }
                    try binder.run()
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
