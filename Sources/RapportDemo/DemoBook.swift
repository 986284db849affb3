import RapportCore

/// A deterministic synthetic book of customers for trying Rapport, tests and benchmarks:
/// mixed Chinese and Latin names, grades, contact persons, two years of interactions
/// (most customers contacted recently, some forgotten), and open follow-ups.
///
/// It streams one customer at a time so that a million interactions never sit in memory.
public struct DemoBook: Sendable {
    public var customers: Int
    public var seed: UInt64
    public var today: Day
    /// Mean number of interactions per contacted customer.
    public var interactionsPerCustomer: Int

    public init(customers: Int, seed: UInt64, today: Day, interactionsPerCustomer: Int = 10) {
        self.customers = customers
        self.seed = seed
        self.today = today
        self.interactionsPerCustomer = interactionsPerCustomer
    }

    /// One generated customer with everything that hangs off it; ids are left to the store.
    public struct Entry: Sendable {
        public var customer: Customer
        public var keys: SearchKeys
        public var contacts: [ContactPerson]
        /// In time order; `customerID` is 0 until the store knows the id.
        public var interactions: [Interaction]
        public var followUps: [FollowUp]
        /// Its deals with their histories, contracts and payments.
        public var deals: [DemoDeal]
    }

    /// Calls `body` with each customer in order.
    public func forEach(_ body: (Entry) throws -> Void) rethrows {
        var rng = SplitMix64(seed: seed)
        let memo = PinyinMemo()
        for index in 0..<customers {
            try body(entry(index, &rng, memo))
        }
    }

    // MARK: - One customer

    private func entry(_ index: Int, _ rng: inout SplitMix64, _ memo: PinyinMemo) -> Entry {
        let chinese = rng.chance(0.6)
        let isCompany = rng.chance(0.4)
        let name = chinese
            ? rng.pick(Pool.surnames) + rng.pick(Pool.givenNames)
            : rng.pick(Pool.firstNames) + " " + rng.pick(Pool.lastNames)
        let company: String? = isCompany || rng.chance(0.5)
            ? (chinese ? rng.pick(Pool.companyPrefixes) + rng.pick(Pool.companyTrades) + "有限公司"
                : rng.pick(Pool.companyNames) + " " + rng.pick(Pool.companySuffixes))
            : nil

        // Recency decides who is forgotten: most were contacted within two weeks.
        let neverContacted = rng.chance(0.03)
        let ageDays = neverContacted ? rng.int(0...40) : rng.int(30...730)
        let created = LocalDateTime(day: today.adding(days: -ageDays), time: rng.clock())
        let recency = rng.double()
        let lastContactAgo: Int = switch recency {
        case ..<0.72: rng.int(0...12)
        case ..<0.87: rng.int(13...35)
        case ..<0.96: rng.int(36...120)
        default: rng.int(121...600)
        }

        var c = Customer(name: name, createdAt: created)
        c.company = company
        c.kind = isCompany ? .company : .person
        c.title = rng.chance(0.5) ? rng.pick(chinese ? Pool.titlesZh : Pool.titlesEn) : nil
        c.phones = [LabeledValue(chinese ? rng.chineseMobile() : rng.europeanPhone(), label: "mobile")]
        if rng.chance(0.3) { c.phones.append(LabeledValue(rng.chineseLandline(), label: "work")) }
        if rng.chance(0.7) {
            c.emails = [LabeledValue("c\(index + 1)@" + rng.pick(Pool.mailDomains), label: "work")]
        }
        c.city = rng.pick(chinese ? Pool.citiesZh : Pool.citiesEn)
        c.industry = rng.pick(Pool.industries)
        c.source = rng.pick(SourceChannel.known)
        c.grade = rng.weighted([(Grade.a, 15), (.b, 30), (.c, 35)], none: 20)
        c.status = rng.weighted([(CustomerStatus.customer, 40), (.prospect, 25), (.lead, 20), (.dormant, 10), (.lost, 5)], none: 0) ?? .lead
        c.tags = (0..<rng.int(0...2)).map { _ in rng.pick(Pool.tags) }.uniqued()
        if rng.chance(0.5) {
            c.birthday = Birthday(month: rng.int(1...12), day: rng.int(1...28), year: rng.chance(0.5) ? rng.int(1960...2000) : nil)
        }
        if rng.chance(0.3) { c.needs = rng.pick(Pool.needs) }
        if rng.chance(0.2) { c.concerns = rng.pick(Pool.concerns) }
        c.preferredChannel = rng.chance(0.5) ? rng.pick(ContactChannel.allCases) : nil

        var contacts: [ContactPerson] = []
        if isCompany {
            for _ in 0..<rng.int(1...3) {
                var p = ContactPerson(customerID: 0, name: rng.pick(Pool.surnames) + rng.pick(Pool.givenNames))
                p.role = rng.pick(DecisionRole.allCases)
                p.phone = rng.chineseMobile()
                if rng.chance(0.3) { p.birthday = Birthday(month: rng.int(1...12), day: rng.int(1...28)) }
                contacts.append(p)
            }
        }

        var interactions: [Interaction] = []
        if !neverContacted {
            let lastDay = max(created.day, today.adding(days: -lastContactAgo))
            let span = created.day.days(until: lastDay)
            // Mean a little above the target, so the book as a whole (3 % never contacted) has about it.
            let count = rng.int(1...(2 * interactionsPerCustomer))
            // Moments, not just days, are sorted, and none falls before the customer was added.
            var moments = (0..<(count - 1)).map { _ in
                LocalDateTime(day: created.day.adding(days: rng.int(0...max(0, span))), time: rng.clock())
            }
            moments.append(LocalDateTime(day: lastDay, time: rng.clock()))
            moments = moments.map { max($0, created) }.sorted()
            for (i, moment) in moments.enumerated() {
                // The newest entry is a real contact, so the book's last-contact day is `lastDay`.
                let kind = i == moments.count - 1 ? rng.pick([.call, .call, .email, .visit, .message]) : rng.kindOfContact()
                var interaction = Interaction(customerID: 0, kind: kind, at: moment)
                interaction.outcome = rng.outcome(for: kind)
                interaction.note = rng.chance(0.85) ? rng.pick(chinese ? Pool.notesZh : Pool.notesEn) : ""
                interactions.append(interaction)
            }
            // What the store derives from the timeline, derived the same way.
            let contacts = interactions.filter(\.kind.isContact)
            c.lastContactAt = contacts.last?.at
            c.lastVisitAt = contacts.last(where: \.kind.isFaceToFace)?.at
            let lastTwo = contacts.suffix(2)
            if lastTwo.count == 2, lastTwo.allSatisfy({ $0.outcome?.isFailedAttempt == true }) { c.silentSince = lastTwo.last?.at }
        }
        c.updatedAt = max(created, interactions.last?.at ?? created)
        // A few customers have a cadence of their own (0: never chased).
        if rng.chance(0.03) { c.cadenceDays = rng.pick([0, 7, 21, 45]) }

        var followUps: [FollowUp] = []
        if rng.chance(0.3) {
            let due = today.adding(days: rng.int(-10...30))
            let time = rng.chance(0.3) ? ClockTime(hour: rng.int(9...17), minute: rng.pick([0, 15, 30, 45])) : nil
            followUps.append(FollowUp(customerID: 0, due: When(day: due, time: time),
                                      title: rng.pick(chinese ? Pool.followUpsZh : Pool.followUpsEn), createdAt: created))
        }
        // A promise made after the last contact, long ago, and never followed up: stale.
        if let last = interactions.last, last.at.day.days(until: today) > 100, rng.chance(0.3) {
            let made = LocalDateTime(day: last.at.day.adding(days: 1), time: rng.clock())
            followUps.append(FollowUp(customerID: 0, due: When(day: made.day.adding(days: 7)),
                                      title: rng.pick(chinese ? Pool.followUpsZh : Pool.followUpsEn), createdAt: made))
        }
        if rng.chance(0.1), let last = interactions.last {
            var done = FollowUp(customerID: 0, due: When(day: last.at.day), title: rng.pick(Pool.followUpsEn), createdAt: created)
            done.status = .done
            done.doneAt = last.at
            followUps.append(done)
        }
        let keys = SearchKeys(name: name, company: company, phones: c.phones.map(\.value), memo: memo)
        return Entry(customer: c, keys: keys, contacts: contacts, interactions: interactions, followUps: followUps,
                     deals: deals(for: index, customer: c, interactions: interactions))
    }
}

// MARK: - Randomness

/// SplitMix64: tiny, fast, and the same sequence on every machine for the same seed (the
/// demo book, and the fuzz harness's cases).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func double() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func chance(_ p: Double) -> Bool { double() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// One of the weighted values, or nil with weight `none`.
    mutating func weighted<T>(_ items: [(T, Int)], none: Int) -> T? {
        var roll = int(0...(items.reduce(none) { $0 + $1.1 } - 1))
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return nil
    }

    mutating func clock() -> ClockTime {
        ClockTime(clampingHour: int(8...19), minute: int(0...59))
    }

    mutating func kindOfContact() -> InteractionKind {
        weighted([(InteractionKind.call, 45), (.email, 20), (.message, 15), (.visit, 8), (.meeting, 5), (.note, 7)], none: 0) ?? .call
    }

    mutating func outcome(for kind: InteractionKind) -> Outcome? {
        switch kind {
        case .call: weighted([(Outcome.reached, 60), (.noAnswer, 30)], none: 10)
        case .email, .message: weighted([(Outcome.replied, 50), (.noReply, 30)], none: 20)
        case .visit, .meeting: chance(0.8) ? .reached : nil
        case .note: nil
        }
    }

    mutating func chineseMobile() -> String {
        "1" + String(pick([3, 5, 7, 8, 9])) + String(int(0...9)) + "-" + digits(4) + "-" + digits(4)
    }

    mutating func chineseLandline() -> String { "0" + String(int(10...29)) + "-" + digits(8) }

    mutating func europeanPhone() -> String { "+" + String(pick([33, 34, 39, 44, 49])) + " " + digits(3) + " " + digits(7) }

    private mutating func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(int(0...9))) }) }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

// MARK: - Word pools

private enum Pool {
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
                           "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董",
                           "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈", "单", "欧阳"]
    static let givenNames = ["建国", "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
                             "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "志强", "海燕", "晓东", "文博", "思远",
                             "雨桐", "子涵", "浩然", "欣怡", "梓萱", "一鸣"]
    static let firstNames = ["Zoë", "Anna", "Lukas", "Marie", "James", "Olivia", "Noah", "Emma", "Liam", "Sofia", "Mateo",
                             "Chloé", "Björn", "Ingrid", "José", "Aiko", "Kenji", "Priya", "Arjun", "Fatima", "Omar",
                             "Élodie", "François", "Søren", "Łukasz"]
    static let lastNames = ["Müller", "Schmidt", "Smith", "Johnson", "García", "Martin", "Rossi", "Nakamura", "Kim",
                            "Nguyen", "Dubois", "Novák", "Kowalski", "Andersson", "O'Brien", "van Dijk", "Silva", "Patel", "Haddad"]
    static let companyPrefixes = ["华信", "恒达", "鑫源", "东方", "远大", "宏图", "金桥", "新锐", "天成", "瑞丰", "博雅", "中联"]
    static let companyTrades = ["科技", "贸易", "机械", "物流", "电子", "建材", "医疗", "食品", "包装", "化工"]
    static let companyNames = ["Acme", "Nordwind", "Bluepeak", "Alpenglow", "Meridian", "Orbit", "Kestrel", "Lumen", "Harbor"]
    static let companySuffixes = ["GmbH", "Ltd", "Inc.", "S.A.", "AB", "Co."]
    static let titlesZh = ["总经理", "采购经理", "技术总监", "财务总监", "销售主管", "董事长"]
    static let titlesEn = ["CEO", "Purchasing Manager", "CTO", "CFO", "Head of Sales", "Owner"]
    static let citiesZh = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "苏州", "西安", "重庆", "天津"]
    static let citiesEn = ["Berlin", "München", "Paris", "London", "Madrid", "Milano", "Tokyo", "Singapore"]
    static let industries = ["manufacturing", "retail", "logistics", "healthcare", "education", "construction", "food", "software"]
    static let tags = ["vip", "渠道", "重点", "trade-show-2025", "续约", "新客户", "price-sensitive"]
    static let mailDomains = ["example.com", "example.cn", "example.de", "example.org"]
    static let needs = ["降低仓储成本", "提升团队协作效率", "faster delivery", "a cheaper supplier", "季度末预算审批前采购"]
    static let concerns = ["担心售后服务", "价格偏高", "worried about integration", "long contract term"]
    static let notesZh = ["谈了报价", "客户要求再降5%", "约了下周演示", "发送了合同草稿", "询问交货期", "对售后服务有顾虑",
                          "决策人出差中", "已寄样品", "确认了需求清单", "介绍了新产品"]
    static let notesEn = ["discussed pricing", "sent the proposal", "asked for a demo next week", "CFO wants a discount",
                          "left a voicemail", "confirmed delivery date", "met the purchasing team", "followed up on the quote"]
    static let followUpsZh = ["回访报价", "发送合同", "确认付款", "安排演示", "节日问候"]
    static let followUpsEn = ["call back about the quote", "send the contract", "check on payment", "schedule a demo", "renewal chat"]
}
