import Foundation
import Testing
import WorkbookFixtures

/// `rapport import FILE.xlsx` through the built binary, on workbooks the test zips itself.
struct WorkbookImportTests {
    /// 客户 (the first sheet): a header of Chinese shared strings, 王建国 with a phone stored
    /// as a number and a birthday as serial 45000 in style 1 (format 14), 李娜 with her
    /// phone in exponent form and no company (B3 is a gap). 华南 (the second) holds 周敏.
    static func book(in r: RapportBinary) throws -> String {
        let strings = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <si><t>姓名</t></si><si><t>公司</t></si><si><t>电话</t></si><si><t>城市</t></si><si><t>生日</t></si>\
            <si><t>王建国</t></si><si><r><t>华信</t></r><r><rPr><b/></rPr><t>科技</t></r></si><si><t>李娜</t></si></sst>
            """
        let styles = """
            <?xml version="1.0" encoding="UTF-8"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>
            """
        let customers = WorkbookFile.sheet("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>\
            <row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2"><v>13800138000</v></c>\
            <c r="D2" t="inlineStr"><is><t>深圳</t></is></c><c r="E2" s="1"><v>45000</v></c></row>\
            <row r="3"><c r="A3" t="s"><v>7</v></c><c r="C3"><v>1.3900001111E10</v></c><c r="D3" t="inlineStr"><is><t>上海</t></is></c></row>
            """)
        let south = WorkbookFile.sheet("""
            <row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>周敏</t></is></c></row>
            """)
        let path = r.directory.appendingPathComponent("客户.xlsx")
        try WorkbookFile.write(WorkbookFile.parts(sheets: [("客户", customers), ("华南", south)],
                                                  extra: ["xl/sharedStrings.xml": strings, "xl/styles.xml": styles]), to: path)
        return path.path
    }

    @Test func aWorkbooksFirstSheetComesInAsItsCSVWould() throws {
        // Given the workbook
        let r = try RapportBinary()
        let file = try Self.book(in: r)
        // When it is imported
        let result = try r.ok(["import", file, "--db", r.database])
        // Then both rows of the first sheet are customers, with every digit of their phones
        #expect(result.stdout == "Created 2, updated 0, skipped 0 duplicates.\n")
        let customers = try ExchangeCommandTests.customers(r)
        #expect(customers.compactMap { $0["name"] as? String }.sorted() == ["李娜", "王建国"])
        let wang = try ExchangeCommandTests.card(r, "王建国")
        #expect(wang["company"] as? String == "华信科技")
        #expect(wang["city"] as? String == "深圳")
        #expect(wang["birthday"] as? String == "2023-03-15")
        #expect((wang["phones"] as? [[String: Any]])?.compactMap { $0["value"] as? String } == ["13800138000"])
        let li = try ExchangeCommandTests.card(r, "李娜")
        #expect((li["phones"] as? [[String: Any]])?.compactMap { $0["value"] as? String } == ["13900001111"])
        #expect(li["company"] is NSNull)
        // And the import is one change, undone whole
        #expect(try r.ok(["undo"]).stdout.hasPrefix("Undid: "))
        #expect(try ExchangeCommandTests.customers(r).isEmpty)
    }

    @Test func aSheetIsChosenByName() throws {
        let r = try RapportBinary()
        let file = try Self.book(in: r)
        try r.ok(["import", file, "--sheet", "华南"])
        #expect(try ExchangeCommandTests.customers(r).compactMap { $0["name"] as? String } == ["周敏"])
    }

    @Test func aDryRunOfAWorkbookWritesNothing() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--phone", "138-0013-8000"])
        let before = try r.snapshot()
        let file = try Self.book(in: r)
        let result = try r.ok(["import", file, "--dry-run"])
        // Row 2's phone is 王建国's already: the report's lines are the sheet's rows
        #expect(result.stdout == """
            line 2: skip 王建国 (same phone 13800138000 as #1)
            line 3: create 李娜 (would be #2)
            Dry run, nothing written: would create 1, update 0, skip 1 duplicates.

            """)
        #expect(try r.snapshot() == before)
    }

    @Test func aSheetThatIsNotThereIsRefusedNamingThoseThatAre() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let file = try Self.book(in: r)
        try r.expectRefused(["import", file, "--sheet", "NOPE"],
                            #"no sheet "NOPE" in "客户.xlsx"; its sheets are "客户", "华南""#)
    }

    @Test func aFileNamedXLSXThatIsNoWorkbookIsRefusedInOneLine() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let file = try ExchangeCommandTests.write("姓名,电话\n李娜,139\n", to: "b.xlsx", in: r)
        try r.expectRefused(["import", file], #""b.xlsx" is not an Excel workbook: it is not a zip archive, as an .xlsx is"#)
    }

    @Test func aSheetOptionOnACSVIsRefused() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let file = try ExchangeCommandTests.write("姓名\n李娜\n", to: "b.csv", in: r)
        try r.expectRefused(["import", file, "--sheet", "S"], "--sheet names a sheet of an .xlsx workbook")
    }

    @Test(arguments: [["--encoding", "gbk"], ["--delimiter", ";"]])
    func aCSVsOptionsOnAWorkbookAreRefused(option: [String]) throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let file = try Self.book(in: r)
        try r.expectRefused(["import", file] + option, "--encoding and --delimiter are for CSV files; a workbook's cells need neither")
    }

    @Test func excelsUnicodeTextComesIn() throws {
        // Given what Excel saves as "Unicode text": UTF-16 little-endian with its mark, tab-separated, CRLF
        let r = try RapportBinary()
        let text = "姓名\t电话\t城市\r\n王建国\t13800138000\t深圳\r\n李娜\t13900001111\t上海\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = r.directory.appendingPathComponent("客户.csv")
        try Data(bytes).write(to: path)
        // When it is imported with nothing said of its encoding or delimiter
        #expect(try r.ok(["import", path.path]).stdout == "Created 2, updated 0, skipped 0 duplicates.\n")
        // Then the encoding and the tabs were found
        #expect(try ExchangeCommandTests.card(r, "王建国")["city"] as? String == "深圳")
        #expect(try ExchangeCommandTests.card(r, "李娜")["city"] as? String == "上海")
    }
}
