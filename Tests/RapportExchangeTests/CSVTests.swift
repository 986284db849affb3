import RapportCore
import Testing
@testable import RapportExchange

@Suite struct CSVTests {
    typealias Row = (fields: [String], line: Int)

    @Test(arguments: [
        ("simple LF", "a,b\n1,2\n", [(["a", "b"], 1), (["1", "2"], 2)]),
        ("CRLF", "a,b\r\n1,2\r\n", [(["a", "b"], 1), (["1", "2"], 2)]),
        ("lone CR", "a,b\r1,2\r", [(["a", "b"], 1), (["1", "2"], 2)]),
        ("last line without newline", "a,b\n1,2", [(["a", "b"], 1), (["1", "2"], 2)]),
        ("comma in quotes", "\"Acme, Inc.\",x", [(["Acme, Inc.", "x"], 1)]),
        ("doubled quotes", "\"say \"\"hi\"\"\",\"\"\"\"", [(["say \"hi\"", "\""], 1)]),
        ("embedded LF kept, next record's line counted", "\"a\nb\",c\nd,e", [(["a\nb", "c"], 1), (["d", "e"], 3)]),
        ("embedded CRLF kept as written", "\"a\r\nb\"\r\nx", [(["a\r\nb"], 1), (["x"], 3)]),
        ("empty fields", ",,\n\"\",x,", [(["", "", ""], 1), (["", "x", ""], 2)]),
        ("empty lines skipped, lines still counted", "a\n\n\r\n\nb\n", [(["a"], 1), (["b"], 5)]),
        ("ragged rows kept", "a,b,c\n1\n1,2,3,4", [(["a", "b", "c"], 1), (["1"], 2), (["1", "2", "3", "4"], 3)]),
        ("BOM left in the text skipped", "\u{FEFF}Name,Phone\n王,1", [(["Name", "Phone"], 1), (["王", "1"], 2)]),
        ("multibyte text", "王建国,华信科技有限公司,上海", [(["王建国", "华信科技有限公司", "上海"], 1)]),
        ("text after a closing quote kept", "\"a\"b,c", [(["ab", "c"], 1)]),
        ("a quote inside an unquoted cell is text", "5\" disk,x", [(["5\" disk", "x"], 1)]),
        ("spaces kept", " a , b ", [([" a ", " b "], 1)]),
        ("only a newline", "\n", []),
        ("empty", "", []),
        ("trailing comma at end of file", "a,", [(["a", ""], 1)]),
        ("quoted empty line is a record", "\"\"\nx", [([""], 1), (["x"], 2)]),
    ] as [(String, String, [Row])])
    func reads(_ label: String, text: String, expected: [Row]) throws {
        let records = try CSV.records(text)
        #expect(records.map(\.fields) == expected.map(\.fields), "\(label)")
        #expect(records.map(\.line) == expected.map(\.line), "\(label)")
    }

    @Test(arguments: [
        ("a,\"open", 1, "open"),
        ("a,b\n1,\"x\ny\n", 2, "x\ny\n"),
        ("a\r\nb\r\n\"say \"\"hi\"\"", 3, "say \"\"hi\"\""),
    ])
    func unterminatedQuoteNamesItsLine(_ text: String, line: Int, opening: String) {
        #expect(throws: RapportError.invalid(field: "quoted cell opened on line \(line)", value: opening,
                                             expected: "it has no closing quote; end it with \" (write a quote inside a cell as \"\")")) {
            try CSV.records(text)
        }
    }

    @Test(arguments: [
        (["a", "b"], "a,b\r\n"),
        (["Acme, Inc.", "x"], "\"Acme, Inc.\",x\r\n"),
        (["say \"hi\""], "\"say \"\"hi\"\"\"\r\n"),
        (["line 1\nline 2", ""], "\"line 1\nline 2\",\r\n"),
        (["cr\rhere"], "\"cr\rhere\"\r\n"),
        (["", ""], ",\r\n"),
        ([""], "\"\"\r\n"),
        (["王建国", " spaced "], "王建国, spaced \r\n"),
    ])
    func writesLines(_ cells: [String], expected: String) {
        #expect(CSV.line(cells) == expected)
    }

    @Test(arguments: [
        ["a", "b,c", "\"q\"", "x\r\ny", "", "王"],
        [""],
        ["=1+2", "'quoted", "  "],
    ])
    func writtenLinesReadBack(_ cells: [String]) throws {
        #expect(try CSV.records(CSV.line(cells)).map(\.fields) == [cells])
    }

    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+86 138 0013 8000", "'+86 138 0013 8000"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("王建国", "王建国"),
        ("", ""),
        (" =1", " =1"),
    ])
    func neutralizesFormulaStarts(_ cell: String, expected: String) {
        #expect(CSV.neutralized(cell) == expected)
        #expect(CSV.restored(CSV.neutralized(cell)) == cell)
    }

    @Test(arguments: [("'x", "'x"), ("'", "'"), ("'=1", "=1"), ("''=1", "''=1")])
    func restoresOnlyNeutralizedCells(_ cell: String, expected: String) {
        #expect(CSV.restored(cell) == expected)
    }

    @Test func errorsCarryNoControlCharactersFromTheFile() {
        do {
            _ = try CSV.records("a,\"\u{1B}]0;pwned\u{07}\u{1B}[2J")
            Issue.record("an unterminated quote must be refused")
        } catch {
            #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        }
    }
}

/// Excel writes `;` for some locales and tabs in its "Unicode text": the header line says which.
struct CSVDelimiterTests {
    @Test(arguments: [
        ("Name,Phone\na,1\n", [["Name", "Phone"], ["a", "1"]]),
        ("Name;Phone\na;1\n", [["Name", "Phone"], ["a", "1"]]),
        ("Name\tPhone\na\t1\n", [["Name", "Phone"], ["a", "1"]]),
        // The most used wins: two semicolons against one comma in the header.
        ("Name;Company;Note, more\na;b;c,d\n", [["Name", "Company", "Note, more"], ["a", "b", "c,d"]]),
        // A delimiter inside quotes does not count, nor in a later line.
        ("\"a;b;c\",d\n1,2;3;4\n", [["a;b;c", "d"], ["1", "2;3;4"]]),
        // None at all: one column, read as commas.
        ("Name\n王建国\n", [["Name"], ["王建国"]]),
        // A quoted cell with the delimiter in it, and a doubled quote.
        ("Name;Company\n王建国;\"华信; \"\"科技\"\"\"\n", [["Name", "Company"], ["王建国", "华信; \"科技\""]]),
    ])
    func theHeaderLineChoosesTheDelimiter(text: String, expected: [[String]]) throws {
        #expect(try CSV.records(text).map(\.fields) == expected)
    }

    @Test func aDelimiterGivenOverridesTheGuess() throws {
        // The header has more commas, but the file says semicolons.
        #expect(try CSV.records("a,b,c;d\n1,2;3\n", delimiter: .semicolon).map(\.fields) == [["a,b,c", "d"], ["1,2", "3"]])
    }

    @Test(arguments: [(",", CSV.Delimiter.comma), (";", .semicolon), ("tab", .tab), ("\t", .tab), ("\\t", .tab), ("TAB", .tab)])
    func delimitersAreTypedAsPeopleWriteThem(typed: String, expected: CSV.Delimiter) {
        #expect(CSV.Delimiter(typed: typed) == expected)
    }

    @Test func anUnknownDelimiterIsNone() {
        #expect(CSV.Delimiter(typed: "|") == nil)
    }
}
