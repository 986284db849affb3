import Testing
@testable import RapportCore

struct CustomerMatcherTests {
    static func candidate(_ id: Int64, _ name: String, company: String? = nil, phones: [String] = []) -> CustomerCandidate {
        CustomerCandidate(id: id, name: name, company: company, keys: SearchKeys(name: name, company: company, phones: phones))
    }

    /// A small book; 王建国 and 汪建国 are both read wang jian guo.
    static let book: [CustomerCandidate] = [
        candidate(1, "王建国", phones: ["+86 138-0013-8000"]),
        candidate(2, "王建", phones: ["139 1111 2222"]),
        candidate(3, "汪建国", phones: ["021-5555-0101"]),
        candidate(4, "李明", company: "华信科技", phones: ["010-8888-7777"]),
        candidate(5, "Zoë Müller", company: "Acme GmbH", phones: ["+49 30 1234567"]),
        candidate(6, "Li Ming", phones: ["+44 20 7946 0958"]),
        candidate(7, "Lisa", company: "Nordwind Ltd"),
    ]

    // MARK: - Ids

    @Test(arguments: [
        ("#12", Int64?.some(12), true),
        (" #12 ", 12, true),
        ("#1", 1, true),
        ("12", 12, false),
        ("123456789", 123_456_789, false),
        ("007", 7, false),
        ("#0", nil, false),
        ("0", nil, false),
        ("#x", nil, false),
        ("#-3", nil, false),
        ("#", nil, false),
        ("abc", nil, false),
        ("", nil, false),
        ("1234567890", nil, false),   // ten digits reads as a phone number, not an id
        ("12a", nil, false),
    ])
    func id(reference: String, id: Int64?, explicit: Bool) {
        let found = CustomerMatcher.id(in: reference)
        #expect(found?.id == id)
        if id != nil { #expect(found?.explicit == explicit) }
    }

    // MARK: - Matching

    enum Outcome: Sendable {
        case one(Int64)
        case several([Int64])
        case none
    }

    static func ids(_ match: CustomerMatch) -> Outcome {
        switch match {
        case .one(let c): .one(c.id)
        case .several(let cs): .several(cs.map(\.id))
        case .none: .none
        }
    }

    static func same(_ a: Outcome, _ b: Outcome) -> Bool {
        switch (a, b) {
        case (.one(let x), .one(let y)): x == y
        case (.several(let x), .several(let y)): x == y
        case (.none, .none): true
        default: false
        }
    }

    @Test(arguments: [
        ("王建", Outcome.one(2)),               // exact name beats 王建国's prefix
        ("王建国", .one(1)),                    // exact; 汪建国 is another character
        ("王", .several([2, 1])),               // prefix of both; sorted by name: 王建 < 王建国
        ("汪", .one(3)),
        ("建国", .several([3, 1])),             // substring of 汪建国 and 王建国; 汪 U+6C6A < 王 U+738B
        ("zoë müller", .one(5)),                // case-insensitive exact
        ("ZOË MÜLLER", .one(5)),
        ("Zoe Muller", .one(5)),                // accents folded
        ("ZOE", .one(5)),                       // prefix
        ("Müller", .one(5)),                    // substring
        ("muller", .one(5)),
        ("acme", .one(5)),                      // company substring
        ("华信", .one(4)),                      // company substring
        ("科技", .one(4)),
        ("13800138000", .one(1)),               // phone digits inside +8613800138000
        ("+86 138", .one(1)),
        ("0101", .one(3)),                      // 02155550101
        ("wangjianguo", .several([3, 1])),      // both read wang jian guo
        ("wang jian guo", .several([3, 1])),    // spaces ignored for pinyin
        ("wjg", .several([3, 1])),
        ("wangjian", .one(2)),                  // full pinyin of 王建 beats partials of the others
        ("wj", .one(2)),                        // initials of 王建 exactly
        ("jianguo", .several([3, 1])),          // partial pinyin
        ("liming", .one(4)),                    // 李明's pinyin; "li ming" has a space
        ("lm", .one(4)),                        // 李明's initials; Li Ming has no pinyin keys
        ("hxkj", .one(4)),                      // company initials
        ("huaxin", .one(4)),                    // partial company pinyin
        ("li ming", .one(6)),                   // exact name of Li Ming
        ("Li", .several([6, 7])),               // prefix of Li Ming and Lisa; 李明 only by partial pinyin
        ("lis", .one(7)),
        ("nobody", .none),
        ("", .none),
        ("   ", .none),
        ("x", .one(4)),                         // the initial of 信 in 华信科技
        ("q", .none),
    ])
    func match(reference: String, expected: Outcome) {
        let got = Self.ids(CustomerMatcher.match(reference, among: Self.book))
        #expect(Self.same(got, expected), "\(reference): got \(got)")
    }

    @Test(arguments: [
        ("138-0013", Outcome.one(1)),
        ("1380013 8000", .one(1)),
        ("139-1111-2222", .one(2)),
        // 王建's 139 1111 2222 is stored without China's +86; typed with it, it is the same
        // number, as the import's duplicate check reads it.
        ("+8613911112222", .one(2)),
        ("8613911112222", .one(2)),
        ("+86 139 1111 2222", .one(2)),
        ("008613911112222", .one(2)),
        ("１３９ １１１１ ２２２２", .one(2)),   // full-width, as an input method types
        ("+4413911112222", .none),            // another country's code is part of the number
    ])
    func phoneWithSeparators(reference: String, expected: Outcome) {
        // The matcher's phone keys compare by digits (`PhoneNumber`), so a typed number with its
        // usual dashes or spaces finds the customer too.
        let got = Self.ids(CustomerMatcher.match(reference, among: Self.book))
        #expect(Self.same(got, expected), "\(reference): got \(got)")
    }

    @Test func severalAreSortedByNameThenID() {
        let twins = [Self.candidate(9, "Lisa"), Self.candidate(3, "Lisa"), Self.candidate(5, "Lis")]
        let got = Self.ids(CustomerMatcher.match("Lis", among: twins))
        #expect(Self.same(got, .one(5)))
        let both = Self.ids(CustomerMatcher.match("Lisa", among: twins))
        #expect(Self.same(both, .several([3, 9])))
    }

    @Test func normalize() {
        #expect(CustomerMatcher.normalize("  Zoë  ") == "zoe")
        #expect(CustomerMatcher.normalize("\u{3000}ＡＢＣ") == "abc")
    }

    // MARK: - Tiers

    // 王建国 at 华信科技 (huaxinkeji, hxkj), phone 138-0013-8000: a match by the name outranks
    // one by the company; as typed, or at the start, outranks inside.
    static let tierCases: [(String, MatchTier?)] = [
        ("王建国", .exactName), ("王", .namePrefix), ("王建", .namePrefix), ("建国", .nameSubstring), ("国", .nameSubstring),
        ("wangjianguo", .namePinyin), ("wjg", .namePinyin),
        ("wang", .namePinyinPrefix), ("wj", .namePinyinPrefix), ("w", .namePinyinPrefix),
        ("华信", .company), ("huaxinkeji", .company), ("hxkj", .company), ("hx", .company), ("h", .company), ("huaxin", .company),
        ("13800138000", .phone), ("+8613800", .phone), ("138", .phone), ("13", .phone),
        ("jianguo", .pinyinPartial), ("guo", .pinyinPartial), ("g", .pinyinPartial), ("jg", .pinyinPartial),
        ("u", nil), ("zhang", nil), ("", nil),
    ]

    @Test(arguments: tierCases)
    func tier(query: String, tier: MatchTier?) {
        let keys = SearchKeys(name: "王建国", company: "华信科技", phones: ["+86 138-0013-8000"])
        #expect(CustomerMatcher.tier(of: keys, query: query) == tier)
    }

    /// `wang` finds 王建 and 王建国 by their names before a customer at 网络 (wangluo) by the company.
    @Test func aNameOutranksACompany() {
        let candidates = [(1, "赵敏", "网络科技"), (2, "王建国", nil), (3, "王建", nil)].map { id, name, company in
            CustomerCandidate(id: Int64(id), name: name, company: company, keys: SearchKeys(name: name, company: company, phones: []))
        }
        #expect(CustomerMatcher.match("wang", among: candidates) == .several([candidates[2], candidates[1]]))
        #expect(CustomerMatcher.match("wangjian", among: candidates) == .one(candidates[2]))
        #expect(CustomerMatcher.match("wangluo", among: candidates) == .one(candidates[0]))
    }
}
