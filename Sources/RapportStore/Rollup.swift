import Foundation
import GRDB

/// A table of running counts and sums over the rows of another table, grouped by a key,
/// kept true by triggers: the funnel reads a few hundred rollup rows instead of aggregating
/// every deal and stage stay at each launch.
///
/// The SQL a rollup writes is frozen with the migration that creates it; a different rollup
/// is a new migration.
struct Rollup {
    /// The rollup table.
    var table: String
    /// The table rolled up.
    var source: String
    /// Key columns with the expression over the source row that fills each; `$` stands for
    /// the row (NEW or OLD). Keys are NOT NULL: write `coalesce` for nullable columns.
    var keys: [(column: String, value: String)]
    /// The count column.
    var count: String
    /// Summed columns with the expression over the source row.
    var sums: [(column: String, value: String)] = []
    /// Which source rows count; `$` stands for the row.
    var condition: String = "1"
    /// The source columns whose change moves a row between groups or changes a sum.
    var watched: [String]

    /// The CREATE TABLE, the initial fill from the source, and the three triggers.
    var sql: String {
        // Keys have no declared type, so they keep the source's values as they are.
        let columns = keys.map { "\($0.column) NOT NULL" } + ["\(count) INTEGER NOT NULL"]
            + sums.map { "\($0.column) INTEGER NOT NULL" }
        let keyList = keys.map(\.column).joined(separator: ", ")
        return """
            CREATE TABLE \(table) (\(columns.joined(separator: ", ")), PRIMARY KEY (\(keyList))) WITHOUT ROWID;
            INSERT INTO \(table) \(truth);
            \(trigger("insert", "AFTER INSERT", add: "NEW", remove: nil))
            \(trigger("delete", "AFTER DELETE", add: nil, remove: "OLD"))
            \(trigger("update", "AFTER UPDATE OF \(watched.joined(separator: ", "))", add: "NEW", remove: "OLD"))
            """
    }

    /// The plain aggregate the rollup stands for.
    var truth: String {
        let values = keys.map { row("src", $0.value) } + ["count(*)"] + sums.map { "sum(\(row("src", $0.value)))" }
        return "SELECT \(values.joined(separator: ", ")) FROM \(source) src WHERE \(row("src", condition)) "
            + "GROUP BY \((1...keys.count).map(String.init).joined(separator: ", "))"
    }

    /// Whether the rollup holds exactly its aggregate: no group missing, extra or off.
    func isTrue(_ db: Database) throws -> Bool {
        let differences = try Int.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM (SELECT * FROM \(table) EXCEPT \(truth)))
              + (SELECT count(*) FROM (\(truth) EXCEPT SELECT * FROM \(table)))
            """) ?? 0
        return differences == 0
    }

    /// Refills the rollup from its source.
    func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM \(table); INSERT INTO \(table) \(truth);")
    }

    private func row(_ name: String, _ expression: String) -> String {
        expression.replacingOccurrences(of: "$", with: name)
    }

    private func trigger(_ name: String, _ event: String, add: String?, remove: String?) -> String {
        var body = ""
        if let r = remove {
            let match = keys.map { "\($0.column) = \(row(r, $0.value))" }.joined(separator: " AND ")
            let lower = ["\(count) = \(count) - 1"] + sums.map { "\($0.column) = \($0.column) - \(row(r, $0.value))" }
            body += """
                UPDATE \(table) SET \(lower.joined(separator: ", ")) WHERE \(row(r, condition)) AND \(match);
                DELETE FROM \(table) WHERE \(count) = 0 AND \(match);

                """
        }
        if let a = add {
            let values = keys.map { row(a, $0.value) } + ["1"] + sums.map { row(a, $0.value) }
            let raise = ["\(count) = \(count) + 1"] + sums.map { "\($0.column) = \($0.column) + excluded.\($0.column)" }
            body += """
                INSERT INTO \(table) SELECT \(values.joined(separator: ", ")) WHERE \(row(a, condition))
                  ON CONFLICT (\(keys.map(\.column).joined(separator: ", "))) DO UPDATE SET \(raise.joined(separator: ", "));

                """
        }
        return "CREATE TRIGGER \(table)_on_\(name) \(event) ON \(source) BEGIN\n\(body)END;"
    }
}
