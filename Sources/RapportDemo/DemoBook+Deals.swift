import RapportCore

/// The demo book's pipeline: a small catalogue, and for about half the customers a deal
/// whose stage fits their status, with its stage history, and for won deals the contract,
/// its instalments and the payments received so far.
extension DemoBook {
    /// A deal as the demo writes it: the deal, its stays oldest first, and once won the
    /// contract with the payments made (instalment position, day, amount).
    public struct DemoDeal: Sendable {
        public var deal: Deal
        /// The catalogue code of each line item, in order (the store knows the ids).
        public var productCodes: [String]
        public var stays: [StageStay]
        public var contract: Contract?
        public var payments: [(position: Int, day: Day, amount: Money)]
    }

    /// The catalogue every demo book sells from.
    public static let products: [Product] = [
        Product(code: "CRM-PRO", name: "CRM 专业版 · annual", unitPrice: Money(minorUnits: 480_000, currency: .yuan)),
        Product(code: "CRM-STD", name: "CRM 标准版 · annual", unitPrice: Money(minorUnits: 240_000, currency: .yuan)),
        Product(code: "IMPL", name: "实施服务 · implementation", unitPrice: Money(minorUnits: 2_000_000, currency: .yuan)),
        Product(code: "TRAIN", name: "培训 · training day", unitPrice: Money(minorUnits: 300_000, currency: .yuan)),
        Product(code: "SUPPORT", name: "驻场支持 · on-site support", unitPrice: Money(minorUnits: 600_000, currency: .yuan)),
    ]

    /// The customer's deals, from a generator of its own (seeded by the book's seed and the
    /// customer's place), so adding deals left every customer as it was.
    func deals(for index: Int, customer: Customer, interactions: [Interaction]) -> [DemoDeal] {
        var rng = SplitMix64(seed: seed ^ 0xDEA1_5EED &+ UInt64(index) &* 0x9E37_79B9)
        let chance: Double = switch customer.status {
        case .customer: 0.6
        case .prospect: 0.8
        case .lead: 0.3
        case .lost: 0.5
        case .dormant: 0.2
        }
        guard rng.chance(chance) else { return [] }
        let chinese = customer.name.unicodeScalars.first.map { $0.value >= 0x4E00 } ?? false
        let target: Stage = switch customer.status {
        case .customer: rng.chance(0.55) ? .paid : .won
        case .prospect: rng.pick([.qualified, .needs, .needs, .proposal, .proposal, .closing])
        case .lead: rng.chance(0.6) ? .lead : .qualified
        case .lost: .lost
        case .dormant: .paid
        }

        // Line items from the catalogue; the amount is their total.
        var items: [DealItem] = []
        var codes: [String] = []
        var offered = Self.products
        for _ in 0..<rng.int(1...3) {
            let product = offered.remove(at: rng.int(0...(offered.count - 1)))
            codes.append(product.code)
            items.append(DealItem(productID: nil, description: product.code + " " + product.name, quantity: rng.int(1...5),
                                  unitPrice: product.unitPrice, discountBasisPoints: rng.pick([0, 0, 500, 1000])))
        }
        let total = (try? DealItem.total(items)).flatMap { $0 } ?? Money(minorUnits: 1_000_000, currency: .yuan)
        let title = rng.pick(chinese ? Pool.titlesZh : Pool.titlesEn)

        // The history: from the day the deal was opened through the stages to the target,
        // a few days to a few weeks in each; closed deals long enough ago to have a contract.
        let path: [Stage]
        switch target {
        case .lost:
            let reached = rng.int(0...4)
            path = Array(Stage.open.prefix(reached + 1)) + [.lost]
        case .won, .paid:
            path = Stage.open.filter { $0 == .lead || $0 == .closing || rng.chance(0.7) } + (target == .paid ? [.won, .paid] : [.won])
        default:
            path = Array(Stage.open.prefix(through: Stage.open.firstIndex(of: target) ?? 0))
        }
        let gaps = path.map { _ in rng.int(2...25) }
        let span = gaps.dropLast().reduce(0, +)
        let endAgo: Int = target.isOpen ? rng.int(0...40) : target == .won ? rng.int(5...120) : rng.int(20...400)
        var when = LocalDateTime(day: today.adding(days: -(endAgo + span)), time: rng.clock())
        if when < customer.createdAt { when = customer.createdAt }
        var stays: [StageStay] = []
        for (i, stage) in path.enumerated() {
            if i > 0 {
                let next = LocalDateTime(day: when.day.adding(days: gaps[i - 1]), time: rng.clock())
                when = min(max(next, when), LocalDateTime(day: today, time: ClockTime(clampingHour: 8, minute: 0)))
                stays[i - 1].leftAt = when
                stays[i - 1].leftTo = stage
            }
            stays.append(StageStay(dealID: 0, stage: stage, from: i == 0 ? nil : path[i - 1], enteredAt: when,
                                   note: stage == .lead || !rng.chance(0.5) ? "" : rng.pick(chinese ? Pool.moveNotesZh : Pool.moveNotesEn)))
        }
        guard let opened = stays.first?.enteredAt, let last = stays.last else { return [] }

        var deal = Deal(customerID: 0, title: title, amount: total, stage: target, createdAt: opened)
        deal.items = items
        deal.stageEnteredAt = last.enteredAt
        deal.updatedAt = last.enteredAt
        // Talking to the customer is work on the deal: the last activity is the later of the
        // last move and the last interaction.
        deal.lastActivityAt = max(last.enteredAt, interactions.last?.at ?? last.enteredAt)
        if target.isOpen {
            deal.expectedClose = today.adding(days: rng.int(-20...90))
            if rng.chance(0.1) { deal.probability = rng.pick([15, 35, 50, 70, 90]) }
        }
        if target == .lost {
            deal.lostReason = rng.pick(LostReason.allCases)
            deal.lostNote = rng.chance(0.5) ? rng.pick(chinese ? Pool.lostNotesZh : Pool.lostNotesEn) : nil
        }

        var contract: Contract?
        var payments: [(position: Int, day: Day, amount: Money)] = []
        if let won = stays.first(where: { $0.stage == .won })?.enteredAt.day {
            let count = rng.pick([1, 1, 2, 3, 4, 6])
            let plan = (try? PaymentPlan.even(total: total, count: count, first: won)) ?? []
            contract = Contract(customerID: 0, number: "", signedOn: won, startsOn: won, endsOn: won.adding(months: 12).adding(days: -1),
                                amount: total, instalments: plan, createdAt: LocalDateTime(day: won, time: ClockTime(clampingHour: 10, minute: 0)))
            for i in plan where i.dueOn <= today {
                // Paid deals paid everything; won ones most of what fell due, some of it late.
                if target == .paid || rng.chance(0.7) {
                    let late = rng.int(0...12)
                    let day = min(i.dueOn.adding(days: late), today)
                    if target == .won, rng.chance(0.15) {
                        payments.append((i.position, day, Money(minorUnits: i.amount.minorUnits / 2, currency: i.amount.currency)))
                    } else {
                        payments.append((i.position, day, i.amount))
                    }
                }
            }
            if target == .paid {
                for i in plan where i.dueOn > today { payments.append((i.position, today, i.amount)) }
            }
        }
        return [DemoDeal(deal: deal, productCodes: codes, stays: stays, contract: contract, payments: payments)]
    }
}

extension DemoBook {
    fileprivate enum Pool {
        static let titlesZh = ["年度订阅", "系统升级", "新门店部署", "续约", "实施项目", "培训采购", "扩容", "集团推广"]
        static let titlesEn = ["annual subscription", "system upgrade", "new site rollout", "renewal", "implementation project",
                               "training package", "expansion", "group rollout"]
        static let moveNotesZh = ["确认了预算", "见到了决策人", "发送了方案", "演示效果很好", "谈妥价格", "客户内部评审中"]
        static let moveNotesEn = ["budget confirmed", "met the decision maker", "proposal sent", "demo went well", "price agreed",
                                  "internal review under way"]
        static let lostNotesZh = ["选了友商", "预算砍了", "决策人离职"]
        static let lostNotesEn = ["went with a competitor", "budget cut", "champion left the company"]
    }
}
