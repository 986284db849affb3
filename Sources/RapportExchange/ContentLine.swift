/// The content lines vCard and iCalendar share: `NAME;PARAM=value:value`, TEXT escaping, and
/// folding at 75 octets.
enum ContentLine {
    /// A TEXT value escaped: backslash, semicolon and comma get a backslash, every line break
    /// becomes `\n`, and other control characters (which TEXT may not hold) are dropped.
    static func escaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            let followsCarriageReturn = afterCarriageReturn
            afterCarriageReturn = scalar == "\r"
            switch scalar {
            case "\\", ";", ",":
                out.append("\\")
                out.append(scalar)
            case "\r":
                out.append(contentsOf: "\\n".unicodeScalars)
            case "\n":
                if !followsCarriageReturn { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t":
                out.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A parameter value: quoted when it holds a separator, with the quotes and control
    /// characters it may not hold removed.
    static func parameter(_ value: String) -> String {
        let clean = String(value.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F })
        return clean.contains(where: { $0 == ";" || $0 == ":" || $0 == "," }) ? "\"" + clean + "\"" : clean
    }

    /// The line folded so no physical line is longer than 75 octets (RFC 5545 §3.1, RFC 6350
    /// §3.2), each continuation starting with a space, never splitting a UTF-8 sequence, and
    /// ended by CRLF.
    static func folded(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line + "\r\n" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
        var start = 0
        var limit = 75
        while bytes.count - start > limit {
            var end = start + limit
            // Continuation bytes are 10xxxxxx; back up to the start of the character.
            while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            out += bytes[start..<end]
            out += [0x0D, 0x0A, 0x20]
            start = end
            // The leading space counts toward the next line's 75.
            limit = 74
        }
        out += bytes[start...]
        out += [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }
}
