import Foundation
import Testing

/// `make install`'s files, put under a temporary prefix from the built binary: the man page
/// reads with `man -l`, Chinese and all, and bash's completion offers the book's customers.
struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func installPutsTheBinaryTheManPageAndCompletionsUnderThePrefixAndUninstallTakesThemAway() throws {
        let r = try RapportBinary()
        let prefix = r.directory.appendingPathComponent("prefix").path
        let make = try RapportBinary.runProgram("/usr/bin/make", ["-s", "-C", Self.root.path, "install-files", "BIN=" + RapportBinary.url.path, "PREFIX=" + prefix],
                                                environment: ["PATH": "/usr/bin:/bin"])
        #expect(make.status == 0, "\(make.stderr)")
        for file in ["bin/rapport", "share/man/man1/rapport.1", "share/bash-completion/completions/rapport",
                     "share/zsh/site-functions/_rapport", "share/fish/vendor_completions.d/rapport.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }

        // The page, as man shows it: the root's help with its Chinese examples, and a section per command.
        let page = try RapportBinary.runProgram("/usr/bin/man", ["-l", prefix + "/share/man/man1/rapport.1"],
                                                environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MANWIDTH": "80", "MANPAGER": "cat"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("rapport call wjg 谈了报价 next 周五"))
        #expect(page.stdout.contains("rapport deal move"))

        // Completing `rapport show wj` in bash offers the customers the filter would find.
        try r.ok(["add", "王建国"])
        try r.ok(["add", "王建", "--company", "恒达"])
        try r.ok(["add", "Zoë Müller"])
        try r.ok(["add", "王建\u{1B}[31m红"])
        let script = "source \(prefix)/share/bash-completion/completions/rapport; COMP_WORDS=(rapport show wj); COMP_CWORD=2; "
            + "COMP_LINE='rapport show wj'; COMP_POINT=${#COMP_LINE}; _rapport; printf '%s\\n' \"${COMPREPLY[@]}\""
        let completed = try RapportBinary.runProgram("/bin/bash", ["--norc", "-c", script],
                                                     environment: ["PATH": prefix + "/bin:/usr/bin:/bin", "RAPPORT_DB": r.database])
        // A name's escape sequence is dropped whole, as TerminalText drops it everywhere.
        #expect(Set(completed.stdout.split(separator: "\n")) == ["王建国", "王建", "王建红"])

        let uninstall = try RapportBinary.runProgram("/usr/bin/make", ["-s", "-C", Self.root.path, "uninstall", "PREFIX=" + prefix],
                                                     environment: ["PATH": "/usr/bin:/bin"])
        #expect(uninstall.status == 0)
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin/rapport"))
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share/man/man1/rapport.1"))
    }
}
