import Foundation
import Testing

/// `rapport config`, `playbook`, `followup plan` and the today options, through the binary.
struct ReminderCommandTests {
    @Test func checkExitsZeroWhenClearAndOneWhenSomethingIsOverdueOrForgotten() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--grade", "A"])
        let clear = try r.run(["today", "--check"])
        #expect(clear.status == 0)
        #expect(clear.stdout == "Nothing overdue or forgotten\n")
        try r.ok(["followup", "add", "wjg", "today", "回访"], environment: ["RAPPORT_TODAY": "2026-11-20"])
        let late = try r.run(["today", "--check"])
        #expect(late.status == 1)
        #expect(late.stdout == "1 overdue\n")
        #expect(late.stderr.isEmpty)
    }

    @Test func explainPrintsEachReminderWithItsTerms() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--grade", "A"])
        try r.ok(["log", "wjg", "call", "--at", "2026-11-02 10:00"])
        // 21 days since 11-02 with cadence 14: cadence 8 × (0.25 + 0.75 × 7/14) = 5.00, grade A 3.00.
        let out = try r.ok(["today", "--explain", "wjg"]).stdout
        // The rule names in a column of 14: close-passed, the widest, and two spaces.
        #expect(out == """
            王建国 (#1) · urgency 8.00 · 1st of 1 today
              forgotten     A · 21 days since last contact (cadence 14)
                            cadence 5.00 + grade 3.00 = 8.00

            """)
        try r.ok(["add", "Zoë Müller", "--grade", "B"])
        #expect(try r.ok(["today", "--explain", "zoe"]).stdout == "Zoë Müller (#2): nothing today (never contacted, cadence 14 days).\n")
        // The widest name keeps its two spaces before the text.
        try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "12000", "--close", "2026-11-20"])
        #expect(try r.ok(["today", "--explain", "wjg"]).stdout.contains("\n  close-passed  "))
    }

    @Test func daysAheadListsWhatComesDue() throws {
        let r = try RapportBinary()
        try r.ok(["add", "李明"])
        try r.ok(["followup", "add", "李明", "+2d", "发送合同"])
        // Without --days, an empty day shows what comes next instead of a group.
        #expect(try r.ok(["today"]).stdout.contains("Nothing due today"))
        let ahead = try r.ok(["today", "--days", "3"]).stdout
        #expect(ahead.contains("Coming up (1)"))
        #expect(ahead.contains("due in 2 days (2026-11-25): 发送合同"))
        let json = try #require(try r.json(["today", "--days", "3", "--json"]) as? [String: Any])
        #expect((json["items"] as? [[String: Any]])?.first?["rule"] as? String == "upcoming")
        #expect(try r.run(["today", "--days", "400"]).status == 64)
    }

    @Test func configShowsSetsValidatesAndResets() throws {
        let r = try RapportBinary()
        try r.ok(["add", "Anna", "--grade", "A"])
        #expect(try r.ok(["config"]).stdout.contains("cadence.A                 14       14  days a grade A customer may go without contact"))
        #expect(try r.ok(["config", "set", "cadence.A", "10"]).stdout == "cadence.A = 10\n")
        #expect(try r.ok(["config"]).stdout.contains("cadence.A                 10       14"))
        #expect(try r.ok(["config", "set", "CADENCE.c", "none"]).stdout == "cadence.C = none\n")
        let before = try r.snapshot()
        for (arguments, mentions) in [(["config", "set", "cadence.A", "0"], "\"0\""), (["config", "set", "cadence.A", "two"], "\"two\""),
                                      (["config", "set", "urgency.due", "--", "-1"], "\"-1\""), (["config", "set", "urgency.due", "1001"], "\"1001\""), (["config", "set", "nosuch", "1"], "\"nosuch\"")] {
            let bad = try r.run(arguments)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains(mentions), "\(bad.stderr)")
            #expect(try r.snapshot() == before)
        }
        #expect(try r.ok(["config", "reset", "cadence.A"]).stdout == "cadence.A = 14 (the default)\n")
    }

    @Test func aPlaybookPlansItsFollowUps() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        #expect(try r.ok(["playbook"]).stdout == "onboarding  +1d +3d +30d\n")
        let planned = try r.ok(["followup", "plan", "wjg", "onboarding", "--from", "2026-12-01"]).stdout
        #expect(planned.contains("Planned 3 follow-ups for 王建国 (#1):"))
        #expect(planned.contains("Wed 2026-12-02  服务启动通知 · service-start message"))
        #expect(planned.contains("Thu 2026-12-31  月度价值回顾 · monthly value review"))
        try r.ok(["playbook", "set", "renewal", "+0d 续约提醒", "+2w 续约谈判"])
        #expect(try r.ok(["playbook", "show", "renewal"]).stdout == "  +0d 续约提醒\n  +14d 续约谈判\n")
        let before = try r.snapshot()
        let bad = try r.run(["followup", "plan", "wjg", "nosuch"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "rapport: no playbook \"nosuch\"\n")
        #expect(try r.snapshot() == before)
    }

    @Test func aCustomerOnCadenceNoneIsNeverForgotten() throws {
        let r = try RapportBinary()
        try r.ok(["add", "Zoë Müller", "--grade", "A"])
        try r.ok(["log", "zoe", "email", "--at", "2026-10-01 10:00"])
        #expect(try r.ok(["today", "--json"]).stdout.contains("\"rule\":\"forgotten\""))
        try r.ok(["edit", "zoe", "--cadence", "none"])
        #expect(try r.ok(["show", "zoe"]).stdout.contains("Cadence    never chased"))
        #expect(!(try r.ok(["today", "--json"]).stdout.contains("\"rule\":\"forgotten\"")))
        try r.ok(["edit", "zoe", "--cadence", "60"])
        #expect(!(try r.ok(["today", "--json"]).stdout.contains("\"rule\":\"forgotten\"")))  // 53 days < 60
        let bad = try r.run(["edit", "zoe", "--cadence", "weekly"])
        #expect(bad.stderr == "rapport: invalid cadence \"weekly\"; use whole days from 1 to 3650, none, or grade\n")
    }
}
