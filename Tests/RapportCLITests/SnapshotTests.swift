import Foundation
import Testing

/// What a seller sees, checked in as text under Tests/Snapshots and compared with what the
/// built binary prints: screens made with `rapport --snapshot WxH --keys …` on a seeded demo
/// book, and the help of the root command and a few subcommands. A change to either shows
/// in the diff. `UPDATE_SNAPSHOTS=1` (`make snapshots`) writes the files anew instead of
/// comparing; read each by eye before committing it.
struct SnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    static let updating = ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false

    /// The screens, by file name, and the keys pressed to reach each.
    static let screens: [(name: String, keys: String)] = [
        ("today", ""),
        ("customers", "\\t"),
        ("card", "\\r"),
        ("help", "?"),
        ("filter", "\\t/haoran"),
    ]

    @Test func screensOfADemoBook() throws {
        // Given a demo book, with the clock fixed to the minute
        var r = try RapportBinary()
        r.today = "2026-11-23 09:00"
        try r.ok(["demo", "--customers", "60", "--seed", "7"])
        for size in ["100x30", "60x15"] {
            for screen in Self.screens {
                // When the screen is drawn / Then it is the checked-in one
                // --dry: what the keys do stays off the book, so each screen starts from the same one.
                let frame = try r.ok(["--snapshot", size, "--keys", screen.keys, "--dry"]).stdout
                try Self.compare(frame, "screens/\(screen.name)-\(size).txt")
            }
        }
    }

    /// README's picture is what the two commands printed under it draw.
    @Test func theReadmePictureIsWhatItsCommandDraws() throws {
        let readme = try String(contentsOf: Self.directory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```\n Rapport · Customers"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let picture = String(readme[readme.index(start.lowerBound, offsetBy: 4)..<end.lowerBound])
        #expect(readme.contains("rapport demo --db /tmp/readme.db --customers 300 --today 2026-11-23\n"
            + "rapport --db /tmp/readme.db --today 2026-11-23 --snapshot 100x30 --keys '\\t' --dry"))
        let r = try RapportBinary()
        try r.ok(["demo", "--customers", "300", "--today", "2026-11-23"])
        let drawn = try r.ok(["--today", "2026-11-23", "--snapshot", "100x30", "--keys", "\\t", "--dry"]).stdout
        #expect(drawn.trimmingCharacters(in: CharacterSet.newlines) == picture.trimmingCharacters(in: CharacterSet.newlines))
    }

    @Test(arguments: [[], ["today"], ["log"], ["call"], ["import"]])
    func helpText(_ command: [String]) throws {
        let help = try RapportBinary.run(command + ["--help"], environment: ["COLUMNS": "80", "PATH": "/usr/bin:/bin"])
        #expect(help.status == 0)
        try Self.compare(help.stdout, "help/\((["rapport"] + command).joined(separator: "-")).txt")
    }

    /// Compares `text` with the checked-in file, naming the first line that differs; or,
    /// when updating, writes it.
    static func compare(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no \(name) under Tests/Snapshots: make it with UPDATE_SNAPSHOTS=1 (make snapshots)", sourceLocation: sourceLocation)
            return
        }
        guard text != expected else { return }
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(got, wanted).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, wanted.count)
        Issue.record("""
            \(name) differs from line \(line + 1):
              checked in: \(wanted.indices.contains(line) ? String(wanted[line]) : "(end)")
              printed:    \(got.indices.contains(line) ? String(got[line]) : "(end)")
            If the change is meant, run UPDATE_SNAPSHOTS=1 (make snapshots) and read the new file. Printed:
            \(text)
            """, sourceLocation: sourceLocation)
    }
}
