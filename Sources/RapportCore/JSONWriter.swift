/// Writes JSON straight into bytes, keys in the order written.
///
/// `rapport today --json` prints tens of thousands of items; writing them directly is
/// several times faster than building Codable values for Foundation's encoder, and the
/// key order stays as documented.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value in the current container needs a comma before it.
    private var needsComma = false
    /// Reused for values built as bytes.
    private var scratch: [UInt8] = []

    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON written so far as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next call writes its value. Keys are literals: plain
    /// ASCII that needs no escaping, copied as they are.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a key that comes from data (a custom field's name), escaped like any string.
    public mutating func key(text name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String?) {
        separate()
        if let value { appendString(value) } else { appendLiteral("null") }
        needsComma = true
    }

    /// A string value built as UTF-8 bytes by `build`, escaped as it is copied in.
    public mutating func string(building build: (inout [UInt8]) -> Void) {
        separate()
        scratch.removeAll(keepingCapacity: true)
        build(&scratch)
        let text = scratch
        text.withUnsafeBufferPointer { appendEscaped($0) }
        needsComma = true
    }

    public mutating func int(_ value: Int64?) {
        separate()
        if let value { bytes.appendDecimal(Int(value)) } else { appendLiteral("null") }
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
    public mutating func newline() { bytes.append(10) }

    // MARK: - Encoding

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendLiteral(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }

    /// Appends UTF-8 text as a JSON string: copied whole when it needs no escaping (almost
    /// always), else byte by byte with controls as \u00XX so a terminal showing the JSON
    /// never receives them raw.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        if text.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F }) {
            bytes.append(contentsOf: text)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for b in text {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 10: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, JSONWriter.hex[Int(b >> 4)], JSONWriter.hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
