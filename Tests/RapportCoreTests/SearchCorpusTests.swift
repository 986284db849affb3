import Testing
@testable import RapportCore

struct SearchCorpusTests {
    static let people: [(name: String, company: String?, phones: [String])] = [
        ("王建国", "华信科技有限公司", ["138-0013-8000"]),
        ("王建", "恒达", ["139-1111-2222"]),
        ("单田芳", nil, []),
        ("Zoë Müller", "Nordwind GmbH", ["+49 30 1234567"]),
        ("Li Ming", "Acme", ["010-8888"]),
        ("Lisa", nil, []),
        ("李明", "Kestrel Ltd", []),
    ]

    static let corpus: SearchCorpus = {
        var c = SearchCorpus()
        for (i, p) in people.enumerated() {
            var stored = SearchKeys(name: p.name, company: p.company, phones: p.phones).stored
            stored.withUTF8 { c.append(id: Int64(i + 1), stored: $0) }
        }
        return c
    }()

    /// Membership and order are the matcher's: an entry is found exactly when `tier` is not
    /// nil, the best tier first, in adding order within a tier.
    @Test(arguments: ["w", "wang", "wjg", "jg", "jianguo", "wang jian", "王", "王建", "华信", "zoe", "MÜLLER", "nord",
                      "li", "lm", "liming", "shan", "dan", "stf", "138", "138-0013", "1380013 8000", "+49", "30 123",
                      "8888", "1", "ltd", "acme", "x", "u", "an", "王建国x", " ", "k"])
    func agreesWithTheMatcher(query: String) {
        let q = CustomerMatcher.normalize(query)
        let tiers = Self.people.map { p in CustomerMatcher.tier(of: SearchKeys(name: p.name, company: p.company, phones: p.phones), query: q) }
        let expected = Self.people.indices.filter { tiers[$0] != nil }.sorted { (tiers[$0]!, $0) < (tiers[$1]!, $1) }
        let found = Self.corpus.matches(query)
        #expect(found == (q.isEmpty ? Array(Self.people.indices) : expected), "\(query)")
    }

    @Test(arguments: [
        ("w", [0, 1, 3]),         // initials as the seller types; then nordWind, inside the company
        ("jg", [0]),              // 建国's initials inside wjg
        ("shan", [2]),            // the surname reading of 单
        ("dan", [2]),             // and ICU's
        ("138-0013", [0]),        // phone digits, typed with a dash
        ("li", [4, 5, 6]),        // Li Ming, Lisa by name; 李明 by pinyin
        ("ltd", [6]),             // company
        ("x", [0]),               // 信 of 华信科技
        ("q", []),
    ])
    func findsWhatTheSellerMeans(query: String, expected: [Int]) {
        #expect(Self.corpus.matches(query) == expected)
    }

    @Test func anEmptyQueryMatchesEveryone() {
        #expect(Self.corpus.matches("") == Array(Self.people.indices))
        #expect(Self.corpus.ids == (1...7).map(Int64.init))
    }

    /// The seller's `wang`: the names first, in the book's order, then the company read as wangluo.
    @Test func namesComeBeforeCompanies() {
        var c = SearchCorpus()
        for (i, p) in [("赵敏", "网络科技"), ("王建国", nil), ("王建", nil)].enumerated() {
            var stored = SearchKeys(name: p.0, company: p.1, phones: []).stored
            stored.withUTF8 { c.append(id: Int64(i + 1), stored: $0) }
        }
        #expect(c.matches("wang") == [1, 2, 0])
        #expect(c.matches("wangjian") == [2, 1])
        #expect(c.matches("w") == [1, 2, 0])
    }
}
