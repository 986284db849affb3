import Foundation
import ZIPFoundation

/// An .xlsx written by a test: its parts as XML text, zipped as Excel zips them (deflated),
/// so no binary fixture is committed and every value the test expects is in its source.
public enum WorkbookFile {
    /// The parts every workbook has, around the sheets given (name → the sheet's XML), which
    /// go to `xl/worksheets/sheetN.xml` in order; `extra` adds parts or replaces these, and
    /// shared strings or styles in it are related to the workbook (the styles by an absolute path).
    public static func parts(sheets: [(name: String, xml: String)], extra: [String: String] = [:]) -> [String: String] {
        var parts = [
            "[Content_Types].xml": """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="xml" ContentType="application/xml"/></Types>
                """,
            "_rels/.rels": """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="xl/workbook.xml"/></Relationships>
                """,
        ]
        // The relationship ids run backwards to the sheets, so a reader that guesses
        // sheet1.xml for the first sheet instead of following them reads the wrong one.
        let entries = sheets.enumerated().map { i, sheet in
            (name: sheet.name, id: "rId\(sheets.count - i)", file: "sheet\(sheets.count - i).xml", xml: sheet.xml)
        }
        parts["xl/workbook.xml"] = """
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
            \(entries.enumerated().map { i, e in "<sheet name=\"\(e.name)\" sheetId=\"\(i + 1)\" r:id=\"\(e.id)\"/>" }.joined())\
            </sheets></workbook>
            """
        parts["xl/_rels/workbook.xml.rels"] = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(entries.map { "<Relationship Id=\"\($0.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/\($0.file)\"/>" }.joined())\
            \(extra["xl/sharedStrings.xml"] == nil ? "" : #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#)\
            \(extra["xl/styles.xml"] == nil ? "" : #"<Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>"#)\
            </Relationships>
            """
        for e in entries { parts["xl/worksheets/\(e.file)"] = e.xml }
        for (path, xml) in extra { parts[path] = xml }
        return parts
    }

    /// A sheet's XML around its rows (`<row>` elements).
    public static func sheet(_ rows: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
        """
    }

    /// Zips `parts` (path → text, or raw bytes) into the file at `url`.
    public static func write(_ parts: [String: String], raw: [String: Data] = [:], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let all = parts.mapValues { Data($0.utf8) }.merging(raw) { $1 }
        for (path, data) in all.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// The bytes of a workbook of `parts`, zipped in a temporary folder that is removed after.
    public static func data(_ parts: [String: String], raw: [String: Data] = [:]) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        try write(parts, raw: raw, to: file)
        return try Data(contentsOf: file)
    }
}
