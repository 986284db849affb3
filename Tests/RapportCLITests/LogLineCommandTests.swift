import Foundation
import Testing

/// The fastest path after a call: `rapport log` reads the TUI's quick-log grammar, and each
/// contact kind is a command of its own (today is Mon 2026-11-23, 15:00; fri and 周五 are
/// 2026-11-27, four days on).
struct LogLineCommandTests {
    static func binary() throws -> RapportBinary {
        var r = try RapportBinary()
        r.today = "2026-11-23 15:00"
        try r.ok(["add", "沈晓梅", "--grade", "A"])
        return r
    }

    @Test func nextAndOutcomeAreReadFromTheWords() throws {
        let r = try Self.binary()
        try r.ok(["followup", "add", "sxm", "今天", "回访"])                      // 1, due today
        #expect(try r.ok(["log", "sxm", "c", "发了方案", "next", "fri", "outcome", "reached"]).stdout == """
            Logged call 1 with 沈晓梅 (#1) at 2026-11-23 15:00, reached
            Closed follow-up 1 (due 2026-11-23: 回访)
            Next follow-up 2: Fri 2026-11-27 (in 4 days)

            """)
        // The note is what is left: the next follow-up is titled by it, the outcome is the entry's
        let card = try r.ok(["show", "sxm"]).stdout
        #expect(card.contains("  2  Fri 2026-11-27  发了方案  (in 4 days)\n"))
        #expect(card.contains("  1  2026-11-23 15:00  call     reached    发了方案\n"))
    }

    @Test func aCallIsItsOwnCommandAndLogsAsLogDoes() throws {
        let r = try Self.binary()
        #expect(try r.ok(["call", "sxm", "发了方案", "next", "周五"]).stdout == """
            Logged call 1 with 沈晓梅 (#1) at 2026-11-23 15:00
            Next follow-up 1: Fri 2026-11-27 (in 4 days)

            """)
        // The same call through `log` and its options writes the same book
        let other = try Self.binary()
        try other.ok(["log", "sxm", "call", "发了方案", "--next", "周五"])
        #expect(try CorrectionCommandTests.book(r) == CorrectionCommandTests.book(other))
    }

    /// Without a kind it is a call; a word that names a kind is the kind only where the kind
    /// goes, first after the customer in `log`, never in `call`.
    @Test func theKindIsTheFirstWordOrACall() throws {
        let r = try Self.binary()
        #expect(try r.ok(["log", "sxm", "发了方案"]).stdout == "Logged call 1 with 沈晓梅 (#1) at 2026-11-23 15:00\n")
        // What `log` refused as an unknown kind is now the note of a call
        #expect(try r.ok(["log", "sxm", "teleport", "hello"]).stdout == "Logged call 2 with 沈晓梅 (#1) at 2026-11-23 15:00\n")
        #expect(try r.ok(["log", "sxm", "note", "call", "back"]).stdout == "Logged note 3 with 沈晓梅 (#1) at 2026-11-23 15:00\n")
        #expect(try r.ok(["log", "sxm", "call", "note", "about", "price"]).stdout == "Logged call 4 with 沈晓梅 (#1) at 2026-11-23 15:00\n")
        #expect(try r.ok(["v", "sxm", "c", "现场演示"]).stdout == "Logged visit 5 with 沈晓梅 (#1) at 2026-11-23 15:00\n")
        #expect(try r.ok(["call", "sxm", "discuss next steps"]).stdout == "Logged call 6 with 沈晓梅 (#1) at 2026-11-23 15:00\n")
        let card = try r.ok(["show", "sxm"]).stdout
        #expect(card.contains("  1  2026-11-23 15:00  call                发了方案\n"))
        #expect(card.contains("  2  2026-11-23 15:00  call                teleport hello\n"))
        #expect(card.contains("  3  2026-11-23 15:00  note                call back\n"))
        #expect(card.contains("  4  2026-11-23 15:00  call                note about price\n"))
        #expect(card.contains("  5  2026-11-23 15:00  visit               c 现场演示\n"))
        #expect(card.contains("  6  2026-11-23 15:00  call                discuss next steps\n"))
    }

    @Test func theWordsAndTheOptionMayNotBothSayIt() throws {
        let r = try Self.binary()
        try r.expectRefused(["log", "sxm", "c", "x", "next", "fri", "--next", "周五"],
                            "both `next 2026-11-27` in the note and --next give the next follow-up; keep one")
        try r.expectRefused(["call", "sxm", "x", "outcome", "reached", "--outcome", "replied"],
                            "both `outcome reached` in the note and --outcome say how it ended; keep one")
    }

    @Test func aBadNextDateIsRefused() throws {
        let r = try Self.binary()
        let refused = try r.run(["call", "sxm", "x", "next", "fridya"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "rapport: unrecognized date \"fridya\"; did you mean \"fri\"?\n")
        try r.expectRefused(["call", "sxm", "x", "next", "yesterday"],
                            "invalid next \"2026-11-22\"; the next follow-up cannot be in the past")
        try r.expectRefused(["call", "sxm", "x", "next"], "`next` needs a date: next 周五, next +2w, next tomorrow 14:00")
    }

    @Test func aCallShowsInTheHistoryAndUndoTakesItBack() throws {
        let r = try Self.binary()
        let before = try CorrectionCommandTests.book(r)
        try r.ok(["call", "sxm", "发了方案", "next", "周五"])
        #expect(try r.ok(["history"]).stdout.contains(
            " 2  2026-11-23 15:00  logged call with 沈晓梅 (#1) at 2026-11-23 15:00, follow-up 1 added f…  rapport call sxm 发了方案 next 周五\n"))
        #expect(try r.ok(["undo"]).stdout == """
            Undid: #2 logged call with 沈晓梅 (#1) at 2026-11-23 15:00 — follow-up 1 removed
            `rapport redo` does it again.

            """)
        #expect(try CorrectionCommandTests.book(r) == before)
    }
}
