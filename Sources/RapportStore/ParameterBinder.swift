import GRDB
import GRDBSQLite

/// A value for one statement parameter.
enum Parameter {
    case text(String?)
    case integer(Int64?)

    static func integer(_ value: Int?) -> Parameter { .integer(value.map(Int64.init)) }
}

/// Binds parameters straight into a prepared statement and runs it, for the statements a
/// bulk write runs once a row.
///
/// GRDB's `StatementArguments` box every value and convert it again on binding, several
/// hundred instructions a value; an import of 100,000 customers binds three million. The
/// statements are plain inserts and updates inside the caller's transaction.
struct ParameterBinder {
    private let statement: Statement
    private var index: Int32 = 0

    init(_ statement: Statement) {
        self.statement = statement
    }

    mutating func bind(_ parameter: Parameter) {
        index += 1
        let handle = statement.sqliteStatement
        switch parameter {
        case .text(nil), .integer(nil):
            sqlite3_bind_null(handle, index)
        case .text(var text?):
            // An empty buffer may have no address, and a null address binds NULL.
            if text.isEmpty {
                sqlite3_bind_text(handle, index, "", 0, Self.transient)
            } else {
                text.withUTF8 { bytes in
                    _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                          Int32(bytes.count), Self.transient)
                }
            }
        case .integer(let value?):
            sqlite3_bind_int64(handle, index, value)
        }
    }

    /// Runs the statement with what was bound, and readies it for the next row.
    mutating func run(_ db: Database) throws {
        let handle = statement.sqliteStatement
        let code = sqlite3_step(handle)
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(handle)
        index = 0
        if let message {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
