import Foundation
import RapportCore
import RapportExchange
internal import ZIPFoundation

/// An Excel workbook (.xlsx) read into the records of one sheet, the same records a CSV of
/// that sheet gives, so the import after it does not know the file was a workbook.
///
/// The file is hostile until checked: each part is unpacked to at most `partLimit` bytes
/// (a zip bomb stops there), no part may hold a DTD, and a part missing or broken is an
/// error naming the file and the part. The sheet is found as Excel finds it: by name in
/// `xl/workbook.xml`, through the relationship its entry names.
public enum Workbook {
    /// The most any one part may unpack to: ten times a sheet of 100,000 rows of 12 columns.
    public static let partLimit = 256 << 20

    /// The records of the first visible sheet, or of the sheet named `sheet`; `file` names
    /// the workbook in messages.
    public static func records(_ data: Data, file: String, sheet: String? = nil, partLimit: Int = partLimit)
        throws(RapportError) -> [CSVRecord] {
        let package = try Package(data, file: file, partLimit: partLimit)
        let workbook = try package.read("xl/workbook.xml", into: WorkbookReader())
        let relationships = try package.read("xl/_rels/workbook.xml.rels", into: RelationshipsReader())
        let chosen = try choose(sheet, in: workbook.sheets, file: file)
        guard let target = relationships.relationships[chosen.relationship], target.type.hasSuffix("/worksheet"), !target.external else {
            throw package.problem("xl/_rels/workbook.xml.rels", "has no worksheet for the sheet \(chosen.name.quotedForMessage)")
        }
        var strings: [String] = []
        if let shared = relationships.target(ofKind: "sharedStrings"), !shared.external {
            strings = try package.read(Package.resolved(shared.target), into: SharedStringsReader()).strings
        }
        var dateStyles: Set<Int> = []
        if let styles = relationships.target(ofKind: "styles"), !styles.external {
            dateStyles = try package.read(Package.resolved(styles.target), into: StylesReader()).dateStyles
        }
        let reader = SheetReader(strings: strings, dateStyles: dateStyles, uses1904: workbook.uses1904)
        return try package.read(Package.resolved(target.target), into: reader).records
    }

    /// The sheet named, else the first one not hidden (else the first).
    private static func choose(_ name: String?, in sheets: [WorkbookReader.Sheet], file: String) throws(RapportError) -> WorkbookReader.Sheet {
        guard let first = sheets.first(where: { !$0.hidden }) ?? sheets.first else {
            throw .conflict("\(file.quotedForMessage): xl/workbook.xml lists no sheet; nothing was imported")
        }
        guard let name else { return first }
        if let exact = sheets.first(where: { $0.name == name }) { return exact }
        if let folded = sheets.first(where: { $0.name.lowercased() == name.lowercased() }) { return folded }
        throw .conflict("no sheet \(name.quotedForMessage) in \(file.quotedForMessage); its sheets are "
                        + sheets.map(\.name.quotedForMessage).joined(separator: ", "))
    }
}

/// The zip archive the parts are in, read in memory.
private struct Package {
    let archive: Archive
    let file: String
    let partLimit: Int

    init(_ data: Data, file: String, partLimit: Int) throws(RapportError) {
        self.file = file
        self.partLimit = partLimit
        // Excel 97–2003's .xls is an OLE compound file, which a zip reader would call broken.
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .conflict("\(file.quotedForMessage) is an Excel 97–2003 workbook (.xls); save it as .xlsx or CSV in Excel first")
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .conflict("\(file.quotedForMessage) is not an Excel workbook: it is not a zip archive, as an .xlsx is")
        }
    }

    func problem(_ part: String, _ what: String) -> RapportError {
        .conflict("\(file.quotedForMessage): \(part.quotedForMessage) \(what); nothing was imported")
    }

    /// Parses a part into `reader`, which is returned; a part missing, too large or not
    /// readable is an error.
    func read<Reader: PartReading>(_ part: String, into reader: Reader) throws(RapportError) -> Reader {
        if let why = XMLPart.parse(try unpacked(part), into: reader) { throw problem(part, why) }
        return reader
    }

    /// A part's bytes, counted as they are unpacked: the size its header claims may lie.
    private func unpacked(_ part: String) throws(RapportError) -> Data {
        guard let entry = archive[part] else { throw problem(part, "is missing") }
        var data = Data()
        let limit = partLimit
        do {
            _ = try archive.extract(entry) { chunk in
                guard data.count + chunk.count <= limit else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw problem(part, "unpacks to more than \(limit >> 20 > 0 ? "\(limit >> 20) MB" : "\(limit) bytes")")
        } catch {
            throw problem(part, "cannot be unpacked (\(error))")
        }
        return data
    }

    private struct PartTooLarge: Error {}

    /// A relationship's target as a path in the archive: relative to `xl/`, where the
    /// workbook is, or absolute from the package's root.
    static func resolved(_ target: String) -> String {
        var parts = target.hasPrefix("/") ? [] : ["xl"]
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}
