import Foundation
import RapportCore
import Testing
@testable import RapportExchange

@Suite struct VCardReaderTests {
    func read(_ bytes: [UInt8]) throws -> [VCardEntry] {
        try VCardReader.customers(Data(bytes), createdAt: Fixtures.stamp)
    }

    func read(_ text: String) throws -> [VCardEntry] {
        try read(Array(text.utf8))
    }

    // MARK: - Versions

    @Test func readsVersion21() throws {
        // 王 is E7 8E 8B in UTF-8; 安藤 is 88 C0 93 A1 in Shift_JIS.
        let card: [UInt8] = Array("""
        BEGIN:VCARD\r
        VERSION:2.1\r
        N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B;Jianguo;;;\r
        ORG;CHARSET=SHIFT_JIS:
        """.utf8) + [0x88, 0xC0, 0x93, 0xA1] + Array("""
        \r
        TEL;CELL;PREF:138-0013-8000\r
        TEL;WORK;VOICE:010-1234\r
        EMAIL;INTERNET:wang@example.cn\r
        NOTE;ENCODING=QUOTED-PRINTABLE:first line=0D=0Asecond =\r
        line\r
        BDAY:19800315\r
        PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r
        AAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U\r
        \r
        X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Nick;1;;;;\r
        END:VCARD\r

        """.utf8)
        let entries = try read(card)
        let expected = Fixtures.customer("王Jianguo") {
            $0.company = "安藤"
            $0.phones = [LabeledValue("138-0013-8000", label: "mobile"), LabeledValue("010-1234", label: "work")]
            $0.emails = [LabeledValue("wang@example.cn")]
            $0.notes = "first line\r\nsecond line"
            $0.birthday = Birthday(month: 3, day: 15, year: 1980)
        }
        #expect(entries.map(\.customer) == [expected])
        #expect(entries.map(\.warnings) == [[]])
        #expect(entries.map(\.card) == [1])
    }

    @Test func readsVersion30() throws {
        let entries = try read("""
        BEGIN:vCard
        VERSION:3.0
        FN:Zoë Müller
        N:Müller;Zoë;;;
        ORG:Nordwind GmbH;Sales
        TITLE:Head of Purchasing
        item1.EMAIL;type=INTERNET;type=WORK;type=pref:zoe@nordwind.example
        item1.X-ABLabel:_$!<Work>!$_
        TEL;TYPE=CELL,VOICE:+49 151 2345 678
        TEL;TYPE="home,voice":+49 30 1234
        ADR;TYPE=WORK:;;Hauptstr. 5\\, Hof;Berlin;BE;10115;Germany
        NOTE:Met at the fair\\, hall 3\\nCall in spring\\; bring samples
        CATEGORIES:vip,fair 2026
        BDAY:1985-07-09
        PHOTO;ENCODING=b;TYPE=JPEG:MIICajCCAdOgAwIBAgICBEUwDQYJKoZIhvcNAQEEBQAwdzELMAkGA1
          UEBhMCVVMxLDAqBgNVBAoTI05ldHNjYXBlIENvbW11bmljYXRpb25zIENvcnBvcmF0aW9uMRwwGgYD
        END:vCard
        """)
        let expected = Fixtures.customer("Zoë Müller") {
            $0.company = "Nordwind GmbH"
            $0.title = "Head of Purchasing"
            $0.emails = [LabeledValue("zoe@nordwind.example", label: "work")]
            $0.phones = [LabeledValue("+49 151 2345 678", label: "mobile"), LabeledValue("+49 30 1234", label: "home")]
            $0.address = "Hauptstr. 5, Hof, 10115, Germany"
            $0.city = "Berlin"
            $0.region = "BE"
            $0.notes = "Met at the fair, hall 3\nCall in spring; bring samples"
            $0.tags = ["vip", "fair 2026"]
            $0.birthday = Birthday(month: 7, day: 9, year: 1985)
        }
        #expect(entries.map(\.customer) == [expected])
        #expect(entries.map(\.warnings) == [[]])
    }

    @Test func readsVersion40() throws {
        // 报 is E6 8A A5; the fold falls inside it, and unfolding joins the bytes again.
        let card: [UInt8] = Array("""
        BEGIN:VCARD
        VERSION:4.0
        KIND:org
        FN:华信科技有限公司
        ORG:华信科技有限公司
        TEL;VALUE=uri;TYPE="voice,work":tel:+86-21-5555-0100
        EMAIL;TYPE=work:info@huaxin.example
        BDAY;VALUE=text:circa 1800
        NOTE:谈了
        """.utf8) + [0xE6, 0x8A, 0x0A, 0x20, 0xA5] + Array("价\nEND:VCARD\n".utf8)
        let entries = try read(card)
        let expected = Fixtures.customer("华信科技有限公司") {
            $0.kind = .company
            $0.phones = [LabeledValue("+86-21-5555-0100", label: "work")]
            $0.emails = [LabeledValue("info@huaxin.example", label: "work")]
            $0.notes = "谈了报价"
        }
        #expect(entries.map(\.customer) == [expected])
        #expect(entries.map(\.warnings) == [["BDAY \"circa 1800\" is not a date; left out"]])
    }

    @Test(arguments: [
        ("NOTE;ENCODING=QUOTED-PRINTABLE:a=00b", "NOTE on line 4 holds a NUL character"),
        ("NOTE;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:=CD=F5=00", "NOTE on line 4 holds a NUL character"),
        ("ORG;ENCODING=QUOTED-PRINTABLE:=E5=8D=8E=ED=A0=80", "ORG on line 4 holds a lone surrogate"),
    ])
    func aCardHoldingANulOrALoneSurrogateIsRefusedNamingIt(_ property: String, message: String) throws {
        let file = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Anna\r\n\(property)\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Bob\r\nEND:VCARD\r\n"
        let entries = try VCardReader.entries(Data(file.utf8), createdAt: Fixtures.stamp)
        #expect(throws: RapportError.invalid(field: "vCard", value: "card 1",
                                             expected: "it begins on line 1; \(message), which Rapport neither drops nor changes")) {
            try entries[0].get()
        }
        #expect(try entries[1].get().customer.name == "Bob")
    }

    @Test func readsAWholeFileInUTF16WithoutAMark() throws {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nNOTE;CHARSET=ISO-8859-1:ü\r\nEND:VCARD\r\n"
        let bytes = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let entries = try read(bytes)
        // The file was UTF-16 as a whole, so the CHARSET no longer describes the bytes.
        #expect(entries.map(\.customer) == [Fixtures.customer("Zoë") { $0.notes = "ü" }])
    }

    @Test(arguments: [
        ("CHARSET=GBK", [0xCD, 0xF5, 0xBD, 0xA8, 0xB9, 0xFA], "王建国"),
        ("CHARSET=GB2312", [0xCD, 0xF5], "王"),
        ("CHARSET=GB18030", [0xCD, 0xF5], "王"),
        ("CHARSET=SHIFT_JIS", [0x88, 0xC0, 0x93, 0xA1], "安藤"),
        ("CHARSET=ISO-8859-1", [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], "Müller"),
        ("CHARSET=UTF-8", [0xE7, 0x8E, 0x8B], "王"),
        ("CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE", Array("=88=C0=93=A1".utf8), "安藤"),
        ("ENCODING=QUOTED-PRINTABLE;CHARSET=GBK", Array("=CD=F5".utf8), "王"),
        // No CHARSET: UTF-8 when valid, else GB18030.
        ("X-NONE=1", [0xCD, 0xF5], "王"),
    ] as [(String, [UInt8], String)])
    func appliesCharsetToThePropertysBytes(_ parameters: String, bytes: [UInt8], expected: String) throws {
        let card = Array("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;\(parameters):".utf8) + bytes + Array("\r\nEND:VCARD\r\n".utf8)
        #expect(try read(card).map(\.customer.name) == [expected])
    }

    // MARK: - Fields

    @Test(arguments: [
        ("1980-03-15", Birthday(month: 3, day: 15, year: 1980)),
        ("19800315", Birthday(month: 3, day: 15, year: 1980)),
        ("--0315", Birthday(month: 3, day: 15)),
        ("--03-15", Birthday(month: 3, day: 15)),
        ("1980-03-15T00:00:00Z", Birthday(month: 3, day: 15, year: 1980)),
        ("19800315T000000", Birthday(month: 3, day: 15, year: 1980)),
        ("--0229", Birthday(month: 2, day: 29)),
        ("circa 1800", nil),
        ("1981-02-29", nil),
        ("--1301", nil),
        ("1980", nil),
        ("", nil),
    ])
    func readsBirthdayForms(_ text: String, expected: Birthday?) {
        #expect(VCardDraft.birthday(text) == expected)
    }

    @Test(arguments: [
        (["cell", "pref"], "mobile"),
        (["work", "fax"], "fax"),
        (["home", "voice"], "home"),
        (["pager"], "pager"),
        (["internet"], nil),
        (["pref", "voice"], nil),
        (["微信"], "微信"),
        ([], nil),
    ] as [([String], String?)])
    func labelsFromTypes(_ types: [String], expected: String?) {
        #expect(VCardDraft.label(types) == expected)
    }

    @Test(arguments: [
        ("N:王;建国;;;", "王建国"),
        ("N:Müller;Zoë;Anna;Dr.;", "Zoë Anna Müller"),
        ("N:;Madonna;;;", "Madonna"),
        ("N:Doe;John;;;\r\nFN:Johnny Doe", "Johnny Doe"),
        ("ORG:Acme Inc.;Sales", "Acme Inc."),
        ("FN:A\\, B\\; C\\\\D", "A, B; C\\D"),
    ])
    func namesTheCustomer(_ lines: String, expected: String) throws {
        #expect(try read("BEGIN:VCARD\r\nVERSION:3.0\r\n\(lines)\r\nEND:VCARD\r\n").map(\.customer.name) == [expected])
    }

    @Test func badValuesAreLeftOutWithAWarning() throws {
        let entries = try read("""
        BEGIN:VCARD
        VERSION:3.0
        FN:Anna
        TEL:12
        EMAIL:not-an-email
        CATEGORIES:ok,a\\,b
        BDAY:\u{1B}[2Jsoon
        ADR:;;one;;;;
        ADR:;;two;;;;
        END:VCARD
        """)
        #expect(entries.map(\.customer) == [Fixtures.customer("Anna") { $0.tags = ["ok"]; $0.address = "one" }])
        #expect(entries.map(\.warnings) == [[
            "another address (ADR on line 9) left out; Rapport keeps one",
            "TEL \"12\" left out: invalid phone \"12\"; a phone number needs at least 3 digits",
            "EMAIL \"not-an-email\" left out: invalid email \"not-an-email\"; write it as name@example.com",
            "CATEGORIES \"a,b\" left out: invalid tag \"a,b\"; a tag cannot contain a comma",
            "BDAY \"soon\" is not a date; left out",
        ]])
    }

    @Test func anUnknownCharsetIsWarnedAboutWithoutItsControlCharacters() throws {
        let entries = try read("BEGIN:VCARD\r\nFN;CHARSET=\u{1B}[31mklingon:Anna\r\nEND:VCARD\r\n")
        #expect(entries.map(\.customer.name) == ["Anna"])
        let warnings = entries.flatMap(\.warnings)
        #expect(warnings.count == 1)
        #expect(warnings.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } })
        #expect(warnings.first?.hasPrefix("FN on line 2: invalid encoding \"klingon\"") == true)
    }

    // MARK: - Several cards, nesting, and bad files

    @Test func readsSeveralAndNestedCardsInBeginOrder() throws {
        let entries = try read("""
        BEGIN:VCARD
        VERSION:2.1
        N:parent
        BEGIN:VCARD
        N:child
        END:VCARD
        TEL:555-0100
        END:VCARD
        garbage between cards
        BEGIN:VCARD
        FN:third
        END:VCARD
        """)
        #expect(entries.map(\.customer.name) == ["parent", "child", "third"])
        #expect(entries.map(\.card) == [1, 2, 3])
        #expect(entries.map(\.line) == [1, 4, 10])
        #expect(entries[0].customer.phones == [LabeledValue("555-0100")])
    }

    @Test func aCardWithoutANameIsAnErrorNamingIt() throws {
        let text = "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:met at the fair\r\nEND:VCARD\r\n"
        let error = RapportError.invalid(field: "vCard", value: "card 2",
                                         expected: "it begins on line 4 and has no FN, N, ORG, EMAIL or TEL to name the customer")
        #expect(throws: error) { try read(text) }
        // An import that skips bad cards still gets the good ones.
        let entries = try VCardReader.entries(Data(text.utf8), createdAt: Fixtures.stamp)
        #expect(entries.count == 2)
        #expect((try? entries[0].get())?.customer.name == "A")
        #expect(throws: error) { try entries[1].get() }
    }

    /// An Android export's card of only an email, or only a phone, is named by it (as a CSV
    /// row is), a person rather than a company.
    @Test(arguments: [
        ("EMAIL;PREF:a@example.com", "a@example.com"),
        ("TEL;CELL:138 0013 8000", "138 0013 8000"),
        ("TEL:555-0100\r\nEMAIL:b@example.com", "b@example.com"),
    ])
    func aCardOfOnlyAnEmailOrAPhoneIsNamedByIt(lines: String, name: String) throws {
        let entries = try read("BEGIN:VCARD\r\nVERSION:2.1\r\n" + lines + "\r\nEND:VCARD\r\n")
        #expect(entries.map(\.customer.name) == [name])
        #expect(entries.first?.customer.kind == .person)
    }

    @Test(arguments: [
        ("BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\n", RapportError.invalid(
            field: "vCard", value: "card 2", expected: "it begins on line 4 but has no END:VCARD; the file may be cut short")),
        ("BEGIN:VCARD\nFN:A\nNOTE;ENCODING=QUOTED-PRINTABLE:abc=", .invalid(
            field: "vCard", value: "card 1", expected: "it begins on line 1 but has no END:VCARD; the file may be cut short")),
        ("hello world\n", .invalid(field: "vCard file", value: "hello world\n", expected: "it has no BEGIN:VCARD line")),
        ("", .invalid(field: "vCard file", value: "", expected: "it has no BEGIN:VCARD line")),
    ])
    func truncatedOrForeignFilesAreRefused(_ text: String, error: RapportError) {
        #expect(throws: error) { try read(text) }
    }

    @Test func garbageNeverCrashesOrHangs() {
        // Pieces of real cards in random order and cut anywhere, from a fixed seed.
        let pieces = ["BEGIN:VCARD", "END:VCARD", "\r\n", "\n", " ", "=", "=\r\n", ":", ";", "\\", "\"", "FN", "N:", "TEL;CELL:",
                      "ENCODING=QUOTED-PRINTABLE", "CHARSET=GBK", "CHARSET=SHIFT_JIS", "=E7=8E", "BDAY:--", "ADR:;;;",
                      "\u{0}", "\u{FF}", "王", "item1.", "VALUE=text"]
        var seed: UInt64 = 0x5EED
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<40 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes += Array(pieces[Int(seed >> 33) % pieces.count].utf8)
            }
            _ = try? VCardReader.entries(Data(bytes), createdAt: Fixtures.stamp)
            _ = try? read(Array(bytes.prefix(Int(seed >> 40) % (bytes.count + 1))))
        }
    }
}
