import Foundation
import RapportCore
import RapportExchange
@testable import RapportWorkbook
import Testing
import WorkbookFixtures

/// Workbooks written in the test, zipped, and read back as the records a CSV would give.
struct WorkbookTests {
    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
        <numFmt numFmtId="165" formatCode="#,##0.00 &quot;元&quot;"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>\
        </styleSheet>
        """

    /// 张三's name is a shared string, 李四's a rich one in two runs with a phonetic guide.
    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">\
        <si><t>姓名</t></si><si><t>电话</t></si><si><t>公司</t></si><si><t>城市</t></si>\
        <si><t>张三</t></si>\
        <si><r><rPr><b/></rPr><t>李</t></r><r><t xml:space="preserve">四</t></r><rPh sb="0" eb="1"><t>li</t></rPh></si>\
        </sst>
        """

    static func records(_ parts: [String: String], sheet: String? = nil, partLimit: Int = Workbook.partLimit) throws -> [[String]] {
        try Workbook.records(try WorkbookFile.data(parts), file: "book.xlsx", sheet: sheet, partLimit: partLimit).map(\.fields)
    }

    static func failure(_ parts: [String: String], raw: [String: Data] = [:], sheet: String? = nil, partLimit: Int = Workbook.partLimit) throws -> String {
        do {
            _ = try Workbook.records(try WorkbookFile.data(parts, raw: raw), file: "book.xlsx", sheet: sheet, partLimit: partLimit)
            Issue.record("the workbook should have been refused")
            return ""
        } catch {
            return String(describing: error)
        }
    }

    @Test func sharedInlineAndRichStringsAndAPhoneStoredAsANumber() throws {
        // Given a header of shared strings; 张三 with a phone typed as a number, 李四 with one
        // Excel wrote in exponent form, and an inline string for the company
        let sheet = WorkbookFile.sheet("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>\
            <row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><v>13800138000</v></c>\
            <c r="C2" t="inlineStr"><is><t>华信科技</t></is></c><c r="D2" t="inlineStr"><is><r><t>上</t></r><r><t>海</t></r></is></c></row>\
            <row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" t="n"><v>1.3900001111E10</v></c></row>
            """)
        let parts = WorkbookFile.parts(sheets: [("客户", sheet)], extra: ["xl/sharedStrings.xml": Self.sharedStrings])
        // Then each cell reads as its text, and the phones keep all their digits
        #expect(try Self.records(parts) == [
            ["姓名", "电话", "公司", "城市"],
            ["张三", "13800138000", "华信科技", "上海"],
            ["李四", "13900001111"],
        ])
    }

    @Test func aRowWithGapsKeepsItsColumns() throws {
        // Given a row with B empty and one with only C, and a row of nothing but a styled empty cell
        let sheet = WorkbookFile.sheet("""
            <row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Phone</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>City</t></is></c></row>\
            <row r="3"><c r="A3" t="inlineStr"><is><t>Ann</t></is></c><c r="C3" t="inlineStr"><is><t>Paris</t></is></c></row>\
            <row r="4"><c r="C4" t="inlineStr"><is><t>Oslo</t></is></c></row>\
            <row r="5"><c r="A5" s="1"/></row>\
            <row><c t="inlineStr"><is><t>Bo</t></is></c><c t="inlineStr"><is><t>42</t></is></c></row>
            """)
        let records = try Workbook.records(try WorkbookFile.data(WorkbookFile.parts(sheets: [("S", sheet)])), file: "b.xlsx")
        // Then C stays the third column, the empty row is skipped, and each record says its row
        // (a row without a reference is the one after the row before: 6)
        #expect(records.map(\.fields) == [["Name", "Phone", "City"], ["Ann", "", "Paris"], ["", "", "Oslo"], ["Bo", "42"]])
        #expect(records.map(\.line) == [1, 3, 4, 6])
    }

    @Test func dateSerialsBecomeISODatesByTheirStyle() throws {
        // Serial 45000: 1899-12-30 + 45000 days. 1900-01-01 is +2; 1900–1999 adds 36,524 days
        // (24 leap years, 1900 not one), so 2000-01-01 is 36,526; 2000–2022 adds 23 × 365 + 6 =
        // 8,401, so 2023-01-01 is 44,927; + 31 (January) + 28 (February) is 2023-03-01 = 44,986,
        // and 45000 is 14 days later: 2023-03-15.
        // Serial 59 is 1900-02-28; 61 is 1900-03-01 (60 is Excel's 29 February 1900).
        // Style 1 is built-in format 14, style 2 a custom 年月日 format, style 3 an amount in 元.
        let sheet = WorkbookFile.sheet("""
            <row r="1"><c r="A1" t="inlineStr"><is><t>Birthday</t></is></c></row>\
            <row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" s="2"><v>45000.75</v></c><c r="C2" s="3"><v>45000</v></c>\
            <c r="D2"><v>45000</v></c></row>\
            <row r="3"><c r="A3" s="1"><v>59</v></c><c r="B3" s="1"><v>61</v></c><c r="C3" s="3"><v>0.30000000000000004</v></c></row>
            """)
        let parts = WorkbookFile.parts(sheets: [("S", sheet)], extra: ["xl/styles.xml": Self.styles])
        // Then only the date styles read as days; the amount and the unstyled number stay numbers
        #expect(try Self.records(parts) == [
            ["Birthday"],
            ["2023-03-15", "2023-03-15", "45000", "45000"],
            ["1900-02-28", "1900-03-01", "0.3"],
        ])
    }

    @Test func theNineteenOFourSystemCountsFromItsOwnDay() throws {
        // 1904-01-01 + 43538 days: the 1900 system's 45000 less its 1,462 days' lead
        // (1900-01-01 to 1904-01-01 is 4 × 365 = 1,460, plus its two from 1899-12-30), so 2023-03-15.
        let sheet = WorkbookFile.sheet(#"<row r="1"><c r="A1" s="1"><v>43538</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>0</v></c></row>"#)
        var parts = WorkbookFile.parts(sheets: [("S", sheet)], extra: ["xl/styles.xml": Self.styles])
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"]?.replacingOccurrences(of: "<sheets>", with: #"<workbookPr date1904="1"/><sheets>"#)
        #expect(try Self.records(parts) == [["2023-03-15", "TRUE", "FALSE"]])
    }

    @Test(arguments: [
        (14, nil, true), (22, nil, true), (31, nil, true), (0, nil, false), (4, nil, false), (49, nil, false),
        (164, "yyyy-mm-dd", true), (164, "d/m/yy", true), (164, "[$-804]yyyy\"年\"m\"月\"", true),
        (164, "#,##0.00 \"元\"", false), (164, "[Red]0.00", false), (164, "0.00_m", false), (164, "General", false),
        (164, "0;[Red]-0;\"day\"", false),
    ] as [(Int, String?, Bool)])
    func aFormatIsADateByItsIDOrItsCode(id: Int, code: String?, isDate: Bool) {
        #expect(CellText.isDateFormat(id: id, code: code) == isDate)
    }

    @Test(arguments: [("A5", 0), ("C5", 2), ("Z1", 25), ("AA1", 26), ("XFD1048576", 16_383)] as [(String, Int)])
    func aCellReferenceNamesItsColumn(reference: String, column: Int) {
        #expect(SheetReader.column(of: reference) == column)
    }

    @Test(arguments: ["XFE1", "5", "A", "ÄB1", "AAAA1"])
    func aReferencePastTheSheetOrNotOneIsNone(reference: String) {
        #expect(SheetReader.column(of: reference) == nil)
    }

    @Test func escapedCharactersAreRestored() {
        #expect(CellText.unescaped("a_x000D_\nb_x005F_x0041_") == "a\r\nb_x0041_")
        #expect(CellText.unescaped("_x12_ and _xZZZZ_") == "_x12_ and _xZZZZ_")
    }

    @Test func theSheetIsChosenThroughTheWorkbookNotByItsFileName() throws {
        // Given two sheets, the first stored as sheet2.xml (the fixture numbers them backwards)
        let first = WorkbookFile.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>first</t></is></c></row>"#)
        let second = WorkbookFile.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>second</t></is></c></row>"#)
        let parts = WorkbookFile.parts(sheets: [("华东", first), ("华南", second)])
        #expect(try Self.records(parts) == [["first"]])
        #expect(try Self.records(parts, sheet: "华南") == [["second"]])
        // A sheet named that is not there is an error naming those that are
        #expect(try Self.failure(parts, sheet: "NOPE") == #"no sheet "NOPE" in "book.xlsx"; its sheets are "华东", "华南""#)
    }

    @Test func aSheetOnOneLineLongerThanTenMegabytesReads() throws {
        // Excel writes a sheet's rows on one line; libxml2 refuses to look that far ahead
        // unless the part is fed to it in chunks.
        let row = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>"#
        let rows = (2...200_000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        let parts = WorkbookFile.parts(sheets: [("S", WorkbookFile.sheet(row + rows))])
        #expect(parts["xl/worksheets/sheet1.xml", default: ""].utf8.count > 10_000_000)
        let records = try Self.records(parts)
        #expect(records.count == 200_000)
        #expect(records.last == ["200000"])
    }

    @Test func aHiddenFirstSheetIsPassedOver() throws {
        let hidden = WorkbookFile.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>lookup</t></is></c></row>"#)
        let shown = WorkbookFile.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>customers</t></is></c></row>"#)
        var parts = WorkbookFile.parts(sheets: [("lists", hidden), ("客户", shown)])
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"]?.replacingOccurrences(of: #"name="lists""#, with: #"name="lists" state="hidden""#)
        #expect(try Self.records(parts) == [["customers"]])
    }

    // MARK: - Hostile workbooks

    static let oneCell = WorkbookFile.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>"#)

    @Test func aFileThatIsNotAZipIsRefused() throws {
        #expect(throws: RapportError.conflict(#""book.xlsx" is not an Excel workbook: it is not a zip archive, as an .xlsx is"#)) {
            try Workbook.records(Data("Name,Phone\n".utf8), file: "book.xlsx")
        }
    }

    @Test func aMissingWorkbookPartIsNamed() throws {
        var parts = WorkbookFile.parts(sheets: [("S", Self.oneCell)])
        parts["xl/workbook.xml"] = nil
        #expect(try Self.failure(parts) == #""book.xlsx": "xl/workbook.xml" is missing; nothing was imported"#)
    }

    @Test func aMissingSheetPartIsNamed() throws {
        var parts = WorkbookFile.parts(sheets: [("S", Self.oneCell)])
        parts["xl/worksheets/sheet1.xml"] = nil
        #expect(try Self.failure(parts) == #""book.xlsx": "xl/worksheets/sheet1.xml" is missing; nothing was imported"#)
    }

    @Test func aMalformedPartIsNamed() throws {
        let parts = WorkbookFile.parts(sheets: [("S", "<worksheet><sheetData><row></sheetData></worksheet>")])
        let message = try Self.failure(parts)
        #expect(message.hasPrefix(#""book.xlsx": "xl/worksheets/sheet1.xml" is not well-formed XML"#), "\(message)")
    }

    @Test(arguments: ["<worksheet><sheetData><row>", "", "just text"])
    func aPartCutShortOrEmptyIsNamed(sheet: String) throws {
        let parts = WorkbookFile.parts(sheets: [("S", sheet)])
        #expect(try Self.failure(parts).hasPrefix(#""book.xlsx": "xl/worksheets/sheet1.xml" is not well-formed XML"#))
    }

    @Test(arguments: [
        // Billion laughs: entities that expand to gigabytes.
        """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\
        <sst><si><t>&lol2;</t></si></sst>
        """,
        // An external entity reading a file of the machine.
        """
        <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst><si><t>&xxe;</t></si></sst>
        """,
    ])
    func aPartWithADTDIsRefused(strings: String) throws {
        let parts = WorkbookFile.parts(sheets: [("S", Self.oneCell)], extra: ["xl/sharedStrings.xml": strings])
        #expect(try Self.failure(parts) == #""book.xlsx": "xl/sharedStrings.xml" holds a DTD, which a workbook never does; nothing was imported"#)
    }

    @Test func aPartInAnotherEncodingIsRefused() throws {
        let parts = WorkbookFile.parts(sheets: [("S", #"<?xml version="1.0" encoding="UTF-7"?><worksheet/>"#)])
        #expect(try Self.failure(parts) == #""book.xlsx": "xl/worksheets/sheet1.xml" is not UTF-8 XML; nothing was imported"#)
    }

    @Test func aPartUnpackingPastTheLimitIsRefused() throws {
        // Given a sheet of 2 MB of spaces, which deflate packs into a few kilobytes, and a limit of 1 MB
        let sheet = WorkbookFile.sheet(String(repeating: " ", count: 2 << 20))
        let parts = WorkbookFile.parts(sheets: [("S", sheet)])
        #expect(try WorkbookFile.data(parts).count < 100_000)
        #expect(try Self.failure(parts, partLimit: 1 << 20)
            == #""book.xlsx": "xl/worksheets/sheet1.xml" unpacks to more than 1 MB; nothing was imported"#)
        // Within the limit, the same sheet reads
        #expect(try Self.records(parts, partLimit: 3 << 20) == [])
    }

    @Test func aSharedStringThatIsNotThereIsNamed() throws {
        let sheet = WorkbookFile.sheet(#"<row r="1"><c r="B1" t="s"><v>7</v></c></row>"#)
        let parts = WorkbookFile.parts(sheets: [("S", sheet)], extra: ["xl/sharedStrings.xml": Self.sharedStrings])
        #expect(try Self.failure(parts)
            == #""book.xlsx": "xl/worksheets/sheet1.xml" has cell "B1" pointing to shared string "7", which there is not; nothing was imported"#)
    }

    @Test func anOldXLSIsToldToBeSavedAgain() throws {
        let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        #expect(throws: RapportError.conflict(#""book.xlsx" is an Excel 97–2003 workbook (.xls); save it as .xlsx or CSV in Excel first"#)) {
            try Workbook.records(xls, file: "book.xlsx")
        }
    }
}
