import GRDB
import RapportCore

/// One object of a database's schema — a table, index, trigger or view — with the SQL that made it.
struct SchemaObject: Hashable {
    var type: String
    var name: String
    var sql: String?
}

/// How a file's schema departs from what Rapport's migrations make. Triggers and views
/// carry code that runs on every write or read, so a book is only trusted when it holds
/// exactly the objects its migrations made.
public struct SchemaProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// An object no migration makes: a planted trigger, view or table.
        case extra
        /// An object of Rapport's name whose SQL is not Rapport's.
        case changed
        /// An object the migrations make that the file lacks.
        case missing
    }

    public var kind: Kind
    public var type: String
    public var name: String

    public var description: String {
        switch kind {
        case .extra: "a \(type) \(name.quotedForMessage) that Rapport did not make"
        case .changed: "a \(type) \(name.quotedForMessage) that differs from Rapport's"
        case .missing: "no \(type) \(name.quotedForMessage)"
        }
    }
}

extension AppDatabase {
    /// Every schema object but SQLite's own (`sqlite_sequence`, `sqlite_stat1`, automatic indexes).
    static func schemaObjects(_ db: Database) throws -> Set<SchemaObject> {
        Set(try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").map {
            SchemaObject(type: $0["type"], name: $0["name"], sql: $0["sql"])
        })
    }

    /// How `db`'s schema differs from the one its applied migrations make (built afresh in
    /// memory, so nothing is kept by hand): extra objects first, then changed, then missing.
    static func schemaProblems(_ db: Database) throws -> [SchemaProblem] {
        // Against the migrations applied without a gap: a file that claims a later one but
        // lacks an earlier one holds objects no book at its real schema has.
        let applied = Set(try migrator.appliedMigrations(db))
        guard let last = migrator.migrations.prefix(while: { applied.contains($0) }).last else { return [] }
        let reference = try DatabaseQueue(configuration: makeConfiguration())
        try migrator.migrate(reference, upTo: last)
        let expected = try reference.read { try schemaObjects($0) }
        let found = try schemaObjects(db)
        let expectedByName = Dictionary(expected.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let foundNames = Set(found.map(\.name))
        var extra: [SchemaProblem] = []
        var changed: [SchemaProblem] = []
        for object in found.sorted(by: { $0.name < $1.name }) {
            if let wanted = expectedByName[object.name] {
                if wanted != object { changed.append(SchemaProblem(kind: .changed, type: object.type, name: object.name)) }
            } else {
                extra.append(SchemaProblem(kind: .extra, type: object.type, name: object.name))
            }
        }
        let missing = expected.sorted(by: { $0.name < $1.name }).filter { !foundNames.contains($0.name) }
            .map { SchemaProblem(kind: .missing, type: $0.type, name: $0.name) }
        return extra + changed + missing
    }

    /// Refuses, before anything is written: a file that is another program's database, one
    /// written by a newer Rapport, and an older book whose schema holds objects its migrations
    /// did not make (a planted trigger would run during the migration itself).
    static func checkBeforeMigrating(_ db: Database, path: String) throws {
        guard try db.tableExists("grdb_migrations") else {
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid LIMIT 4
                """)
            guard names.isEmpty else {
                let shown = names.prefix(3).map(\.quotedForMessage).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
                throw RapportError.database(path: path, reason: "it is another program's SQLite database (it holds \(shown)), "
                                            + "not a Rapport book; it was not changed")
            }
            return
        }
        if try migrator.hasBeenSuperseded(db) { throw RapportError.databaseTooNew(path: path) }
        guard try !migrator.hasCompletedMigrations(db) else { return }
        if let problem = try schemaProblems(db).first(where: { $0.kind != .missing }) {
            throw RapportError.database(path: path, reason: "it holds \(problem), so it is not brought up to date; "
                                        + "the file was not changed")
        }
    }
}
