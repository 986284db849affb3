/// The sales process as data: each open stage's default win probability and the checklist
/// a deal must tick before it leaves the stage. Settings the seller can change
/// (`rapport config set checklist.needs "…"`); the defaults come from the process guides.
public struct PipelineSettings: Hashable, Sendable {
    /// Percent chance of winning a deal in each open stage, unless the deal sets its own.
    public var probability: [Stage: Int]
    /// What a deal must have done before it leaves each open stage.
    public var checklist: [Stage: [String]]
    /// The currency of deals and contracts that do not name one.
    public var currency: Currency
    /// Days the funnel looks back for conversions, stays and closed deals.
    public var windowDays: Int

    /// Needs: the four SPIN questions answered; proposal: the guide's demo preparation;
    /// closing: objections and terms.
    public static let defaults = PipelineSettings(
        probability: [.lead: 10, .qualified: 20, .needs: 40, .proposal: 60, .closing: 80],
        checklist: [
            .lead: [], .qualified: [],
            .needs: ["situation understood 现状", "problem understood 问题", "implication understood 影响",
                     "need-payoff understood 需求效益"],
            .proposal: ["real decision maker identified 找到真正的决策者", "expectations and end time agreed 设定期望与结束时间",
                        "value stated for each level of the buyer 讲清各层级的价值"],
            .closing: ["objections recorded 记录异议", "terms agreed 谈妥条款"],
        ],
        currency: .yuan, windowDays: 90
    )

    public init(probability: [Stage: Int], checklist: [Stage: [String]], currency: Currency, windowDays: Int) {
        self.probability = probability
        self.checklist = checklist
        self.currency = currency
        self.windowDays = windowDays
    }

    /// A stage's default probability: the setting for an open stage, 100 once won, 0 when lost.
    public func probability(of stage: Stage) -> Int {
        switch stage {
        case .won, .paid: 100
        case .lost: 0
        default: probability[stage] ?? PipelineSettings.defaults.probability[stage] ?? 0
        }
    }

    /// The checklist of a stage (empty for won, paid and lost).
    public func checklist(of stage: Stage) -> [String] { checklist[stage] ?? [] }

    /// The checklist items of the stages a move leaves behind that are not ticked, in order.
    public func unchecked(from: Stage, to: Stage, ticked: Set<ChecklistTick>) -> [ChecklistTick] {
        items(from: from, to: to).filter { !ticked.contains($0) }
    }

    /// Every item of the checklists a move from `from` to `to` leaves behind, ticked or not, in
    /// order: the one numbering `--done`, `deal check` and `deal show` use (a move of one step
    /// numbers its stage's checklist as `deal show` lists it; the next stages' items follow on).
    public func items(from: Stage, to: Stage) -> [ChecklistTick] {
        StageChange.passed(from: from, to: to).flatMap { stage in checklist(of: stage).map { ChecklistTick(stage: stage, item: $0) } }
    }
}
