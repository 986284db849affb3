import Foundation
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

    /// A surname read its own way: the list sorts by that reading, and pinyin finds it.
    @Test(arguments: [
        ("曾国藩", "zeng guo fan"), ("单明", "shan ming"), ("仇明", "qiu ming"), ("解明", "xie ming"),
        ("区明", "ou ming"), ("查明", "zha ming"), ("朴明", "piao ming"), ("盖明", "ge ming"),
        ("尉迟明", "yu chi ming"), ("乐明", "yue ming"), ("缪明", "miao ming"), ("覃明", "qin ming"),
        ("翟明", "zhai ming"), ("万俟明", "mo qi ming"), ("长孙明", "zhang sun ming"), ("召明", "shao ming"),
        ("阚明", "kan ming"), ("种明", "chong ming"), ("秘明", "bi ming"), ("繁明", "po ming"),
        ("句明", "gou ming"), ("员明", "yun ming"), ("华明", "hua ming"), ("任明", "ren ming"),
        ("佘明", "she ming"), ("黑明", "he ming"),
    ])
    func surnameReadingSortsAndMatches(name: String, sortKey: String) {
        let keys = SearchKeys(name: name, company: nil, phones: [])
        #expect(keys.sortKey == sortKey)
        let full = sortKey.split(separator: " ").joined()
        #expect(CustomerMatcher.tier(of: keys, query: full) == .namePinyin)
        #expect(CustomerMatcher.tier(of: keys, query: String(full.prefix(4))) == .namePinyinPrefix)
    }

    /// Only the first characters of a name are a surname: 曾 elsewhere is céng.
    @Test func aSurnameCharacterElsewhereKeepsItsCommonReading() {
        #expect(SearchKeys(name: "王曾", company: nil, phones: []).sortKey == "wang ceng")
        #expect(SearchKeys(name: "王建国", company: "曾经科技", phones: []).readings(ofCompany: true).pinyin == ["cengjingkeji"])
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
        // Every line is there when a kind of key is empty, and several phones share their line.
        #expect(SearchKeys(name: "Anna", company: nil, phones: []).stored == "anna\n\n\n\n")
        #expect(SearchKeys(name: "单海燕", company: nil, phones: ["138", "+86 139"]).stored
                == "单海燕\n\nshanhaiyan danhaiyan\nshy dhy\n138 +86139")
    }

    @Test func memoGivesTheSameKeys() {
        let memo = PinyinMemo()
        for _ in 0..<2 {
            let keys = SearchKeys(name: "单田芳", company: "华信科技", phones: [], memo: memo)
            #expect(keys == SearchKeys(name: "单田芳", company: "华信科技", phones: []))
        }
    }

    /// Filled in two overlapping batches, as an import fills it a chunk of rows at a time. The
    /// memo keeps texts by their bytes: the same name composed and decomposed is two entries.
    @Test func aMemoFilledAheadGivesTheSameKeys() {
        let names = ["单田芳", "王建国", "Zoë", "李明", "Zoë王", "Zoe\u{308}王"]
        let memo = PinyinMemo(knowing: Array(names.prefix(2)) + ["华信科技"])
        memo.learn(names + ["华信科技", ""])
        for name in names {
            #expect(SearchKeys(name: name, company: "华信科技", phones: [], memo: memo)
                    == SearchKeys(name: name, company: "华信科技", phones: []))
        }
    }

    /// Texts read by ICU together, a line each, read as they do alone: words that change a
    /// character's reading (重庆, 长沙), Latin and digits beside Han, no Han at all, a text with
    /// a line break of its own (read alone), the empty text.
    @Test func syllablesOfManyTextsAreEachTextsOwn() {
        let texts = ["重庆", "重要", "长沙", "单于", "王建国", "ABC公司", "3号楼", "Zoë", "", "第一行\n第二行", "华信科技有限公司"]
            + (0..<70).map { "客户\($0)号" }
        let together = Pinyin.syllables(texts)
        #expect(together.count == texts.count)
        for (text, read) in zip(texts, together) {
            #expect(read == Pinyin.syllables(text), "\(text)")
        }
        #expect(together[0] == ["chong", "qing"])
        #expect(together[7] == nil)
        #expect(together[9] == ["di", "yi", "xing", "di", "er", "xing"])
    }

    /// Folding without Foundation for ASCII and common ideographs, which neither case, accents
    /// nor width change; everything else is Foundation's.
    @Test(arguments: [
        ("王建国", "王建国"), ("ABC Ltd", "abc ltd"), ("华信ABC", "华信abc"), ("Zoë", "zoe"), ("ＡＢＣ", "abc"),
        ("华信（北京）", "华信(北京)"), ("Ｗang 王", "wang 王"), ("", ""), ("abc", "abc"), ("Abc王", "abc王"), ("王建国z", "王建国z"),
    ])
    func foldingMatchesFoundation(text: String, folded: String) {
        #expect(SearchKeys.fold(text) == folded)
        #expect(SearchKeys.fold(text) == text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil))
    }
}
