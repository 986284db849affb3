/// Bytes appended at pointer speed, for output built in bulk: `rapport today --json` writes
/// tens of thousands of reminders, where `Array.append(contentsOf:)` costs about ninety
/// instructions a call.
///
/// Noncopyable, so one sink owns its bytes and appends pay no dynamic exclusivity checks
/// (a class's stored properties would, on every access).
public struct ByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    public private(set) var count = 0
    private var capacity: Int

    public init(capacity: Int = 256) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written so far, as UTF-8 text.
    public var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// Reads the bytes written so far without copying them.
    public func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    public mutating func removeAll() { count = 0 }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var grown = capacity * 2
        while grown < count + extra { grown *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = grown
    }

    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    public mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A number in decimal digits.
    public mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, minimumWidth: 1)
    }

    /// A non-negative number, zero-padded to at least `minimumWidth` digits.
    public mutating func appendDigits(_ value: UInt, minimumWidth: Int) {
        var width = 1
        var scale: UInt = 1
        while scale <= value / 10 {
            scale *= 10
            width += 1
        }
        for _ in width..<max(width, minimumWidth) { append(UInt8(ascii: "0")) }
        reserve(width)
        var n = value
        for i in stride(from: width - 1, through: 0, by: -1) {
            base[count + i] = UInt8(48 + n % 10)
            n /= 10
        }
        count += width
    }

    /// A non-negative number with thousands separators: `7,288`.
    public mutating func appendGrouped(_ value: UInt, separator: UInt8 = UInt8(ascii: ",")) {
        let digits = String(value)
        for (i, c) in digits.utf8.enumerated() {
            if i > 0, (digits.utf8.count - i) % 3 == 0 { append(separator) }
            append(c)
        }
    }
}

extension Int {
    /// `7,288`, `-1,200`: the way counts and amounts are shown.
    public var grouped: String {
        var sink = ByteSink(capacity: 32)
        if self < 0 { sink.append(UInt8(ascii: "-")) }
        sink.appendGrouped(magnitude)
        return sink.text
    }
}
