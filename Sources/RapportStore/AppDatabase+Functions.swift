import GRDBSQLite
import RapportBase
import RapportCore

extension AppDatabase {
    /// Registers `json_valid(X)` again, marked innocuous: SQLite 3.40's own is not, so with
    /// `trusted_schema` off the customer table's CHECK could not call it. An application's
    /// function takes precedence over the built-in of the same name.
    static func registerInnocuousJSONValid(_ connection: OpaquePointer?) {
        sqlite3_create_function_v2(connection, "json_valid", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nil, { context, _, values in
            guard let value = values?[0], sqlite3_value_type(value) != SQLITE_NULL else {
                sqlite3_result_null(context)
                return
            }
            let text = sqlite3_value_text(value)
            let count = Int(sqlite3_value_bytes(value))
            let valid = text.map { JSONReader.isDocument(UnsafeBufferPointer(start: $0, count: count)) } ?? false
            sqlite3_result_int(context, valid ? 1 : 0)
        }, nil, nil, nil)
    }
}
