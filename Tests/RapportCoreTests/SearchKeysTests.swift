import Testing
@testable import RapportCore

struct SearchKeysTests {
    @Test(arguments: [
        ("王建国", ["wangjianguo"], ["wjg"], "wang jian guo"),
        ("李明", ["liming"], ["lm"], "li ming"),
        ("汪建国", ["wangjianguo"], ["wjg"], "wang jian guo"),
        ("张伟", ["zhangwei"], ["zw"], "zhang wei"),
    ])
    func pinyinOfName(name: String, pinyin: [String], initials: [String], sortKey: String) {
        let keys = SearchKeys(name: name, company: nil, phones: [])
        #expect(keys.name == name)
        #expect(keys.pinyin == pinyin)
        #expect(keys.initials == initials)
        #expect(keys.sortKey == sortKey)
    }

    @Test(arguments: [
        ("单田芳", "dantianfang", "shantianfang", "dtf", "stf"),
        ("曾志强", "cengzhiqiang", "zengzhiqiang", "czq", "zzq"),
    ])
    func surnameWithTwoReadings(name: String, common: String, surname: String, commonInitials: String, surnameInitials: String) {
        let keys = SearchKeys(name: name, company: nil, phones: [])
        #expect(Set(keys.pinyin) == [common, surname])
        #expect(Set(keys.initials) == [commonInitials, surnameInitials])
    }

    @Test func companyReadingIsAdded() {
        let keys = SearchKeys(name: "李明", company: "华信科技", phones: [])
        #expect(keys.company == "华信科技")
        #expect(keys.pinyin == ["liming", "huaxinkeji"])
        #expect(keys.initials == ["lm", "hxkj"])
        #expect(keys.sortKey == "li ming")
    }

    @Test func latinNameHasNoPinyin() {
        let keys = SearchKeys(name: "Zoë Müller", company: "Acme GmbH", phones: [])
        #expect(keys.name == "zoe muller")
        #expect(keys.company == "acme gmbh")
        #expect(keys.pinyin.isEmpty)
        #expect(keys.initials.isEmpty)
        #expect(keys.sortKey == "zoe muller")
    }

    @Test(arguments: [
        ("Zoë Müller", "zoe muller"),
        ("ＡＢＣ", "abc"),
        ("ＺＯË", "zoe"),
        ("Ångström", "angstrom"),
        ("François", "francois"),
        ("MIXED Case", "mixed case"),
        ("王建国", "王建国"),
        ("华信 Tech", "华信 tech"),
        ("", ""),
    ])
    func fold(text: String, folded: String) {
        #expect(SearchKeys.fold(text) == folded)
    }

    @Test(arguments: [
        ("+86 138-0013-8000", "+8613800138000"),
        ("138 0013 8000", "13800138000"),
        ("(010) 8888-7777", "01088887777"),
        ("  +49 30 1234567", "+49301234567"),
        ("86+138", "86138"),        // only a leading + is kept
        ("no digits", ""),
    ])
    func phoneNormalized(text: String, digits: String) {
        #expect(PhoneNumber.normalized(text) == digits)
    }

    @Test func phonesAreNormalizedAndEmptiesDropped() {
        let keys = SearchKeys(name: "王建国", company: nil, phones: ["+86 138-0013-8000", "ext. only", "010-1234"])
        #expect(keys.phones == ["+8613800138000", "0101234"])
    }

    @Test(arguments: [
        ("王建国", String?.none, ["+86 138-0013-8000"]),
        ("单田芳", "华信科技", ["138 0013 8000", "010-8888-7777"]),
        ("Zoë Müller", "Acme GmbH", ["+49 30 1234567"]),
        ("Li Ming", nil, []),
        ("ＡＢＣ Trading", "东方 Electronics", ["1"]),
    ])
    func storedFormRoundTrips(name: String, company: String?, phones: [String]) {
        let keys = SearchKeys(name: name, company: company, phones: phones)
        let back = SearchKeys(stored: keys.stored)
        #expect(back.name == keys.name)
        #expect(back.company == keys.company)
        #expect(back.pinyin == keys.pinyin)
        #expect(back.initials == keys.initials)
        #expect(back.phones == keys.phones)
    }

    @Test func storedFormLayout() {
        let keys = SearchKeys(name: "李明", company: "华信科技", phones: ["010-8888-7777"])
        #expect(keys.stored == "李明\n华信科技\nliming huaxinkeji\nlm hxkj\n01088887777")
    }

    @Test func memoGivesTheSameKeys() {
        let memo = PinyinMemo()
        for _ in 0..<2 {
            let keys = SearchKeys(name: "单田芳", company: "华信科技", phones: [], memo: memo)
            #expect(keys == SearchKeys(name: "单田芳", company: "华信科技", phones: []))
        }
    }
}
