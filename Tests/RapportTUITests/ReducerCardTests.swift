import RapportCore
import Testing
@testable import RapportTUI

/// The card screen corrects what it shows: j/k select an entry (the card itself, a contact
/// person, a deal, a contract, then the timeline's entries), `e` corrects it, `x` removes it
/// after asking, and `m`/`p` act on the deal or contract selected.
struct ReducerCardTests {
    static let secretary: ContactPerson = {
        var p = ContactPerson(customerID: 1, name: "张秘书")
        p.id = 11
        p.role = .gatekeeper
        p.phone = "139-0000-1111"
        return p
    }()

    static let service: Deal = {
        var d = Deal(customerID: 1, title: "年度服务", amount: Money(minorUnits: 5_000_000, currency: .yuan), stage: .proposal,
                     createdAt: Fx.at(10, 1, 9, 0))
        d.id = 7
        d.expectedClose = Fx.day(12, 20)
        return d
    }()

    static let addOn: Deal = {
        var d = Deal(customerID: 1, title: "加购", amount: Money(minorUnits: 800_000, currency: .yuan), createdAt: Fx.at(11, 1, 9, 0))
        d.id = 8
        return d
    }()

    /// 36,000 in two instalments; the first (12,000, due 11-10) paid by payment 41.
    static let contract: Contract = {
        var k = Contract(customerID: 1, dealID: 9, number: "HT-2026-001", signedOn: Fx.day(10, 1), startsOn: Fx.day(10, 1), endsOn: nil,
                         amount: Money(minorUnits: 3_600_000, currency: .yuan),
                         instalments: [Instalment(id: 61, position: 1, dueOn: Fx.day(11, 10), amount: Money(minorUnits: 1_200_000, currency: .yuan),
                                                  received: Money(minorUnits: 1_200_000, currency: .yuan)),
                                       Instalment(id: 62, position: 2, dueOn: Fx.day(12, 10), amount: Money(minorUnits: 2_400_000, currency: .yuan))],
                         createdAt: Fx.at(10, 1, 9, 0))
        k.id = 51
        k.received = Money(minorUnits: 1_200_000, currency: .yuan)
        return k
    }()

    static let payment: Payment = {
        var p = Payment(contractID: 51, instalmentID: 61, paidOn: Fx.day(11, 10), amount: Money(minorUnits: 1_200_000, currency: .yuan))
        p.id = 41
        return p
    }()

    /// 王建国's card with a contact person, two open deals, a contract with a payment, the
    /// open follow-up 101 and the call 310.
    static let card = CustomerCard(customer: Fx.wangCard.customer, contacts: [secretary], openFollowUps: Fx.wangCard.openFollowUps,
                                   timeline: Fx.wangCard.timeline, deals: [service, addOn], contracts: [contract], payments: [payment])

    /// The card screen open on 王建国, the card itself selected.
    static func cardState() -> AppState {
        var s = Fx.mainState()
        s.send(.cardLoaded(card))
        s.press(.enter)
        return s
    }

    // The card first, then its parts in the order drawn; the timeline newest first (the
    // payment of 11-10 before the call of 11-02).
    @Test(arguments: [
        ("", CardItem.customer(Fx.wangCard.customer)), ("j", .contact(secretary)), ("jj", .deal(service)), ("jjj", .deal(addOn)),
        ("jjjj", .contract(contract)), ("jjjjj", .followUp(Fx.wangCard.openFollowUps[0])), ("jjjjjj", .payment(payment)),
        ("jjjjjjj", .interaction(Fx.wangCard.timeline[0])), ("jjjjjjjjjj", .interaction(Fx.wangCard.timeline[0])),
        ("G", .interaction(Fx.wangCard.timeline[0])), ("Gg", .customer(Fx.wangCard.customer)), ("jjk", .contact(secretary)),
    ])
    func jAndKSelectEntryByEntry(keys: String, expected: CardItem) {
        var s = Self.cardState()
        #expect(s.type(keys) == [])
        #expect(s.context == .card)
        #expect(Reducer.selectedItem(s) == expected)
    }

    // MARK: - e corrects

    @Test func eOnTheCardItselfEditsTheCustomer() {
        var s = Self.cardState()
        s.press(.char("e"))
        #expect(s.form?.original == Fx.wangCard.customer)
    }

    @Test func eOnAContactPersonOpensItsFormAndEnterSavesIt() {
        var s = Self.cardState()
        s.type("je")
        let form = s.contactForm
        #expect(form?.labels == ["name", "role", "phone", "email", "birthday", "notes"])
        #expect(form?.values.map(\.text) == ["张秘书", "gatekeeper", "139-0000-1111", "", "", ""])
        // Tab to the email, type it; Enter saves the person with it.
        s.type("\\t\\t\\tzhang@huaxin.cn")
        var expected = Self.secretary
        expected.email = "zhang@huaxin.cn"
        #expect(s.press(.enter) == [.saveContact(expected)])
        s.send(.saved("Saved contact person 张秘书", customerID: 1))
        #expect(s.contactForm == nil)
    }

    /// (field to type in, text, the one-line error naming it)
    @Test(arguments: [(4, "2月30日", "invalid birthday \"2月30日\"; write 1980-03-15, 03-15 or 3月15日"),
                      (1, "boss", "invalid role \"boss\"; use decision-maker, influencer, user, gatekeeper")])
    func aContactFieldThatDoesNotReadIsNamedAndNothingIsSaved(field: Int, typed: String, message: String) {
        var s = Self.cardState()
        s.type("je")
        for _ in 0..<field { s.press(.tab) }
        s.press(.ctrl("u"))
        s.type(typed)
        #expect(s.press(.enter) == [])
        #expect(s.contactForm?.error == message)
        // The store's refusal lands on the form too, which stays open.
        s.send(.failed("contact person 11 is gone"))
        #expect(s.contactForm?.error == "contact person 11 is gone")
        s.press(.escape)
        #expect(s.contactForm == nil)
        #expect(s.message?.text == "nothing saved")
    }

    @Test func eOnADealCorrectsItsTitleAmountAndCloseButNotItsStage() {
        var s = Self.cardState()
        s.type("jje")
        #expect(s.dealForm?.original == Self.service)
        #expect(s.dealForm?.labels == ["Title", "Amount", "Close by"])
        #expect(s.dealForm.map { f in (0..<3).map { f.value($0).text } } == ["年度服务", "50,000.00", "2026-12-20"])
        s.press(.tab)
        s.press(.ctrl("u"))
        s.type("1.5万\\t")
        s.press(.ctrl("u"))
        var expected = Self.service
        expected.amount = Money(minorUnits: 1_500_000, currency: .yuan)
        expected.expectedClose = nil
        #expect(s.press(.enter) == [.editDeal(expected)])
    }

    @Test func aContractOrAPaymentIsCorrectedByTakingItBack() {
        var s = Self.cardState()
        #expect(s.type("jjjje") == [])
        #expect(s.message == StatusMessage(text: "a contract is not edited: x cancels it, then w wins the deal again", isError: true))
        var t = Self.cardState()
        #expect(t.type("jjjjjje") == [])
        #expect(t.message == StatusMessage(text: "a payment is not edited: x voids it, then p records the right amount", isError: true))
    }

    @Test func eOnTimelineEntriesWorksAsInTheTimelinePane() {
        var s = Self.cardState()
        s.type("jjjjje")
        #expect(s.prompt?.purpose == .snooze(followUpID: 101, name: "王建国"))
        var t = Self.cardState()
        t.type("jjjjjjje")
        #expect(t.prompt?.purpose == .correct(interactionID: 310, name: "王建国"))
        #expect(t.prompt?.field.text == "call 约了下周报价")
    }

    // MARK: - x removes

    @Test(arguments: [
        ("x", "Move 王建国 to the trash? y moves", CardItem.customer(Fx.wangCard.customer)),
        ("jx", "Remove the contact person 张秘书 of 王建国? y removes", .contact(secretary)),
        ("jjx", "Remove deal 7 年度服务 of 王建国? y removes", .deal(service)),
        ("jjjjx", "Cancel contract HT-2026-001 of 王建国? y cancels", .contract(contract)),
        ("jjjjjx", "Remove the follow-up for Fri 2026-11-20 (报价单) of 王建国? y removes", .followUp(Fx.wangCard.openFollowUps[0])),
        ("jjjjjjx", "Void the payment of 12,000.00 on 2026-11-10 of 王建国? y voids", .payment(payment)),
    ])
    func xAsksAndYRemovesTheSelectedEntry(keys: String, question: String, item: CardItem) {
        var s = Self.cardState()
        #expect(s.type(keys) == [])
        #expect(s.prompt?.label(width: 120) == question)
        #expect(s.buffer.lines[22] == "any other key keeps it · u undoes a removal")
        var kept = s
        #expect(kept.press(.char("n")) == [])
        #expect(kept.prompt == nil && kept.message?.text == "kept")
        #expect(s.press(.char("y")) == [.remove(item)])
        // Delete asks as x does.
        var d = Self.cardState()
        d.type(String(keys.dropLast()))
        d.press(.delete)
        #expect(d.prompt?.label(width: 120) == question)
    }

    @Test func theCardClosesWhenItsCustomerIsGone() {
        var s = Self.cardState()
        s.type("xy")
        s.send(.saved("Moved 王建国 to the trash (rapport trash restore 1)", customerID: nil))
        #expect(s.screen == .card)
        s.send(.cardLoaded(nil))
        #expect(s.screen == .main)
    }

    @Test func theSelectionStaysWithinTheEntriesLeft() {
        var s = Self.cardState()
        s.type("G")
        var fewer = Self.card
        fewer.timeline = []
        s.send(.cardLoaded(fewer))
        #expect(Reducer.selectedItem(s) == .payment(Self.payment))
    }

    // MARK: - The deal keys follow the selection

    @Test func mOnASelectedDealMovesThatDealWithoutAsking() {
        var s = Self.cardState()
        #expect(s.type("jjjm") == [.loadDeal(dealID: 8, action: .move)])
        // Elsewhere on the card the customer's two open deals are offered.
        var t = Self.cardState()
        #expect(t.type("m") == [])
        #expect(t.picker?.deals == [Self.service, Self.addOn])
    }

    @Test func pOnASelectedContractAsksForItsNextInstalment() {
        var s = Self.cardState()
        s.type("jjjjp")
        #expect(s.prompt?.purpose == .pay(contractID: 51, position: 2, label: "HT-2026-001", currency: .yuan))
        #expect(s.prompt?.field.text == "24,000.00")
    }

    // MARK: - Drawing

    @Test func theSelectedEntrysFirstLineIsHighlighted() throws {
        var s = Self.cardState()
        s.type("jj")
        let b = s.buffer
        let row = try #require(b.lines.firstIndex { $0.hasPrefix("   7  年度服务") })
        #expect(b[0, row].style == .selected && b[40, row].style == .selected)
        #expect(b[0, 1].style != .selected)
        #expect(b.lines[row - 1].hasPrefix(" Deals (2) · m move or lose · w win"))
    }

    @Test func theContactFormDrawsItsFieldsAndItsOwnHintLines() {
        // 80x24: the title on row 1, the fields from row 2, labels padded to 8 ("birthday")
        var s = Self.cardState()
        s.type("je\\t\\t")
        let lines = s.buffer.lines
        #expect(lines[1] == " Edit contact person 张秘书")
        #expect(lines[2] == " name      张秘书")
        #expect(lines[4] == " phone     139-0000-1111")
        #expect(lines[7] == " notes")
        #expect(lines[22] == "phone number")
        #expect(lines[23] == "Enter save · Esc cancel · Tab/↓ next field · S-Tab/↑ previous")
    }
}
