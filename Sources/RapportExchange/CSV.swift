import RapportCore

/// Comma-separated values as RFC 4180 defines them and as real files write them.
///
/// The reader takes quoted cells with commas, doubled quotes and line breaks (kept as the file
/// has them), CRLF, LF or a lone CR between records, a last record without a line break; it
/// skips empty lines and keeps ragged rows as they are. It runs over the UTF-8 bytes: every
/// byte it looks for is ASCII, so a cut between them never splits a character.
public enum CSV {
    /// The records of a whole file's text, its cells separated by `delimiter` (else the one
    /// its header line uses most of comma, semicolon and tab); an unterminated quote is an
    /// error naming the line it opened on.
    public static func records(_ text: String, delimiter: Delimiter? = nil) throws(RapportError) -> [CSVRecord] {
        var text = text
        let result = text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, delimiter: delimiter?.byte ?? Delimiter.guessed(from: bytes).byte)
            return reader.read()
        }
        return try result.get()
    }

    /// What separates the cells: a comma, or as Excel writes for some locales a semicolon, or
    /// in its "Unicode text" a tab.
    public enum Delimiter: String, CaseIterable, Sendable {
        case comma = ",", semicolon = ";", tab = "\t"

        var byte: UInt8 { UInt8(ascii: rawValue.unicodeScalars.first!) }

        /// `,`, `;`, or `tab` (also `\t` and a tab itself).
        public init?(typed: String) {
            switch typed.lowercased() {
            case ",", "comma": self = .comma
            case ";", "semicolon": self = .semicolon
            case "\t", "\\t", "tab": self = .tab
            default: return nil
            }
        }

        /// The delimiter the first line uses most, outside quotes; a comma when it uses none.
        static func guessed(from bytes: UnsafeBufferPointer<UInt8>) -> Delimiter {
            var counts = [Delimiter: Int]()
            var quoted = false
            for b in bytes {
                if b == CSV.quote { quoted.toggle() }
                if quoted { continue }
                if b == CSV.lineFeed || b == CSV.carriageReturn { break }
                if let d = allCases.first(where: { $0.byte == b }) { counts[d, default: 0] += 1 }
            }
            return allCases.max { counts[$0, default: 0] < counts[$1, default: 0] }.flatMap { counts[$0, default: 0] > 0 ? $0 : nil } ?? .comma
        }
    }

    /// One CRLF-terminated record, quoting only the cells that need it.
    public static func line(_ cells: [String]) -> String {
        // A lone empty cell written bare would be an empty line, which readers skip.
        if cells == [""] { return "\"\"\r\n" }
        return cells.map(quotedIfNeeded).joined(separator: ",") + "\r\n"
    }

    /// The cell made safe to open in a spreadsheet: one beginning with `=`, `+`, `-`, `@`, tab or
    /// carriage return gets a leading `'`, so it is shown as text and never run as a formula
    /// (OWASP's advice against CSV injection).
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// A cell as it was before `neutralized`, so that Rapport's own exports import unchanged.
    public static func restored(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", scalars.count > 1, formulaStarts.contains(scalars[scalars.index(after: scalars.startIndex)])
        else { return cell }
        return String(cell.unicodeScalars.dropFirst())
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func quotedIfNeeded(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == comma || $0 == quote || $0 == lineFeed || $0 == carriageReturn }) else {
            return cell
        }
        var out = "\""
        for ch in cell.unicodeScalars {
            if ch == "\"" { out.unicodeScalars.append("\"") }
            out.unicodeScalars.append(ch)
        }
        return out + "\""
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    // MARK: - Reading

    /// A cursor over the bytes that produces records.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let delimiter: UInt8
        var i = 0
        var line = 1

        init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
            self.bytes = bytes
            self.delimiter = delimiter
            // A byte-order mark left in the text is not part of the first header.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        }

        mutating func read() -> Result<[CSVRecord], RapportError> {
            var records: [CSVRecord] = []
            var width = 8
            while i < bytes.count {
                if skipLineBreak() { continue }
                let start = line
                var fields: [String] = []
                fields.reserveCapacity(width)
                while true {
                    if i < bytes.count, bytes[i] == CSV.quote {
                        switch quotedField() {
                        case .success(let field): fields.append(field)
                        case .failure(let error): return .failure(error)
                        }
                    } else {
                        fields.append(plainField())
                    }
                    if i < bytes.count, bytes[i] == delimiter {
                        i += 1
                        continue
                    }
                    _ = skipLineBreak()
                    break
                }
                width = fields.count
                records.append(CSVRecord(fields: fields, line: start))
            }
            return .success(records)
        }

        /// Steps over a CRLF, LF or CR at the cursor and counts the line.
        mutating func skipLineBreak() -> Bool {
            guard i < bytes.count else { return false }
            switch bytes[i] {
            case CSV.lineFeed:
                i += 1
            case CSV.carriageReturn:
                i += 1
                if i < bytes.count, bytes[i] == CSV.lineFeed { i += 1 }
            default:
                return false
            }
            line += 1
            return true
        }

        /// An unquoted cell: everything up to the next delimiter or line break.
        mutating func plainField() -> String {
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                if b == delimiter || b == CSV.lineFeed || b == CSV.carriageReturn { break }
                i += 1
            }
            return text(start..<i)
        }

        /// A quoted cell from its opening quote; text between the closing quote and the next
        /// comma (`"a"b`) is kept, as spreadsheets do, rather than refused.
        mutating func quotedField() -> Result<String, RapportError> {
            let openedOn = line
            i += 1
            let opened = i
            var segment = i
            var unescaped: [UInt8] = []
            var hasDoubledQuote = false
            while true {
                guard i < bytes.count else {
                    // Enough of the cell to find it by, cut on a character boundary.
                    var end = min(bytes.count, opened + 120)
                    while end < bytes.count, end > opened, bytes[end] & 0xC0 == 0x80 { end -= 1 }
                    let opening = text(opened..<end)
                    return .failure(.invalid(
                        field: "quoted cell opened on line \(openedOn)", value: opening,
                        expected: "it has no closing quote; end it with \" (write a quote inside a cell as \"\")"
                    ))
                }
                let b = bytes[i]
                if b == CSV.quote {
                    if i + 1 < bytes.count, bytes[i + 1] == CSV.quote {
                        hasDoubledQuote = true
                        unescaped.append(contentsOf: bytes[segment...i])
                        i += 2
                        segment = i
                        continue
                    }
                    break
                }
                if b == CSV.lineFeed || b == CSV.carriageReturn {
                    // Counted as the reader's line breaks are, but kept in the cell as written.
                    _ = skipLineBreak()
                    continue
                }
                i += 1
            }
            var field: String
            if hasDoubledQuote {
                unescaped.append(contentsOf: bytes[segment..<i])
                field = String(decoding: unescaped, as: UTF8.self)
            } else {
                field = text(segment..<i)
            }
            i += 1
            if i < bytes.count, bytes[i] != delimiter, bytes[i] != CSV.lineFeed, bytes[i] != CSV.carriageReturn {
                field += plainField()
            }
            return .success(field)
        }

        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }
}
