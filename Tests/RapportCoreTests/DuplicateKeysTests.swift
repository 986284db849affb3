import Testing
import RapportFixtures
@testable import RapportCore

/// When an imported row may be a card already in the book, and what an update changes on it.
struct DuplicateKeysTests {
    @Test(arguments: [
        ("王建国", "王建国", true),
        (" 王建国\u{3000}", "王建国", true),            // trimmed
        ("Anna Li", "anna li", true),                    // case folded
        ("Zoë Smith", "Zoe Smith", true),                // accents folded
        ("Wang Jianguo", "王建国", true),                // the pinyin
        ("wangjianguo", "王建国", true),
        ("王建国", "WANG Jian-guo", true),
        ("Wang Jianguo", "wangjianguo", true),           // one spelling in letters
        ("Shan Haiyan", "单海燕", true),                 // the surname's reading
        ("", "王建国", true),                            // no name on one side
        ("王建国", "   ", true),
        ("13800138000", "王建国", true),                 // a row named only by its phone
        ("wang@huaxin.cn", "王建国", true),              // or by its email
        ("周敏", "王建国", false),                       // another person on the same switchboard
        ("Zhou Min", "王建国", false),
        ("张伟", "张薇", false),                         // both zhangwei, but written apart
        ("Jianguo Wang", "王建国", false),               // given name first reads otherwise
        ("Anna", "Anna Li", false),
    ])
    func namesAgreeByFoldingOrPinyinOrAbsence(a: String, b: String, agree: Bool) {
        #expect(DuplicateKeys.namesAgree(a, b) == agree)
        #expect(DuplicateKeys.namesAgree(b, a) == agree)
        #expect(DuplicateKeys.namesAgree(a, b, memo: PinyinMemo(knowing: [a, b])) == agree)
    }

    @Test(arguments: [
        ("tel:13800138000", "same phone 13800138000", "phone 13800138000"),
        ("mail:wang@huaxin.cn", "same email wang@huaxin.cn", "email wang@huaxin.cn"),
        ("name:王建国|华信科技", "same name and company", "name and company"),
    ])
    func keysAreSaidInTheSellersWords(key: String, reason: String, shared: String) {
        #expect(DuplicateKeys.reason(key) == reason)
        #expect(DuplicateKeys.shared(key) == shared)
    }

    static func card(_ change: (inout Customer) -> Void) -> Customer {
        var c = Customer(name: "王建国", createdAt: LocalDateTime(text: "2026-11-02 10:00")!)
        change(&c)
        return c
    }

    @Test func anUpdateKeepsTheNameAndFillsTheRest() {
        // Given the book's card and a row for him that spells his name in pinyin
        let saved = Self.card { $0.city = "上海"; $0.grade = .a; $0.phones = [LabeledValue("138-0013-8000")]; $0.tags = ["vip"] }
        var row = Self.card { $0.city = "深圳"; $0.grade = .b; $0.phones = [LabeledValue("+86 13800138000"), LabeledValue("010-1234")] }
        row.name = "Wang Jianguo"
        row.tags = ["vip", "渠道"]
        row.customFields = ["微信": "wjg"]
        // When the card is updated from the row
        let merged = saved.updated(from: row, now: LocalDateTime(text: "2026-11-23 09:00")!)
        // Then the name stays, the filled fields win, the new phone and tag are added, and
        // every change is listed in the card's order, custom fields last
        #expect(merged.name == "王建国")
        #expect(CustomerField.changes(from: saved, to: merged) == [
            FieldChange(field: "phones", before: "138-0013-8000", after: "138-0013-8000, 010-1234"),
            FieldChange(field: "city", before: "上海", after: "深圳"),
            FieldChange(field: "tags", before: "vip", after: "vip, 渠道"),
            FieldChange(field: "grade", before: "A", after: "B"),
            FieldChange(field: "微信", before: "", after: "wjg"),
        ])
    }

    @Test(arguments: CustomerField.allCases)
    func everyFieldOfTheCardIsAChange(field: CustomerField) throws {
        let before = Self.card { $0.name = "周敏" }
        var after = before
        // A value set on one card and not on the other.
        try field.apply(EveryField.text(field), to: &after)
        #expect(CustomerField.changes(from: before, to: after)
                == [FieldChange(field: field.label, before: field.text(of: before), after: field.text(of: after))])
        #expect(CustomerField.changes(from: before, to: before).isEmpty)
    }
}
