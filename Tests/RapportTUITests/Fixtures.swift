import RapportCore
@testable import RapportTUI

/// A small, CJK-heavy book for the TUI's pure tests. "Today" is Monday 2026-11-23, 09:00.
///
/// Customers (id · name · company · grade · status · last contact):
///   1 王建国     华信科技有限公司       A customer  2026-11-02 (21 days ago)
///   2 欧阳子涵   中联医疗器械有限公司   B prospect  2026-11-20 (3 days ago)
///   3 单田芳     —                      C customer  2026-10-09 (45 days ago)
///   4 Zoë Müller Nordwind GmbH          A customer  2026-11-16 (7 days ago)
///   5 Li Ming    —                      — lead      never, added 2026-09-14 (70 days ago)
///   6 Amy 🌸     花漾 Studio            B dormant   2026-08-01 (114 days ago)
enum Fx {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }
    static func day(_ month: Int, _ d: Int) -> Day { day(2026, month, d) }
    static func time(_ h: Int, _ m: Int) -> ClockTime { ClockTime(hour: h, minute: m)! }
    static func at(_ month: Int, _ d: Int, _ h: Int, _ m: Int) -> LocalDateTime {
        LocalDateTime(day: day(month, d), time: time(h, m))
    }

    static let today = day(11, 23)
    static let now = LocalDateTime(day: Day(year: 2026, month: 11, day: 23)!, time: ClockTime(hour: 9, minute: 0)!)

    static let small = Size(width: 60, height: 15)
    static let medium = Size(width: 80, height: 24)
    static let wide = Size(width: 100, height: 30)

    // MARK: - Customers as the scanner and the list see them

    static let wang = CustomerSummary(id: 1, name: "王建国", company: "华信科技有限公司", grade: .a, status: .customer,
                                      addedOn: day(2025, 3, 1), lastContactOn: day(11, 2))
    static let ouyang = CustomerSummary(id: 2, name: "欧阳子涵", company: "中联医疗器械有限公司", grade: .b, status: .prospect,
                                        addedOn: day(2025, 6, 1), lastContactOn: day(11, 20))
    static let shan = CustomerSummary(id: 3, name: "单田芳", company: nil, grade: .c, status: .customer,
                                      addedOn: day(2024, 1, 5), lastContactOn: day(10, 9))
    static let zoe = CustomerSummary(id: 4, name: "Zoë Müller", company: "Nordwind GmbH", grade: .a, status: .customer,
                                     addedOn: day(2025, 9, 1), lastContactOn: day(11, 16))
    static let liMing = CustomerSummary(id: 5, name: "Li Ming", company: nil, grade: nil, status: .lead,
                                        addedOn: day(9, 14), lastContactOn: nil)
    static let amy = CustomerSummary(id: 6, name: "Amy 🌸", company: "花漾 Studio", grade: .b, status: .dormant,
                                     addedOn: day(2025, 2, 2), lastContactOn: day(8, 1))

    static func row(_ s: CustomerSummary, next: When? = nil) -> CustomerRow {
        CustomerRow(summary: s, city: nil, phone: nil, nextFollowUp: next)
    }

    /// The list in attention order.
    static let rows: [CustomerRow] = [
        row(wang, next: When(day: day(11, 20))),
        row(ouyang, next: When(day: day(11, 27), time: time(10, 0))),
        row(shan),
        row(zoe, next: When(day: day(11, 22), time: time(14, 30))),
        row(liMing),
        row(amy),
    ]

    /// `count` plain rows with ids 1…count (for paging).
    static func manyRows(_ ids: ClosedRange<Int>) -> [CustomerRow] {
        ids.map { i in
            row(CustomerSummary(id: Int64(i), name: "客户\(i)", company: nil, grade: nil, status: .lead,
                                addedOn: day(1, 1), lastContactOn: nil))
        }
    }

    // MARK: - Reminders, one or more of each rule

    /// Overdue follow-up #101: 3 days overdue.
    static let rWang = Reminder(customer: wang, followUpID: 101, days: 3, terms: UrgencyTerms(rule: 15),
                                reason: .overdue(due: When(day: day(11, 20)), title: "报价单"))
    /// Overdue follow-up #104 with a time: 1 day overdue.
    static let rZoe = Reminder(customer: zoe, followUpID: 104, days: 1, terms: UrgencyTerms(rule: 14),
                               reason: .overdue(due: When(day: day(11, 22), time: time(14, 30)), title: "Send contract"))
    /// Follow-up #102 due today at 10:00.
    static let rOuyang = Reminder(customer: ouyang, followUpID: 102, days: 0, terms: UrgencyTerms(rule: 12),
                                  reason: .due(time: time(10, 0), title: "回访"))
    /// Forgotten: 45 days against a cadence of 30.
    static let rShan = Reminder(customer: shan, days: 45, terms: UrgencyTerms(rule: 5),
                                reason: .forgotten(grade: .c, cadence: 30, own: false))
    /// Forgotten: last contacted 70 days ago.
    static let rLi = Reminder(customer: liMing, days: 70, terms: UrgencyTerms(rule: 3),
                              reason: .forgotten(grade: nil, cadence: 60, own: false))

    /// Most urgent first (rules interleaved, as the scanner orders them); 7,288 overdue in all,
    /// of which two are loaded.
    static func report(overdueTotal: Int = 7288) -> ReminderReport {
        ReminderReport(reminders: [rWang, rOuyang, rZoe, rShan, rLi],
                       totals: [.overdue: overdueTotal, .due: 1, .forgotten: 2])
    }

    static let emptyReport = ReminderReport(reminders: [], totals: [:])

    static let upcoming: [DueFollowUp] = [
        DueFollowUp(id: 201, customer: ouyang, due: When(day: day(11, 27), time: time(10, 0)), title: "寄送样品"),
        DueFollowUp(id: 202, customer: zoe, due: When(day: day(12, 1)), title: ""),
    ]

    // MARK: - Cards

    /// The long note, 40 double-width characters; the three parts are how a 31-cell wrap
    /// (15 characters a line) cuts it.
    static let notePart1 = "客户对报价基本满意，但希望交货"
    static let notePart2 = "期提前两周，并要求下周五前提供"
    static let notePart3 = "三家同类项目的案例。"
    static let longNote = notePart1 + notePart2 + notePart3

    static let ouyangCustomer: Customer = {
        var c = Customer(name: "欧阳子涵", createdAt: at(6, 1, 10, 0))
        c.id = 2
        c.company = "中联医疗器械有限公司"
        c.title = "采购总监"
        c.kind = .company
        c.phones = [LabeledValue("138-0013-8000", label: "mobile"), LabeledValue("010-1234", label: "work")]
        c.emails = [LabeledValue("ouyang@zhonglian.cn")]
        c.address = "上海市浦东新区张江路88号"
        c.city = "上海"
        c.region = "华东"
        c.route = "浦东线"
        c.industry = "医疗器械"
        c.source = "trade-show"
        c.tags = ["渠道", "vip"]
        c.grade = .b
        c.status = .prospect
        c.birthday = Birthday(month: 3, day: 15)
        c.preferredChannel = .wechat
        c.creditLevel = "AA"
        c.creditLimit = Money(minorUnits: 1_200_050, currency: .yuan)
        c.needs = "一次性采购三十台监护仪"
        c.concerns = "交货期"
        c.notes = "喜欢喝普洱茶"
        c.customFields = ["微信号": "ouyang88"]
        c.updatedAt = at(11, 20, 15, 0)
        c.lastContactAt = at(11, 20, 15, 0)
        return c
    }()

    /// 欧阳子涵's card: a contact person, one open follow-up (Fri 2026-11-27, 寄送样品), a call
    /// with the long note, and an older visit.
    static let ouyangCard: CustomerCard = {
        var person = ContactPerson(customerID: 2, name: "李主任")
        person.id = 21
        person.role = .decisionMaker
        var followUp = FollowUp(customerID: 2, due: When(day: day(11, 27)), title: "寄送样品", createdAt: at(11, 20, 15, 0))
        followUp.id = 201
        var call = Interaction(customerID: 2, kind: .call, at: at(11, 20, 15, 0), outcome: .reached, note: longNote)
        call.id = 301
        call.contactID = 21
        var visit = Interaction(customerID: 2, kind: .visit, at: at(11, 10, 10, 0), note: "初次拜访")
        visit.id = 300
        return CustomerCard(customer: ouyangCustomer, contacts: [person], openFollowUps: [followUp], timeline: [call, visit])
    }()

    static let wangCard: CustomerCard = {
        var c = Customer(name: "王建国", createdAt: at(3, 1, 9, 0))
        c.id = 1
        c.company = "华信科技有限公司"
        c.grade = .a
        c.status = .customer
        c.lastContactAt = at(11, 2, 16, 0)
        var f = FollowUp(customerID: 1, due: When(day: day(11, 20)), title: "报价单", createdAt: at(11, 2, 16, 0))
        f.id = 101
        var call = Interaction(customerID: 1, kind: .call, at: at(11, 2, 16, 0), note: "约了下周报价")
        call.id = 310
        return CustomerCard(customer: c, contacts: [], openFollowUps: [f], timeline: [call])
    }()

    static func card(for id: Int64) -> CustomerCard? {
        switch id {
        case 1: wangCard
        case 2: ouyangCard
        default: nil
        }
    }

    /// A small pipeline for the funnel pane, in yuan: lead 2 deals 24,000; needs 1 deal
    /// 120,000; proposal 1 deal 5,000 at its own 50 %; won 1 deal 36,000; 36,000 owed on
    /// contracts, 12,000 of it overdue, nothing in yet this month.
    static let funnel: FunnelReport = {
        var inputs = FunnelInputs()
        inputs.deals = [
            .init(stage: .lead, currency: .yuan, probability: nil, count: 2, amount: 2_400_000),
            .init(stage: .needs, currency: .yuan, probability: nil, count: 1, amount: 12_000_000),
            .init(stage: .proposal, currency: .yuan, probability: 50, count: 1, amount: 500_000),
            .init(stage: .won, currency: .yuan, probability: nil, count: 1, amount: 3_600_000),
        ]
        inputs.collections = [.yuan: .init(collectedThisMonth: 0, dueThisMonth: 0, overdue: 1_200_000, outstanding: 3_600_000)]
        return try! FunnelReport(inputs, today: now.day, pipeline: .defaults)
    }()

    // MARK: - States

    /// The today view after launch, with the report loaded.
    static func todayState(_ size: Size = medium, report: ReminderReport = report(), upcoming: [DueFollowUp] = [],
                           emptyBook: Bool = false) -> AppState {
        var s = AppState(size: size, now: now)
        _ = Reducer.reduce(&s, .todayLoaded(report, upcoming: upcoming, emptyBook: emptyBook))
        return s
    }

    /// The customer list with the six customers loaded, 王建国 selected and his card shown.
    static func mainState(_ size: Size = medium) -> AppState {
        var s = todayState(size)
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .customersLoaded(rows: rows, offset: 0, total: rows.count))
        _ = Reducer.reduce(&s, .cardLoaded(wangCard))
        _ = Reducer.reduce(&s, .funnelLoaded(funnel))
        return s
    }

    /// A book with no customers: the today view and then the list, as after launch and Tab.
    static func emptyBookState(_ size: Size = small) -> AppState {
        var s = todayState(size, report: emptyReport, emptyBook: true)
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .customersLoaded(rows: [], offset: 0, total: 0))
        _ = Reducer.reduce(&s, .funnelLoaded(try! FunnelReport(FunnelInputs(), today: now.day, pipeline: .defaults)))
        return s
    }
}

// MARK: - Driving the reducer

extension AppState {
    /// Feeds one event; returns its effects.
    @discardableResult
    mutating func send(_ event: Event) -> [Effect] { Reducer.reduce(&self, event) }

    /// Feeds one key.
    @discardableResult
    mutating func press(_ key: Key) -> [Effect] { Reducer.reduce(&self, .key(key)) }

    /// Feeds a key script (`Key.script`); returns every key's effects, in order.
    @discardableResult
    mutating func type(_ script: String) -> [Effect] {
        Key.script(script).flatMap { Reducer.reduce(&self, .key($0)) }
    }
}

// MARK: - Reading a frame

extension ScreenBuffer {
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The text of cells x ..< x + count on row y (continuation cells add nothing).
    func cells(_ y: Int, _ x: Int, _ count: Int) -> String {
        (x..<min(width, x + count)).map { self[$0, y].text }.joined()
    }

    /// Every place where the frame breaks the cell model: a wide cell without its continuation
    /// after it, a continuation without a wide cell before it, a wide cell at the right edge.
    var cellModelViolations: [String] {
        var out: [String] = []
        for y in 0..<height {
            for x in 0..<width {
                let c = self[x, y]
                switch c.width {
                case 2:
                    if x + 1 >= width || self[x + 1, y].width != 0 { out.append("wide \(c.text) at (\(x),\(y)) has no continuation") }
                case 0:
                    if x == 0 || self[x - 1, y].width != 2 { out.append("orphan continuation at (\(x),\(y))") }
                default:
                    break
                }
            }
        }
        return out
    }

    /// Cells holding a C0 control, DEL or a C1 control.
    var controlCells: [String] {
        var out: [String] = []
        for y in 0..<height {
            for x in 0..<width {
                for s in self[x, y].text.unicodeScalars where s.value < 0x20 || (0x7F...0x9F).contains(s.value) {
                    out.append("U+\(String(s.value, radix: 16)) at (\(x),\(y))")
                }
            }
        }
        return out
    }
}

func sp(_ n: Int) -> String { String(repeating: " ", count: n) }
