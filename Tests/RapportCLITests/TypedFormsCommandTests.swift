import Foundation
import Testing

/// Dates, amounts, phones and names as sellers type them, through the built binary on a
/// book of its own. Today is Monday 2026-11-23.
struct TypedFormsCommandTests {
    // MARK: - Dates

    @Test func datesAsPeopleTypeThem() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        // The 15th of November has passed: 15号 is December's.
        #expect(try r.ok(["followup", "add", "wjg", "15号", "回访"]).stdout.contains("Tue 2026-12-15"))
        // Next week's Monday is 11-30, the week after's 12-07; 下午3点 is 15:00.
        #expect(try r.ok(["followup", "add", "wjg", "下下周一", "下午3点", "报价"]).stdout.contains("Mon 2026-12-07 15:00"))
        #expect(try r.ok(["followup", "add", "wjg", "周五", "14：30", "电话"]).stdout.contains("Fri 2026-11-27 14:30"))
        #expect(try r.ok(["followup", "add", "wjg", "tomorrow", "2pm", "call"]).stdout.contains("Tue 2026-11-24 14:00"))
        #expect(try r.ok(["followup", "add", "wjg", "下月底", "续约"]).stdout.contains("Thu 2026-12-31"))
        // Both spellings of an option with a value that begins with a dash.
        #expect(try r.ok(["call", "wjg", "谈了", "--at=-2d"]).stdout.contains("at 2026-11-21 "))
        #expect(try r.ok(["call", "wjg", "又谈了", "--at", "-3d"]).stdout.contains("at 2026-11-20 "))
        #expect(try r.ok(["call", "wjg", "早上", "--at", "9点半"]).stdout.contains("at 2026-11-23 09:30"))
    }

    @Test func aMistypedDateIsRefusedInOneLineWithTheNearestForm() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.expectRefused(["call", "wjg", "x", "--next", "next tuesdy"], "unrecognized date \"next tuesdy\"; did you mean \"next tue\"?")
        try r.expectRefused(["call", "wjg", "x", "--next", "someday"],
                            "unrecognized date \"someday\"; try tomorrow, +3d, fri, next fri, 12-01, 明天, 下周一, 15号 or 14:30")
    }
}
