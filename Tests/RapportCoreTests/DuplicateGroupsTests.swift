import Testing
@testable import RapportCore

/// Which customers `rapport duplicates` groups, and what it says they share.
struct DuplicateGroupsTests {
    /// A card added on a day of November 2026 (the order of the list is the order of age).
    static func card(_ id: Int64, _ name: String, _ company: String? = nil, phones: [String] = [], emails: [String] = []) -> DuplicateCandidate {
        DuplicateCandidate(id: id, name: name, company: company, phones: phones, emails: emails, addedOn: Day(year: 2026, month: 11, day: Int(id))!)
    }

    @Test(arguments: [
        // A number with +86 and punctuation is the number without
        ([card(1, "王建国", phones: ["+86 138-0013-8000"]), card(2, "周敏", phones: ["13800138000"])],
         [[1, 2]], [["same phone 13800138000"]]),
        ([card(1, "Anna", emails: ["Anna@Acme.com"]), card(2, "Anna Li", emails: ["anna@acme.com"])],
         [[1, 2]], [["same email anna@acme.com"]]),
        ([card(1, "王建国", "华信科技"), card(2, " 王建国", "华信科技 ")],
         [[1, 2]], [["same name and company 王建国 · 华信科技"]]),
        // A Han name and its pinyin in letters, at one company, whichever is older
        ([card(1, "Wang Jianguo", "华信科技"), card(2, "王建国", "华信科技")],
         [[1, 2]], [["same name and company Wang Jianguo / 王建国 · 华信科技"]]),
        ([card(1, "Wang Jianguo", "Acme"), card(2, "wangjianguo", "acme")],
         [[1, 2]], [["same name and company Wang Jianguo / wangjianguo · Acme"]]),
        ([card(1, "张伟"), card(2, "张伟")], [[1, 2]], [["same name 张伟, no company"]]),
        // Not duplicates: another company, two Han names read alike, a number too short to tell
        ([card(1, "王建国", "华信科技"), card(2, "王建国", "恒达贸易")], [], []),
        ([card(1, "张伟", "华信科技"), card(2, "张薇", "华信科技")], [], []),
        ([card(1, "王建国", phones: ["8000"]), card(2, "周敏", phones: ["8000"])], [], []),
        // A card named by its phone says nothing by its name
        ([card(1, "13800138000", "华信科技"), card(2, "13800138000", "华信科技")], [], []),
        // A chain is one group, told by every link; the one card apart stays out
        ([card(1, "王建国", phones: ["13800138000"]), card(2, "周敏", phones: ["138 0013 8000"], emails: ["zm@x.cn"]),
          card(3, "赵丽", emails: ["ZM@x.cn"]), card(4, "李明")],
         [[1, 2, 3]], [["same phone 13800138000", "same email zm@x.cn"]]),
    ] as [([DuplicateCandidate], [[Int64]], [[String]])])
    func cardsSharingAKeyAreOneGroup(cards: [DuplicateCandidate], ids: [[Int64]], reasons: [[String]]) {
        let groups = DuplicateKeys.groups(cards)
        #expect(groups.map { $0.customers.map(\.id) } == ids)
        #expect(groups.map(\.reasons) == reasons)
    }

    @Test func largestGroupsComeFirstThenTheOldest() {
        let cards = [
            Self.card(1, "王建国", phones: ["13800138000"]), Self.card(2, "周敏", emails: ["a@b.cn"]), Self.card(3, "王建国", phones: ["13800138000"]),
            Self.card(4, "Zhou Min", emails: ["a@b.cn"]), Self.card(5, "李明", "Acme"), Self.card(6, "Li Ming", "Acme"), Self.card(7, "李明", "Acme"),
        ]
        #expect(DuplicateKeys.groups(cards).map { $0.customers.map(\.id) } == [[5, 6, 7], [1, 3], [2, 4]])
        // The same name also joins 1 and 3 (no company), told after the phone they share
        #expect(DuplicateKeys.groups(cards)[1].reasons == ["same phone 13800138000", "same name 王建国, no company"])
    }
}
