import GRDB
import GRDBSQLite

/// A value for one statement parameter.
enum Parameter {
    case text(String?)
    case integer(Int64?)

    static func integer(_ value: Int?) -> Parameter { .integer(value.map(Int64.init)) }
}

/// Values of one row whose texts lie end to end in one buffer, so that SQLite reads each
/// where it lies instead of copying it: made on any thread, bound with `ParameterBinder`.
struct PackedValues: Sendable {
    enum Value: Sendable {
        case null
        case integer(Int64)
        case text(Range<Int>)
    }

    private var bytes: [UInt8]

    /// `capacity`: the bytes the texts are expected to take, so that packing seldom grows the buffer.
    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Keeps a value; what comes back is bound with these bytes.
    mutating func pack(_ parameter: Parameter) -> Value {
        switch parameter {
        case .text(nil), .integer(nil): return .null
        case .integer(let value?): return .integer(value)
        case .text(var text?):
            let start = bytes.count
            // From the contiguous bytes: appending the UTF-8 view cost 300 instructions a text.
            text.withUTF8 { bytes.append(contentsOf: $0) }
            return .text(start..<bytes.count)
        }
    }

    /// The bytes, for binding; what is bound must be run before `body` returns.
    func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try bytes.withUnsafeBytes(body)
    }
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
    private var boundInPlace = false

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

    /// Binds a packed value where it lies in `bytes`, which must outlive the `run` that follows.
    mutating func bind(_ value: PackedValues.Value, in bytes: UnsafeRawBufferPointer) {
        index += 1
        let handle = statement.sqliteStatement
        switch value {
        case .null:
            sqlite3_bind_null(handle, index)
        case .integer(let value):
            sqlite3_bind_int64(handle, index, value)
        case .text(let range) where range.isEmpty:
            sqlite3_bind_text(handle, index, "", 0, Self.transient)
        case .text(let range):
            sqlite3_bind_text(handle, index, (bytes.baseAddress! + range.lowerBound).assumingMemoryBound(to: CChar.self),
                              Int32(range.count), Self.static)
            boundInPlace = true
        }
    }

    /// Runs the statement with what was bound, and readies it for the next row.
    mutating func run() throws {
        let handle = statement.sqliteStatement
        let code = sqlite3_step(handle)
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
        sqlite3_reset(handle)
        // Bytes bound in place belong to the caller: the statement must not keep pointing at them.
        if boundInPlace { sqlite3_clear_bindings(handle) }
        boundInPlace = false
        index = 0
        if let message {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// SQLite reads the bytes where they are, until the binding is cleared.
    private static let `static` = unsafeBitCast(0, to: sqlite3_destructor_type.self)
}
