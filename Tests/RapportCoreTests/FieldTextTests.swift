import Testing
@testable import RapportCore

/// How a form field's or a CSV cell's text is cut into values: trimming, lists, labels.
struct FieldTextTests {
    @Test(arguments: [
        ("王建国", "王建国"), ("  王建国 ", "王建国"), ("\u{3000}谈了报价\u{3000}", "谈了报价"), ("\tAnna\t", "Anna"),
        ("", ""), ("   ", ""), ("\u{3000}", ""), ("a b", "a b"), ("x\u{3000}", "x"), ("建\u{3000}国", "建\u{3000}国"),
    ])
    func trimmingSpaces(text: String, trimmed: String) {
        #expect(text.trimmingSpaces() == trimmed)
        #expect(text[...].trimmingSpaces() == trimmed)
    }

    @Test(arguments: [
        ("vip", ["vip"]), (" vip ", ["vip"]), ("vip, 渠道", ["vip", "渠道"]), ("a,,b, ,c", ["a", "b", "c"]),
        ("", []), ("  ", []), (",", []), ("渠道\u{3000},\u{3000}重点", ["渠道", "重点"]),
    ])
    func listsAreCutAtCommasAndTrimmed(text: String, items: [String]) {
        #expect(CustomerField.list(text) == items)
    }

    @Test(arguments: [
        ("work:010-1234", "010-1234", "work"),
        ("Mobile: 138 0013 8000", "138 0013 8000", "Mobile"),
        ("手机:13800138000", "13800138000", "手机"),
        ("13800138000", "13800138000", nil),
        (" 13800138000 ", "13800138000", nil),
        (":13800138000", ":13800138000", nil),          // no label before the colon
        ("ext1:12", "ext1:12", nil),                    // a label is letters only
        ("abcdefghijklm:12", "abcdefghijklm:12", nil),  // and at most twelve of them
        ("abcdefghijkl:12", "12", "abcdefghijkl"),
        ("li@example.com", "li@example.com", nil),
    ] as [(String, String, String?)])
    func labelsAreReadBeforeAColon(text: String, value: String, label: String?) {
        let read = LabeledValue(parsing: text)
        #expect(read.value == value)
        #expect(read.label == label)
    }

    @Test func labeledListsReadEachValue() {
        #expect(CustomerField.labeledList("mobile:138, work:010-1234 ,li@example.com") ==
                [LabeledValue("138", label: "mobile"), LabeledValue("010-1234", label: "work"), LabeledValue("li@example.com")])
    }

    @Test(arguments: [("2026-11-23 09:05", "2026-11-23 09:05"), ("2026-01-02T23:59", "2026-01-02 23:59"), ("0999-12-31 00:00", "0999-12-31 00:00")])
    func localDateTimeText(text: String, written: String) throws {
        #expect(try #require(LocalDateTime(text: text)).text == written)
    }
}
