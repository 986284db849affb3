import Testing
@testable import RapportCore

struct FieldLimitsTests {
    static let created = LocalDateTime(day: Day(year: 2026, month: 11, day: 23)!, time: ClockTime(hour: 9, minute: 0)!)

    static func customer(_ name: String = "王建国", _ change: (inout Customer) -> Void = { _ in }) -> Customer {
        var c = Customer(name: name, createdAt: created)
        change(&c)
        return c
    }

    enum Failure: Sendable, Equatable {
        case empty(String)
        case tooLong(String, length: Int, limit: Int)
        case invalid(String)
    }

    static func failure(of customer: Customer) -> Failure? {
        do {
            _ = try customer.validated()
            return nil
        } catch {
            switch error {
            case .empty(let field): return .empty(field)
            case .tooLong(let field, _, let length, let limit): return .tooLong(field, length: length, limit: limit)
            case .invalid(let field, _, _): return .invalid(field)
            default: return .invalid("unexpected \(error)")
            }
        }
    }

    // MARK: - Names

    @Test(arguments: [
        ("", Failure?.some(.empty("name"))),
        ("   ", .empty("name")),
        ("\t", .empty("name")),
        ("\u{3000}", .empty("name")),
        ("\u{3000} \u{3000}", .empty("name")),
        (String(repeating: "a", count: 201), .tooLong("name", length: 201, limit: 200)),
        (String(repeating: "王", count: 201), .tooLong("name", length: 201, limit: 200)),
        (String(repeating: "a", count: 200), nil),
        (String(repeating: "王", count: 200), nil),   // 600 bytes of UTF-8, but 200 characters
        (String(repeating: "\u{1F44D}\u{1F3FD}", count: 200), nil), // 200 graphemes of 8 bytes
        ("  " + String(repeating: "a", count: 200) + "  ", nil), // trimmed before counting
        ("王建国", nil),
    ])
    func name(name: String, failure: Failure?) {
        #expect(Self.failure(of: Self.customer(name)) == failure)
    }

    @Test func nameIsTrimmed() throws {
        let c = try Self.customer("\u{3000} 王建国 ").validated()
        #expect(c.name == "王建国")
    }

    // MARK: - Emails and phones

    @Test(arguments: [
        ("li@example.com", Failure?.none),
        ("li.ming+crm@mail.example.cn", nil),
        (" li@example.com ", nil),
        ("li@", .invalid("email")),
        ("li.example.com", .invalid("email")),
        ("a b@c.d", .invalid("email")),
        ("@example.com", .invalid("email")),
        ("li@example", .invalid("email")),
        ("li@.com", .invalid("email")),
        ("li@example.", .invalid("email")),
        ("li@@example.com", .invalid("email")),
        ("   ", .empty("email")),
    ])
    func email(value: String, failure: Failure?) {
        #expect(Self.failure(of: Self.customer { $0.emails = [LabeledValue(value, label: "work")] }) == failure)
    }

    @Test(arguments: [
        ("+86 138-0013-8000", Failure?.none),
        ("110", nil),
        ("12", .invalid("phone")),
        ("+1", .invalid("phone")),
        ("call me", .invalid("phone")),
        ("", .empty("phone")),
    ])
    func phone(value: String, failure: Failure?) {
        #expect(Self.failure(of: Self.customer { $0.phones = [LabeledValue(value)] }) == failure)
    }

    @Test func phoneLabelLimit() throws {
        let long = String(repeating: "x", count: 31)
        #expect(Self.failure(of: Self.customer { $0.phones = [LabeledValue("110", label: long)] })
            == .tooLong("phone label", length: 31, limit: 30))
        let blank = Self.customer { $0.phones = [LabeledValue("110", label: "  ")] }
        let validated = try blank.validated()
        #expect(validated.phones.count == 1)
        #expect(validated.phones.first?.label == nil)
    }

    @Test func fiftyOneItemsAreTooMany() {
        let phones = (0..<51).map { LabeledValue("010-\(1000 + $0)") }
        #expect(Self.failure(of: Self.customer { $0.phones = phones }) == .invalid("phones"))
        #expect(Self.failure(of: Self.customer { $0.phones = Array(phones.prefix(50)) }) == nil)
    }

    // MARK: - Tags

    @Test func duplicateTagsCollapse() throws {
        let c = try Self.customer { $0.tags = ["vip", "重点", "vip", " vip ", "重点"] }.validated()
        #expect(c.tags == ["vip", "重点"])
    }

    @Test(arguments: [
        (["a,b"], Failure?.some(.invalid("tag"))),
        (["ok", "x,"], .invalid("tag")),
        ([""], .empty("tag")),
        ([String(repeating: "t", count: 51)], .tooLong("tag", length: 51, limit: 50)),
        ([String(repeating: "标", count: 50)], nil),
        ((0..<51).map { "t\($0)" }, .invalid("tags")),
        ((0..<50).map { "t\($0)" } + ["t0", "t1"], nil),   // duplicates do not count against the limit
    ])
    func tags(tags: [String], failure: Failure?) {
        #expect(Self.failure(of: Self.customer { $0.tags = tags }) == failure)
    }

    // MARK: - Other fields

    @Test(arguments: [
        (Int64(-1), Failure?.some(.invalid("credit limit"))),
        (-1_000_000, .invalid("credit limit")),
        (0, nil),
        (50_000_000, nil),
    ])
    func creditLimit(minorUnits: Int64, failure: Failure?) {
        let c = Self.customer { $0.creditLimit = Money(minorUnits: minorUnits, currency: .yuan) }
        #expect(Self.failure(of: c) == failure)
    }

    @Test func optionalFieldsTrimToNil() throws {
        let c = try Self.customer {
            $0.company = "  "
            $0.city = "\u{3000}上海\u{3000}"
            $0.notes = ""
        }.validated()
        #expect(c.company == nil)
        #expect(c.city == "上海")
        #expect(c.notes == nil)
    }

    @Test(arguments: [
        ("company", 200),
        ("notes", 10_000),
    ])
    func optionalFieldLimits(field: String, limit: Int) {
        let ok = String(repeating: "字", count: limit)
        let tooLong = ok + "字"
        func set(_ c: inout Customer, _ v: String) {
            if field == "company" { c.company = v } else { c.notes = v }
        }
        #expect(Self.failure(of: Self.customer { set(&$0, ok) }) == nil)
        #expect(Self.failure(of: Self.customer { set(&$0, tooLong) }) == .tooLong(field, length: limit + 1, limit: limit))
    }

    @Test func customFields() {
        #expect(Self.failure(of: Self.customer { $0.customFields = ["  ": "x"] }) == .empty("custom field name"))
        #expect(Self.failure(of: Self.customer { $0.customFields = ["size": String(repeating: "x", count: 1_001)] })
            == .tooLong("custom field size", length: 1_001, limit: 1_000))
        #expect(Self.failure(of: Self.customer { $0.customFields = ["size": String(repeating: "x", count: 1_000)] }) == nil)
    }

    // MARK: - FieldLimits directly

    @Test func requiredAndOptional() throws {
        #expect(try FieldLimits.required("  x  ", field: "f") == "x")
        #expect(try FieldLimits.optional(nil, field: "f") == nil)
        #expect(try FieldLimits.optional(" \u{3000} ", field: "f") == nil)
        #expect(throws: RapportError.tooLong(field: "f", value: "abc", length: 3, limit: 2)) {
            try FieldLimits.within("abc", field: "f", limit: 2)
        }
    }

    // MARK: - Messages

    @Test func tooLongMessageIsCut() {
        let value = String(repeating: "a", count: 201)
        let message = RapportError.tooLong(field: "name", value: value, length: 201, limit: 200).description
        #expect(!message.contains(value))
        #expect(!message.contains(String(repeating: "a", count: 40)))
        // 40 cells: 39 letters and the ellipsis.
        #expect(message == "name \"" + String(repeating: "a", count: 39) + "…\" is 201 characters long; the limit is 200")
    }

    @Test func tooLongMessageCutsWideCharactersByCells() {
        let value = String(repeating: "王", count: 201)
        let message = RapportError.tooLong(field: "name", value: value, length: 201, limit: 200).description
        // 19 wide characters fill 38 cells; a 20th would pass the 39 left beside the ellipsis.
        #expect(message.hasPrefix("name \"" + String(repeating: "王", count: 19) + "…\" is 201"))
    }

    static func hasControls(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    @Test(arguments: [
        RapportError.tooLong(field: "name", value: "\u{1B}[31mred" + String(repeating: "a", count: 201), length: 206, limit: 200),
        .invalid(field: "email", value: "\u{1B}[31mred", expected: "write it as name@example.com"),
        .customerNotFound("\u{1B}]0;title\u{07}bob\r\n"),
        .notFound(what: "follow-up", reference: "x\u{7F}\u{9B}2Jy"),
    ])
    func messagesHaveNoControlCharacters(error: RapportError) {
        #expect(!Self.hasControls(error.description), "\(error.description.debugDescription)")
    }

    @Test func invalidMessageShowsSanitizedValue() {
        let message = RapportError.invalid(field: "email", value: "\u{1B}[31mred", expected: "write it as name@example.com").description
        #expect(message == "invalid email \"red\"; write it as name@example.com")
    }

    @Test func validatedEmailErrorIsSanitized() {
        let c = Self.customer { $0.emails = [LabeledValue("\u{1B}[31mred")] }
        do {
            _ = try c.validated()
            Issue.record("accepted")
        } catch {
            #expect(!Self.hasControls(error.description))
            #expect(error.description.contains("\"red\""))
        }
    }

    @Test(arguments: [(-1, false), (0, true), (21, true), (3_650, true), (3_651, false)])
    func cadenceIsChecked(days: Int, accepted: Bool) {
        var c = Customer(name: "Anna", createdAt: LocalDateTime(text: "2026-11-23 09:00")!)
        c.cadenceDays = days
        #expect(((try? c.validated()) != nil) == accepted)
    }

    @Test(arguments: [
        ("+86 138-0013-8000", "8613800138000", "+8613800138000"), ("(010) 8888 7777", "01088887777", "01088887777"),
        ("ext. 12", "12", "12"), ("pager", "", ""), ("１３８", "", ""), ("  +1 555", "1555", "+1555"),
        ("13800138000", "13800138000", "13800138000"), ("\u{3000}+86 138", "86138", "+86138"), ("", "", ""),
    ])
    func phoneDigits(text: String, digits: String, normalized: String) {
        #expect(PhoneNumber.digits(text) == digits)
        #expect(PhoneNumber.normalized(text) == normalized)
    }

    @Test(arguments: [
        ("1.3709E+10", true), ("1.38001E+10", true), ("1.38001e+10", true), ("1E10", true), (" 1.5E+10 ", true),
        ("13800138000", false), ("138-0013-8000", false), ("+86 138 0013 8000", false), ("E+10", false),
        ("1.2.3E+10", false), ("ext 12", false), ("1.5E-", false), ("1.5E", false),
    ])
    func spreadsheetNotation(text: String, scientific: Bool) {
        #expect(PhoneNumber.isScientific(text) == scientific)
    }

    @Test func aPhoneASpreadsheetTurnedIntoANumberIsRefused() {
        var card = Customer(name: "王建国", createdAt: LocalDateTime(text: "2026-11-23 09:00")!)
        card.phones = [LabeledValue("1.3709E+10")]
        #expect(throws: RapportError.invalid(field: "phone", value: "1.3709E+10",
            expected: "a spreadsheet wrote it as a number and lost digits; format the column as text and save again")) {
            try card.validated()
        }
    }
}
