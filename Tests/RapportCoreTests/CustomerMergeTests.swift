import Testing
@testable import RapportCore

/// What `rapport merge` makes of two cards, and how `--take` names the fields.
struct CustomerMergeTests {
    static let now = LocalDateTime(text: "2026-11-23 15:00")!

    static var kept: Customer {
        var c = Customer(name: "王建国", createdAt: LocalDateTime(text: "2026-01-05 09:00")!)
        c.id = 1
        c.city = "上海"
        c.grade = .a
        c.phones = [LabeledValue("+86 138-0013-8000", label: "mobile")]
        c.emails = [LabeledValue("wang@huaxin.cn")]
        c.tags = ["vip"]
        c.customFields = ["行业资质": "ISO9001"]
        return c
    }

    static var other: Customer {
        var c = Customer(name: "周敏", createdAt: LocalDateTime(text: "2026-06-01 09:00")!)
        c.id = 7
        c.city = "深圳"
        c.phones = [LabeledValue("13800138000"), LabeledValue("010-8888-1234", label: "work")]
        c.emails = [LabeledValue("WANG@huaxin.cn"), LabeledValue("zm@huaxin.cn")]
        c.tags = ["渠道", "vip"]
        c.customFields = ["行业资质": "ISO14001", "区域": "华南"]
        c.creditLimit = Money(minorUnits: 1_200_050, currency: Currency(code: "USD"))
        return c
    }

    @Test func theKeptCardKeepsItsFieldsAndGainsWhatItLacks() throws {
        let merge = try Self.kept.merging(Self.other, taking: [], now: Self.now)
        // The same number and address written otherwise are not added again
        #expect(merge.card.phones.map(\.description) == ["mobile:+86 138-0013-8000", "work:010-8888-1234"])
        #expect(merge.card.emails.map(\.value) == ["wang@huaxin.cn", "zm@huaxin.cn"])
        #expect(merge.card.tags == ["vip", "渠道"])
        #expect(merge.card.customFields == ["行业资质": "ISO9001", "区域": "华南"])
        #expect((merge.phonesAdded, merge.emailsAdded, merge.tagsAdded, merge.customFieldsAdded) == (1, 1, 1, 1))
        #expect((merge.card.name, merge.card.city, merge.card.grade, merge.card.creditLimit) == ("王建国", "上海", .a, nil))
        #expect(merge.card.id == 1 && merge.card.createdAt == Self.kept.createdAt && merge.card.updatedAt == Self.now)
        #expect(merge.differences == [
            FieldDifference(field: "name", kept: "王建国", other: "周敏", taken: false),
            FieldDifference(field: "city", kept: "上海", other: "深圳", taken: false),
            FieldDifference(field: "grade", kept: "A", other: "", taken: false),
            FieldDifference(field: "credit-limit", kept: "", other: "12,000.50 USD", taken: false),
            FieldDifference(field: "行业资质", kept: "ISO9001", other: "ISO14001", taken: false),
        ])
    }

    @Test func takenFieldsComeFromTheOtherCardEvenWhenEmpty() throws {
        let merge = try Self.kept.merging(Self.other, taking: [.city, .grade, .creditLimit], now: Self.now)
        #expect((merge.card.name, merge.card.city, merge.card.grade) == ("王建国", "深圳", nil))
        #expect(merge.card.creditLimit == Money(minorUnits: 1_200_050, currency: Currency(code: "USD")))
        #expect(merge.differences.filter(\.taken).map(\.field) == ["city", "grade", "credit-limit"])
    }

    @Test(arguments: [
        ("city,grade", [CustomerField.city, .grade]),
        (" city , CITY,,", [.city]),
        ("credit-level,credit-limit,channel", [.creditLevel, .creditLimit, .channel]),
        ("", []),
    ])
    func takeNamesFieldsAsTheirOptionsDo(text: String, fields: [CustomerField]) throws {
        #expect(try CustomerField.taking(text) == fields)
    }

    @Test(arguments: ["town", "phones", "tags", "creditLevel", "city,town"])
    func anUnknownFieldIsRefusedListingTheValidOnes(text: String) {
        let valid = "name, company, title, kind, address, city, region, route, industry, source, grade, status, cadence, birthday, "
            + "channel, credit-level, credit-limit, needs, concerns, notes"
        let bad = text.split(separator: ",").last.map(String.init) ?? text
        #expect(throws: RapportError.invalid(field: "field", value: bad, expected: "use " + valid)) { try CustomerField.taking(text) }
    }
}
