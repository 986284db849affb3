import GRDB
import GRDBSQLite
import RapportCore

/// Reads the current row of a stepping statement straight from SQLite's buffers.
///
/// The reminder scan decodes tens of thousands of rows; GRDB's general row decoding costs
/// several hundred instructions a column, and days need no `String` at all: they are
/// parsed from the column's bytes.
struct ColumnReader {
    let statement: SQLiteStatement

    func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(statement, i) }

    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(statement, i) == SQLITE_NULL }

    /// The column's text, or nil when it is NULL.
    func text(_ i: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, i) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, i))), as: UTF8.self)
    }

    /// Calls `body` with the column's text bytes (empty for NULL), without copying them.
    func withText(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let bytes = sqlite3_column_text(statement, i)
        body(UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : Int(sqlite3_column_bytes(statement, i))))
    }

    /// The day at the start of a `YYYY-MM-DD…` column, or nil when NULL or unreadable.
    func day(_ i: Int32) -> Day? {
        guard let bytes = sqlite3_column_text(statement, i) else { return nil }
        return Day(isoPrefixOf: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, i))))
    }
}

extension Statement {
    /// Runs the statement, calling `body` with each row's columns.
    func forEachRow(arguments: StatementArguments, _ body: (ColumnReader) throws -> Void) throws {
        let rows = try Row.fetchCursor(self, arguments: arguments)
        let reader = ColumnReader(statement: sqliteStatement)
        while try rows.next() != nil {
            try body(reader)
        }
    }
}
