import RapportCore
import RapportExchange

/// A worksheet part read into the records a CSV of it would give: one per row that holds a
/// value, each cell at the column its reference names (a row with gaps keeps its columns),
/// the record's line the sheet's row number.
final class SheetReader: PartReading {
    /// More cells than this (counting the empty ones a gap leaves) is refused, so a sheet of
    /// a million rows with one cell each in column XFD cannot take gigabytes.
    static let cellLimit = 20_000_000

    var records: [CSVRecord] = []
    private(set) var failure: String?
    private let strings: [String]
    private let dateStyles: Set<Int>
    private let uses1904: Bool
    private var row: [String] = []
    private var rowNumber = 0
    private var nextColumn = 0
    private var cells = 0
    private var cell: (reference: String, column: Int, type: String, style: Int)?
    private var value = ""
    private var inValue = false
    private var inPhonetic = false

    init(strings: [String], dateStyles: Set<Int>, uses1904: Bool) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.uses1904 = uses1904
    }

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "row":
            // A reference is optional: a row or cell without one follows the one before it.
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            row = []
            nextColumn = 0
        case "c":
            var column = nextColumn
            if let reference = attributes["r"] {
                guard let named = Self.column(of: reference) else { return fail("has a cell named \(reference.quotedForMessage)") }
                column = named
            }
            cell = (attributes["r"] ?? "", column, attributes["t"] ?? "n", attributes["s"].flatMap { Int($0) } ?? 0)
            value = ""
        // The stored value, or an inline string's text (its runs' text, not their phonetic guide).
        case "v": inValue = cell != nil
        case "t": inValue = cell != nil && !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ element: String) {
        switch element {
        case "v", "t": inValue = false
        case "rPh": inPhonetic = false
        case "c":
            guard let cell else { return }
            self.cell = nil
            nextColumn = cell.column + 1
            guard let text = text(of: cell) else { return }
            guard !text.isEmpty else { return }
            if row.count <= cell.column {
                cells += cell.column + 1 - row.count
                guard cells <= Self.cellLimit else { return fail("holds more than \(Self.cellLimit) cells") }
                row += Array(repeating: "", count: cell.column + 1 - row.count)
            }
            row[cell.column] = text
        case "row":
            if !row.isEmpty { records.append(CSVRecord(fields: row, line: rowNumber)) }
            row = []
        default: break
        }
    }

    func text(_ characters: String) {
        if inValue { value += characters }
    }

    /// The cell's value as text, by its type; nil after a failure.
    private func text(of cell: (reference: String, column: Int, type: String, style: Int)) -> String? {
        switch cell.type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else {
                fail("has cell \(cell.reference.quotedForMessage) pointing to shared string \(value.quotedForMessage), which there is not")
                return nil
            }
            return strings[index]
        case "inlineStr", "str", "e": return CellText.unescaped(value)
        case "b": return value.isEmpty ? "" : value == "1" ? "TRUE" : "FALSE"
        // An ISO 8601 date-time (Strict OOXML's dates): its day.
        case "d": return String(value.prefix { $0 != "T" })
        default:
            if value.isEmpty { return "" }
            if dateStyles.contains(cell.style), let day = CellText.isoDate(serial: value, uses1904: uses1904) { return day }
            return CellText.number(value)
        }
    }

    private func fail(_ why: String) {
        if failure == nil { failure = why }
    }

    /// The 0-based column a cell reference names: `A5` → 0, `C5` → 2, `AA1` → 26; nil past
    /// Excel's last column, XFD.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard let ascii = scalar.isASCII ? UInt8(scalar.value) : nil else { return nil }
            switch ascii {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): column = column * 26 + Int(ascii - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): column = column * 26 + Int(ascii - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return letters > 0 && column <= 16_384 ? column - 1 : nil
            default: return nil
            }
            letters += 1
            if letters > 3 { return nil }
        }
        return nil
    }
}
