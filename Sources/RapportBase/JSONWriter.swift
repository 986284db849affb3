/// Writes JSON straight into bytes, keys in the order written.
///
/// `rapport today --json` prints tens of thousands of items; writing them directly is
/// several times faster than building Codable values for Foundation's encoder, and the
/// key order stays as documented.
public struct JSONWriter: ~Copyable {
    /// Where the document goes.
    private var out: ByteSink
    /// Whether the next value in the current container needs a comma before it.
    private var needsComma = false
    /// Reused for values built as bytes.
    private var scratch = ByteSink()

    public init(capacity: Int = 4096) {
        out = ByteSink(capacity: capacity)
    }

    /// The JSON written so far.
    public var bytes: [UInt8] { out.bytes }

    /// The JSON written so far as text.
    public var text: String { out.text }

    /// Reads the JSON written so far without copying it.
    public func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try out.withBytes(body)
    }

    /// How many bytes are written and not yet flushed.
    public var byteCount: Int { out.count }

    /// Hands the bytes written so far to `body` and forgets them: a whole book's dump is
    /// written out in pieces instead of held in memory.
    public mutating func flush(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try out.withBytes(body)
        out.removeAll()
    }

    public mutating func beginObject() {
        separate()
        out.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        out.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func beginArray() {
        separate()
        out.append(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        out.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next call writes its value. Keys are literals: plain
    /// ASCII that needs no escaping, copied as they are.
    public mutating func key(_ name: StaticString) {
        separate()
        out.append(UInt8(ascii: "\""))
        out.append(name)
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a key that comes from data (a custom field's name), escaped like any string.
    public mutating func key(text name: String) {
        separate()
        appendString(name)
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String?) {
        separate()
        if let value { appendString(value) } else { appendLiteral("null") }
        needsComma = true
    }

    /// A string value built as UTF-8 bytes by `build`, escaped as it is copied in.
    public mutating func string(building build: (inout ByteSink) -> Void) {
        separate()
        scratch.removeAll()
        build(&scratch)
        // The scratch bytes are copied into `out`; the two buffers never overlap.
        let (start, count) = scratch.withBytes { ($0.baseAddress, $0.count) }
        appendEscaped(UnsafeBufferPointer(start: start, count: count))
        needsComma = true
    }

    public mutating func int(_ value: Int64?) {
        separate()
        if let value { out.appendDecimal(Int(value)) } else { out.append("null" as StaticString) }
        needsComma = true
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }

    /// A number with at most `digits` decimals, trailing zeros dropped; `null` for NaN and
    /// infinity, which JSON cannot write.
    public mutating func number(_ value: Double, digits: Int = 2) {
        separate()
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if !rounded.isFinite {
            appendLiteral("null")
        } else if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            appendLiteral(String(Int64(rounded)))
        } else {
            appendLiteral(String(rounded))
        }
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        appendLiteral(value ? "true" : "false")
        needsComma = true
    }

    public mutating func null() {
        separate()
        appendLiteral("null")
        needsComma = true
    }

    /// `"key": "value"` in one call.
    public mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int64?) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A newline, for output that ends a document.
    public mutating func newline() { out.append(10) }

    // MARK: - Encoding

    private mutating func separate() {
        if needsComma { out.append(UInt8(ascii: ",")) }
    }

    private mutating func appendLiteral(_ text: String) {
        out.append(text)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }

    /// Appends UTF-8 text as a JSON string: copied whole when it needs no escaping (almost
    /// always), else byte by byte with controls as \u00XX, and C1 controls and bidi
    /// overrides as \uXXXX, so a terminal showing the JSON never receives them raw.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        out.append(UInt8(ascii: "\""))
        // 0xC2 and 0xE2 lead the C1 controls (U+0080–U+009F) and the bidi controls
        // (U+202A–U+202E, U+2066–U+2069); their other characters take the slow path too.
        if text.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xC2 && $0 != 0xE2 }) {
            out.append(text)
            out.append(UInt8(ascii: "\""))
            return
        }
        var i = 0
        while i < text.count {
            let b = text[i]
            let next = i + 1 < text.count ? text[i + 1] : 0
            let third = i + 2 < text.count ? text[i + 2] : 0
            switch b {
            case UInt8(ascii: "\""): out.append("\\\"" as StaticString)
            case UInt8(ascii: "\\"): out.append("\\\\" as StaticString)
            case 10: out.append("\\n" as StaticString)
            case 13: out.append("\\r" as StaticString)
            case 9: out.append("\\t" as StaticString)
            case 0..<0x20, 0x7F:
                appendUnicodeEscape(UInt32(b))
            case 0xC2 where (0x80...0x9F).contains(next):
                appendUnicodeEscape(UInt32(next))
                i += 1
            case 0xE2 where (next == 0x80 && (0xAA...0xAE).contains(third)) || (next == 0x81 && (0xA6...0xA9).contains(third)):
                appendUnicodeEscape(0x2000 | UInt32(next & 0x3F) << 6 | UInt32(third & 0x3F))
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX` for a scalar of the Basic Multilingual Plane.
    private mutating func appendUnicodeEscape(_ scalar: UInt32) {
        out.append("\\u" as StaticString)
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(JSONWriter.hex[Int((scalar >> UInt32(shift)) & 15)])
        }
    }
}
