import RapportCore
import Testing
@testable import RapportTUI

/// Presentation as tables of cases, each expectation worked out by hand from the function's
/// rule and the cell widths (CJK and 🌸 two cells; "…", "—", "·", "→" one). Today is
/// Mon 2026-11-23 (`Fx`), the settings the defaults: cadence A and B 14 days, C 30, none 60.
struct PresentationTests {
    static func yuan(_ fen: Int64) -> Money { Money(minorUnits: fen, currency: .yuan) }
    static func money(_ minor: Int64, _ code: String) -> Money { Money(minorUnits: minor, currency: Currency(code: code)) }

    // MARK: - Amounts

    /// Whole units (the fraction dropped, not rounded); yuan from 10,000 in 万 and from 10^8 in
    /// 亿, other currencies from 10,000 in k and from 10^6 in M, in tenths rounded half up.
    @Test(arguments: [
        (yuan(0), "0"),
        (yuan(432_000), "4,320"),
        (yuan(999_999), "9,999"),                // 9,999.99: the fen are dropped
        (yuan(1_000_000), "1万"),                // 10 tenths: no ".0"
        (yuan(1_200_000), "1.2万"),
        (yuan(1_249_900), "1.2万"),              // 12,499: 12.499 tenths
        (yuan(1_250_000), "1.3万"),              // 12,500: half up
        (yuan(333_100_000), "333.1万"),
        (yuan(9_999_999_900), "10000万"),        // 99,999,999 rounds up to 10,000.0万, below the 亿 step
        (yuan(10_000_000_000), "1亿"),
        (yuan(25_000_000_000), "2.5亿"),
        (yuan(-1_200_000), "-1.2万"),
        (yuan(-432_000), "-4,320"),
        (money(-5, "EUR"), "0"),                 // -0.05: no whole unit, no sign
        (money(999_900, "USD"), "9,999"),
        (money(1_000_000, "USD"), "10k"),
        (money(1_234_500, "USD"), "12.3k"),
        (money(99_999_900, "USD"), "1000k"),     // 999,999 rounds to 1,000.0k, below the M step
        (money(330_000_000, "USD"), "3.3M"),
        (money(12_345, "JPY"), "12.3k"),         // no minor unit
        (money(12_345_678, "KWD"), "12.3k"),     // three digits of fils
    ])
    func compactAmounts(_ money: Money, expected: String) {
        #expect(Presentation.compact(money) == expected)
    }

    // MARK: - Today

    /// Name and company columns of width/5 cells, at least 8 and 6, at most 20; the reason
    /// follows whole (the renderer cuts the line).
    @Test(arguments: [
        // 30: 8 and 6. 华信科技有限公司 in 6 keeps 5 cells of budget: 华信 and "…", then a blank.
        (Fx.rWang, 30, "  王建国" + sp(2) + "  " + "华信…" + sp(1) + "  " + "3 days overdue (due 2026-11-20): 报价单"),
        // 60: 12 and 12; 11 cells of budget: five characters and "…", then a blank.
        (Fx.rWang, 60, "  王建国" + sp(6) + "  " + "华信科技有…" + sp(1) + "  " + "3 days overdue (due 2026-11-20): 报价单"),
        (Fx.rWang, 100, "  王建国" + sp(14) + "  " + "华信科技有限公司" + sp(4) + "  " + "3 days overdue (due 2026-11-20): 报价单"),
        (Fx.rWang, 200, "  王建国" + sp(14) + "  " + "华信科技有限公司" + sp(4) + "  " + "3 days overdue (due 2026-11-20): 报价单"),
        // 80: 16 and 16.
        (Fx.rZoe, 80, "  Zoë Müller" + sp(6) + "  " + "Nordwind GmbH" + sp(3) + "  " + "1 day overdue (due 2026-11-22 14:30): Send contract"),
        (Fx.rOuyang, 60, "  欧阳子涵" + sp(4) + "  " + "中联医疗器…" + sp(1) + "  " + "due today at 10:00: 回访"),
        (Fx.rShan, 100, "  单田芳" + sp(14) + "  " + sp(20) + "  " + "C · 45 days since last contact (cadence 30)"),
        // 15 double-width characters cut to 12 cells: five and "…", then a blank.
        (reminder(named: "北京华信科技有限公司上海分公司"), 60, "  北京华信科…" + sp(1) + "  " + sp(12) + "  " + "C · 45 days since last contact (cadence 30)"),
        // An escape sequence shows as nothing and takes no cell.
        (reminder(named: "Eve\u{1B}[31m"), 60, "  Eve" + sp(9) + "  " + sp(12) + "  " + "C · 45 days since last contact (cadence 30)"),
    ])
    func todayLines(_ reminder: Reminder, width: Int, expected: String) {
        #expect(Presentation.todayLine(reminder, width: width) == expected)
    }

    static func reminder(named name: String) -> Reminder {
        var r = Fx.rShan
        r.customer.name = name
        return r
    }

    @Test(arguments: [
        (ReminderRuleKind.overdue, 7_288, StyledLine("Overdue follow-ups (7,288) · most urgent first", .alert)),
        (.due, 1, StyledLine("Due today (1) · most urgent first", .title)),
        (.forgotten, 0, StyledLine("Forgotten customers (0) · most urgent first", .title)),
    ])
    func todayHeadings(_ rule: ReminderRuleKind, total: Int, expected: StyledLine) {
        #expect(Presentation.todayHeading(rule, total: total) == expected)
    }

    @Test(arguments: [
        (2, 7_288, "  … 7,286 more — Enter shows more"),
        (10, 11, "  … 1 more — Enter shows more"),
    ])
    func moreLines(shown: Int, total: Int, expected: String) {
        #expect(Presentation.moreLine(shown: shown, total: total) == expected)
    }

    @Test(arguments: [
        (Fx.upcoming[0], "  Fri 2026-11-27 10:00  欧阳子涵 · 寄送样品"),
        (Fx.upcoming[1], "  Tue 2026-12-01  Zoë Müller"),
    ])
    func upcomingLines(_ followUp: DueFollowUp, expected: String) {
        #expect(Presentation.upcomingLine(followUp) == expected)
    }

    // MARK: - The customer list

    /// Good below 75 % of the cadence, warning up to it, alert past it; no cadence, no colour.
    @Test(arguments: [
        (0, 14, CellStyle.good), (10, 14, .good), (11, 14, .warning), (14, 14, .warning), (15, 14, .alert),
        (22, 30, .good), (23, 30, .warning), (30, 30, .warning), (31, 30, .alert), (100, 0, .normal),
    ])
    func cadenceStyles(daysSince: Int, cadence: Int, expected: CellStyle) {
        #expect(Presentation.cadenceStyle(daysSince: daysSince, cadence: cadence) == expected)
    }

    /// The width less 20 cells (margins, grade, days, next), at least 10: 11/20 of it for the
    /// name, the rest less 2 for the company.
    @Test(arguments: [(20, 5, 3), (30, 5, 3), (33, 7, 4), (44, 13, 9), (55, 19, 14), (110, 49, 39)])
    func listColumns(width: Int, name: Int, company: Int) {
        let columns = Presentation.listColumns(width: width)
        #expect(columns.name == name)
        #expect(columns.company == company)
    }

    @Test(arguments: [
        (33, " Name" + sp(4) + "Com…" + " Gr" + "  Last" + " Next"),
        (44, " Name" + sp(10) + "Company" + sp(3) + "Gr" + "  Last" + " Next"),
        (55, " Name" + sp(16) + "Company" + sp(8) + "Gr" + "  Last" + " Next"),
    ])
    func listTitles(width: Int, expected: String) {
        #expect(Presentation.listTitles(width: width) == expected)
    }

    /// A row in three pieces: " " name " " company " " grade (2); the days since contact
    /// right-aligned in 6, coloured against the grade's cadence (dim when not chased, a warning
    /// when never contacted); " " and the next follow-up as MM-DD, red when past.
    @Test(arguments: [
        // 33: name 7, company 4. 华信科技有限公司 in 4 keeps 3 cells: 华 and "…", then a blank.
        (Fx.rows[0], 33, [StyledLine(" 王建国" + sp(1) + " " + "华…" + sp(1) + " " + "A "),
                          StyledLine("   21d", .alert), StyledLine(" -3d", .alert)]),
        // 44: name 13, company 9 (8 cells of budget: four characters and "…").
        (Fx.rows[0], 44, [StyledLine(" 王建国" + sp(7) + " " + "华信科技…" + " " + "A "),
                          StyledLine("   21d", .alert), StyledLine(" -3d", .alert)]),
        (Fx.rows[0], 110, [StyledLine(" 王建国" + sp(43) + " " + "华信科技有限公司" + sp(23) + " " + "A "),
                           StyledLine("   21d", .alert), StyledLine(" -3d", .alert)]),
        // 欧阳子涵 (8 cells) in 7: 欧阳子 and "…". 3 of 14 days: good; the next is ahead.
        (Fx.rows[1], 33, [StyledLine(" 欧阳子…" + " " + "中…" + sp(1) + " " + "B "),
                          StyledLine("    3d", .good), StyledLine(" 11-27")]),
        // 55: name 19, company 14 (13 cells of budget: six characters and "…", then a blank).
        (Fx.rows[1], 55, [StyledLine(" 欧阳子涵" + sp(11) + " " + "中联医疗器械…" + sp(1) + " " + "B "),
                          StyledLine("    3d", .good), StyledLine(" 11-27")]),
        // No company, C: 45 of 30 days.
        (Fx.rows[2], 33, [StyledLine(" 单田芳" + sp(1) + " " + sp(4) + " " + "C "), StyledLine("   45d", .alert), StyledLine(" ")]),
        // Never contacted, no grade.
        (Fx.rows[4], 44, [StyledLine(" Li Ming" + sp(6) + " " + sp(9) + " " + "- "), StyledLine("     —", .warning), StyledLine(" ")]),
        // Dormant: not chased, so dim. 花漾 Studio (11 cells) in 9: "花漾 Stu" and "…".
        (Fx.rows[5], 44, [StyledLine(" Amy 🌸" + sp(7) + " " + "花漾 Stu…" + " " + "B "), StyledLine("  114d", .dim), StyledLine(" ")]),
    ])
    func listRows(_ row: CustomerRow, width: Int, expected: [StyledLine]) {
        #expect(Presentation.listRow(row, width: width, today: Fx.today, settings: .defaults) == expected)
    }

    /// Today is Fx.today; the column must never read an old date as a coming one.
    @Test(arguments: [
        ("2026-11-23", "today"), ("2026-11-22", "-1d"), ("2025-10-07", "-412d"), ("2023-01-01", "-1422d"),
        ("2026-11-24", "11-24"), ("2027-05-25", "05-25"), ("2027-05-26", "2027"), ("2031-01-01", "2031"),
    ])
    func theNextColumnSaysHowLateOrWhen(due: String, expected: String) throws {
        #expect(Presentation.nextDay(try #require(Day(iso: due)), today: Fx.today) == expected)
    }

    // MARK: - The funnel pane

    /// lead … paid (never lost), each with its stage's amount in the seller's currency and its
    /// count, the one it is scaled by first; conversion when deals entered the stage.
    @Test(arguments: [
        // Fx.funnel: lead 2 deals 24,000; needs 1 of 120,000; proposal 1 of 5,000; won 1 of 36,000.
        (Fx.funnel, true, [bar("lead", 2_400_000, "2.4万 · 2"), bar("qualified", 0, "0 · 0"), bar("needs", 12_000_000, "12万 · 1"),
                           bar("proposal", 500_000, "5,000 · 1"), bar("closing", 0, "0 · 0"), bar("won", 3_600_000, "3.6万 · 1"),
                           bar("paid", 0, "0 · 0")]),
        (Fx.funnel, false, [bar("lead", 2, "2 · 2.4万"), bar("qualified", 0, "0 · 0"), bar("needs", 1, "1 · 12万"),
                            bar("proposal", 1, "1 · 5,000"), bar("closing", 0, "0 · 0"), bar("won", 1, "1 · 3.6万"),
                            bar("paid", 0, "0 · 0")]),
        // Lead: 4 entered, 1 went on to qualified (lost is not on), 25 %. Qualified: 2 of 3, 66.7 %
        // rounded to 67. Paid is the last stage: no conversion. Lead's dollars are not the
        // seller's: 50,000.00 USD on a line of their own under lead, without a bar, "+ 50k USD".
        (converting, true, [bar("lead", 1_000_000, "1万 · 3 →25%"), bar("", 0, "+ 50k USD"), bar("qualified", 0, "0 · 0 →67%"), bar("needs", 0, "0 · 0"),
                            bar("proposal", 0, "0 · 0"), bar("closing", 0, "0 · 0"), bar("won", 0, "0 · 0"), bar("paid", 0, "0 · 0")]),
    ])
    func funnelBars(_ report: FunnelReport, byAmount: Bool, expected: [Presentation.FunnelBar]) {
        #expect(Presentation.funnelBars(report, byAmount: byAmount) == expected)
    }

    static func bar(_ label: String, _ measure: Int64, _ text: String) -> Presentation.FunnelBar {
        Presentation.FunnelBar(label: label, measure: measure, text: text)
    }

    /// Lead: 2 deals of 10,000 yuan and 1 of 50,000 dollars; entries into lead and qualified.
    static let converting: FunnelReport = {
        var inputs = FunnelInputs()
        inputs.deals = [
            .init(stage: .lead, currency: Currency(code: "USD"), probability: nil, count: 1, amount: 5_000_000),
            .init(stage: .lead, currency: .yuan, probability: nil, count: 2, amount: 1_000_000),
        ]
        inputs.entries = [(.lead, .qualified, 1), (.lead, nil, 2), (.lead, .lost, 1), (.qualified, .needs, 2), (.qualified, nil, 1),
                          (.paid, nil, 4)]
        return try! FunnelReport(inputs, today: Fx.today, pipeline: .defaults)
    }()

    @Test(arguments: [
        (Fx.funnel, "owed 3.6万 · overdue 1.2万 · in 0"),
        (collections(.init(collectedThisMonth: 500_000, outstanding: 3_600_000)), "owed 3.6万 · in 5,000"),
        (collections(nil), "no contracts yet"),
    ])
    func funnelSummaries(_ report: FunnelReport, expected: String) {
        #expect(Presentation.funnelSummary(report) == expected)
    }

    static func collections(_ yuan: FunnelInputs.Collections?) -> FunnelReport {
        var inputs = FunnelInputs()
        if let yuan { inputs.collections = [.yuan: yuan] }
        return try! FunnelReport(inputs, today: Fx.today, pipeline: .defaults)
    }

    // MARK: - Removing an entry

    @Test(arguments: [
        (CardItem.customer(Fx.wangCard.customer), "王建国", "Move 王建国 to the trash? y moves"),
        (.contact(Fx.ouyangCard.contacts[0]), "欧阳子涵", "Remove the contact person 李主任 of 欧阳子涵? y removes"),
        (.deal(deal("监护仪 30 台")), "王建国", "Remove deal 7 监护仪 30 台 of 王建国? y removes"),
        (.deal(deal("Evil\u{1B}[31mRed")), "王建国", "Remove deal 7 EvilRed of 王建国? y removes"),
        (.contract(contract), "王建国", "Cancel contract HT-2026-001 of 王建国? y cancels"),
        (.payment(payment), "王建国", "Void the payment of 30,000.00 on 2026-11-12 of 王建国? y voids"),
        (.followUp(Fx.ouyangCard.openFollowUps[0]), "欧阳子涵", "Remove the follow-up for Fri 2026-11-27 (寄送样品) of 欧阳子涵? y removes"),
        (.followUp(followUp), "欧阳子涵", "Remove the follow-up for Tue 2026-12-01 14:30 of 欧阳子涵? y removes"),
        (.interaction(Fx.ouyangCard.timeline[0]), "欧阳子涵", "Remove the call of 2026-11-20 15:00 of 欧阳子涵? y removes"),
    ])
    func removalQuestions(_ item: CardItem, name: String, expected: String) {
        #expect(Presentation.removal(item, of: name) == expected)
    }

    static func deal(_ title: String) -> Deal {
        var d = Deal(customerID: 1, title: title, amount: yuan(12_000_000), createdAt: Fx.now)
        d.id = 7
        return d
    }

    static let contract = Contract(customerID: 1, number: "HT-2026-001", signedOn: Fx.day(11, 10), startsOn: Fx.day(11, 10), endsOn: nil,
                                   amount: yuan(12_000_000), instalments: [], createdAt: Fx.now)

    static let payment = Payment(contractID: 1, instalmentID: 1, paidOn: Fx.day(11, 12), amount: yuan(3_000_000))

    static let followUp = FollowUp(customerID: 2, due: When(day: Fx.day(12, 1), time: Fx.time(14, 30)), title: "", createdAt: Fx.now)
}
