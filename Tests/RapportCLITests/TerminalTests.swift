import Foundation
import Testing

/// The full-screen interface in a real terminal (tmux), once end to end.
@Suite(.serialized)
struct TerminalTests {
    /// The command the shell in tmux runs to start Rapport on the test's book.
    private func launch(_ r: RapportBinary, term: String = "tmux-256color", extra: String = "") -> String {
        "env RAPPORT_DB=\(r.database) RAPPORT_TODAY=\(r.today) TERM=\(term) \(extra) \(RapportBinary.url.path)"
    }

    @Test func anUnknownTerminalFallsBackToTheTodayList() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        let tmux = try Tmux(width: 80, height: 24, directory: r.directory)
        try tmux.type(launch(r, term: "no-such-terminal"))
        try tmux.press("Enter")
        // The list is printed before Rapport exits: wait for the shell's prompt too.
        let screen = try tmux.waitFor { $0.contains("Nothing due today") && Self.lastLine($0) == "ready$" }
        #expect(screen.contains("rapport: cannot use this terminal (TERM=no-such-terminal)"))
        #expect(Self.lastLine(screen) == "ready$")
    }

    @Test func todayFirstThenLogACallInChineseByKeystrokes() throws {
        let r = try RapportBinary()
        try r.ok(["demo", "--customers", "200", "--seed", "5"])
        let tmux = try Tmux(width: 100, height: 30, directory: r.directory)
        try tmux.type(launch(r))
        try tmux.press("Enter")

        // The today view comes first, its groups counted on the summary line.
        let today = try tmux.waitFor { $0.contains("Rapport · Today") && $0.contains("Overdue follow-ups (") }
        let summary = try #require(today.split(separator: "\n").dropFirst().first)
        #expect(summary.contains(" overdue · ") && summary.contains(" forgotten"))

        // Enter opens the first customer's card.
        try tmux.press("Enter")
        let card = try tmux.waitFor { $0.contains("  #") && $0.contains("Timeline") }
        let id = try #require(card.split(separator: "\n").lazy.compactMap { line -> String? in
            guard let hash = line.range(of: "  #") else { return nil }
            let digits = line[hash.upperBound...].prefix { $0.isNumber }
            return digits.isEmpty ? nil : String(digits)
        }.first)

        // l, the kind and a Chinese note, Tab for `next`, 明天, Enter.
        try tmux.press("l")
        _ = try tmux.waitFor { $0.contains("log ") && $0.contains("›") }
        try tmux.type("c 谈了报价")
        try tmux.press("Tab")
        try tmux.type("明天")
        let typed = try tmux.waitFor { $0.contains("c 谈了报价 next 明天") }
        #expect(typed.contains("›"))
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.contains("Logged call") }

        // q gives the shell back on a clean screen.
        try tmux.press("q")
        let after = try tmux.waitFor { Self.lastLine($0) == "ready$" }
        #expect(!after.contains("Rapport ·"))
        #expect(!after.contains("谈了报价"))

        // The call and the follow-up are in the book.
        let shown = try #require(try r.json(["show", "#\(id)", "--json"]) as? [String: Any])
        let newest = try #require((shown["timeline"] as? [[String: Any]])?.first)
        #expect(newest["kind"] as? String == "call")
        #expect(newest["note"] as? String == "谈了报价")
        let open = try #require(shown["open_follow_ups"] as? [[String: Any]])
        #expect(open.contains { $0["due"] as? String == "2026-11-24" && $0["title"] as? String == "谈了报价" })
    }

    @Test func aFollowUpAddedFromTheShellAppearsOnTheOpenViewAndUTakesItBack() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--grade", "A"])
        let tmux = try Tmux(width: 100, height: 30, directory: r.directory)
        try tmux.type(launch(r))
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.contains("Rapport · Today") }
        // Another terminal promises a call for today; the open view shows it without a key
        try r.ok(["followup", "add", "wjg", "今天", "回访报价"])
        let shown = try tmux.waitFor(seconds: 10) { $0.contains("回访报价") }
        #expect(shown.contains("王建国"))
        // u takes the last change back, whoever made it, and says so
        try tmux.press("u")
        let undone = try tmux.waitFor { $0.contains("Undid: follow-up 1 added for 2026-11-23") }
        #expect(!undone.contains("回访报价"))
        try tmux.press("q")
        _ = try tmux.waitFor { Self.lastLine($0) == "ready$" }
        #expect(try r.ok(["followup", "list"]).stdout == "No open follow-ups.\n")
    }

    @Test func aContactPersonRemovedOnTheCardAfterAYAndBroughtBackWithU() throws {
        let r = try RapportBinary()
        try r.ok(["add", "华信科技", "--kind", "company"])
        try r.ok(["contact", "add", "华信", "张秘书", "--role", "gatekeeper"])
        let tmux = try Tmux(width: 100, height: 30, directory: r.directory)
        try tmux.type(launch(r))
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.contains("Rapport · Today") }
        // The list, the card, the contact person below the card's first line
        try tmux.press("Tab")
        _ = try tmux.waitFor { $0.contains("Customers (1)") }
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.contains("Contact persons (1)") }
        try tmux.press("j")
        try tmux.press("x")
        _ = try tmux.waitFor { $0.contains("Remove the contact person 张秘书 of 华信科技? y removes") }
        try tmux.press("y")
        let removed = try tmux.waitFor { $0.contains("Removed contact person 张秘书 · u undoes it") }
        #expect(removed.contains("Contact persons (0)"))
        try tmux.press("u")
        _ = try tmux.waitFor { $0.contains("Contact persons (1)") && $0.contains("Undid:") }
        try tmux.press("q")
        _ = try tmux.waitFor { Self.lastLine($0) == "ready$" }
        #expect(try r.ok(["contact", "list", "华信"]).stdout.contains("张秘书"))
    }

    /// The first launch: an empty book says how to begin; i, a path with ~, the dry run's
    /// report, y imports, and u takes the whole import back.
    @Test func anEmptyBookImportsASpreadsheetAfterItsDryRunAndUTakesItBack() throws {
        let r = try RapportBinary()
        try "姓名,电话,城市\n王建国,13800138000,上海\n陈涛,13900139000,南京\n"
            .write(to: r.directory.appendingPathComponent("客户.csv"), atomically: true, encoding: .utf8)
        let tmux = try Tmux(width: 100, height: 30, directory: r.directory)
        try tmux.type(launch(r))
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.contains("Your book is empty. To begin:") && $0.contains("i import") }
        try tmux.press("i")
        _ = try tmux.waitFor { $0.contains("import the file ›") }
        try tmux.type("~/客户.csv")
        try tmux.press("Enter")
        let preview = try tmux.waitFor { $0.contains("Import 客户.csv · a dry run: nothing is written until y") }
        #expect(preview.contains("Dry run, nothing written: would create 2, update 0, skip 0 duplicates."))
        #expect(preview.contains("line 3: create 陈涛 (would be #2)"))
        try tmux.press("y")
        _ = try tmux.waitFor { $0.contains("Imported 客户.csv: created 2") }
        try tmux.press("Tab")
        _ = try tmux.waitFor { $0.contains("Customers (2)") && $0.contains("王建国") }
        try tmux.press("u")
        _ = try tmux.waitFor { $0.contains("Undid: added 2 customers") && $0.contains("Customers (0)") }
        try tmux.press("q")
        _ = try tmux.waitFor { Self.lastLine($0) == "ready$" }
        #expect(try r.ok(["list", "--json"]).stdout == "[]\n")
    }

    /// On a terminal a reference that matches several customers asks which one, by number;
    /// any other answer names none and writes nothing. Into a pipe it stays an error.
    @Test func anAmbiguousNameAsksWhichOneOnATerminal() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建", "--company", "华信"])
        try r.ok(["add", "王建", "--company", "远大"])
        let tmux = try Tmux(width: 100, height: 30, directory: r.directory)
        let command = "env RAPPORT_DB=\(r.database) RAPPORT_TODAY=\(r.today) \(RapportBinary.url.path)"
        try tmux.type(command + " log wj c 谈了报价")
        try tmux.press("Enter")
        let asked = try tmux.waitFor { $0.contains("which one? [1-2]") }
        #expect(asked.contains("rapport: \"wj\" matches 2 customers:"))
        #expect(asked.contains("  2. #2 王建 (远大)"))
        try tmux.type("2")
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.contains("with 王建 (#2)") }
        try tmux.type(command + " log wj c 又谈了")
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.components(separatedBy: "which one? [1-2]").count == 3 }
        try tmux.type("x")
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.contains("rapport: no customer chosen for \"wj\"; name one by #id") }
        let calls = try #require(try r.json(["show", "#2", "--json"]) as? [String: Any])
        #expect((calls["timeline"] as? [[String: Any]])?.count == 1)
        #expect(try r.run(["log", "wj", "c", "谈了"]).status == 2)
    }

    /// In a Chinese locale Rapport speaks Chinese on a real terminal: Today, the help, a
    /// log's report, the wide characters in their cells.
    @Test func aChineseLocaleSpeaksChineseOnTheTerminal() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--grade", "A"])
        try r.ok(["followup", "add", "wjg", "2026-11-20", "报价单"], environment: ["RAPPORT_TODAY": "2026-11-19"])
        let tmux = try Tmux(width: 100, height: 30, directory: r.directory)
        try tmux.type(launch(r, extra: "LANG=zh_CN.UTF-8"))
        try tmux.press("Enter")
        let today = try tmux.waitFor { $0.contains("Rapport · 今天") && $0.contains("逾期的跟进（1）· 最急的在前") }
        #expect(today.contains("逾期3天（11月20日到期）：报价单"))
        #expect(today.contains("11月23日 周一"))
        try tmux.press("?")
        _ = try tmux.waitFor { $0.contains("Rapport · 帮助") && $0.contains("今天：该联系谁，谁被遗忘了") }
        try tmux.press("Escape")
        try tmux.press("l")
        _ = try tmux.waitFor { $0.contains("记录 王建国 ›") }
        try tmux.type("c 谈了报价")
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.contains("已记录与王建国的电话 · 跟进已完成 · 按 u 撤销") }
        try tmux.press("q")
        _ = try tmux.waitFor { Self.lastLine($0) == "ready$" }
    }

    @Test(arguments: ["xterm-256color", "tmux-256color", "screen", "vt100"])
    func everyTerminalTypeStartsAndQuitsCleanly(term: String) throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--grade", "A"])
        let tmux = try Tmux(width: 80, height: 24, directory: r.directory)
        try tmux.type(launch(r, term: term, extra: term == "vt100" ? "NO_COLOR=1" : ""))
        try tmux.press("Enter")
        let screen = try tmux.waitFor { $0.contains("Rapport · Today") }
        #expect(screen.contains("Nothing due today"))
        try tmux.press("q")
        // The shell's prompt is back on the last line; terminals with an alternate screen
        // (all but vt100) also give back what was there before.
        let after = try tmux.waitFor { Self.lastLine($0) == "ready$" }
        if term != "vt100" { #expect(!after.contains("Rapport ·")) }
    }

    static func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test(arguments: ["C-c", "SIGTERM"])
    func theTerminalIsRestoredWhenRapportIsInterrupted(how: String) throws {
        let r = try RapportBinary()
        try r.ok(["add", "Zoë Müller"])
        let tmux = try Tmux(width: 80, height: 24, directory: r.directory)
        try tmux.type(launch(r))
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.contains("Rapport · Today") }
        if how == "C-c" {
            try tmux.press("C-c")
        } else {
            // The pane's foreground process is Rapport (env exec'd it).
            let pid = try tmux.run(["display-message", "-p", "-t", "main", "#{pane_pid}"])
            let kill = Process()
            kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
            kill.arguments = ["-TERM", "-P", pid.trimmingCharacters(in: .whitespacesAndNewlines), "-x", "rapport"]
            try kill.run()
            kill.waitUntilExit()
            #expect(kill.terminationStatus == 0, "no rapport under the pane's shell")
        }
        let after = try tmux.waitFor { !$0.contains("Rapport ·") && $0.contains("ready$") }
        #expect(!after.contains("Nothing due today"))
        try tmux.type("echo status=$?")
        try tmux.press("Enter")
        _ = try tmux.waitFor { $0.contains(how == "C-c" ? "status=130" : "status=143") }
    }
}
