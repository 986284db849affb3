import Foundation
import Testing

/// Bringing a book in and taking it out, through the built binary on temporary files.
struct ExchangeCommandTests {
    static func write(_ text: String, to name: String, in r: RapportBinary) throws -> String {
        let path = r.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func customers(_ r: RapportBinary) throws -> [[String: Any]] {
        try r.json(["list", "--json"]) as? [[String: Any]] ?? []
    }

    /// The customer on a card, as `show --json` prints it.
    static func card(_ r: RapportBinary, _ reference: String) throws -> [String: Any] {
        try #require((try r.json(["show", reference, "--json"]) as? [String: Any])?["customer"] as? [String: Any])
    }

    static let sheet = """
        姓名,公司,手机,邮箱,等级,标签,备注
        王建国,华信科技,138-0013-8000,wang@huaxin.cn,A,"vip,渠道","谈了报价
        下周回访"
        李娜,,+86 139 0000 1111,,B,,
        王建国,华信科技,13800138000,,,,第二行
        Zoë Smith,Acme,+1 555 0100,zoe@acme.com,C,,

        """

    @Test func aChineseSpreadsheetComesInWithItsDuplicateReported() throws {
        // Given a spreadsheet with Chinese headers, a quoted newline and the same phone twice
        let r = try RapportBinary()
        let file = try Self.write(Self.sheet, to: "客户.csv", in: r)
        // When it is imported
        let result = try r.ok(["import", file])
        // Then three customers are created and the second 王建国 is skipped, naming why
        #expect(result.stdout == """
            line 5: skipped 王建国 (same phone 13800138000 as #1)
            Created 3, updated 0, skipped 1 duplicates.

            """)
        let names = try Self.customers(r).compactMap { $0["name"] as? String }.sorted()
        #expect(names == ["Zoë Smith", "李娜", "王建国"])
        let card = try Self.card(r, "王建国")
        #expect(card["notes"] as? String == "谈了报价\n下周回访")
        #expect(card["tags"] as? [String] == ["vip", "渠道"])
    }

    @Test func aDryRunSaysWhatWouldHappenAndWritesNothing() throws {
        let r = try RapportBinary()
        try r.ok(["add", "李娜", "--phone", "13900001111"])
        let before = try r.snapshot()
        let file = try Self.write(Self.sheet, to: "sheet.csv", in: r)
        let result = try r.ok(["import", file, "--dry-run", "--on-duplicate", "update"])
        #expect(result.stdout == """
            line 2: create 王建国 (would be #2)
            line 4: update #1 李娜: grade → B
            line 5: update #2 王建国: notes 谈了报价 下周回访 → 第二行
            line 6: create Zoë Smith (would be #3)
            Dry run, nothing written: would create 2, update 2, skip 0 duplicates.

            """)
        #expect(try r.snapshot() == before)
    }

    /// 王建国's card in pinyin on line 2, his switchboard shared by 周敏 on line 3, and 李娜's
    /// number under another name, with an escape sequence, on line 4.
    static let switchboard = """
        Name,Phone,City,Grade
        Wang Jianguo,13800138000,深圳,B
        周敏,+86 138 0013 8000,,
        \u{1B}[31m张伟,13900001111,,

        """

    @Test func aRowOfAnotherNameOnACustomersPhoneIsAConflictNeverAnUpdate() throws {
        // Given 王建国 in 上海, graded A, on 13800138000, and 李娜 on 13900001111
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--phone", "138-0013-8000", "--city", "上海", "--grade", "A"])
        try r.ok(["add", "李娜", "--phone", "13900001111"])
        let file = try Self.write(Self.switchboard, to: "switchboard.csv", in: r)
        // When it is imported updating duplicates, dry first
        let dry = try r.ok(["import", file, "--dry-run", "--on-duplicate", "update"])
        let result = try r.ok(["import", file, "--on-duplicate", "update"])
        // Then 王建国 is updated by his pinyin row and keeps his name, 周敏 and 张伟 are added
        // beside the cards whose numbers they share, and the escape sequence is not printed
        #expect(dry.stdout == """
            line 2: update #1 王建国: city 上海 → 深圳, grade A → B
            line 3: 周敏 shares phone 13800138000 with #1 王建国 — would be imported as new (#3)
            line 4: 张伟 shares phone 13900001111 with #2 李娜 — would be imported as new (#4)
            Dry run, nothing written: would create 2, update 1, skip 0 duplicates, 2 conflicts added as new.

            """)
        #expect(result.stdout == """
            line 2: updated #1 王建国: city 上海 → 深圳, grade A → B
            line 3: 周敏 shares phone 13800138000 with #1 王建国 — imported as new
            line 4: 张伟 shares phone 13900001111 with #2 李娜 — imported as new
            Created 2, updated 1, skipped 0 duplicates, 2 conflicts added as new.

            """)
        let names = try Self.customers(r).sorted { ($0["id"] as? Int ?? 0) < ($1["id"] as? Int ?? 0) }.map { $0["name"] as? String }
        #expect(names == ["王建国", "李娜", "周敏", "\u{1B}[31m张伟"])
        #expect(try Self.card(r, "#1")["city"] as? String == "深圳")
    }

    @Test func conflictsAreSkippedWhenAsked() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--phone", "138-0013-8000"])
        let file = try Self.write(Self.switchboard, to: "switchboard.csv", in: r)
        let result = try r.ok(["import", file, "--on-conflict", "skip"])
        #expect(result.stdout == """
            line 2: skipped Wang Jianguo (same phone 13800138000 as #1)
            line 3: 周敏 shares phone 13800138000 with #1 王建国 — skipped
            Created 1, updated 0, skipped 1 duplicates, 1 conflicts skipped.

            """)
        #expect(try Self.customers(r).compactMap { $0["name"] as? String }.sorted() == ["\u{1B}[31m张伟", "王建国"])
    }

    @Test(arguments: [
        // (policy, customers after, 李娜s after, #1's grade after). The sheet has 王建国 twice
        // (the same phone) and 李娜 graded B with the phone the book has written another way.
        ("skip", 3, 1, String?.none),   // 王建国 and Zoë added; 李娜 and the second 王建国 skipped
        ("update", 3, 1, "B"),          // the same, but 李娜's card takes the sheet's grade
        ("new", 5, 2, nil),             // every row added: two 王建国, a second 李娜
    ] as [(String, Int, Int, String?)])
    func duplicatesFollowThePolicy(policy: String, total: Int, linas: Int, grade: String?) throws {
        let r = try RapportBinary()
        try r.ok(["add", "李娜", "--phone", "139-0000-1111"])
        let file = try Self.write(Self.sheet, to: "sheet.csv", in: r)
        try r.ok(["import", file, "--on-duplicate", policy])
        let all = try Self.customers(r)
        #expect(all.count == total)
        #expect(all.filter { $0["name"] as? String == "李娜" }.count == linas)
        #expect(try Self.card(r, "#1")["grade"] as? String == grade)
    }

    @Test func aBadRowInTheMiddleLeavesTheBookByteForByte() throws {
        // Given a book and a file whose third row has a grade of Z
        let r = try RapportBinary()
        try r.ok(["add", "Anna"])
        let before = try r.snapshot()
        let file = try Self.write("Name,Grade\nBob,A\nCarl,Z\nDora,B\n", to: "bad.csv", in: r)
        // When it is imported / Then the import fails naming the line, the column and the value
        let result = try r.run(["import", file])
        #expect(result.status == 2)
        #expect(result.stderr == "rapport: invalid Grade \"Z\"; line 3: use A, B, C or none\n")
        #expect(try r.snapshot() == before)
        // With --skip-bad the other rows go in and the bad one is reported
        let skipped = try r.ok(["import", file, "--skip-bad"])
        #expect(skipped.stdout.hasSuffix("Created 2, updated 0, skipped 0 duplicates, refused 1 bad rows.\n"))
        #expect(try Self.customers(r).count == 3)
    }

    @Test func aLongFileKeepsItsOrderPastBadRowsAndWarnings() throws {
        // Given 5,000 rows (read on several threads), every 997th with a grade of Z and every
        // 1,499th with a work phone that has no digits
        let r = try RapportBinary()
        var text = "Name,Grade,Work Phone\n"
        var kept: [String] = []
        var refusedLines: [Int] = []
        var warnedLines: [Int] = []
        for n in 1...5_000 {
            let line = n + 1
            let bad = n % 997 == 0
            let warned = n % 1_499 == 0
            text += "客户\(n),\(bad ? "Z" : "B"),\(warned ? "call desk" : "")\n"
            if bad { refusedLines.append(line) } else { kept.append("客户\(n)") }
            if warned && !bad { warnedLines.append(line) }
        }
        let file = try Self.write(text, to: "long.csv", in: r)
        // When it is imported leaving bad rows out
        let result = try r.ok(["import", file, "--skip-bad"])
        // Then the others are created in the file's order, and the refusals and warnings are
        // reported in the file's order
        let byID = try Self.customers(r).sorted { ($0["id"] as? Int ?? 0) < ($1["id"] as? Int ?? 0) }
        #expect(byID.map { $0["name"] as? String ?? "" } == kept)
        let refused = result.stdout.split(separator: "\n").filter { $0.hasPrefix("refused: ") }
        #expect(refused == refusedLines.map { "refused: invalid Grade \"Z\"; line \($0): use A, B, C or none" })
        #expect(result.stderr.split(separator: "\n").map(String.init)
                == warnedLines.map { "rapport: line \($0): \"Work Phone\" \"call desk\" has no digits; kept in the notes" })
    }

    @Test func aGBKFileFromChineseExcelIsDetected() throws {
        let r = try RapportBinary()
        // 姓名,公司 / 王建国,华信 in GBK, as Chinese Excel saves it.
        let bytes: [UInt8] = [0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xB9, 0xAB, 0xCB, 0xBE, 0x0D, 0x0A,
                              0xCD, 0xF5, 0xBD, 0xA8, 0xB9, 0xFA, 0x2C, 0xBB, 0xAA, 0xD0, 0xC5, 0x0D, 0x0A]
        let path = r.directory.appendingPathComponent("gbk.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try r.ok(["import", path])
        let all = try Self.customers(r)
        #expect(all.map { $0["name"] as? String } == ["王建国"])
        #expect(all.first?["company"] as? String == "华信")
    }

    @Test func anUnmappedColumnIsReportedOrKeptInTheNotes() throws {
        let r = try RapportBinary()
        let file = try Self.write("Name,Owner\nAnna,Li\n", to: "owner.csv", in: r)
        let first = try r.ok(["import", file])
        #expect(first.stderr == "rapport: not imported: \"Owner\" (map them with --map 'Header=field', or keep them with --rest-to-notes)\n")
        let r2 = try RapportBinary()
        try r2.ok(["import", file, "--rest-to-notes"])
        #expect(try Self.card(r2, "Anna")["notes"] as? String == "Owner: Li")
        let r3 = try RapportBinary()
        try r3.ok(["import", file, "--map", "Owner=company"])
        #expect(try Self.card(r3, "Anna")["company"] as? String == "Li")
    }

    @Test func aCallHistoryComesInAndMovesTheContactClock() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let file = try Self.write("客户,类型,日期,内容\n王建国,call,2026-11-20 14:30,谈了报价\nwjg,visit,2026/11/21,上门\n", to: "calls.csv", in: r)
        // The dry run says whom each reference was read as (王建国 is #1), and writes nothing
        let untouched = try r.snapshot()
        #expect(try r.ok(["import", file, "--kind", "interactions", "--dry-run"]).stdout
                == "Dry run: would log 2 interactions:\n  王建国 → 王建国 (#1): line 2\n  wjg → 王建国 (#1): line 3\n")
        #expect(try r.snapshot() == untouched)
        #expect(try r.ok(["import", file, "--kind", "interactions"]).stdout == "Logged 2 interactions.\n")
        #expect(try Self.card(r, "wjg")["last_contact_at"] as? String == "2026-11-21 00:00")
        // A reference that names nobody stops the import, naming the line
        let before = try r.snapshot()
        let bad = try Self.write("Customer,Date\n王建国,2026-11-22\n张三,2026-11-22\n", to: "bad.csv", in: r)
        let result = try r.run(["import", bad, "--kind", "interactions"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("rapport: invalid customer on line 3 \"张三\"; no customer matches \"张三\""))
        #expect(try r.snapshot() == before)
        // With --skip-bad that row is left out and reported, as a row of a bad kind is
        let skipped = try r.ok(["import", bad, "--kind", "interactions", "--skip-bad"]).stdout
        #expect(skipped.hasPrefix("refused: invalid customer on line 3 \"张三\"; no customer matches \"张三\""))
        #expect(skipped.hasSuffix("Logged 1 interactions; refused 1 bad rows.\n"))
        #expect(try Self.card(r, "wjg")["last_contact_at"] as? String == "2026-11-22 00:00")
    }

    @Test func theWholeBookRoundTripsThroughJSON() throws {
        // Given a demo book with deals, contracts and payments
        let a = try RapportBinary()
        try a.ok(["demo", "--customers", "60"])
        let exported = a.directory.appendingPathComponent("book.json").path
        try a.ok(["export", "--format", "json", "-o", exported])
        // When it is imported into an empty book and exported again
        let b = try RapportBinary()
        #expect(try b.ok(["import", exported]).stdout.hasPrefix("Imported "))
        let again = try b.ok(["export", "--format", "json"]).stdout
        // Then the exports are identical but for when they were made, and the book is sound
        let stamp = /"exported_at":"[^"]*"/
        #expect(try String(contentsOfFile: exported, encoding: .utf8).replacing(stamp, with: "") == again.replacing(stamp, with: ""))
        #expect(try b.ok(["check"]).stdout.hasSuffix("integrity: ok\n  foreign keys: ok\n  schema: ok\n  rows: ok\n  funnel sums: ok\n"))
        #expect(try b.ok(["funnel", "--json"]).stdout == (try a.ok(["funnel", "--json"]).stdout))
        // And a second import into the same book is refused, writing nothing
        let before = try b.snapshot()
        let twice = try b.run(["import", exported])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("a full export goes into an empty book"))
        #expect(try b.snapshot() == before)
    }

    @Test func aBrokenJSONExportWritesNothing() throws {
        let a = try RapportBinary()
        try a.ok(["demo", "--customers", "20"])
        var text = try a.ok(["export", "--format", "json"]).stdout
        // Cut the file in the middle of the interactions
        text = String(text.prefix(text.count * 2 / 3))
        let b = try RapportBinary()
        try b.ok(["add", "Anna"])
        try b.ok(["export", "--format", "json", "-o", b.directory.appendingPathComponent("x.json").path])
        let fresh = try RapportBinary()
        try fresh.ok(["open"])  // an empty book to compare with
        let before = try fresh.snapshot()
        let file = try Self.write(text, to: "cut.json", in: fresh)
        let result = try fresh.run(["import", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("it is not valid JSON at byte") || result.stderr.contains("it ends too soon"))
        #expect(try fresh.snapshot() == before)
    }

    /// Rows are loaded with the CHECKs set aside and the book checked once they are all in.
    @Test func anExportBreakingTheBooksRulesWritesNothing() throws {
        let a = try RapportBinary()
        try a.ok(["demo", "--customers", "20"])
        let text = try a.ok(["export", "--format", "json"]).stdout
        // An interaction of a kind Rapport does not know
        let table = try #require(text.range(of: #"{"name":"interaction""#))
        let kind = try #require(text.range(of: #""call""#, range: table.upperBound..<text.endIndex))
        let fresh = try RapportBinary()
        try fresh.ok(["open"])  // an empty book to compare with
        let before = try fresh.snapshot()
        let file = try Self.write(text.replacingCharacters(in: kind, with: #""telegram""#), to: "bad.json", in: fresh)
        let result = try fresh.run(["import", file])
        #expect(result.status == 2)
        // The row is named by its id, the first value of the row the kind was changed in.
        let rowStart = try #require(text[..<kind.lowerBound].lastIndex(of: "["))
        let id = text[text.index(after: rowStart)...].prefix { $0.isNumber }
        #expect(result.stderr.contains("\" breaks the book's rules: interaction id \(id): kind (\"telegram\")"))
        #expect(result.stderr.hasSuffix(": kind (\"telegram\") breaks the rule kind IN ('call', 'email', 'visit', 'meeting', 'message', 'note'); nothing was imported\n"))
        #expect(try fresh.snapshot() == before)
    }

    @Test func anExportToADeviceWritesIntoItAndLeavesItADevice() throws {
        // Renaming a finished file over /dev/null would replace the device with a file.
        let r = try RapportBinary()
        try r.ok(["add", "Anna"])
        let fifo = r.directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        try r.ok(["export", "--format", "csv", "-o", fifo])
        let read = out.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(String(decoding: read, as: UTF8.self).contains("Anna,"))
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(!FileManager.default.fileExists(atPath: fifo + ".partial-\(getpid())"))
    }

    @Test func csvExportNeutralizesFormulasAndReadsBackTheSame() throws {
        let r = try RapportBinary()
        try r.ok(["add", "=HYPERLINK(\"http://x\")", "--company", "+Acme", "--notes", "@sum"])
        try r.ok(["add", "王建国", "--phone", "+86 138 0013 8000", "--tag", "vip", "--tag", "渠道"])
        let out = r.directory.appendingPathComponent("out.csv").path
        try r.ok(["export", "--format", "csv", "-o", out])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])  // so that Excel reads it as UTF-8
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Name,Company,"))
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\",'+Acme,"))
        #expect(text.contains("'@sum\r\n"))
        // Importing the export gives the same cards back
        let back = try RapportBinary()
        try back.ok(["import", out])
        let original = try Self.customers(r).map { [$0["name"] as? String, $0["company"] as? String] }
        let restored = try Self.customers(back).map { [$0["name"] as? String, $0["company"] as? String] }
        #expect(restored == original)
        #expect(try Self.card(back, "wjg")["tags"] as? [String] == ["vip", "渠道"])
    }

    @Test func vCardsGoOutAndComeBack() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--company", "华信科技", "--phone", "mobile:138-0013-8000", "--email", "wang@huaxin.cn",
                  "--birthday", "1980-03-15", "--tag", "vip"])
        let out = r.directory.appendingPathComponent("book.vcf").path
        try r.ok(["export", "--format", "vcard", "-o", out])
        let back = try RapportBinary()
        #expect(try back.ok(["import", out]).stdout == "Created 1, updated 0, skipped 0 duplicates.\n")
        let a = try Self.card(r, "wjg")
        let b = try Self.card(back, "wjg")
        for key in ["name", "company", "phones", "emails", "birthday", "tags"] {
            #expect(a[key] as? NSObject == b[key] as? NSObject, "\(key)")
        }
    }

    @Test func followUpsBecomeACalendarWithStableUIDs() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["followup", "add", "wjg", "2026-11-24", "报价"])
        try r.ok(["followup", "add", "wjg", "2026-11-25", "14:30", "visit"])
        let first = try r.ok(["export", "--format", "ics"]).stdout
        #expect(first.contains("BEGIN:VTODO\r\nUID:followup-1@rapport\r\n"))
        #expect(first.contains("DUE;VALUE=DATE:20261124\r\n"))
        #expect(first.contains("BEGIN:VEVENT\r\nUID:followup-2@rapport\r\n"))
        #expect(first.contains("DTSTART:20261125T143000\r\n"))
        #expect(try r.ok(["export", "--format", "ics"]).stdout == first)
    }

    @Test func aBackupTakenWhileAnotherProcessWritesIsSoundAndRestores() throws {
        // Given a book being written by another rapport process
        let r = try RapportBinary()
        try r.ok(["demo", "--customers", "40"])
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "for i in $(seq 1 30); do \"$0\" add \"Writer $i\" >/dev/null || exit 1; done", RapportBinary.url.path]
        writer.environment = ["RAPPORT_DB": r.database, "RAPPORT_TODAY": r.today]
        try writer.run()
        // When backups are taken meanwhile
        var backups: [String] = []
        for n in 1...3 {
            let path = r.directory.appendingPathComponent("backup-\(n).db").path
            try r.ok(["backup", path])
            backups.append(path)
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        // Then each backup is a sound book
        for path in backups {
            let check = try RapportBinary.run(["check", "--db", path], environment: ["RAPPORT_TODAY": r.today])
            #expect(check.status == 0, "\(path): \(check.stdout)")
        }
        // And restoring one keeps the book as it was beside it
        let before = try Self.customers(r).count
        #expect(before == 70)
        let restored = try r.ok(["restore", backups[0]])
        #expect(restored.stdout.contains("The book as it was is kept in "))
        #expect(try Self.customers(r).count <= before)
        let kept = try #require(restored.stdout.split(separator: "\n").last.map { String($0.dropFirst("The book as it was is kept in ".count).dropLast()) })
        let keptBook = try RapportBinary.run(["list", "--json", "--db", kept], environment: ["RAPPORT_TODAY": r.today])
        #expect((try JSONSerialization.jsonObject(with: keptBook.stdoutBytes) as? [Any])?.count == 70)
    }

    @Test func aDamagedOrForeignFileIsNotRestored() throws {
        let r = try RapportBinary()
        try r.ok(["add", "Anna"])
        let before = try r.snapshot()
        let junk = try Self.write(String(repeating: "not a database\n", count: 300), to: "junk.db", in: r)
        let result = try r.run(["restore", junk])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("rapport: cannot use the database "))
        #expect(result.stderr.hasSuffix(": the file is not a Rapport database\n"))
        #expect(try r.snapshot() == before)
    }
}

/// `import --status` and `--no-chase` set the customers an import creates, and leave the
/// ones it updates as they were.
struct ImportNewCustomerTermsTests {
    static func book() throws -> (RapportBinary, String) {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--phone", "13800138000", "--status", "customer"])
        let csv = r.directory.appendingPathComponent("通讯录.csv")
        try "姓名,电话,城市\n王建国,13800138000,上海\n陈涛,13900139000,南京\n".write(to: csv, atomically: true, encoding: .utf8)
        return (r, csv.path)
    }

    static func card(_ r: RapportBinary, _ id: Int) throws -> [String: Any] {
        let shown = try #require(try r.json(["show", "#\(id)", "--json"]) as? [String: Any])
        return try #require(shown["customer"] as? [String: Any])
    }

    @Test func statusIsTheCreatedCustomersOnly() throws {
        let (r, csv) = try Self.book()
        #expect(try r.ok(["import", csv, "--status", "休眠", "--on-duplicate", "update"]).stdout
            == "line 2: updated #1 王建国: city → 上海\nCreated 1, updated 1, skipped 0 duplicates.\n")
        #expect(try Self.card(r, 1)["status"] as? String == "customer")
        #expect(try Self.card(r, 2)["status"] as? String == "dormant")
    }

    /// Eight days after the import the uncontacted rule (7 days) would list 陈涛; not chased, nobody new is.
    @Test func noChaseKeepsAnAddressBookOffToday() throws {
        let (r, csv) = try Self.book()
        try r.ok(["import", csv, "--no-chase"])
        #expect(try Self.card(r, 2)["cadence_days"] as? Int == 0)
        #expect(try Self.card(r, 1)["cadence_days"] as? Int == nil)
        let later = try r.ok(["today"], environment: ["RAPPORT_TODAY": "2026-12-01"]).stdout
        #expect(later.contains("王建国"))
        #expect(!later.contains("陈涛"))
    }

    @Test func aStatusThatIsNoneIsRefusedAndNothingIsWritten() throws {
        let (r, csv) = try Self.book()
        try r.expectRefused(["import", csv, "--status", "nope"], "invalid --status \"nope\"; use lead, prospect, customer, dormant, lost")
    }
}
