import Foundation
import Testing

/// Removing deals, cancelling contracts and voiding payments from the shell; today is
/// Monday 2026-11-23, and `RAPPORT_TODAY` with a time fixes the moment of a write.
struct PipelineCorrectionCommandTests {
    private let moment = ["RAPPORT_TODAY": "2026-11-23 10:00"]

    /// Expects `arguments` to be refused with exit 2 and exactly `message` on stderr, and the book unchanged.
    private func expectRefused(_ r: RapportBinary, _ arguments: [String], _ message: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try r.snapshot()
        let result = try r.run(arguments)
        #expect(result.status == 2, "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.stderr == "rapport: " + message + "\n", sourceLocation: sourceLocation)
        #expect(try r.snapshot() == before, "a refused command changed the book", sourceLocation: sourceLocation)
    }

    @Test func aDealIsRemovedUnlessItHasAContract() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "1.2万", "--close", "月底"], environment: moment)
        try r.ok(["deal", "move", "1", "needs", "--force"], environment: moment)
        #expect(try r.ok(["deal", "rm", "1"]).stdout
                == "Removed deal 1 of 王建国 (#1): 年度服务 · 12,000.00 CNY · needs 40% · close 2026-11-30 (2 stage stays)\n")
        #expect(try r.ok(["deal", "list", "--all"]).stdout == "No deals match.\n")
        try r.ok(["deal", "add", "wjg", "二期", "--amount", "1.2万", "--stage", "closing"], environment: moment)
        try r.ok(["deal", "won", "2", "--number", "HT-001", "--force"], environment: moment)
        try expectRefused(r, ["deal", "rm", "2"], "deal 2 has contract HT-001; cancel the contract first (rapport contract cancel HT-001)")
        try expectRefused(r, ["deal", "rm", "99"], "no deal \"99\"")
    }

    @Test func aContractIsCancelledUnlessPaymentsAreRecordedOnIt() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "1.2万", "--stage", "closing"], environment: moment)
        try r.ok(["deal", "won", "1", "--number", "HT-001", "--force", "--instalments", "2"], environment: moment)
        try r.ok(["pay", "HT-001", "8000"], environment: moment)
        try expectRefused(r, ["contract", "cancel", "HT-001"],
                          "contract HT-001 has 2 payments (8,000.00 CNY); void them first (rapport pay void 1, then 2)")
        try expectRefused(r, ["contract", "cancel", "HT-404"], "no contract \"HT-404\"")
        // A contract without payments goes, by number or by id; a paid deal is won again
        try r.ok(["contract", "add", "wjg", "--amount", "3000", "--number", "HT-002"], environment: moment)
        #expect(try r.ok(["contract", "cancel", "2"]).stdout == "Cancelled contract HT-002 (3,000.00 CNY, 1 instalment)\n")
        try r.ok(["deal", "add", "wjg", "三期", "--amount", "5000", "--stage", "closing"], environment: moment)
        try r.ok(["deal", "won", "2", "--number", "HT-003", "--force"], environment: moment)
        try r.ok(["deal", "move", "2", "paid", "--force"], environment: moment)
        #expect(try r.ok(["contract", "cancel", "ht-003"], environment: moment).stdout
                == "Cancelled contract HT-003 (5,000.00 CNY, 1 instalment); deal 2 is won again, no longer paid\n")
        #expect(try r.ok(["deal", "show", "2"]).stdout.contains("  2026-11-23 10:00  paid → won            contract HT-003 cancelled · 合同取消\n"))
    }
}
