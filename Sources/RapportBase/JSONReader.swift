/// Reads JSON one token at a time from bytes, so a whole book's export (hundreds of
/// megabytes) is restored row by row instead of being built as one tree of objects first.
public struct JSONReader {
    public enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int64)
        case number(Double)
        case bool(Bool)
        case null
    }

    public enum Token: Equatable, Sendable {
        case beginObject, endObject, beginArray, endArray
        case key(String)
        case value(Value)
    }

    /// Where the JSON stops being JSON, as a byte offset.
    public struct Failure: Error, Equatable, Sendable {
        public var offset: Int
        public var expected: String
    }

    private enum Container { case object, array }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var stack: [Container] = []
    /// Whether the next thing in the current container is its first (no comma before it).
    private var first = true
    /// Whether a key was just read, so a value comes next.
    private var afterKey = false
    private var done = false

    /// Reads `bytes`, which must outlive the reader.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next token; nil after the top-level value has ended.
    public mutating func next() throws(Failure) -> Token? {
        skipSpace()
        if afterKey {
            afterKey = false
            return try value()
        }
        if done {
            guard i == bytes.count else { throw fail("the end of the document") }
            return nil
        }
        guard let top = stack.last else { return try value() }
        if peek == (top == .object ? 0x7D : 0x5D) {
            i += 1
            stack.removeLast()
            first = false
            if stack.isEmpty { done = true }
            return top == .object ? .endObject : .endArray
        }
        if !first {
            guard peek == 0x2C else { throw fail("a comma or the end of the \(top == .object ? "object" : "array")") }
            i += 1
            skipSpace()
        }
        first = false
        guard top == .object else { return try value() }
        guard peek == 0x22 else { throw fail("a key in quotes") }
        let key = try string()
        skipSpace()
        guard peek == 0x3A else { throw fail("a colon after the key") }
        i += 1
        afterKey = true
        return .key(key)
    }

    /// Whether `bytes` are one well-formed JSON document, as SQLite's `json_valid` says.
    public static func isDocument(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var reader = JSONReader(bytes)
        do {
            while try reader.next() != nil {}
            return true
        } catch {
            return false
        }
    }

    /// Skips the value that comes next (after a key, or in an array), whatever its size.
    public mutating func skipValue() throws(Failure) {
        var depth = 0
        repeat {
            guard let token = try next() else { throw fail("a value") }
            switch token {
            case .beginObject, .beginArray: depth += 1
            case .endObject, .endArray: depth -= 1
            case .key, .value: break
            }
        } while depth > 0
    }

    // MARK: - Values

    private mutating func value() throws(Failure) -> Token {
        skipSpace()
        guard i < bytes.count else { throw fail("a value") }
        let isTop = stack.isEmpty
        defer { if isTop && stack.isEmpty { done = true } }
        switch bytes[i] {
        case 0x7B:
            i += 1
            stack.append(.object)
            first = true
            return .beginObject
        case 0x5B:
            i += 1
            stack.append(.array)
            first = true
            return .beginArray
        case 0x22:
            return .value(.string(try string()))
        case 0x74: try literal("true"); return .value(.bool(true))
        case 0x66: try literal("false"); return .value(.bool(false))
        case 0x6E: try literal("null"); return .value(.null)
        default: return .value(try number())
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw fail("\(word)") }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw fail("\(word)") }
        i += n
    }

    private mutating func number() throws(Failure) -> Value {
        let start = i
        if peek == 0x2D { i += 1 }
        var integral = true
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                i += 1
            } else if b == 0x2E || b == 0x65 || b == 0x45 || b == 0x2B || b == 0x2D {
                integral = false
                i += 1
            } else {
                break
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if integral, let n = Int64(text) { return .integer(n) }
        guard !integral || text.count > 1, let d = Double(text) else {
            i = start
            throw fail("a value")
        }
        return .number(d)
    }

    private mutating func string() throws(Failure) -> String {
        i += 1  // the opening quote
        let start = i
        // The common case: no escapes, copied in one go.
        while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] >= 0x20 { i += 1 }
        guard i < bytes.count else { throw fail("the end of the string") }
        if bytes[i] == 0x22 {
            i += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]), as: UTF8.self)
        }
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            switch b {
            case 0x22:
                return String(decoding: out, as: UTF8.self)
            case 0x5C:
                guard i < bytes.count else { throw fail("an escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), peek == 0x5C, i + 1 < bytes.count, bytes[i + 1] == 0x75 {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw fail("the second half of a surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    // A lone half of a pair is no character: refused, never turned into U+FFFD.
                    guard let character = Unicode.Scalar(scalar) else { throw fail("a whole character, not a lone surrogate") }
                    out.append(contentsOf: Array(String(character).utf8))
                default:
                    throw fail("an escape")
                }
            default:
                guard b >= 0x20 else {
                    i -= 1
                    throw fail("no control character inside a string")
                }
                out.append(b)
            }
        }
        throw fail("the end of the string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: throw fail("four hex digits")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    // MARK: - Bytes

    private var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private func fail(_ expected: String) -> Failure {
        Failure(offset: i, expected: expected)
    }
}
