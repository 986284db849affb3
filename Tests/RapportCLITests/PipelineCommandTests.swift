import Foundation
import Testing

/// Products, deals, contracts, payments, the funnel and the pipeline's reminders, through
/// the built binary on a temporary book. Today is Monday 2026-11-23 unless a command says
/// otherwise (`RAPPORT_TODAY` with a time fixes the moment of a write). Every expected line
/// is worked out by hand from the rules in docs/usage.md.
struct PipelineCommandTests {
    /// Runs `arguments` at `moment` (`2026-10-01 09:00`) instead of today.
    @discardableResult
    private func at(_ r: RapportBinary, _ moment: String, _ arguments: [String]) throws -> RapportBinary.Result {
        try r.ok(arguments, environment: ["RAPPORT_TODAY": moment])
    }

    private func object(_ value: Any?) throws -> [String: Any] { try #require(value as? [String: Any]) }
    private func objects(_ value: Any?) throws -> [[String: Any]] { try #require(value as? [[String: Any]]) }
    private func minorUnits(_ money: Any?) throws -> Int? { try object(money)["minor_units"] as? Int }
    private func status(_ r: RapportBinary, _ customer: String) throws -> String? {
        try object(try object(try r.json(["show", customer, "--json"]))["customer"])["status"] as? String
    }

    // MARK: - Products and line items

    @Test func productsPriceTheLineItemsOfADeal() throws {
        let r = try RapportBinary()
        // Given a catalogue, prices typed three ways
        #expect(try r.ok(["product", "add", "CRM-PRO", "CRM专业版", "--price", "4800"]).stdout == "Product CRM-PRO: CRM专业版 · 4,800.00 CNY\n")
        #expect(try r.ok(["product", "add", "SVC", "实施服务", "--price", "1.2万"]).stdout == "Product SVC: 实施服务 · 12,000.00 CNY\n")
        #expect(try r.ok(["product", "add", "OLD-1", "旧版", "--price", "12,000.50"]).stdout == "Product OLD-1: 旧版 · 12,000.50 CNY\n")
        #expect(try r.ok(["product", "edit", "OLD-1", "--no-active"]).stdout == "Product OLD-1: 旧版 · 12,000.50 CNY · not offered\n")
        // Then the list shows what is offered, by code; columns measured in cells (CRM专业版 is 9)
        #expect(try r.ok(["product", "list"]).stdout == """
            Code     Name               Price
            CRM-PRO  CRM专业版   4,800.00 CNY
            SVC      实施服务   12,000.00 CNY

            """)
        #expect(try r.ok(["product", "list", "--all"]).stdout.contains("OLD-1    旧版       12,000.50 CNY  not offered\n"))
        try r.expectRefused(["product", "add", "crm-pro", "again", "--price", "1"],
                          "a product with code \"CRM-PRO\" exists; change it with `rapport product edit`")

        // When a deal is added with two lines: 3 × 4,800.00 less 10 % = 12,960.00, and SVC at 9,999.50
        try r.ok(["add", "王建国", "--company", "华信科技有限公司"])
        let added = try r.ok(["deal", "add", "wjg", "年度服务", "--item", "CRM-PRO x3 -10%", "--item", "SVC @9,999.50", "--close", "月底"])
        // Then its amount is their total, 22,959.50, and it closes at the end of the month
        #expect(added.stdout == "Deal 1 for 王建国 (#1): 年度服务 · 22,959.50 CNY · lead 10% · close 2026-11-30\n")
        let deal = try object(try object(try r.json(["deal", "show", "1", "--json"]))["deal"])
        #expect(try minorUnits(deal["amount"]) == 2_295_950)
        #expect(try object(deal["amount"])["amount"] as? String == "22959.50")
        let items = try objects(deal["items"])
        #expect(items.map { $0["description"] as? String } == ["CRM-PRO CRM专业版", "SVC 实施服务"])
        #expect(items.map { $0["quantity"] as? Int } == [3, 1])
        #expect(try items.map { try minorUnits($0["unit_price"]) } == [480_000, 999_950])
        #expect(items.map { $0["discount_basis_points"] as? Int } == [1_000, 0])
        #expect(try items.map { try minorUnits($0["total"]) } == [1_296_000, 999_950])
        // And the customer, a lead until now, is a prospect
        #expect(try status(r, "wjg") == "prospect")

        // And a line naming no product, or a quantity of none, is refused naming it
        try r.expectRefused(["deal", "add", "wjg", "x", "--item", "NOPE x2"],
                          "invalid product \"NOPE\"; no product has this code; add it with `rapport product add`, or give a price: NOPE @12000")
        try r.expectRefused(["deal", "add", "wjg", "x", "--item", "CRM-PRO x0"], "invalid quantity \"x0\"; write x3 for three")
    }

    // MARK: - Amounts

    @Test func amountsAreTypedAsDigitsWithGroupsOrInWanAndAnythingElseIsRefusedNamingIt() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        // Given amounts typed as the seller types them / Then each is read exactly
        for (n, (typed, shown)) in [("12000", "12,000.00"), ("12,000.50", "12,000.50"), ("1.2万", "12,000.00"), ("0.05万", "500.00"),
                                    ("3", "3.00"), ("1,234,567.8", "1,234,567.80")].enumerated() {
            #expect(try r.ok(["deal", "add", "wjg", "d\(n + 1)", "--amount", typed]).stdout
                    == "Deal \(n + 1) for 王建国 (#1): d\(n + 1) · \(shown) CNY · lead 10%\n")
        }
        // And anything else is refused, quoting it, with nothing written
        for (typed, message) in [
            ("12k", "unreadable amount \"12k\"; write 12000, 12,000.50, 1.2万 or ¥12,000"),
            ("1,2,3", "unreadable amount \"1,2,3\"; write 12000, 12,000.50, 1.2万 or ¥12,000"),
            ("12,00", "unreadable amount \"12,00\"; write 12000, 12,000.50, 1.2万 or ¥12,000"),
            ("12.", "unreadable amount \"12.\"; write 12000, 12,000.50, 1.2万 or ¥12,000"),
            ("万", "unreadable amount \"万\"; write 12000, 12,000.50, 1.2万 or ¥12,000"),
            ("12.345", "amount \"12.345\" has more decimals than the currency allows"),
            ("1.2345678万", "amount \"1.2345678万\" has more decimals than the currency allows"),
            ("-5", "amount \"-5\" is negative; amounts are positive"),
        ] {
            try r.expectRefused(["deal", "add", "wjg", "x", "--amount=" + typed], message)
        }
    }

    // MARK: - Moves and checklists

    @Test func aMoveWithUntickedItemsIsRefusedUntilTheyAreTickedOrForced() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["add", "李明"])
        #expect(try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "1.2万", "--stage", "needs"]).stdout
                == "Deal 1 for 王建国 (#1): 年度服务 · 12,000.00 CNY · needs 40%\n")
        // When it is moved on with the four SPIN items unticked / Then it is refused, listing them, and nothing is written
        try r.expectRefused(["deal", "move", "1", "proposal", "--note", "x"],
                          "deal 1 cannot leave needs for proposal with 4 items unticked: 1. situation understood 现状; "
                            + "2. problem understood 问题; 3. implication understood 影响; 4. need-payoff understood 需求效益 — "
                            + "tick them with --done 1,2,3,4 or --done all, or move with --force")
        // When two are ticked with it / Then the other two are named by the numbers they were listed with, and still nothing is written
        try r.expectRefused(["deal", "move", "wjg", "proposal", "--done", "1,2"],
                          "deal 1 cannot leave needs for proposal with 2 items unticked: 3. implication understood 影响; "
                            + "4. need-payoff understood 需求效益 — tick them with --done 3,4 or --done all, or move with --force")
        try r.expectRefused(["deal", "move", "1", "proposal", "--done", "5"], "invalid --done \"5\"; use numbers from 1 to 4, or all")
        // When it is forced with a note / Then it moves, and the history keeps the note
        #expect(try r.ok(["deal", "move", "1", "proposal", "--force", "--note", "老板拍板"]).stdout == "Deal 1: needs → proposal (60%)\n")
        let detail = try object(try r.json(["deal", "show", "1", "--json"]))
        let history = try objects(detail["history"])
        #expect(history.map { $0["stage"] as? String } == ["needs", "proposal"])
        #expect(history.map { $0["note"] as? String } == ["", "老板拍板"])
        #expect(history[0]["left_at"] as? String == history[1]["at"] as? String)
        #expect(try objects(detail["checklist"]).filter { $0["ticked"] as? Bool == true }.isEmpty)
        // And ticking all on the way lets a move through, saying how many were ticked
        try r.ok(["deal", "add", "李明", "二期", "--amount", "5000", "--stage", "needs"])
        #expect(try r.ok(["deal", "move", "李明", "proposal", "--done", "all", "--note", "需求确认"]).stdout
                == "Deal 2: needs → proposal (60%), 4 items ticked\n")
        #expect(try objects(try object(try r.json(["deal", "show", "2", "--json"]))["checklist"])
                    .filter { $0["ticked"] as? Bool == true }.map { $0["stage"] as? String } == Array(repeating: "needs", count: 4))
        // One numbering: after `deal check` ticks 1 and 2, --done counts every item as `deal check` and `deal show` list them
        try r.ok(["deal", "add", "李明", "三期", "--amount", "5000", "--stage", "needs"])
        #expect(try r.ok(["deal", "check", "3", "1", "2"]).stdout.contains("  3. [ ] implication understood 影响\n"))
        try r.expectRefused(["deal", "move", "3", "proposal", "--done", "3"],
                          "deal 3 cannot leave needs for proposal with 1 item unticked: 4. need-payoff understood 需求效益 — "
                            + "tick them with --done 4 or --done all, or move with --force")
        #expect(try r.ok(["deal", "move", "3", "proposal", "--done", "3,4", "--note", "需求确认"]).stdout
                == "Deal 3: needs → proposal (60%), 2 items ticked\n")
        // And going back needs no checklist
        #expect(try r.ok(["deal", "move", "2", "needs", "--note", "重新评估"]).stdout == "Deal 2: proposal → needs (40%)\n")
    }

    @Test func anUnknownStageALostDealAndALossWithoutAReasonAreRefused() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "12000"])
        // An unknown stage, an ambiguous one, and a loss without a reason or with an unknown one write nothing
        try r.expectRefused(["deal", "move", "1", "negotiation"],
                          "invalid stage \"negotiation\"; use one of lead, qualified, needs, proposal, closing, won, paid, lost")
        try r.expectRefused(["deal", "move", "1", "p"], "invalid stage \"p\"; use one of lead, qualified, needs, proposal, closing, won, paid, lost")
        try r.expectRefused(["deal", "lost", "1"],
                          "invalid lost reason \"\"; say why with --reason price|competitor|no-budget|no-decision|timing|other")
        try r.expectRefused(["deal", "move", "1", "lost"],
                          "invalid lost reason \"\"; say why with --reason price|competitor|no-budget|no-decision|timing|other")
        try r.expectRefused(["deal", "lost", "1", "--reason", "cheap"],
                          "invalid lost reason \"cheap\"; use one of price, competitor, no-budget, no-decision, timing, other")
        // When it is lost with a reason / Then it says so, and keeps the reason and the note
        #expect(try r.ok(["deal", "lost", "wjg", "--reason", "competitor", "--note", "选了友商"]).stdout == "Deal 1 lost (competitor): 选了友商\n")
        let deal = try object(try object(try r.json(["deal", "show", "1", "--json"]))["deal"])
        #expect(deal["stage"] as? String == "lost")
        #expect(deal["lost_reason"] as? String == "competitor")
        #expect(deal["lost_note"] as? String == "选了友商")
        // The list, its JSON, the deals export and the card name the reason too
        #expect(try r.ok(["deal", "list", "--all"]).stdout.contains("lost (competitor)"))
        let listed = try #require((try r.json(["deal", "list", "--all", "--json"]) as? [[String: Any]])?.first)
        #expect(listed["lost_reason"] as? String == "competitor" && listed["lost_note"] as? String == "选了友商")
        let csv = try r.ok(["export", "--format", "csv", "--kind", "deals"]).stdout
        // (after the byte-order mark Excel wants)
        #expect(csv.hasPrefix("\u{FEFF}Id,Customer,Company,Title,Stage,Amount,Currency,Probability,Expected Close,Last Activity,Lost Reason,Lost Note\r\n"))
        #expect(csv.contains(",lost,") && csv.contains(",competitor,选了友商"))
        #expect(try r.ok(["deal", "show", "1"]).stdout.contains("competitor"))
        #expect(try r.ok(["show", "wjg"]).stdout.contains("lost (competitor)"))
        // And it cannot move anywhere, forced or not; by its customer it is no longer an open deal
        for stage in ["lead", "needs", "won", "paid"] {
            try r.expectRefused(["deal", "move", "1", stage, "--force"], "deal 1 is lost; a lost deal cannot move (add a new deal instead)")
        }
        try r.expectRefused(["deal", "won", "1", "--force"], "deal 1 is lost; a lost deal cannot move (add a new deal instead)")
        try r.expectRefused(["deal", "move", "wjg", "needs"], "王建国 has no open deal; add one with `rapport deal add`")
        try r.expectRefused(["deal", "move", "7", "needs"], "no deal \"7\"")
    }

    // MARK: - Winning and payments

    /// `deal move N won` takes what `deal won` takes; the contract options are refused for another stage.
    @Test func aMoveToWonTakesTheContractOptions() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "3.6万", "--stage", "closing"])
        let refused = try r.run(["deal", "move", "1", "proposal", "--instalments", "3"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("the contract options (--instalments, --term, --amount, --playbook, …) are for a move to won"))
        let won = try r.ok(["deal", "move", "1", "won", "--done", "all", "--instalments", "3", "--term", "12", "--number", "HT-7",
                            "--no-playbook", "--note", "签约"]).stdout
        #expect(won.hasPrefix("Deal 1 won: contract HT-7, 36,000.00 CNY, 2026-11-23 to 2027-11-22\n"))
        let contract = try object(try object(try r.json(["deal", "show", "1", "--json"]))["contract"])
        #expect((contract["instalments"] as? [Any])?.count == 3)
    }

    @Test func aWonDealsContractIsPaidInPartsUntilTheDealIsPaid() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        #expect(try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "3.6万", "--close", "月底"]).stdout
                == "Deal 1 for 王建国 (#1): 年度服务 · 36,000.00 CNY · lead 10% · close 2026-11-30\n")
        // Winning from lead leaves needs (4), proposal (3) and closing (2) behind: 9 items
        try r.expectRefused(["deal", "won", "1", "--instalments", "3"], "deal 1 cannot leave needs, proposal, closing for won with 9 items "
                            + "unticked: 1. situation understood 现状; 2. problem understood 问题; 3. implication understood 影响; "
                            + "4. need-payoff understood 需求效益; 5. real decision maker identified 找到真正的决策者; "
                            + "6. expectations and end time agreed 设定期望与结束时间; 7. value stated for each level of the buyer 讲清各层级的价值; "
                            + "8. objections recorded 记录异议; 9. terms agreed 谈妥条款 — tick them with --done 1,2,3,4,5,6,7,8,9 or --done all, or move with --force")
        // When it is won with the items ticked, a year's term, three instalments and the onboarding playbook:
        // the term ends the day before 2027-11-23; 36,000.00 / 3 = 12,000.00 monthly from 11-23
        // (12-23 is 30 days on, 01-23 61); onboarding is +1d Tue 11-24, +3d Thu 11-26, +30d Wed 12-23
        let won = try r.ok(["deal", "won", "wjg", "--done", "all", "--instalments", "3", "--term", "12", "--playbook", "onboarding", "--note", "签约"])
        #expect(won.stdout == """
            Deal 1 won: contract 2026-001, 36,000.00 CNY, 2026-11-23 to 2027-11-22
              2026-001/1  2026-11-23       12,000.00  today
              2026-001/2  2026-12-23       12,000.00  in 30 days
              2026-001/3  2027-01-23       12,000.00  in 61 days
            Planned 3 follow-ups (onboarding): Tue 2026-11-24, Thu 2026-11-26, Wed 2026-12-23

            """)
        #expect(try status(r, "wjg") == "customer")
        // Paid needs the money in
        try r.expectRefused(["deal", "move", "1", "paid"],
                          "deal 1 still has 36,000.00 CNY outstanding on its contract; record the payments with `rapport pay`, or move with --force")

        // When 12000 comes in, named by the customer / Then it fills the first instalment
        #expect(try r.ok(["pay", "wjg", "12000"]).stdout == """
            Received 12,000.00 CNY on 2026-11-23: 2026-001/1 12,000.00
            Contract 2026-001: 12,000.00 of 36,000.00 received, 24,000.00 outstanding

            """)
        // When 12,000.50 comes in on the contract / Then the second instalment is paid and 0.50 goes on the third
        #expect(try r.ok(["pay", "2026-001", "12,000.50"]).stdout == """
            Received 12,000.50 CNY on 2026-11-23: 2026-001/2 12,000.00, 2026-001/3 0.50
            Contract 2026-001: 24,000.50 of 36,000.00 received, 11,999.50 outstanding

            """)
        // When 1.2万 is paid on the third, 0.50 more than is owed / Then it is refused, and so is an unreadable amount
        try r.expectRefused(["pay", "2026-001/3", "1.2万"],
                          "paying 12,000.00 is more than the 11,999.50 outstanding on contract 2026-001; add --allow-overpay to record it anyway")
        try r.expectRefused(["pay", "2026-001", "12k"], "unreadable amount \"12k\"; write 12000, 12,000.50, 1.2万 or ¥12,000")
        try r.expectRefused(["pay", "2026-001/4", "1"], "no instalment \"2026-001/4\"")
        try r.expectRefused(["pay", "2026-001", "1", "--on", "tomorrow"], "invalid --on \"tomorrow\"; a payment cannot be recorded in the future")
        // The contract as it stands
        #expect(try r.ok(["contract", "show", "2026-001"]).stdout == """
            Contract 2026-001  王建国 (#1) · deal 1 年度服务
            Contract 2026-001 · signed 2026-11-23 · 2026-11-23 to 2027-11-22
              36,000.00 CNY · received 24,000.50 · outstanding 11,999.50
              2026-001/1  2026-11-23       12,000.00  paid
              2026-001/2  2026-12-23       12,000.00  paid
              2026-001/3  2027-01-23       12,000.00  11,999.50 to pay, in 61 days

            Payments
              1  2026-11-23       12,000.00  → /1
              2  2026-11-23       12,000.00  → /2
              3  2026-11-23            0.50  → /3

            """)
        // When it is allowed, dated yesterday / Then the contract is overpaid by 0.50 and the deal is paid
        #expect(try r.ok(["pay", "2026-001/3", "1.2万", "--allow-overpay", "--on", "yesterday", "--note", "银行转账"]).stdout == """
            Received 12,000.00 CNY on 2026-11-22: 2026-001/3 12,000.00
            Contract 2026-001: 36,000.50 of 36,000.00 received, overpaid by 0.50
            Deal 1 is paid in full: moved to paid.

            """)
        let contract = try object(try r.json(["contract", "show", "2026-001", "--json"]))
        #expect(try minorUnits(contract["received"]) == 3_600_050)
        #expect(try minorUnits(contract["outstanding"]) == -50)
        #expect(try objects(contract["instalments"]).map { $0["paid"] as? Bool } == [true, true, true])
        // Payments by day: yesterday's first
        let payments = try objects(contract["payments"])
        #expect(payments.map { $0["paid_on"] as? String } == ["2026-11-22", "2026-11-23", "2026-11-23", "2026-11-23"])
        #expect(try payments.map { try minorUnits($0["amount"]) } == [1_200_000, 1_200_000, 1_200_000, 50])
        #expect(payments.map { $0["note"] as? String } == ["银行转账", "", "", ""])
        let deal = try object(try r.json(["deal", "show", "1", "--json"]))
        #expect(try object(deal["deal"])["stage"] as? String == "paid")
        #expect(try objects(deal["history"]).map { $0["stage"] as? String } == ["lead", "won", "paid"])
        // And a paid deal is finished; nothing more is owed
        try r.expectRefused(["deal", "move", "1", "lead", "--force"], "deal 1 is paid; it is finished and cannot move")
        try r.expectRefused(["pay", "wjg", "1"], "\"王建国\" owes nothing on any contract")
    }

    @Test func aWinTakesTheContractsNumberDatesAmountAndPlan() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["deal", "add", "wjg", "年度服务", "--amount", "1.8万", "--stage", "closing"])
        // --end and --term together are a wrong command line: exit 64, nothing written
        let before = try r.snapshot()
        #expect(try r.run(["deal", "won", "1", "--force", "--end", "2027-11-30", "--term", "12"]).status == 64)
        #expect(try r.snapshot() == before)
        // When it is won for 2万 under its own number, signed 11-20, running 12-01 to 2027-11-30,
        // 30 % on 12-01 (6,000.00, in 8 days) and the rest, 14,000.00, on 2027-01-15
        // (7 days to November's end, 31 in December, 15: in 53 days), without the playbook
        let won = try r.ok(["deal", "won", "1", "--done", "all", "--number", "HT-0451", "--signed", "2026-11-20", "--start", "2026-12-01",
                            "--end", "2027-11-30", "--amount", "2万", "--plan", "2026-12-01 30%, 2027-01-15 rest", "--no-playbook"])
        #expect(won.stdout == """
            Deal 1 won: contract HT-0451, 20,000.00 CNY, 2026-12-01 to 2027-11-30
              HT-0451/1  2026-12-01        6,000.00  in 8 days
              HT-0451/2  2027-01-15       14,000.00  in 53 days

            """)
        let contract = try object(try r.json(["contract", "show", "HT-0451", "--json"]))
        #expect(contract["deal_id"] as? Int == 1)
        #expect(contract["signed_on"] as? String == "2026-11-20")
        #expect(contract["starts_on"] as? String == "2026-12-01")
        #expect(contract["ends_on"] as? String == "2027-11-30")
        #expect(try minorUnits(contract["amount"]) == 2_000_000)
        #expect(try objects(contract["instalments"]).map { $0["due_on"] as? String } == ["2026-12-01", "2027-01-15"])
        #expect(try objects(try object(try r.json(["show", "wjg", "--json"]))["open_follow_ups"]).isEmpty)
    }

    @Test func aContractSignedWithoutADealTakesATypedPlan() throws {
        let r = try RapportBinary()
        try r.ok(["add", "李明"])
        // 30 % of 20,000.00 is 6,000.00 on 12-01; 14,000.00 is the rest, on 2027-01-15
        #expect(try r.ok(["contract", "add", "李明", "--amount", "2万", "--number", "HT-0451", "--signed", "2026-11-20",
                          "--plan", "2026-12-01 30%, 2027-01-15 rest"]).stdout == """
            Contract HT-0451 for 李明 (#1): 20,000.00 CNY
              HT-0451/1  2026-12-01        6,000.00  in 8 days
              HT-0451/2  2027-01-15       14,000.00  in 53 days

            """)
        try r.expectRefused(["contract", "add", "李明", "--amount", "1万", "--number", "ht-0451"],
                          "contract number \"HT-0451\" is taken; choose another with --number")
        try r.expectRefused(["contract", "add", "李明", "--amount", "1万", "--plan", "2026-12-01 3000, 2027-01-01 3000"],
                          "invalid payment plan \"6,000.00\"; the entries must add up to 10,000.00, or end one with rest")
        // A payment on the contract fills its first instalment
        #expect(try r.ok(["pay", "HT-0451", "6000"]).stdout.hasPrefix("Received 6,000.00 CNY on 2026-11-23: HT-0451/1 6,000.00\n"))
    }

    // MARK: - The funnel

    /// A book made over two months (each write at its moment):
    /// 1 年度服务 王建国 36,000.00, added 10-01, moved to needs 10-11 (a lead stay of 10 days), closes 12-15;
    /// 2 试点 Anna 10,000.00, added 10-05, still a lead, was to close 11-10;
    /// 3 二期 王建国 12,000.00, added 09-01, won 10-01 (30 days) in two instalments of 6,000.00
    ///   due 10-01 and 11-01, the first paid on 11-05;
    /// 4 丢单 Anna 8,000.00, added 10-05, lost 10-20 (15 days).
    private func funnelBook() throws -> RapportBinary {
        let r = try RapportBinary()
        try at(r, "2026-09-01 09:00", ["add", "王建国"])
        try at(r, "2026-09-01 09:00", ["add", "Anna"])
        try at(r, "2026-10-01 09:00", ["deal", "add", "wjg", "年度服务", "--amount", "3.6万", "--close", "2026-12-15"])
        try at(r, "2026-10-11 09:00", ["deal", "move", "1", "needs"])
        try at(r, "2026-10-05 09:00", ["deal", "add", "anna", "试点", "--amount", "10000", "--close", "2026-11-10"])
        try at(r, "2026-09-01 09:00", ["deal", "add", "wjg", "二期", "--amount", "12000"])
        try at(r, "2026-10-01 09:00", ["deal", "won", "3", "--force", "--no-playbook", "--instalments", "2"])
        try at(r, "2026-11-05 10:00", ["pay", "2026-001", "6000"])
        try at(r, "2026-10-05 09:00", ["deal", "add", "anna", "丢单", "--amount", "8000"])
        try at(r, "2026-10-20 09:00", ["deal", "lost", "4", "--reason", "price"])
        return r
    }

    @Test func theFunnelShowsEachStageTheForecastAndTheMoney() throws {
        let r = try funnelBook()
        // lead: deal 2, 10,000.00 × 10 % = 1,000.00; stays ended: 10 + 30 + 15 = 55 / 3 = 18.3 days;
        //   entered 4 times (1 → needs, 3 → won, 4 → lost, 2 still there): 2 of 4 went on, 50 %.
        // needs: deal 1, 36,000.00 × 40 % = 14,400.00; entered once, still there: 0 %.
        // won: deal 3, 12,000.00 at 100 %; entered once, still there: 0 %.
        // lost: deal 4, 8,000.00 (no weighted amount shown).
        // Forecast: deal 2's 11-10 has passed; deal 1 closes in December.
        // Payments: 6,000.00 came in on 11-05; 6,000.00 due 11-01 is overdue, and all that is owed.
        #expect(try r.ok(["funnel"]).stdout == """
            Funnel · Mon 2026-11-23  (moves since 2026-08-25)

            Stage           Deals         Amount       Weighted  Avg days  → next
            lead 线索           1  10,000.00 CNY   1,000.00 CNY      18.3     50%
            qualified 验证      0              0              0
            needs 需求          1  36,000.00 CNY  14,400.00 CNY                0%
            proposal 方案       0              0              0
            closing 谈判        0              0              0
            won 赢单            1  12,000.00 CNY  12,000.00 CNY                0%
            paid 回款 *         0              0              0
            lost 输单 *         1   8,000.00 CNY
            * since 2026-08-25

            Forecast by expected close
            Month     Deals         Amount       Weighted
            past due      1  10,000.00 CNY   1,000.00 CNY
            2026-11       0              0              0
            2026-12       1  36,000.00 CNY  14,400.00 CNY
            2027-01       0              0              0

            Payments (回款) this month
              collected            6,000.00 CNY
              due                      0.00 CNY  (rest of the month)
              overdue              6,000.00 CNY
              outstanding          6,000.00 CNY  (all contracts)

            """)
    }

    @Test func theFunnelAsJSONGivesEveryFigure() throws {
        let r = try funnelBook()
        let funnel = try object(try r.json(["funnel", "--json"]))
        #expect(funnel["date"] as? String == "2026-11-23")
        #expect(funnel["window_start"] as? String == "2026-08-25")
        let stages = try objects(funnel["stages"])
        #expect(stages.map { $0["stage"] as? String } == ["lead", "qualified", "needs", "proposal", "closing", "won", "paid", "lost"])
        #expect(stages.map { $0["count"] as? Int } == [1, 0, 1, 0, 0, 1, 0, 1])
        func firstTotal(_ i: Int, _ key: String) throws -> Int? {
            try objects(stages[i]["totals"]).first.map { try minorUnits($0[key]) } ?? nil
        }
        #expect(try (0..<8).map { try firstTotal($0, "amount") } == [1_000_000, nil, 3_600_000, nil, nil, 1_200_000, nil, 800_000])
        #expect(try (0..<8).map { try firstTotal($0, "weighted") } == [100_000, nil, 1_440_000, nil, nil, 1_200_000, nil, 0])
        // 55 / 3 = 18.33…, given to one digit
        #expect(stages[0]["average_days"] as? Double == 18.3)
        #expect(stages[1...].allSatisfy { $0["average_days"] is NSNull })
        #expect(stages.map { $0["entered"] as? Int } == [4, 0, 1, 0, 0, 1, 0, 1])
        #expect(stages.map { $0["advanced"] as? Int } == [2, 0, 0, 0, 0, 0, 0, 0])
        #expect(stages[0]["conversion"] as? Double == 0.5)
        #expect(stages[2]["conversion"] as? Double == 0)
        #expect(stages[1]["conversion"] is NSNull)
        #expect(try object(stages[0]["totals"].flatMap { ($0 as? [Any])?.first })["currency"] as? String == "CNY")

        let forecast = try objects(funnel["forecast"])
        #expect(forecast.map { $0["month"] as? String } == ["2026-11", "2026-12", "2027-01"])
        #expect(forecast.map { $0["count"] as? Int } == [0, 1, 0])
        #expect(try minorUnits(try objects(forecast[1]["totals"])[0]["weighted"]) == 1_440_000)
        let pastDue = try object(funnel["past_due"])
        #expect(pastDue["month"] is NSNull)
        #expect(pastDue["count"] as? Int == 1)
        #expect(try minorUnits(try objects(pastDue["totals"])[0]["weighted"]) == 100_000)

        let collections = try objects(funnel["collections"])
        #expect(collections.count == 1)
        #expect(collections[0]["currency"] as? String == "CNY")
        #expect(try ["collected_this_month", "due_this_month", "overdue", "outstanding"].map { try minorUnits(collections[0][$0]) }
                == [600_000, 0, 600_000, 600_000])
        #expect(try object(collections[0]["outstanding"])["amount"] as? String == "6000.00")
    }

    // MARK: - Today

    /// 王建国's deal, added 10-01 to close 11-20, untouched since; 李明's contract 2025-001,
    /// signed 2025-12-24 for 12 months (to 2026-12-23), 6,000.00 in two instalments from
    /// 11-20, 1,000.00 of the first paid.
    private func remindersBook() throws -> RapportBinary {
        let r = try RapportBinary()
        try at(r, "2026-10-01 09:00", ["add", "王建国"])
        try at(r, "2026-10-01 09:00", ["deal", "add", "wjg", "年度服务", "--amount", "1.2万", "--close", "2026-11-20"])
        try at(r, "2026-10-01 09:00", ["add", "李明"])
        try r.ok(["contract", "add", "李明", "--amount", "6000", "--signed", "2025-12-24", "--term", "12", "--instalments", "2",
                  "--first", "2026-11-20"])
        try r.ok(["pay", "李明", "1000"])
        return r
    }

    @Test func todayShowsThePaymentTheStuckDealThePassedCloseAndTheRenewal() throws {
        let r = try remindersBook()
        let text = try r.ok(["today"]).stdout
        // 3,000.00 − 1,000.00 = 2,000.00 of the first instalment, due 11-20, 3 days ago;
        // the deal untouched 10-01 → 11-23: 30 + 23 = 53 days; its close 11-20, 3 days ago;
        // the contract ends 12-23, in 30 days, the window's last day
        for block in [
            "Payments due (回款) (1) · most urgent first\n  李明      2,000.00 CNY on 2025-001/1 is 3 days overdue (due 2026-11-20)  #2\n",
            "Stuck deals (1) · most urgent first\n  王建国    in lead, nothing done for 53 days: 年度服务 (12,000.00 CNY)  #1 d1\n",
            "Deals past their close date (1) · most urgent first\n  王建国    in lead, expected to close 2026-11-20, 3 days ago: 年度服务 (12,000.00 CNY)  #1 d1\n",
            "Contracts up for renewal (1) · most urgent first\n  李明      contract 2025-001 ends in 30 days (2026-12-23) — renew?  #2\n",
        ] {
            #expect(text.contains(block), "\(text)")
        }
        let items = try objects(try object(try r.json(["today", "--json"]))["items"])
        let byRule = Dictionary(grouping: items) { $0["rule"] as? String ?? "" }
        let payment = try #require(byRule["payment"]?.first)
        #expect(payment["contract_id"] as? Int == 1)
        #expect(payment["instalment_id"] as? Int == 1)
        #expect(payment["days"] as? Int == 3)
        #expect(byRule["stuck"]?.map { $0["deal_id"] as? Int } == [1])
        #expect(byRule["stuck"]?.map { $0["days"] as? Int } == [53])
        #expect(byRule["close-passed"]?.map { $0["days"] as? Int } == [3])
        #expect(byRule["renewal"]?.map { $0["days"] as? Int } == [30])
        #expect(byRule["renewal"]?.map { $0["contract_id"] as? Int } == [1])
    }

    /// Each rule on the days either side of its boundary: (day, rules expected among the pipeline's).
    @Test(arguments: [
        // the deal is untouched 21 days on 10-22 (not stuck), 22 on 10-23; nothing else is due yet
        ("2026-10-22", [String]()),
        ("2026-10-23", ["stuck"]),
        // 11-13: the first instalment (11-20) is 7 days ahead, shown; 11-12: 8 days, not yet
        ("2026-11-12", ["stuck"]),
        ("2026-11-13", ["payment", "stuck"]),
        // 11-20: the close day itself has not passed; 11-21 it has
        ("2026-11-20", ["payment", "stuck"]),
        ("2026-11-21", ["payment", "stuck", "close-passed"]),
        // 11-22: the contract's end is 31 days ahead; 11-23: 30, shown
        ("2026-11-22", ["payment", "stuck", "close-passed"]),
        ("2026-11-23", ["payment", "stuck", "close-passed", "renewal"]),
    ])
    func eachPipelineRuleStartsOnItsDay(day: String, expected: [String]) throws {
        var r = try remindersBook()
        r.today = day
        let items = try objects(try object(try r.json(["today", "--json"]))["items"])
        let pipeline: Set = ["payment", "stuck", "close-passed", "renewal"]
        #expect(Set(items.compactMap { $0["rule"] as? String }).intersection(pipeline) == Set(expected))
    }
}
