import Foundation
import Testing

/// Removing deals, cancelling contracts and voiding payments from the shell; today is
/// Monday 2026-11-23, and `RAPPORT_TODAY` with a time fixes the moment of a write.
struct PipelineCorrectionCommandTests {
    private let moment = ["RAPPORT_TODAY": "2026-11-23 10:00"]

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
        try r.expectRefused(["deal", "rm", "2"], "deal 2 has contract HT-001; cancel the contract first (rapport contract cancel HT-001)")
        try r.expectRefused(["deal", "rm", "99"], "no deal \"99\"")
    }

    @Test func aContractIsCancelledUnlessPaymentsAreRecordedOnIt() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "1.2万", "--stage", "closing"], environment: moment)
        try r.ok(["deal", "won", "1", "--number", "HT-001", "--force", "--instalments", "2"], environment: moment)
        try r.ok(["pay", "HT-001", "8000"], environment: moment)
        try r.expectRefused(["contract", "cancel", "HT-001"],
                          "contract HT-001 has 2 payments (8,000.00 CNY); void them first (rapport pay void 1, then 2)")
        try r.expectRefused(["contract", "cancel", "HT-404"], "no contract \"HT-404\"")
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

    @Test func aPaymentIsVoidedAndStaysListedMarkedVoid() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "1.2万", "--stage", "closing"], environment: moment)
        try r.ok(["deal", "won", "1", "--number", "HT-001", "--force", "--instalments", "2"], environment: moment)
        try r.ok(["pay", "HT-001", "1.2万", "--note", "转账"], environment: moment)
        // Voided on 11-24: the contract owes the second instalment again, and the paid deal is won again
        #expect(try r.ok(["pay", "void", "2", "--note", "记错了"], environment: ["RAPPORT_TODAY": "2026-11-24 09:00"]).stdout == """
            Voided payment 2: 6,000.00 CNY of 2026-11-23 on HT-001/2
            Contract HT-001: 6,000.00 of 12,000.00 received, 6,000.00 outstanding
            Deal 1 is no longer paid in full: back to won.

            """)
        #expect(try r.ok(["contract", "show", "HT-001"]).stdout.hasSuffix("""
            Payments
              1  2026-11-23        6,000.00  → /1  转账
              2  2026-11-23        6,000.00  → /2  转账  void since 2026-11-24: 记错了

            """))
        let payments = try #require((try r.json(["contract", "show", "HT-001", "--json"]) as? [String: Any])?["payments"] as? [[String: Any]])
        #expect(payments.map { $0["voided_at"] as? String } == [nil, "2026-11-24 09:00"])
        #expect(try r.ok(["show", "wjg"]).stdout.contains("received 6,000.00 CNY on HT-001/2 · 转账 — void since 2026-11-24: 记错了\n"))
        #expect(try r.ok(["today", "--json"], environment: ["RAPPORT_TODAY": "2026-12-23"]).stdout.contains("HT-001"))
        try r.expectRefused(["pay", "void", "2"], "payment 2 is already void (since 2026-11-24)")
        try r.expectRefused(["pay", "void", "99"], "no payment \"99\"")
        // The payment command itself is as it was
        #expect(try r.ok(["pay", "HT-001/2", "6000"], environment: moment).stdout.hasSuffix("Deal 1 is paid in full: moved to paid.\n"))
        #expect(try r.run(["pay", "void", "x"]).status == 64)
    }
}
