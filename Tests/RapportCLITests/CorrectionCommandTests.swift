import Foundation
import Testing

/// Fixing mistakes from the shell: a wrong call edited or removed, any change undone and
/// redone, a customer put in the trash and brought back (today is Mon 2026-11-23, 15:00).
struct CorrectionCommandTests {
    static func binary() throws -> RapportBinary {
        var r = try RapportBinary()
        r.today = "2026-11-23 15:00"
        return r
    }

    /// The book as `export --format json` writes it, without the export's own time and the
    /// id counters (an undo never hands an id out twice).
    static func book(_ r: RapportBinary) throws -> String {
        try r.ok(["export", "--format", "json"]).stdout.split(separator: "\n")
            .filter { !$0.contains("\"exported_at\"") && !$0.contains("\"sequences\"") }.joined(separator: "\n")
    }

    @Test func aMistakenCallIsRemovedAndTheCustomerIsBackWhereTheyWere() throws {
        let r = try Self.binary()
        try r.ok(["add", "王建国", "--grade", "A"])
        try r.ok(["followup", "add", "wjg", "今天", "回访"])                     // 1, due today
        let before = try Self.book(r)
        // The call closes follow-up 1 and schedules 2; the card numbers the entry
        #expect(try r.ok(["log", "wjg", "call", "谈了报价", "--next", "周五"]).stdout == """
            Logged call 1 with 王建国 (#1) at 2026-11-23 15:00
            Closed follow-up 1 (due 2026-11-23: 回访)
            Next follow-up 2: Fri 2026-11-27 (in 4 days)

            """)
        // Kind padded to 7, an empty outcome to 9, two spaces between columns
        #expect(try r.ok(["show", "wjg"]).stdout.contains("  1  2026-11-23 15:00  call" + String(repeating: " ", count: 3 + 2 + 9 + 2) + "谈了报价\n"))
        // Removed: follow-up 1 is open again, 2 is gone, nothing says he was called
        #expect(try r.ok(["log", "rm", "1"]).stdout == """
            Removed call 1 of 2026-11-23 15:00
            Reopened follow-up 1: Mon 2026-11-23 (today) · 回访
            Removed follow-up 2 it had scheduled · 谈了报价
            `rapport undo` takes this back.

            """)
        let card = try r.ok(["show", "wjg"]).stdout
        #expect(card.contains("nothing logged yet"))
        #expect(card.contains("Contacted  never"))
        // The book differs from before the call only in the card's updated time
        let after = try Self.book(r)
        #expect(after.replacingOccurrences(of: "\"2026-11-23 15:00\",\"2026-11-23 15:00\",null", with: "")
                == before.replacingOccurrences(of: "\"2026-11-23 15:00\",\"2026-11-23 15:00\",null", with: ""))
        // And the removal itself can be undone
        try r.ok(["undo"])
        #expect(try r.ok(["show", "wjg"]).stdout.contains("谈了报价"))
    }

    /// The deal's last activity stays what it was when the customer's only call goes (SQLite's
    /// max of a day and NULL is NULL, which the column refuses).
    @Test func theOnlyCallOfACustomerWithAnOpenDealCanBeRemoved() throws {
        let r = try Self.binary()
        try r.ok(["add", "王建国"])
        try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "12000"])
        try r.ok(["log", "wjg", "call", "谈了报价"])
        #expect(try r.ok(["log", "rm", "1"]).stdout.hasPrefix("Removed call 1 of 2026-11-23 15:00\n"))
        #expect(try r.ok(["deal", "show", "1"]).stdout.contains("年度服务"))
    }

    /// A call logged on a day without a time is logged at the time now, and says so.
    @Test func aDayWithoutATimeIsLoggedAtTheTimeNowAndSaysSo() throws {
        let r = try Self.binary()
        try r.ok(["add", "王建国"])
        #expect(try r.ok(["log", "wjg", "call", "--at", "2026-11-20"]).stdout
                == "Logged call 1 with 王建国 (#1) at 2026-11-20 15:00 (no time given: the time now)\n")
        #expect(try r.ok(["log", "wjg", "call", "--at", "2026-11-21 09:30"]).stdout == "Logged call 2 with 王建国 (#1) at 2026-11-21 09:30\n")
    }

    @Test func aCallIsCorrectedAndTheContactClockFollows() throws {
        let r = try Self.binary()
        try r.ok(["add", "王建国", "--grade", "A"])
        try r.ok(["log", "wjg", "call", "谈了报价"])
        #expect(try r.ok(["log", "edit", "1", "--at", "2026-11-20 10:00", "--kind", "visit", "--outcome", "reached", "--note", "现场演示"]).stdout
                == "Interaction 1: 2026-11-20 10:00 visit, reached · 现场演示\n")
        let card = try r.ok(["show", "wjg"]).stdout
        #expect(card.contains("Contacted  2026-11-20 10:00 (3 days ago)"))
        #expect(card.contains("  1  2026-11-20 10:00  visit    reached    现场演示\n"))
        // A new day alone keeps the entry's time of day
        #expect(try r.ok(["log", "edit", "1", "--at", "2026-11-19"]).stdout == "Interaction 1: 2026-11-19 10:00 visit, reached · 现场演示\n")
        #expect(try r.ok(["log", "edit", "1", "--at", "2026-11-20"]).stdout == "Interaction 1: 2026-11-20 10:00 visit, reached · 现场演示\n")
        // Bad corrections name the bad value and change nothing
        for (arguments, message) in [
            (["log", "edit", "1", "--kind", "fax"], "rapport: invalid kind \"fax\"; use call, email, visit, meeting, message, note\n"),
            (["log", "edit", "1", "--at", "明天"], "rapport: invalid --at \"明天\"; an interaction cannot be logged in the future\n"),
            (["log", "edit", "9", "--note", "x"], "rapport: no interaction \"9\"\n"),
            (["log", "rm", "9"], "rapport: no interaction \"9\"\n"),
        ] {
            let refused = try r.run(arguments)
            #expect(refused.status == 2, "\(arguments)")
            #expect(refused.stderr == message)
        }
        #expect(try r.ok(["show", "wjg"]).stdout == card)
    }

    @Test func undoAndRedoWalkTheHistoryAndTheBookComesBackExactly() throws {
        let r = try Self.binary()
        #expect(try r.run(["undo"]).stderr.contains("there is no book there yet"))
        try r.ok(["add", "王建国", "--grade", "A", "--phone", "13800138000"])
        let added = try Self.book(r)
        try r.ok(["log", "wjg", "call", "谈了报价", "--next", "周五"])
        try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "1.2万"])
        let full = try Self.book(r)
        // Adding the deal made the lead a prospect; its first stage stay is told as the deal
        #expect(try r.ok(["history"]).stdout == """
            ID  When              Change                                                                  Command
             3  2026-11-23 15:00  added deal 1 年度服务 for 王建国 (#1), edited 王建国 (#1): status       rapport deal add wjg 年度服务 --amount 1.2万
             2  2026-11-23 15:00  logged call with 王建国 (#1) at 2026-11-23 15:00, follow-up 1 added f…  rapport log wjg call 谈了报价 --next 周五
             1  2026-11-23 15:00  added 王建国 (#1)                                                       rapport add 王建国 --grade A --phone 13800138000

            """)
        #expect(try r.ok(["undo", "2"]).stdout == """
            Undid: #3 added deal 1 年度服务 for 王建国 (#1)
            Undid: #2 logged call with 王建国 (#1) at 2026-11-23 15:00 — follow-up 1 removed
            `rapport redo` does it again.

            """)
        #expect(try Self.book(r) == added)
        #expect(try r.ok(["funnel"]).stdout.contains("lead 线索           0       0"))
        try r.ok(["redo"])
        try r.ok(["redo"])
        #expect(try Self.book(r) == full)
        let json = try #require(try r.json(["history", "wjg", "--json"]) as? [[String: Any]])
        #expect(json.map { $0["id"] as? Int } == [3, 2, 1])
        #expect(json.map { $0["state"] as? String } == ["done", "done", "done"])
        // Nothing left to redo; a count that cannot be met undoes nothing
        #expect(try r.run(["redo"]).stderr == "rapport: there is nothing to redo (a change made after an undo ends what can be redone)\n")
        #expect(try r.run(["undo", "4"]).stderr == "rapport: only 3 changes can be undone; nothing was undone\n")
        #expect(try Self.book(r) == full)
    }

    @Test func aRemovedCustomerGoesToTheTrashAndComesBackWhole() throws {
        let r = try Self.binary()
        try r.ok(["add", "王建国", "--grade", "A"])
        try r.ok(["add", "周敏"])
        try r.ok(["log", "wjg", "call", "谈了报价", "--next", "周五"])
        let before = try Self.book(r)
        #expect(try r.ok(["rm", "wjg"]).stdout == """
            Moved 王建国 (#1), with 1 interaction, 1 follow-up to the trash.
            `rapport trash restore 1` brings them back.

            """)
        #expect(!(try r.ok(["list"]).stdout.contains("王建国")))
        #expect(!(try r.ok(["today"]).stdout.contains("王建国")))
        #expect(!(try r.ok(["export", "--format", "csv"]).stdout.contains("王建国")))
        #expect(try r.ok(["trash"]).stdout == """
            ID  Name    Removed           With
             1  王建国  2026-11-23 15:00  1 interaction, 1 follow-up

            """)
        #expect(try r.ok(["restore-customer", "1"]).stdout == "Restored 王建国 (#1), with 1 interaction, 1 follow-up.\n")
        #expect(try Self.book(r) == before)
        #expect(try r.ok(["trash"]).stdout == "The trash is empty.\n")
        // Emptied for good: not asked off a terminal, and gone from the history too
        try r.ok(["rm", "周敏"])
        #expect(try r.ok(["trash", "empty", "--older-than", "30d"]).stdout == "Nothing to delete: nobody was removed before 2026-10-24.\n")
        #expect(try r.ok(["trash", "empty"]).stdout == "Deleted 1 customer for good.\n")
        #expect(!(try r.ok(["history"]).stdout.contains("周敏")))
        let refused = try r.run(["trash", "restore", "2"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "rapport: no customer in the trash \"#2\"\n")
        #expect(try r.run(["trash", "empty", "--older-than", "soon"]).stderr
                == "rapport: invalid --older-than \"soon\"; use an age like 30d, 2w, 6m or 1y\n")
    }
}
