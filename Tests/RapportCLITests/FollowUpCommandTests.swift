import Foundation
import Testing

/// Correcting follow-ups from the shell: list, edit, reopen, rm (today is Mon 2026-11-23).
struct FollowUpCommandTests {
    @Test func aFollowUpIsListedMovedReopenedAndRemoved() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["add", "Anna"])
        try r.ok(["followup", "add", "wjg", "周五", "回访报价"])            // 1: Fri 11-27
        try r.ok(["followup", "add", "anna", "2026-11-24", "send", "contract"])  // 2: tomorrow
        try r.ok(["followup", "done", "1"])
        // Open ones by default, soonest first; --all adds the done ones after
        #expect(try r.ok(["followup", "list"]).stdout == """
            ID  Due             Customer  Follow-up
             2  Tue 2026-11-24  Anna      send contract  tomorrow

            """)
        #expect(try r.ok(["followup", "list", "--all"]).stdout.hasSuffix(" 1  Fri 2026-11-27  王建国    回访报价       done 2026-11-23\n"))
        let json = try #require(try r.json(["followup", "list", "wjg", "--all", "--json"]) as? [[String: Any]])
        #expect(json.map { $0["id"] as? Int } == [1])
        #expect(json.first?["status"] as? String == "done")
        // Moved to next Monday at 14:30, then renamed
        #expect(try r.ok(["followup", "edit", "2", "下周一", "14:30"]).stdout == "Follow-up 2: Mon 2026-11-30 14:30 (in 7 days) · send contract\n")
        #expect(try r.ok(["followup", "edit", "2", "--title", "send the contract"]).stdout
                == "Follow-up 2: Mon 2026-11-30 14:30 (in 7 days) · send the contract\n")
        // A done one is reopened before it is edited
        let refused = try r.run(["followup", "edit", "1", "明天"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "rapport: follow-up 1 is already done; `rapport followup reopen 1` opens it again\n")
        #expect(try r.ok(["followup", "reopen", "1"]).stdout == "Reopened follow-up 1: due Fri 2026-11-27 (in 4 days) · 回访报价\n")
        #expect(try r.ok(["show", "wjg"]).stdout.contains("Open follow-ups (1)"))
        // Removed for good; a second time there is nothing to remove
        #expect(try r.ok(["followup", "rm", "2"]).stdout == "Removed follow-up 2 (due 2026-11-30: send the contract)\n")
        let again = try r.run(["followup", "rm", "2"])
        #expect(again.status == 2)
        #expect(again.stderr == "rapport: no follow-up \"2\"\n")
        #expect(try r.ok(["followup", "list", "anna"]).stdout == "No open follow-ups.\n")
    }

    /// One- and two-digit numbers on the card: right-aligned, the days in one column.
    @Test func followUpNumbersOnTheCardAreAligned() throws {
        var r = try RapportBinary()
        r.today = "2026-11-23"
        try r.ok(["add", "王建国"])
        for _ in 1...10 { try r.ok(["followup", "add", "wjg", "+1w", "回访"]) }
        let card = try r.ok(["show", "wjg"]).stdout
        #expect(card.contains("\n   9  Mon 2026-11-30  回访  (in 7 days)\n  10  Mon 2026-11-30  回访  (in 7 days)\n"))
    }

    @Test(arguments: [
        (["followup", "edit", "1"], 64),          // neither a day nor a title
        (["followup", "edit", "1", "-2d"], 2),    // a day in the past
        (["followup", "edit", "1", "next", "tuesdy"], 2),
        (["followup", "reopen", "1"], 2),         // open already
        (["followup", "edit", "x", "明天"], 64),
    ] as [([String], Int32)])
    func aBadCorrectionIsRefusedAndChangesNothing(arguments: [String], status: Int32) throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["followup", "add", "wjg", "周五", "回访"])
        let before = try r.snapshot()
        let result = try r.run(arguments)
        #expect(result.status == status)
        #expect(!result.stderr.isEmpty)
        #expect(try r.snapshot() == before)
    }
}
