import RapportCore
import Testing
@testable import RapportTUI

/// The deal keys through the reducer and the renderer: d adds, m/w/x open the move form
/// (which deal, the checklist, the contract, the reason), p records a payment, f flips the
/// funnel's bars.
struct DealKeyTests {
    // MARK: - Fixtures

    /// 王建国's deal 7 in needs (12,000 yuan), his deal 8 in proposal, his contract 2026-003
    /// (36,000, 12,000 of it in, /2 owing 12,000 due 12-01).
    static func deal(_ id: Int64, _ title: String, _ stage: Stage, _ amount: Int64) -> Deal {
        var d = Deal(customerID: 1, title: title, amount: Money(minorUnits: amount, currency: .yuan), stage: stage,
                     createdAt: Fx.at(11, 1, 9, 0))
        d.id = id
        return d
    }

    static let needsDeal = deal(7, "年度服务", .needs, 1_200_000)
    static let proposalDeal = deal(8, "培训", .proposal, 300_000)

    static let contract: Contract = {
        var k = Contract(customerID: 1, dealID: 5, number: "2026-003", signedOn: Fx.day(10, 1), startsOn: Fx.day(10, 1),
                         endsOn: nil, amount: Money(minorUnits: 3_600_000, currency: .yuan),
                         instalments: [
                            Instalment(id: 31, position: 1, dueOn: Fx.day(11, 1), amount: Money(minorUnits: 1_200_000, currency: .yuan),
                                       received: Money(minorUnits: 1_200_000, currency: .yuan)),
                            Instalment(id: 32, position: 2, dueOn: Fx.day(12, 1), amount: Money(minorUnits: 1_200_000, currency: .yuan)),
                            Instalment(id: 33, position: 3, dueOn: Fx.day(2027, 1, 1), amount: Money(minorUnits: 1_200_000, currency: .yuan)),
                         ], createdAt: Fx.at(10, 1, 9, 0))
        k.id = 3
        k.received = Money(minorUnits: 1_200_000, currency: .yuan)
        return k
    }()

    /// The customer list with 王建国's card carrying `deals` and the contract.
    static func mainState(deals: [Deal], contracts: [Contract] = [contract]) -> AppState {
        var s = Fx.mainState()
        var card = Fx.wangCard
        card.deals = deals
        card.contracts = contracts
        s.send(.cardLoaded(card))
        return s
    }

    static func detail(_ deal: Deal, ticks: Set<ChecklistTick> = []) -> DealDetail {
        DealDetail(deal: deal, customer: Fx.wang, stays: [], ticks: ticks, contract: nil, payments: [])
    }

    static let needsItems = PipelineSettings.defaults.checklist(of: .needs).map { ChecklistTick(stage: .needs, item: $0) }

    // MARK: - Which deal

    @Test func mOnACustomerWithOneOpenDealLoadsIt() {
        var s = Self.mainState(deals: [Self.needsDeal, Self.deal(9, "旧单", .lost, 100)])
        #expect(s.press(.char("m")) == [.loadDeal(dealID: 7, action: .move)])
        #expect(s.press(.char("w")) == [.loadDeal(dealID: 7, action: .win)])
        #expect(s.press(.char("x")) == [.loadDeal(dealID: 7, action: .lose)])
    }

    @Test func aCustomerWithoutOpenDealsIsToldSo() {
        var s = Self.mainState(deals: [Self.deal(9, "旧单", .lost, 100)])
        #expect(s.press(.char("m")) == [])
        #expect(s.message == StatusMessage(text: "王建国 has no open deal: d adds one", isError: true))
        // A won deal can still move (to paid), but not be won again.
        s = Self.mainState(deals: [Self.deal(5, "系统", .won, 100)])
        #expect(s.press(.char("m")) == [.loadDeal(dealID: 5, action: .move)])
        #expect(s.press(.char("w")) == [])
    }

    @Test func severalOpenDealsAreChosenFrom() {
        var s = Self.mainState(deals: [Self.needsDeal, Self.proposalDeal])
        #expect(s.press(.char("w")) == [])
        #expect(s.picker?.deals.map(\.id) == [7, 8])
        // The chooser is drawn over the list: its title, then the numbered deals.
        let lines = s.buffer.lines
        #expect(lines[2] == " Win which deal?")
        #expect(lines[3] == " 1. 年度服务 · needs · 12,000.00 CNY")
        #expect(lines[4] == " 2. 培训 · proposal · 3,000.00 CNY")
        #expect(lines[22] == "j/k or 1–9 choose · Enter take · Esc cancel")
        #expect(s.press(.char("j")) == [])
        #expect(s.press(.enter) == [.loadDeal(dealID: 8, action: .win)])
        #expect(s.picker == nil)
        // Digits choose directly; Esc chooses nothing.
        s.press(.char("m"))
        #expect(s.press(.char("1")) == [.loadDeal(dealID: 7, action: .move)])
        s.press(.char("m"))
        #expect(s.press(.escape) == [])
        #expect(s.picker == nil)
    }

    @Test func inTheTodayViewTheReminderNamesTheDeal() {
        let stuck = Reminder(customer: Fx.wang, dealID: 7, days: 30, terms: UrgencyTerms(rule: 20),
                             reason: .stuck(title: "年度服务", stage: .needs, amount: Self.needsDeal.amount))
        // Overdue first: the selection starts on Zoë's follow-up, where the key says what it needs.
        var s = Fx.todayState(report: ReminderReport(reminders: [stuck, Fx.rZoe], totals: [.stuck: 1, .overdue: 1]))
        #expect(s.press(.char("x")) == [])
        #expect(s.message?.isError == true)
        s.press(.char("j"))
        #expect(s.press(.char("m")) == [.loadDeal(dealID: 7, action: .move)])
    }

    // MARK: - The move form

    @Test func theMoveFormStartsOnTheNextStageWithItsChecklist() {
        var s = Self.mainState(deals: [Self.needsDeal])
        s.send(.dealLoaded(Self.detail(Self.needsDeal, ticks: [Self.needsItems[0]]), .move, hasPlaybook: true))
        let form = try! #require(s.moveForm)
        #expect(form.target == .proposal)
        #expect(form.targets == [.lead, .qualified, .proposal, .closing, .won, .lost])
        #expect(form.rows == [.stage] + Self.needsItems.map(MoveForm.Row.item) + [.force, .note])
        // The first item is already ticked; the cursor starts on it.
        #expect(form.selected == 1)
        let lines = s.buffer.lines
        #expect(lines[1] == " Deal 7 · 年度服务 · 王建国 · now needs · 12,000.00 CNY")
        #expect(lines[2] == " Move to   ‹ proposal 方案 ›")
        #expect(lines[3] == "   [x] situation understood 现状  · needs")
        #expect(lines[4] == "   [ ] problem understood 问题  · needs")
        #expect(lines[7] == "   [ ] skip the checklist")
        #expect(lines[8] == " Note")
        // One footer: the hint line says what the focused line takes, the line below the form's keys.
        #expect(lines[22] == "Space ticks")
        #expect(lines[23] == "Enter move · Esc cancel · Tab/↓ next line · PgDn past the checklist")
        var top = s
        top.press(.up)
        #expect(top.buffer.lines[22] == "←/→ another stage")
    }

    @Test func enterRefusesUntickedItemsThenMovesWithTheNewTicks() {
        var s = Self.mainState(deals: [Self.needsDeal])
        s.send(.dealLoaded(Self.detail(Self.needsDeal, ticks: [Self.needsItems[0]]), .move, hasPlaybook: false))
        #expect(s.press(.enter) == [])
        #expect(s.moveForm?.error == "3 unticked: tick them with Space, or tick “skip the checklist”")
        #expect(s.buffer.lines[22] == "✗ 3 unticked: tick them with Space, or tick “skip the checklist”")
        // j goes down over items (they are not text), Space ticks.
        s.type("j j j ")
        #expect(s.moveForm?.unticked == [])
        s.type("jj需求确认")
        #expect(s.press(.enter) == [.moveDeal(dealID: 7, to: .proposal, note: "需求确认", ticks: Array(Self.needsItems.dropFirst()),
                                              force: false, lost: nil)])
        // The store's answer closes the form.
        s.send(.saved("Deal 7 → proposal", customerID: 1))
        #expect(s.moveForm == nil)
    }

    @Test func skippingTheChecklistMovesWithForce() {
        var s = Self.mainState(deals: [Self.needsDeal])
        s.send(.dealLoaded(Self.detail(Self.needsDeal), .move, hasPlaybook: false))
        // Up from the first item is the stage line: → picks closing (more unticked: proposal's too).
        s.press(.up)
        s.press(.right)
        #expect(s.moveForm?.target == .closing)
        #expect(s.moveForm?.items.count == 7)
        // PgDn jumps past the seven items to the force line; PgUp back to the stage line.
        s.press(.pageDown)
        #expect(s.moveForm?.selectedRow == .force)
        var back = s
        back.press(.pageUp)
        #expect(back.moveForm?.selectedRow == .stage)
        s.press(.char(" "))
        #expect(s.press(.enter) == [.moveDeal(dealID: 7, to: .closing, note: "", ticks: [], force: true, lost: nil)])
    }

    @Test func losingAsksForTheReason() {
        var s = Self.mainState(deals: [Self.needsDeal])
        s.send(.dealLoaded(Self.detail(Self.needsDeal), .lose, hasPlaybook: false))
        #expect(s.moveForm?.target == .lost)
        #expect(s.moveForm?.rows == [.stage, .reason, .note])
        // The cursor starts on the note (nothing to tick); up is the reason.
        s.press(.up)
        s.press(.left)  // other → timing
        s.press(.left)  // → no-decision
        #expect(s.buffer.lines[3] == " Reason    ‹ no-decision 没有决策 ›")
        s.press(.down)
        s.type("领导换人")
        #expect(s.press(.enter) == [.moveDeal(dealID: 7, to: .lost, note: "领导换人", ticks: [], force: false, lost: .noDecision)])
    }

    @Test func winningRecordsTheContractAndThePlaybook() throws {
        var s = Self.mainState(deals: [Self.proposalDeal])
        let ticks = ["proposal", "closing"].flatMap { name in
            PipelineSettings.defaults.checklist(of: Stage(rawValue: name)!).map { ChecklistTick(stage: Stage(rawValue: name)!, item: $0) }
        }
        s.send(.dealLoaded(Self.detail(Self.proposalDeal, ticks: Set(ticks)), .win, hasPlaybook: true))
        let form = try #require(s.moveForm)
        #expect(form.rows == [.stage] + ticks.map(MoveForm.Row.item) + [.force, .note, .number, .amount, .instalments, .term, .playbook])
        // Three monthly instalments of 1,000.00 from today, a 12-month term, onboarding on.
        s.moveForm?.selected = form.rows.firstIndex(of: .instalments) ?? 0
        s.type("\\b3")
        let effects = s.press(.enter)
        let plan = try PaymentPlan.even(total: Money(minorUnits: 300_000, currency: .yuan), count: 3, first: Fx.today)
        let contract = Contract(customerID: 1, dealID: 8, number: "", signedOn: Fx.today, startsOn: Fx.today, endsOn: Fx.day(2027, 11, 22),
                                amount: Money(minorUnits: 300_000, currency: .yuan), instalments: plan, createdAt: Fx.now)
        #expect(effects == [.winDeal(dealID: 8, contract: contract, note: "", ticks: [], force: false, playbook: "onboarding")])
        // A plan that does not add up stays in the form, named.
        s.moveForm?.selected = form.rows.firstIndex(of: .instalments) ?? 0
        s.type("\\b2026-12-01 50%")
        #expect(s.press(.enter) == [])
        #expect(s.moveForm?.error?.hasPrefix("invalid payment plan \"1,500.00\"") == true)
    }

    @Test func escClosesTheFormWithNothingMoved() {
        var s = Self.mainState(deals: [Self.needsDeal])
        s.send(.dealLoaded(Self.detail(Self.needsDeal), .move, hasPlaybook: false))
        #expect(s.press(.escape) == [])
        #expect(s.moveForm == nil)
        #expect(s.message?.text == "nothing moved")
    }

    // MARK: - Adding a deal

    @Test func dAddsADealToTheSelectedCustomer() {
        var s = Self.mainState(deals: [])
        s.press(.char("d"))
        #expect(s.dealForm?.customerID == 1)
        #expect(s.buffer.lines[1] == " New deal for 王建国")
        s.type("年度服务\\t1.2万\\t月底")
        var expected = Deal(customerID: 1, title: "年度服务", amount: Money(minorUnits: 1_200_000, currency: .yuan), stage: .lead,
                            createdAt: Fx.now)
        expected.expectedClose = Fx.day(11, 30)
        #expect(s.press(.enter) == [.addDeal(expected)])
        // An amount that does not read is named, and the form stays.
        s.dealForm?.selected = 1
        s.type("\\b\\b\\b\\b12k")
        #expect(s.press(.enter) == [])
        #expect(s.dealForm?.error?.contains("\"12k\"") == true)
    }

    // MARK: - Payments and the funnel

    @Test func pOnAPaymentReminderAsksForTheAmountDue() {
        let due = Reminder(customer: Fx.wang, dealID: 5, contractID: 3, instalmentID: 32, days: -8, terms: UrgencyTerms(payment: 5),
                           reason: .payment(contract: "2026-003", position: 2, due: Fx.day(12, 1),
                                            remaining: Money(minorUnits: 1_200_000, currency: .yuan)))
        var s = Fx.todayState(report: ReminderReport(reminders: [due], totals: [.payment: 1]))
        s.press(.char("p"))
        #expect(s.prompt?.purpose == .pay(contractID: 3, position: 2, label: "2026-003/2", currency: .yuan))
        #expect(s.prompt?.field.text == "12,000.00")
        #expect(s.buffer.lines[23].hasPrefix("paid on 2026-003/2 CNY › 12,000.00"))
        // Part of it.
        s.type("\\b\\b\\b\\b\\b\\b\\b\\b\\b5000")
        #expect(s.press(.enter) == [.pay(contractID: 3, position: 2, amount: Money(minorUnits: 500_000, currency: .yuan))])
        s.type("x")
        #expect(s.press(.enter) == [])
        #expect(s.prompt?.error?.contains("\"5000x\"") == true)
    }

    @Test func pOnACustomerPaysTheirOneContractOwing() {
        var s = Self.mainState(deals: [])
        s.press(.char("p"))
        #expect(s.prompt?.purpose == .pay(contractID: 3, position: 2, label: "2026-003", currency: .yuan))
        #expect(s.prompt?.field.text == "12,000.00")
        var paid = Self.contract
        paid.received = paid.amount
        s = Self.mainState(deals: [], contracts: [paid])
        s.press(.char("p"))
        #expect(s.prompt == nil)
        #expect(s.message?.text == "王建国 owes nothing on any contract")
    }

    @Test func fShowsTheBarsByCount() {
        var s = Fx.mainState()
        s.press(.char("f"))
        #expect(!s.funnelByAmount)
        // 80x24: funnel height min(8, 20/2) = 8, so the timeline takes 11 rows and the funnel's
        // title is row 13, bars from row 14. The right pane is 35 cells from x 45; the title
        // (23 cells) from 46 leaves the rule's 69…79. By count the texts lead with the count:
        // "2 · 2.4万", "0 · 0", "1 · 12万", "1 · 5,000", "1 · 3.6万" (9 cells at most), so bars
        // get 35-11-9-3 = 12 cells for the largest count, lead's 2.
        let lines = s.buffer.lines
        #expect(lines[13].hasSuffix("│─ Funnel · by count (f) " + String(repeating: "─", count: 11)))
        #expect(lines[14].hasSuffix("│ lead" + sp(6) + String(repeating: "█", count: 12) + " 2 · 2.4万"))
        #expect(lines[15].hasSuffix("│ qualified " + " 0 · 0"))
        #expect(lines[16].hasSuffix("│ needs" + sp(5) + String(repeating: "█", count: 6) + " 1 · 12万"))
    }
}
