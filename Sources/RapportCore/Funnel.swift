/// What the store sums for the funnel, grouped so that the rules (default probabilities,
/// weighting, conversion) stay here: every figure is an index-only aggregate.
public struct FunnelInputs: Sendable {
    /// Deals by stage, currency and own probability (nil: the stage's default). Open and won
    /// deals all; paid and lost only those that got there in the window.
    public var deals: [DealGroup] = []
    /// Per stage: stays that ended in the window, and their days added up.
    public var stays: [Stage: (count: Int, days: Int)] = [:]
    /// Entries into each stage in the window, by where the deal went next (nil: still there).
    public var entries: [(stage: Stage, leftTo: Stage?, count: Int)] = []
    /// Open deals by expected-close month (nil: the month is past), currency, stage and probability.
    public var forecast: [ForecastGroup] = []
    /// Per currency: paid this month, instalments still due this month and overdue, and
    /// everything outstanding on contracts.
    public var collections: [Currency: Collections] = [:]

    public init() {}

    public struct DealGroup: Hashable, Sendable {
        public var stage: Stage
        public var currency: Currency
        public var probability: Int?
        public var count: Int
        public var amount: Int64

        public init(stage: Stage, currency: Currency, probability: Int?, count: Int, amount: Int64) {
            self.stage = stage
            self.currency = currency
            self.probability = probability
            self.count = count
            self.amount = amount
        }
    }

    public struct ForecastGroup: Hashable, Sendable {
        /// The first day of the expected-close month; nil for deals whose date has passed.
        public var month: Day?
        public var deals: DealGroup

        public init(month: Day?, deals: DealGroup) {
            self.month = month
            self.deals = deals
        }
    }

    public struct Collections: Hashable, Sendable {
        public var collectedThisMonth: Int64 = 0
        public var dueThisMonth: Int64 = 0
        public var overdue: Int64 = 0
        public var outstanding: Int64 = 0

        public init(collectedThisMonth: Int64 = 0, dueThisMonth: Int64 = 0, overdue: Int64 = 0, outstanding: Int64 = 0) {
            self.collectedThisMonth = collectedThisMonth
            self.dueThisMonth = dueThisMonth
            self.overdue = overdue
            self.outstanding = outstanding
        }
    }
}

/// Where the seller's money stands: `rapport funnel` and the TUI's funnel pane.
public struct FunnelReport: Hashable, Sendable {
    public var today: Day
    /// Conversions, stays, paid and lost deals are counted from this day on.
    public var windowStart: Day
    /// lead … paid, then lost.
    public var stages: [StageLine]
    /// This month and the next two; `pastDue` holds open deals whose expected close has passed.
    public var forecast: [ForecastLine]
    public var pastDue: ForecastLine
    /// One line per currency with anything owed or paid.
    public var collections: [CollectionLine]

    /// An amount and its weighted value in one currency.
    public struct Total: Hashable, Sendable {
        public var amount: Money
        public var weighted: Money

        public init(amount: Money, weighted: Money) {
            self.amount = amount
            self.weighted = weighted
        }
    }

    public struct StageLine: Hashable, Sendable {
        public var stage: Stage
        public var count: Int
        /// Per currency, the seller's own first.
        public var totals: [Total]
        /// Mean whole days of the stays in this stage that ended in the window.
        public var averageDays: Double?
        /// Deals that entered the stage in the window, and how many of them went on to a later stage.
        public var entered: Int
        public var advanced: Int

        /// The share of entries that moved on; nil when none entered or the stage is the last.
        public var conversion: Double? {
            guard entered > 0, stage.next != nil else { return nil }
            return Double(advanced) / Double(entered)
        }
    }

    public struct ForecastLine: Hashable, Sendable {
        /// The first day of the month; nil for the past-due line.
        public var month: Day?
        public var count: Int
        public var totals: [Total]
    }

    public struct CollectionLine: Hashable, Sendable {
        public var currency: Currency
        public var collectedThisMonth: Money
        public var dueThisMonth: Money
        public var overdue: Money
        public var outstanding: Money
    }

    /// Assembles the report: weights each group by its probability (the deal's own, else the
    /// stage's), rounding once per stage and currency, half up.
    public init(_ inputs: FunnelInputs, today: Day, pipeline: PipelineSettings) throws(RapportError) {
        self.today = today
        windowStart = today.adding(days: -pipeline.windowDays)
        let order = { (c: Currency) in (c == pipeline.currency ? 0 : 1, c.code) }

        func totals(_ groups: [FunnelInputs.DealGroup]) throws(RapportError) -> [Total] {
            var amount: [Currency: Int64] = [:]
            var weighted: [Currency: Int64] = [:]
            for g in groups {
                let what = "the \(g.currency.code) deals in \(g.stage.rawValue)"
                amount[g.currency] = try Money.sum(amount[g.currency] ?? 0, g.amount, of: what)
                let p = g.stage.isOpen ? g.probability ?? pipeline.probability(of: g.stage) : pipeline.probability(of: g.stage)
                weighted[g.currency] = try Money.sum(weighted[g.currency] ?? 0, try Money.product(g.amount, Int64(p), of: what), of: what)
            }
            return amount.keys.sorted { order($0) < order($1) }.map { c in
                Total(amount: Money(minorUnits: amount[c] ?? 0, currency: c),
                      weighted: Money(minorUnits: Money.divideRoundingHalfUp(weighted[c] ?? 0, by: 100), currency: c))
            }
        }

        stages = try (Stage.funnel + [.lost]).map { stage throws(RapportError) in
            let groups = inputs.deals.filter { $0.stage == stage }
            let stays = inputs.stays[stage]
            let entries = inputs.entries.filter { $0.stage == stage }
            let advanced = entries.filter { e in
                guard let to = e.leftTo?.rank, let from = stage.rank else { return false }
                return to > from
            }
            return StageLine(stage: stage, count: groups.reduce(0) { $0 + $1.count }, totals: try totals(groups),
                             averageDays: stays.flatMap { $0.count > 0 ? Double($0.days) / Double($0.count) : nil },
                             entered: entries.reduce(0) { $0 + $1.count }, advanced: advanced.reduce(0) { $0 + $1.count })
        }

        let thisMonth = Day(year: today.year, month: today.month, day: 1) ?? today
        forecast = try (0..<3).map { offset throws(RapportError) in
            let month = thisMonth.adding(months: offset)
            let groups = inputs.forecast.filter { $0.month == month }.map(\.deals)
            return ForecastLine(month: month, count: groups.reduce(0) { $0 + $1.count }, totals: try totals(groups))
        }
        let late = inputs.forecast.filter { $0.month == nil }.map(\.deals)
        pastDue = ForecastLine(month: nil, count: late.reduce(0) { $0 + $1.count }, totals: try totals(late))

        collections = inputs.collections.keys.sorted { order($0) < order($1) }.compactMap { c in
            guard let k = inputs.collections[c] else { return nil }
            let m = { (v: Int64) in Money(minorUnits: v, currency: c) }
            return CollectionLine(currency: c, collectedThisMonth: m(k.collectedThisMonth), dueThisMonth: m(k.dueThisMonth),
                                  overdue: m(k.overdue), outstanding: m(k.outstanding))
        }
    }

    /// The line of a stage.
    public func line(_ stage: Stage) -> StageLine? { stages.first { $0.stage == stage } }
}
