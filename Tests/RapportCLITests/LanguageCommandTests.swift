import Foundation
import Testing

/// The language a run speaks, end to end: RAPPORT_LANG, the book's `ui.language`, the
/// locale; and `--json` in English whatever it is.
struct LanguageCommandTests {
    /// 王建国 (A) with a follow-up due three days ago; 2026-11-23 is a Monday.
    static func book() throws -> RapportBinary {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--grade", "A"])
        try r.ok(["followup", "add", "wjg", "2026-11-20", "报价单"], environment: ["RAPPORT_TODAY": "2026-11-19"])
        return r
    }

    /// Worked out by hand: the heading with its count in full-width brackets, the reason
    /// as "逾期3天（11月20日到期）：报价单" (the year left out, it is this year's); the line is
    /// two blanks, the name, two blanks, the company column (empty, so no cells), two blanks.
    @Test func todaySpeaksChineseWhenRAPPORT_LANGSaysSo() throws {
        let r = try Self.book()
        let text = try r.ok(["today"], environment: ["RAPPORT_LANG": "zh"]).stdout
        #expect(text.hasPrefix("今天 · 11月23日 周一\n\n逾期的跟进（1）· 最急的在前\n"))
        #expect(text.contains("\n  王建国    逾期3天（11月20日到期）：报价单  #1 f1\n"))
        #expect(!text.contains("overdue"))
    }

    @Test(arguments: [["LANG": "zh_CN.UTF-8"], ["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"], ["LC_MESSAGES": "zh_CN"]])
    func theLocaleChoosesChinese(locale: [String: String]) throws {
        let r = try Self.book()
        // The test's own RAPPORT_LANG=en and the machine's locale are taken away: an empty
        // value names no language.
        let none = ["RAPPORT_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""]
        let text = try r.ok(["today"], environment: none.merging(locale) { $1 }).stdout
        #expect(text.hasPrefix("今天 · "))
    }

    @Test func theSettingSpeaksForTheBookAndRAPPORT_LANGForOneRun() throws {
        let r = try Self.book()
        try r.ok(["config", "set", "ui.language", "zh"])
        let unset = ["RAPPORT_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"]
        #expect(try r.ok(["today"], environment: unset).stdout.hasPrefix("今天 · "))
        #expect(try r.ok(["today"], environment: unset.merging(["RAPPORT_LANG": "en"]) { $1 }).stdout.hasPrefix("Today · "))
        try r.ok(["config", "set", "ui.language", "auto"])
        #expect(try r.ok(["today"], environment: unset).stdout.hasPrefix("Today · "))
        try r.expectRefused(["config", "set", "ui.language", "fr"], "invalid ui.language \"fr\"; use en, zh or auto")
    }

    @Test func jsonStaysEnglishInChinese() throws {
        let r = try Self.book()
        let json = try #require(try r.json(["today", "--json"]) as? [String: Any])
        let zh = try r.ok(["today", "--json"], environment: ["RAPPORT_LANG": "zh"]).stdout
        let item = try #require((json["items"] as? [[String: Any]])?.first)
        #expect(item["detail"] as? String == "3 days overdue (due 2026-11-20): 报价单")
        #expect(zh.contains("\"detail\":\"3 days overdue (due 2026-11-20): 报价单\""))
    }

    /// The seller's moment after a call, in Chinese: the call logged and the next promise,
    /// in the local way of saying days (2026-11-23 is a Monday; 周五 the 27th, in 4 days).
    @Test func loggingAndPromisingSpeakChinese() throws {
        let r = try Self.book()
        let zh = ["RAPPORT_LANG": "zh"]
        let logged = try r.ok(["log", "wjg", "c", "谈了报价", "next", "周五"], environment: zh).stdout
        #expect(logged.hasPrefix("已记录电话 1：王建国 (#1)，2026-11-23 "))
        #expect(logged.contains("下次跟进 2：11月27日 周五（4天后）\n"))
        #expect(try r.ok(["followup", "add", "wjg", "下周一", "发合同"], environment: zh).stdout == "跟进 3：王建国 (#1)，11月30日 周一（7天后）\n")
        #expect(try r.ok(["list"], environment: zh).stdout.hasSuffix("共 1 位客户\n"))
    }

    @Test func anEmptyBookSaysHowToBeginInChinese() throws {
        let r = try RapportBinary()
        try r.ok(["add", "李明"])
        try r.ok(["rm", "李明"])
        let text = try r.ok(["today"], environment: ["RAPPORT_LANG": "zh"]).stdout
        #expect(text.contains("客户簿还是空的：添加客户（rapport add 姓名）"))
    }
}
