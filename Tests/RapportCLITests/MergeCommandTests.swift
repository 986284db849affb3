import Foundation
import Testing

/// Finding duplicate customers and merging them from the shell (today is Mon 2026-11-23, 15:00).
struct MergeCommandTests {
    static func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

    /// `add` says when another card has the same number typed another way, or the same email,
    /// and how to merge them; the card is added all the same.
    @Test func addNotesASharedPhoneOrEmailAndPointsAtMerge() throws {
        let r = try CorrectionCommandTests.binary()
        try r.ok(["add", "王建国", "--phone", "+86 138-0013-8000", "--email", "wang@hx.cn"])
        let second = try r.ok(["add", "周敏", "--phone", "138 0013 8000"])
        #expect(second.stdout == "Added #2 周敏\n")
        #expect(second.stderr == "note: #1 王建国 has the same phone 13800138000; `rapport merge 1 2` makes them one\n")
        #expect(try r.ok(["add", "Wang", "--email", "WANG@hx.cn"]).stderr
                == "note: #1 王建国 has the same email wang@hx.cn; `rapport merge 1 3` makes them one\n")
        #expect(try r.ok(["add", "李明", "--phone", "010-1234"]).stderr == "")
    }

    @Test func duplicatesAreGroupedLargestFirstAndAligned() throws {
        let r = try CorrectionCommandTests.binary()
        try r.ok(["add", "王建国", "--company", "华信科技", "--phone", "+86 138-0013-8000"])   // 1
        try r.ok(["add", "Wang Jianguo", "--company", "华信科技"])                            // 2
        try r.ok(["add", "周敏", "--phone", "13800138000"])                                   // 3
        try r.ok(["add", "李明", "--email", "li@x.cn"])                                       // 4
        try r.ok(["add", "Lee", "--email", "LI@x.cn"])                                        // 5
        try r.ok(["add", "赵六"])                                                             // 6
        // Columns two cells apart, CJK names two cells a character, every table indented three
        let s = Self.spaces
        #expect(try r.ok(["duplicates"]).stdout == """
            2 groups of likely duplicates, 5 customers:

            1. same phone 13800138000; same name and company 王建国 / Wang Jianguo · 华信科技
               ID  Name\(s(10))Company\(s(3))Phones\(s(13))Emails  Added
                1  王建国\(s(8))华信科技  +86 138-0013-8000\(s(10))2026-11-23
                2  Wang Jianguo  华信科技\(s(29))2026-11-23
                3  周敏\(s(20))13800138000\(s(16))2026-11-23

            2. same email li@x.cn
               ID  Name  Company  Phones  Emails   Added
                4  李明\(s(19))li@x.cn  2026-11-23
                5  Lee\(s(20))LI@x.cn  2026-11-23

            `rapport merge <keep> <other>` merges the other into the one kept; `rapport undo` takes a merge back.

            """)
        let json = try JSONSerialization.jsonObject(with: try r.ok(["duplicates", "--json"]).stdoutBytes) as? [[String: Any]]
        #expect(json?.map { ($0["customers"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } } == [[1, 2, 3], [4, 5]])
        #expect(json?.first?["reasons"] as? [String] == ["same phone 13800138000", "same name and company 王建国 / Wang Jianguo · 华信科技"])
    }

    /// 王建国 (#1) and 周敏 (#2) under one number written two ways; 周敏 has a follow-up, two
    /// interactions and a deal (which made them a prospect).
    static func twoCards(_ r: RapportBinary) throws {
        try r.ok(["add", "王建国", "--city", "上海", "--grade", "A", "--phone", "+86 138-0013-8000"])
        try r.ok(["add", "周敏", "--city", "深圳", "--grade", "B", "--phone", "13800138000", "--phone", "010-8888-1234", "--tag", "vip"])
    }

    @Test func aMergeMovesEverythingToTheKeptCustomerAndUndoBringsBothBack() throws {
        let r = try CorrectionCommandTests.binary()
        try Self.twoCards(r)
        try r.ok(["followup", "add", "周敏", "周五", "回访"])
        try r.ok(["log", "周敏", "call", "谈了报价"])
        try r.ok(["log", "周敏", "visit", "现场演示"])
        try r.ok(["deal", "add", "周敏", "年度服务", "--amount", "1.2万"])
        let before = try CorrectionCommandTests.book(r)
        #expect(try r.ok(["merge", "1", "2"]).stdout == """
            Merged #2 周敏 into #1 王建国: 2 interactions, 1 follow-up, 1 deal; phones +1; tags +1; \
            name differed: 王建国 (kept) · 周敏 (#2); city differed: 上海 (kept) · 深圳 (#2); grade differed: A (kept) · B (#2); \
            status differed: lead (kept) · prospect (#2)
            `rapport undo` takes this back.

            """)
        let card = try r.ok(["show", "1"]).stdout
        for part in ["谈了报价", "现场演示", "回访", "年度服务", "010-8888-1234", "vip"] { #expect(card.contains(part), "\(part)") }
        #expect(try r.run(["show", "#2"]).status == 2)
        #expect(try r.ok(["duplicates"]).stdout == "No likely duplicates.\n")
        // Undone, the book is exactly what it was: both customers, each with their own
        #expect(try r.ok(["undo"]).stdout.hasPrefix("Undid: #"))
        #expect(try CorrectionCommandTests.book(r) == before)
        #expect(try r.ok(["show", "2"]).stdout.contains("谈了报价"))
    }

    @Test func takeChoosesFieldsFromTheOtherCard() throws {
        let r = try CorrectionCommandTests.binary()
        try Self.twoCards(r)
        #expect(try r.ok(["merge", "wjg", "周敏", "--take", "city,grade"]).stdout == """
            Merged #2 周敏 into #1 王建国: phones +1; tags +1; name differed: 王建国 (kept) · 周敏 (#2); \
            city taken from #2: 深圳 (was 上海); grade taken from #2: B (was A)
            `rapport undo` takes this back.

            """)
        #expect(try r.ok(["list", "--city", "深圳"]).stdout.contains("王建国"))
    }

    @Test func aBadFieldOrACustomerMergedWithThemselvesIsRefusedAndNothingChanges() throws {
        let r = try CorrectionCommandTests.binary()
        try Self.twoCards(r)
        let before = try CorrectionCommandTests.book(r)
        for (arguments, message) in [
            (["merge", "1", "2", "--take", "city,town"],
             "rapport: invalid field \"town\"; use name, company, title, kind, address, city, region, route, industry, source, grade, "
                + "status, cadence, birthday, channel, credit-level, credit-limit, needs, concerns, notes\n"),
            (["merge", "1", "1"], "rapport: cannot merge #1 with itself; name two different customers\n"),
            (["merge", "wjg", "王建国"], "rapport: cannot merge #1 with itself; name two different customers\n"),
        ] {
            let refused = try r.run(arguments)
            #expect(refused.status == 2, "\(arguments)")
            #expect(refused.stderr == message)
        }
        #expect(try CorrectionCommandTests.book(r) == before)
    }
}
