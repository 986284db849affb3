import Foundation
import RapportBase
import RapportCore

/// One content line of a vCard, unfolded: `item1.TEL;TYPE=cell,pref:+86 138 0013 8000`.
struct VCardProperty: Sendable {
    /// The group prefix (`item1`), if any.
    var group: String?
    /// The property name, upper-cased.
    var name: String
    /// Parameters by upper-cased name; vCard 2.1's bare values (`TEL;CELL;PREF`) are filed
    /// under TYPE, or ENCODING for `QUOTED-PRINTABLE` and `BASE64`.
    var parameters: [String: [String]]
    /// The value's bytes as the file has them, before any decoding.
    var rawValue: [UInt8]
    /// The line of the file the property starts on.
    var line: Int

    /// Reads a content line; nil when it has no colon or no name, so it is no property.
    init?(_ bytes: [UInt8], line: Int) {
        guard let colon = Self.firstUnquoted(UInt8(ascii: ":"), in: bytes[...]) else { return nil }
        let head = Self.split(bytes[..<colon], on: UInt8(ascii: ";")).map { String(decoding: $0, as: UTF8.self).trimmingSpaces() }
        guard let qualified = head.first, !qualified.isEmpty else { return nil }
        if let dot = qualified.lastIndex(of: ".") {
            group = String(qualified[..<dot])
            name = String(qualified[qualified.index(after: dot)...]).uppercased()
        } else {
            group = nil
            name = qualified.uppercased()
        }
        guard !name.isEmpty else { return nil }
        var parameters: [String: [String]] = [:]
        for parameter in head.dropFirst() where !parameter.isEmpty {
            let key: String
            let values: [String]
            if let equals = parameter.firstIndex(of: "=") {
                key = String(parameter[..<equals]).trimmingSpaces().uppercased()
                values = Self.split(Array(parameter[parameter.index(after: equals)...].utf8)[...], on: UInt8(ascii: ","))
                    .map { String(decoding: $0, as: UTF8.self).trimmingSpaces().replacingOccurrences(of: "\"", with: "") }
            } else {
                let bare = parameter.uppercased()
                key = ["QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"].contains(bare) ? "ENCODING" : "TYPE"
                values = [parameter]
            }
            parameters[key, default: []] += values.filter { !$0.isEmpty }
        }
        self.parameters = parameters
        rawValue = Array(bytes[(colon + 1)...])
        self.line = line
    }

    /// The values of a parameter.
    func parameter(_ key: String) -> [String] { parameters[key] ?? [] }

    /// The TYPE values, lower-cased.
    var types: [String] {
        // `TYPE="work,voice"` is the same list as `TYPE=work,voice`.
        parameter("TYPE").flatMap { $0.lowercased().split(separator: ",").map { String($0).trimmingSpaces() } }
    }

    /// True for quoted-printable values, which may continue past a line ending in `=`.
    var isQuotedPrintable: Bool { parameter("ENCODING").contains { $0.uppercased() == "QUOTED-PRINTABLE" } }

    /// True for `BEGIN:VCARD` and `END:VCARD`'s value, in any case.
    var isVCard: Bool { String(decoding: rawValue, as: UTF8.self).trimmingSpaces().uppercased() == "VCARD" }

    /// True for base64 values (a photo, a key), which Rapport has no field for.
    var isBinary: Bool { parameter("ENCODING").contains { ["B", "BASE64"].contains($0.uppercased()) } }

    // MARK: - The value as text

    /// The value's bytes, quoted-printable undone.
    var valueBytes: [UInt8] { isQuotedPrintable ? QuotedPrintable.decode(rawValue) : rawValue }

    /// The value as text: quoted-printable undone, then the bytes decoded in the CHARSET the
    /// property names (unless the whole file was transcoded already), else as UTF-8 or GB18030.
    /// Escapes are left for the caller, which knows where the value's structure splits.
    func text(charsetApplies: Bool, warnings: inout [String]) -> String {
        let bytes = valueBytes
        // The name is the file's text too, and warnings are printed.
        let name = TerminalText.sanitized(self.name).truncated(toWidth: 40)
        if charsetApplies, let charset = parameter("CHARSET").first {
            do {
                // ASCII is a subset of UTF-8; Outlook names it.
                let ascii = ["us-ascii", "ascii"].contains(charset.lowercased())
                return try TextDecoding.decode(Data(bytes), encoding: ascii ? .utf8 : TextEncoding(parsing: charset))
            } catch {
                warnings.append("\(name) on line \(line): \(error.description); its encoding was detected instead")
            }
        }
        let data = Data(bytes)
        if TextDecoding.detect(data) == .gb18030 {
            warnings.append("\(name) on line \(line) is not UTF-8 and names no CHARSET; read as GB18030")
        }
        if let text = try? TextDecoding.decode(data) { return text }
        warnings.append("\(name) on line \(line) is not UTF-8, GB18030 or Windows-1252 text; read as Latin-1")
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// Splits a text value on a separator not escaped by a backslash, then undoes the escapes
    /// (`\,` `\;` `\:` `\\` and `\n` for a line break); another backslash is kept as written.
    static func components(_ text: String, separator: Character?) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for ch in text {
            if escaped {
                switch ch {
                case "n", "N": current.append("\n")
                case ",", ";", ":", "\\": current.append(ch)
                default: current.append("\\"); current.append(ch)
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == separator {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if escaped { current.append("\\") }
        parts.append(current)
        return parts
    }

    /// A whole text value with its escapes undone.
    static func unescaped(_ text: String) -> String {
        components(text, separator: nil).joined()
    }

    // MARK: - Bytes

    /// The first `byte` outside double quotes.
    private static func firstUnquoted(_ byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int? {
        var quoted = false
        for i in bytes.indices {
            if bytes[i] == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if bytes[i] == byte, !quoted {
                return i
            }
        }
        return nil
    }

    /// The pieces between separators outside double quotes.
    private static func split(_ bytes: ArraySlice<UInt8>, on separator: UInt8) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var rest = bytes
        while let at = firstUnquoted(separator, in: rest) {
            pieces.append(rest[..<at])
            rest = rest[(at + 1)...]
        }
        pieces.append(rest)
        return pieces
    }
}
