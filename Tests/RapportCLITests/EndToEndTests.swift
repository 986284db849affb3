import Foundation
import Testing

/// The built binary on a temporary database: the seller's day from the shell.
struct EndToEndTests {
    @Test func addLogAndSeeTheFollowUpComeDue() throws {
        let r = try RapportBinary()
        // Given a customer
        let added = try r.ok(["add", "王建国", "--company", "华信科技有限公司", "--phone", "138-0013-8000", "--grade", "A"])
        #expect(added.stdout == "Added #1 王建国\n")
        // When a call is logged in one line (Monday 2026-11-23; 周五 is Friday 2026-11-27)
        let logged = try r.ok(["log", "wjg", "call", "谈了报价", "--next", "周五", "--outcome", "reached"])
        #expect(logged.stdout.contains("Logged call 1 with 王建国 (#1)"))
        #expect(logged.stdout.contains("Next follow-up 1: Fri 2026-11-27 (in 4 days)"))
        // Then the card shows the call and the promise
        let card = try #require(try r.json(["show", "wjg", "--json"]) as? [String: Any])
        let timeline = try #require(card["timeline"] as? [[String: Any]])
        #expect(timeline.count == 1)
        #expect(timeline[0]["kind"] as? String == "call")
        #expect(timeline[0]["note"] as? String == "谈了报价")
        #expect(timeline[0]["outcome"] as? String == "reached")
        let open = try #require(card["open_follow_ups"] as? [[String: Any]])
        #expect(open.count == 1)
        #expect(open[0]["due"] as? String == "2026-11-27")
        #expect(open[0]["title"] as? String == "谈了报价")
        // Today nothing is due; on Friday the follow-up is
        let monday = try #require(try r.json(["today", "--json"]) as? [String: Any])
        #expect((monday["items"] as? [Any])?.isEmpty == true)
        var friday = r
        friday.today = "2026-11-27"
        let due = try #require(try friday.json(["today", "--json"]) as? [String: Any])
        #expect(due["date"] as? String == "2026-11-27")
        let items = try #require(due["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items[0]["rule"] as? String == "due")
        #expect(items[0]["followup_id"] as? Int == 1)
        #expect((items[0]["customer"] as? [String: Any])?["name"] as? String == "王建国")
        #expect(items[0]["detail"] as? String == "due today: 谈了报价")
        // And logging on Friday closes it
        let closing = try friday.ok(["log", "1", "c", "confirmed"])
        #expect(closing.stdout.contains("Closed follow-up 1 (due 2026-11-27: 谈了报价)"))
        #expect(((try friday.json(["today", "--json"]) as? [String: Any])?["items"] as? [Any])?.isEmpty == true)
    }

    @Test func aForgottenCustomerShowsWhy() throws {
        let r = try RapportBinary()
        try r.ok(["add", "Zoë Müller", "--grade", "A"])
        try r.ok(["log", "zoe", "email", "sent the proposal", "--at", "2026-11-01 10:00"])
        let text = try r.ok(["today"]).stdout
        #expect(text.contains("Today · Mon 2026-11-23"))
        #expect(text.contains("Forgotten customers (1)"))
        #expect(text.contains("A · 22 days since last contact (cadence 14)"))
        // No subcommand prints the same view
        #expect(try r.ok([]).stdout == text)
    }

    /// A book with nobody in it (the last customer in the trash counts as nobody) says how
    /// a book begins, in one line, instead of "nothing due".
    @Test func anEmptyBooksTodaySaysHowToBegin() throws {
        let r = try RapportBinary()
        try r.ok(["add", "李明"])
        try r.ok(["rm", "李明"])
        let text = try r.ok(["today"]).stdout
        #expect(text == "Today · Mon 2026-11-23\n\nYour book is empty: add a customer (rapport add NAME), bring in a spreadsheet or "
            + "vCards (rapport import FILE --dry-run), or try a demo book (rapport demo --db /tmp/demo.db).\n")
        try r.ok(["trash", "restore", "1"])
        #expect(try r.ok(["today"]).stdout.contains("Nothing due today"))
    }

    @Test func whenNothingIsDueTheViewSaysSoAndShowsWhatIsNext() throws {
        let r = try RapportBinary()
        try r.ok(["add", "李明"])
        try r.ok(["followup", "add", "李明", "next", "week", "回访报价"])
        let text = try r.ok(["today"]).stdout
        #expect(text.contains("Nothing due today"))
        #expect(text.contains("Mon 2026-11-30  李明 · 回访报价"))
    }

    @Test func bookFileIsPrivate() throws {
        let r = try RapportBinary()
        let home = r.directory.appendingPathComponent("data")
        try r.ok(["add", "Anna"], environment: ["RAPPORT_DB": "", "XDG_DATA_HOME": home.path])
        let file = home.appendingPathComponent("rapport/rapport.db").path
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: home.appendingPathComponent("rapport").path)[.posixPermissions] as? Int == 0o700)
    }

    @Test func textFromUsersNeverReachesTheTerminalAsEscapes() throws {
        let r = try RapportBinary()
        let evil = "\u{1B}[2J\u{1B}]0;pwned\u{07}Evil\u{1B}[31m Corp"
        try r.ok(["add", evil, "--notes", "line\u{1B}[1m1\nline 2"])
        for command in [["list"], ["show", "#1"], ["today"]] {
            let out = try r.ok(command).stdoutBytes
            #expect(!out.contains(0x1B), "\(command) printed an escape")
            #expect(!out.contains(0x07))
        }
        // Stored as typed: the JSON carries it, escaped.
        let card = try #require(try r.json(["show", "#1", "--json"]) as? [String: Any])
        #expect((card["customer"] as? [String: Any])?["name"] as? String == evil)
        #expect(!(try r.ok(["show", "#1", "--json"]).stdoutBytes.contains(0x1B)))
        #expect(try r.ok(["list"]).stdout.contains("Evil Corp"))
    }

    @Test func theDemoBookFillsAnEmptyDatabaseOnly() throws {
        let r = try RapportBinary()
        let made = try r.ok(["demo", "--customers", "60", "--seed", "4"])
        #expect(made.stdout.hasPrefix("Demo book: 60 customers,"))
        let list = try #require(try r.json(["list", "--json"]) as? [Any])
        #expect(list.count == 60)
        let again = try r.run(["demo", "--customers", "5"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already has 60 customers"))
    }

    /// `--snapshot --keys` really writes what the keys do; with `--dry` the book is untouched.
    @Test func snapshotKeysWriteTheBookUnlessDry() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let before = try r.snapshot()
        let dry = try r.ok(["--snapshot", "100x30", "--keys", "\\tlc 谈了报价\\r", "--dry"]).stdout
        #expect(dry.contains("Logged call with 王建国 · u undoes it"))
        #expect(try r.snapshot() == before)
        #expect(try r.ok(["show", "wjg"]).stdout.contains("nothing logged yet"))
        try r.ok(["--snapshot", "100x30", "--keys", "\\tlc 谈了报价\\r"])
        #expect(try r.ok(["show", "wjg"]).stdout.contains("谈了报价"))
        let refused = try r.run(["--dry"])
        #expect(refused.status != 0 && refused.stderr.contains("--dry goes with --snapshot"))
    }

    @Test func aNewerDatabaseIsRefusedAndLeftAlone() throws {
        let r = try RapportBinary()
        try r.ok(["add", "Anna"])
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [r.database, "INSERT INTO grdb_migrations VALUES ('v99-future')"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = try r.snapshot()
        let refused = try r.run(["list"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("was written by a newer Rapport"))
        #expect(try r.snapshot() == before)
    }
}

/// Bad input: a one-line error naming the bad value, a non-zero exit, and a database file
/// left byte for byte as it was.
struct BadInputTests {
    static let cases: [(arguments: [String], mentions: String)] = [
        (["log", "nobody", "call", "x"], "\"nobody\""),
        (["log", "wjg", "call", "--next", "someday"], "\"someday\""),
        (["log", "wjg", "call", "--next", "2026-02-30"], "\"2026-02-30\""),
        (["log", "wjg", "call", "--next", "yesterday"], "cannot be in the past"),
        (["log", "wjg", "call", "--at", "tomorrow"], "cannot be logged in the future"),
        (["log", "wjg", "call", "--outcome", "maybe"], "\"maybe\""),
        (["log", "wjg", "call", "--contact", "nobody"], "\"nobody\""),
        (["edit", "wjg", "--credit-limit", "12abc"], "\"12abc\""),
        (["edit", "wjg", "--credit-limit", "1,2,3"], "\"1,2,3\""),
        (["edit", "wjg", "--grade", "D"], "\"D\""),
        (["edit", "wjg", "--birthday", "2/30"], "\"2/30\""),
        (["edit", "wjg", "--email", "not-an-email"], "\"not-an-email\""),
        (["edit", "wjg", "--set", "=x"], "\"=x\""),
        (["edit", "wjg", "--untag", "never-had-it"], "\"never-had-it\""),
        (["edit", "wjg", "--name", ""], "name must not be empty"),
        (["add", ""], "name must not be empty"),
        (["add", "\u{3000} "], "name must not be empty"),
        (["add", String(repeating: "王", count: 201)], "201 characters long; the limit is 200"),
        (["add", "x", "--notes", String(repeating: "a", count: 10_001)], "the limit is 10000"),
        (["followup", "add", "wjg", "someday", "call"], "\"someday\""),
        (["followup", "done", "999"], "\"999\""),
        (["show", "#42"], "\"#42\""),
        (["contact", "add", "wjg", "李明"], "is a person, not a company"),
        (["list", "--grade", "Z"], "\"Z\""),
    ]

    @Test(arguments: cases)
    func refusesAndWritesNothing(arguments: [String], mentions: String) throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--phone", "138-0013-8000"])
        try r.ok(["log", "wjg", "call", "first", "--next", "+3d"])
        let before = try r.snapshot()
        let result = try r.run(arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("rapport: "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        #expect(try r.snapshot() == before)
    }

    @Test func anAmbiguousReferenceListsTheCandidatesAndWritesNothing() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["add", "王建", "--company", "恒达"])
        let before = try r.snapshot()
        let result = try r.run(["log", "wang", "call", "x"])
        #expect(result.status == 2)
        #expect(result.stderr == """
            rapport: "wang" matches 2 customers; name one by #id
              1. #2 王建 (恒达)
              2. #1 王建国

            """)
        #expect(try r.snapshot() == before)
    }

    @Test func anUnknownOptionValueIsAnArgumentError() throws {
        let r = try RapportBinary()
        let result = try r.run(["add", "x", "--kind", "robot"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("robot"))
    }
}

/// The habits of the shell: global options anywhere, and a mistyped command named.
struct ShellHabitTests {
    @Test func theBookAndTheDayMayComeBeforeTheCommand() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let other = r.directory.appendingPathComponent("other.db").path
        // Before the command, inside a group of commands, and with `=`, as git -C takes them.
        try r.ok(["--db", other, "add", "Anna"])
        #expect(try r.ok(["--db", other, "list"]).stdout.contains("Anna"))
        #expect(!(try r.ok(["list"]).stdout.contains("Anna")))
        try r.ok(["--db=" + other, "deal", "add", "Anna", "rollout", "--amount", "1000"])
        #expect(try r.ok(["deal", "--db", other, "list"]).stdout.contains("rollout"))
        #expect(try r.ok(["--today", "2026-12-01", "--db", other, "log", "Anna", "c", "谈了"]).stdout
                .hasPrefix("Logged call 1 with Anna (#1) at 2026-12-01 "))
    }

    @Test(arguments: [
        (["tody"], "rapport: invalid command \"tody\"; did you mean \"today\"?\n"),
        (["--today", "2026-12-01", "shwo", "wjg"], "rapport: invalid command \"shwo\"; did you mean \"show\"?\n"),
        (["teleport"], "rapport: invalid command \"teleport\"; see rapport --help\n"),
    ])
    func aMistypedCommandIsNamedWithTheNearestOne(arguments: [String], message: String) throws {
        let r = try RapportBinary()
        let result = try r.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
    }
}
