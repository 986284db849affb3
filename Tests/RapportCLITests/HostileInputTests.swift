import Foundation
import Testing
import RapportCore

/// The whole program against hostile files and arguments: each refusal is one line that
/// names the bad value, exits non-zero, and leaves the book as it was.
struct HostileInputTests {
    /// Runs SQL on a file with the sqlite3 CLI, as another program (or an attacker) would.
    static func sqlite(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RapportBinary.Failure(description: "sqlite3 \(sql) failed") }
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test(arguments: [["list"], ["today"], ["show", "1"], ["funnel"], ["check"], ["export", "--format", "json"]])
    func aReadingCommandRefusesAnotherProgramsDatabaseAndLeavesItAsItWas(arguments: [String]) throws {
        let r = try RapportBinary()
        try Self.sqlite(r.database, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');")
        let before = try r.snapshot()
        let result = try r.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("rapport: cannot use the database"))
        #expect(result.stderr.contains("another program's SQLite database"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try r.snapshot() == before)
    }

    @Test(arguments: [["list"], ["today"], ["show", "wjg"], ["funnel"], ["log", "wjg", "call"]])
    func aMissingBookIsSaidToBeMissingAndNotCreated(arguments: [String]) throws {
        let r = try RapportBinary()
        let result = try r.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("there is no book there yet; `rapport add` or `rapport import` starts one"))
        #expect(!Self.exists(r.database))
    }

    @Test func aCommandThatStartsABookCreatesIt() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        #expect(try r.ok(["list"]).stdout.contains("王建国"))
    }

    /// A command that would start a book and fails takes the new file away again; a book
    /// that was there before stays, byte for byte.
    @Test(arguments: [
        ["add", " "],
        ["import", "missing.csv"],
        ["import", "bad.json"],
        ["add", "王建国", "--grade", "Z"],
    ])
    func aFailedFirstCommandLeavesNoBookBehind(arguments: [String]) throws {
        let r = try RapportBinary()
        try Data(#"{"format":"rapport-book","schema":"v0"}"#.utf8).write(to: r.directory.appendingPathComponent("bad.json"))
        let inFolder = arguments.map { $0.hasSuffix(".csv") || $0.hasSuffix(".json") ? r.directory.appendingPathComponent($0).path : $0 }
        let result = try r.run(inFolder)
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1)
        for suffix in ["", "-wal", "-shm"] { #expect(!Self.exists(r.database + suffix)) }
        // The same failure on a book that exists, even an empty one, leaves it as it was
        try r.ok(["open"])
        let before = try r.snapshot()
        #expect(try r.run(inFolder).status != 0)
        #expect(try r.snapshot() == before)
    }

    @Test func theDatabaseOptionMustNameAFile() throws {
        let r = try RapportBinary()
        let empty = try r.run(["list", "--db", ""])
        #expect(empty.status == 2)
        #expect(empty.stderr == "rapport: invalid --db \"\"; name the book's file\n")
        let directory = try r.run(["add", "王建国", "--db", r.directory.path])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("it is a directory; name the book's file"))
    }

    @Test func aRestoreOfABackupWithAPlantedTriggerIsRefusedAndTheBookStaysAsItWas() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["followup", "add", "wjg", "tomorrow", "报价"])
        let backup = r.directory.appendingPathComponent("backup.db").path
        try r.ok(["backup", backup])
        try Self.sqlite(backup, """
            CREATE TRIGGER planted AFTER INSERT ON interaction BEGIN UPDATE customer SET notes = 'owned'; DELETE FROM follow_up; END;
            """)
        let before = try r.snapshot()
        let result = try r.run(["restore", backup])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a trigger \"planted\" that Rapport did not make"))
        #expect(try r.snapshot() == before)
        // And the next call neither rewrites the customer nor deletes the follow-up
        try r.ok(["log", "wjg", "call", "谈了报价", "--keep-open"])
        let card = try r.ok(["show", "wjg"]).stdout
        #expect(!card.contains("owned"))
        #expect(card.contains("报价"))
    }

    /// A backup that claims an older schema than it has: its migration would fail, or run a planted trigger.
    @Test(arguments: ["", "CREATE TRIGGER planted AFTER INSERT ON deal_stage BEGIN DELETE FROM follow_up; END;"])
    func aBackupClaimingAnOlderSchemaIsRefusedBeforeAnyMigrationAndTheBookStaysUsable(planted: String) throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let backup = r.directory.appendingPathComponent("backup.db").path
        try r.ok(["backup", backup])
        try Self.sqlite(backup, "DELETE FROM grdb_migrations WHERE identifier = 'v9-funnel-rollups'; " + planted)
        let before = try r.snapshot()
        let restore = try r.run(["restore", backup])
        #expect(restore.status == 2)
        #expect(restore.stderr.contains("that Rapport did not make"))
        #expect(try r.snapshot() == before)
        #expect(try r.ok(["list"]).stdout.contains("王建国"))
        // Opened directly, it is not migrated either, and stays as it was
        let file = try Data(contentsOf: URL(fileURLWithPath: backup))
        let opened = try r.run(["list", "--db", backup])
        #expect(opened.status == 2)
        #expect(opened.stderr.contains("so it is not brought up to date; the file was not changed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == file)
    }

    @Test func checkReportsAPlantedTrigger() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try Self.sqlite(r.database, "CREATE TRIGGER planted AFTER INSERT ON interaction BEGIN DELETE FROM follow_up; END;")
        let result = try r.run(["check"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("  schema: a trigger \"planted\" that Rapport did not make\n"))
    }

    @Test func anExportReplacesASymlinkAtItsTargetNotTheFileItPointsTo() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let victim = r.directory.appendingPathComponent("victim").path
        try Data("mine".utf8).write(to: URL(fileURLWithPath: victim))
        let target = r.directory.appendingPathComponent("book.csv").path
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: victim)
        try r.ok(["export", "--format", "csv", "-o", target])
        #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == Data("mine".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("王建国"))
        let names = try FileManager.default.contentsOfDirectory(atPath: r.directory.path)
        #expect(!names.contains { $0.contains("partial") })
    }

    @Test func anExportToAFullDeviceSaysTheDiskIsFull() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let result = try r.run(["export", "--format", "csv", "-o", "/dev/full"])
        #expect(result.status == 2)
        #expect(result.stderr == "rapport: invalid output \"/dev/full\"; the write failed: the disk is full; nothing was exported\n")
    }

    // MARK: - Escapes

    /// Whether text holds anything a terminal would act on: C0 controls but the line end,
    /// DEL, C1 controls, bidi overrides.
    static func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n") || (0x7F...0x9F).contains(s.value)
                || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
    }

    @Test(arguments: [
        ["list", "--status", "x\u{1B}]0;PWNED\u{07}"],
        ["open", "--snapshot", "x\u{1B}[31m\u{9B}2J"],
        ["list", "--grade", "\u{202E}A"],
        ["show", "\u{1B}[2J王"],
        ["edit", "1", "--set", String(repeating: "k", count: 300) + "\u{1B}[31m=v"],
    ])
    func errorsNeverCarryEscapesToTheTerminal(arguments: [String]) throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let result = try r.run(arguments)
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
        #expect(!Self.hasControls(result.stderr), "\(result.stderr.debugDescription)")
    }

    @Test func jsonEscapesC1ControlsAndBidiOverridesAndAFileKeepsTheExactText() throws {
        let r = try RapportBinary()
        let name = "A\u{9B}31mB\u{202E}C"
        try r.ok(["add", name])
        let list = try r.ok(["list", "--json"]).stdout
        #expect(list.contains(#""name":"A\u009b31mB\u202eC""#))
        #expect(!Self.hasControls(list))
        let export = try r.ok(["export", "--format", "json"]).stdout
        #expect(!Self.hasControls(export))
        let file = r.directory.appendingPathComponent("book.csv").path
        try r.ok(["export", "--format", "csv", "-o", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains(name))
    }

    @Test func anExportToATerminalShowsNoEscapes() throws {
        let r = try RapportBinary()
        try r.ok(["add", "A\u{1B}]0;PWNED\u{07}B\u{9B}2J\u{202E}C"])
        // script(1) gives the command a terminal as stdout, as a seller's shell would
        let command = "RAPPORT_DB='\(r.database)' NO_COLOR=1 '\(RapportBinary.url.path)' export --format csv"
        let result = try RapportBinary.runProgram("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ABC,"))  // each escape sequence removed whole
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("PWNED") && !result.stdout.contains("\u{202E}"))
    }

    // MARK: - Values that begin with a dash

    @Test func datesAndWordsThatBeginWithADashAreValuesNotOptions() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["log", "wjg", "call", "谈了", "-10%", "折扣", "--at", "-2d"])
        #expect(try r.ok(["show", "wjg"]).stdout.contains("2026-11-21 ") )
        #expect(try r.ok(["show", "wjg"]).stdout.contains("谈了 -10% 折扣"))
        let past = try r.run(["followup", "add", "wjg", "-2d", "回访"])
        #expect(past.stderr == "rapport: invalid follow-up day \"-2d\"; it cannot be in the past\n")
        try r.ok(["followup", "add", "wjg", "+2d", "回访", "-5%"])
        #expect(try r.ok(["show", "wjg"]).stdout.contains("回访 -5%"))
        let pay = try r.run(["pay", "wjg", "100", "--on", "-1d"])
        #expect(pay.stderr.contains("owes nothing"))
        // A mistyped option is still refused, and -- makes the rest text
        let typo = try r.run(["log", "wjg", "call", "x", "--nxt", "周五"])
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("Error: Unknown option '--nxt'"))
        try r.ok(["log", "wjg", "note", "--", "--raw"])
        #expect(try r.ok(["show", "wjg"]).stdout.contains("--raw"))
    }

    // MARK: - What is really wrong

    @Test func anImportSaysWhatIsWrongWithItsFile() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let before = try r.snapshot()
        let missing = try r.run(["import", r.directory.appendingPathComponent("nothing.csv").path])
        #expect(missing.stderr.hasPrefix("rapport: no file \""))
        let directory = r.directory.appendingPathComponent("d.csv")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #expect(try r.run(["import", directory.path]).stderr.hasSuffix("; it is a directory; name a file in it\n"))
        let noName = directory.deletingLastPathComponent().appendingPathComponent("cities.csv")
        try Data("City,Notes\n上海,x\n".utf8).write(to: noName)
        #expect(try r.run(["import", noName.path]).stderr
                == "rapport: no column of the file holds a name (its columns are \"City\", \"Notes\"); say which one does with --map 'Header=name'\n")
        let nul = directory.deletingLastPathComponent().appendingPathComponent("nul.csv")
        try Data("Name,Notes\nAnna,a".utf8 + [0] + "b\n".utf8).write(to: nul)
        let refused = try r.run(["import", nul.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("rapport: line 2 of the file holds a NUL character (byte 17)"))
        #expect(try r.snapshot() == before)
    }

    @Test func aReferenceLongerThanAnyNameMatchesNobody() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        for reference in [String(repeating: "a", count: 50_000), String(repeating: "%", count: 50_001)] {
            let result = try r.run(["show", reference])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("rapport: no customer matches \""))
        }
    }

    @Test(arguments: [
        ["deal", "add", "wjg", "Big", "--amount", "9000000000000000", "--stage", "qualified"],
        ["contract", "add", "wjg", "--amount", "9000000000000000"],
        ["deal", "add", "wjg", "Big", "--amount", "100000000000.01"],
        ["product", "add", "X", "x", "--price", "1001亿"],
    ])
    func anAmountPastWhatRapportKeepsIsRefusedInOneLine(arguments: [String]) throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let before = try r.snapshot()
        let result = try r.run(arguments)
        #expect(result.status == 2)
        let amount = arguments[arguments.firstIndex { $0 == "--amount" || $0 == "--price" }! + 1]
        #expect(result.stderr == "rapport: amount \"\(amount)\" is too large; the most Rapport keeps is 100,000,000,000.00\n")
        #expect(try r.snapshot() == before)
    }

    /// Eleven deals and eleven contracts at the largest amount: every sum of them is drawn,
    /// where 9×10^15 once trapped in the funnel, the TUI's funnel pane and the card.
    @Test func elevenAmountsAtTheBoundAddUpEverywhere() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        for n in 1...11 {
            try r.ok(["deal", "add", "wjg", "Big \(n)", "--amount", "1000亿", "--stage", "qualified"])
            try r.ok(["contract", "add", "wjg", "--amount", "1000亿"])
        }
        // 11 × 10^11 yuan, weighted at qualified's 20 %.
        let funnel = try r.ok(["funnel"]).stdout
        #expect(funnel.contains("1,100,000,000,000.00"))
        #expect(funnel.contains("220,000,000,000.00"))
        #expect(try r.ok(["show", "wjg"]).stdout.contains("outstanding 1,100,000,000,000.00 CNY"))
        // The list's funnel pane: 1.1 × 10^12 yuan is 11000亿; the card's contracts owe it all.
        #expect(try r.ok(["--snapshot", "100x30", "--keys", "\\t"]).stdout.contains("qualified ██████████████ 11000亿 · 11"))
        #expect(try r.ok(["--snapshot", "100x30", "--keys", "\\t\\r"]).stdout.contains("owed 1,100,000,000,000.00 CNY"))
    }

    /// A book another program wrote a bad value into: `show` says so in Rapport's words and
    /// exit status (it was ArgumentParser's "Error:" and 1), and `check` lists the row.
    @Test func aValueAnotherProgramWroteIsNamedByShowAndListedByCheck() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try Self.sqlite(r.database, "UPDATE customer SET created_at = '' WHERE id = 1")
        let show = try r.run(["show", "wjg"])
        #expect(show.status == 2)
        #expect(show.stderr == "rapport: cannot use the database \(r.database.quotedForMessage): created_at \"\" is not a date and time "
                + "like 2026-11-23 14:30; run `rapport check` to list every such row\n")
        let check = try r.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\n  row: customer id 1: created_at \"\" is not a date and time like 2026-11-23 14:30\n"))
    }

    /// A JSON import checks every value as the commands would and as the readers will: each
    /// case changes one value of a real export, and is refused in one line naming the row,
    /// the column and the value, with the new book left as it was. (Before, each of these
    /// was imported, and `check` said ok, and `show` or `log` of the customer then failed.)
    @Test(arguments: [
        // (what is replaced in the export, by what, the message after `rapport: `, with FILE for the file)
        (#""markname","2026-11-23 [0-9:]+""#, #""markname","""#,
         #"FILE holds what Rapport cannot read: customer id 1: created_at "" is not a date and time like 2026-11-23 14:30; nothing was imported"#),
        (#""markname","2026-11-23 [0-9:]+""#, #""markname","garbage""#,
         #"FILE holds what Rapport cannot read: customer id 1: created_at "garbage" is not a date and time like 2026-11-23 14:30; nothing was imported"#),
        (#""markname","2026-11-23 [0-9:]+""#, #""markname","2026-11-31 09:00""#,
         #"FILE holds what Rapport cannot read: customer id 1: created_at "2026-11-31 09:00" is not a date and time like 2026-11-23 14:30; nothing was imported"#),
        (#""MARKNAME""#, "\"" + String(repeating: "x", count: 100_000) + "\"",
         #"FILE holds what Rapport cannot read: customer id 1: name "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is 100000 characters long; the limit is 200; nothing was imported"#),
        (#""MARKNAME""#, "5", #"row 1 of customer in FILE: name 5 is not text; nothing was imported"#),
        (#""MARKNAME""#, "null", #"row 1 of customer in FILE: name must have a value; nothing was imported"#),
        (#""MARKNOTE""#, #""a\u0000b""#, #"row 1 of customer in FILE: notes holds a NUL character; nothing was imported"#),
        (#"\[1,1,null,"visit""#, #"[1,"abc",null,"visit""#,
         #"row 1 of interaction in FILE: customer_id "abc" is not a whole number; nothing was imported"#),
        (#"\[1,1,null,"visit""#, #"[1,1,null,"robot""#,
         #"FILE breaks the book's rules: interaction id 1: kind ("robot") breaks the rule kind IN ('call', 'email', 'visit', 'meeting', 'message', 'note'); nothing was imported"#),
        (#"\["cadence.A","14"\]"#, #"["cadence.A","14"],["cadence.A","15"]"#,
         #"row 3 of setting in FILE: key "cadence.A" appears twice; nothing was imported"#),
        (#"\["cadence.A","14"\]"#, #"["cadence.A","garbage"]"#,
         #"FILE holds what Rapport cannot read: setting key "cadence.A": invalid cadence.A "garbage"; use a whole number of days from 1 to 3650, or none; nothing was imported"#),
        (#"\[1,1,"Big",12345,"#, #"[1,1,"Big",9000000000000000,"#,
         #"FILE holds what Rapport cannot read: deal id 1: amount "9000000000000000" is not an amount Rapport keeps (at most 10000000000000 minor units); nothing was imported"#),
    ])
    func aJSONImportRefusesWhatTheCommandsWouldNotWrite(pattern: String, replacement: String, message: String) throws {
        let a = try RapportBinary()
        try a.ok(["add", "MARKNAME", "--notes", "MARKNOTE", "--company", "MARKCO"])
        try a.ok(["log", "MARKNAME", "visit", "谈了报价", "--at", "2026-11-20 10:00"])
        try a.ok(["deal", "add", "MARKNAME", "Big", "--amount", "123.45"])
        let text = try a.ok(["export", "--format", "json"]).stdout
        let range = try #require(text.range(of: pattern, options: .regularExpression), "\(pattern) is not in the export")
        let fresh = try RapportBinary()
        try fresh.ok(["open"])
        let before = try fresh.snapshot()
        let file = fresh.directory.appendingPathComponent("book.json").path
        try Data(text.replacingCharacters(in: range, with: replacement).utf8).write(to: URL(fileURLWithPath: file))
        let result = try fresh.run(["import", file])
        #expect(result.status == 2)
        #expect(result.stderr == "rapport: " + message.replacingOccurrences(of: "FILE", with: file.quotedForMessage) + "\n")
        #expect(try fresh.snapshot() == before)
        // The unchanged export goes in, and reads back
        let sound = try RapportBinary()
        let good = sound.directory.appendingPathComponent("book.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: good))
        try sound.ok(["import", good])
        #expect(try sound.ok(["show", "MARKNAME"]).stdout.contains("MARKNOTE"))
    }

    @Test func aLoneSurrogateInAJSONImportIsReportedNotReplaced() throws {
        let a = try RapportBinary()
        try a.ok(["add", "MARKNAME", "--notes", "MARKNOTE"])
        let text = try a.ok(["export", "--format", "json"]).stdout
        let fresh = try RapportBinary()
        try fresh.ok(["open"])
        let before = try fresh.snapshot()
        let file = fresh.directory.appendingPathComponent("book.json").path
        try Data(text.replacingOccurrences(of: #""MARKNOTE""#, with: #""\ud800""#).utf8).write(to: URL(fileURLWithPath: file))
        let result = try fresh.run(["import", file])
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("expected a whole character, not a lone surrogate\n"))
        #expect(try fresh.snapshot() == before)
    }

    /// A 1 MB file system of its own (tmpfs), filled up: only root may mount one.
    @Test(.enabled(if: getuid() == 0, "mounting a small file system needs root, as CI has"))
    func aFullDiskIsCalledAFullDisk() throws {
        let r = try RapportBinary()
        let mount = r.directory.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        let mounted = try RapportBinary.runProgram("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.path])
        try #require(mounted.status == 0, "mount: \(mounted.stderr)")
        defer {
            _ = try? RapportBinary.runProgram("/bin/umount", [mount.path])
            try? FileManager.default.removeItem(at: r.directory)
        }
        let book = mount.appendingPathComponent("book.db").path
        try r.ok(["add", "王建国", "--db", book])
        try r.ok(["log", "wjg", "call", "谈了报价", "--db", book])
        // Fill what is left
        _ = try? Data(count: 2 << 20).write(to: mount.appendingPathComponent("fill"))
        let before = try Data(contentsOf: URL(fileURLWithPath: book))
        for arguments in [["log", "wjg", "call", String(repeating: "长", count: 2_000)], ["list"], ["backup", mount.appendingPathComponent("b.db").path]] {
            let result = try r.run(arguments + ["--db", book])
            #expect(result.status == 2, "\(arguments[0])")
            #expect(result.stderr.contains("the disk is full"), "\(arguments[0]): \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: book)) == before)
    }
}

