/// The parts around the sheets: relationships, the workbook's sheet list, the shared
/// strings and the cell styles, each read by its own small reader.

/// A `.rels` part: where each relationship id points, and what it is.
final class RelationshipsReader: PartReading {
    struct Relationship {
        var type: String
        var target: String
        var external: Bool
    }

    var relationships: [String: Relationship] = [:]
    var failure: String? { nil }

    func start(_ element: String, _ attributes: [String: String]) {
        guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        relationships[id] = Relationship(type: attributes["Type"] ?? "", target: target, external: attributes["TargetMode"] == "External")
    }

    /// The target of the first relationship whose type ends with `/kind` (`styles`, `sharedStrings`).
    func target(ofKind kind: String) -> Relationship? {
        relationships.sorted { $0.key < $1.key }.first { $0.value.type.hasSuffix("/" + kind) }?.value
    }
}

/// `xl/workbook.xml`: the sheets in tab order, and which date system the serials count in.
final class WorkbookReader: PartReading {
    struct Sheet {
        var name: String
        var relationship: String
        var hidden: Bool
    }

    var sheets: [Sheet] = []
    /// Serials count days from 1904-01-01 (Excel for Mac's old default) rather than 1900.
    var uses1904 = false
    var failure: String? { nil }

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "workbookPr":
            uses1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
        case "sheet":
            guard let name = attributes["name"], let id = attributes["id"] else { return }
            sheets.append(Sheet(name: name, relationship: id, hidden: (attributes["state"] ?? "visible") != "visible"))
        default: break
        }
    }
}

/// `xl/sharedStrings.xml`: the text cells of type `s` point into, by index. A rich-text
/// string is its runs' text joined; phonetic guides (`rPh`, furigana) are not its text.
final class SharedStringsReader: PartReading {
    var strings: [String] = []
    var failure: String? { nil }
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ element: String) {
        switch element {
        case "si": strings.append(CellText.unescaped(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func text(_ characters: String) {
        if inText { current += characters }
    }
}

/// `xl/styles.xml`: which cell styles (`s`, an index into `cellXfs`) show a number as a date.
final class StylesReader: PartReading {
    private var formatCodes: [Int: String] = [:]
    private var cellFormats: [Int] = []
    private var inNumberFormats = false
    private var inCellFormats = false
    var failure: String? { nil }

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "numFmts": inNumberFormats = true
        case "numFmt" where inNumberFormats:
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { formatCodes[id] = code }
        case "cellXfs": inCellFormats = true
        // A style's other attributes (font, fill, border) say nothing of what its number means.
        case "xf" where inCellFormats: cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func end(_ element: String) {
        if element == "numFmts" { inNumberFormats = false }
        if element == "cellXfs" { inCellFormats = false }
    }

    /// The indexes of the styles whose number format is a date's.
    var dateStyles: Set<Int> {
        Set(cellFormats.indices.filter { CellText.isDateFormat(id: cellFormats[$0], code: formatCodes[cellFormats[$0]]) })
    }
}
