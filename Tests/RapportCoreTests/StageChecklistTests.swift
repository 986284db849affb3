import Testing
@testable import RapportCore

/// The sales process as data: each stage's default probability and the checklist a deal
/// must tick before it leaves the stage.
struct StageChecklistTests {
    static let needs = PipelineSettings.defaults.checklist(of: .needs)
    static let proposal = PipelineSettings.defaults.checklist(of: .proposal)
    static let closing = PipelineSettings.defaults.checklist(of: .closing)

    static func ticks(_ stage: Stage, _ items: [String]) -> [ChecklistTick] {
        items.map { ChecklistTick(stage: stage, item: $0) }
    }

    // MARK: - Probabilities

    @Test(arguments: [
        (Stage.lead, 10), (.qualified, 20), (.needs, 40), (.proposal, 60), (.closing, 80),
        (.won, 100), (.paid, 100), (.lost, 0),
    ])
    func defaultProbability(stage: Stage, percent: Int) {
        #expect(PipelineSettings.defaults.probability(of: stage) == percent)
    }

    @Test func changedProbabilitiesCountOnlyForOpenStages() {
        var p = PipelineSettings.defaults
        p.probability = [.needs: 55, .won: 30, .lost: 50, .paid: 0]
        #expect(p.probability(of: .needs) == 55)
        // A stage missing from the settings falls back to the guides' default.
        #expect(p.probability(of: .proposal) == 60)
        #expect(p.probability(of: .lead) == 10)
        // Won and paid are certain, lost is nothing, whatever is stored.
        #expect(p.probability(of: .won) == 100)
        #expect(p.probability(of: .paid) == 100)
        #expect(p.probability(of: .lost) == 0)
    }

    // MARK: - Checklists

    @Test func defaultChecklists() {
        let p = PipelineSettings.defaults
        #expect(p.checklist(of: .lead).isEmpty)
        #expect(p.checklist(of: .qualified).isEmpty)
        #expect(Self.needs == ["situation understood 现状", "problem understood 问题", "implication understood 影响",
                               "need-payoff understood 需求效益"])
        #expect(Self.proposal.count == 3)
        #expect(Self.closing == ["objections recorded 记录异议", "terms agreed 谈妥条款"])
        #expect(p.checklist(of: .won).isEmpty)
        #expect(p.checklist(of: .paid).isEmpty)
        #expect(p.checklist(of: .lost).isEmpty)
    }

    @Test(arguments: [
        // (from, to, ticked (stage, index into its default checklist), unticked expected (stage, index))
        // Lead and qualified have no items: nothing to tick.
        (.lead, .qualified, [], []),
        (.lead, .needs, [], []),
        // Skipping from lead to proposal passes needs: all four, in order.
        (.lead, .proposal, [], [(.needs, 0), (.needs, 1), (.needs, 2), (.needs, 3)]),
        (.lead, .proposal, [(.needs, 1), (.needs, 3)], [(.needs, 0), (.needs, 2)]),
        (.needs, .proposal, [(.needs, 0), (.needs, 1), (.needs, 2), (.needs, 3)], []),
        // needs → won passes needs, proposal and closing: 4 + 3 + 2 items.
        (.needs, .won, [], [(.needs, 0), (.needs, 1), (.needs, 2), (.needs, 3), (.proposal, 0), (.proposal, 1),
                            (.proposal, 2), (.closing, 0), (.closing, 1)]),
        (.needs, .won, [(.needs, 0), (.needs, 2), (.needs, 3), (.proposal, 0), (.proposal, 1), (.proposal, 2), (.closing, 1)],
         [(.needs, 1), (.closing, 0)]),
        (.closing, .won, [(.closing, 0)], [(.closing, 1)]),
        // Back moves, losing and collecting ask for nothing, ticked or not.
        (.closing, .needs, [], []),
        (.proposal, .lead, [], []),
        (.needs, .lost, [], []),
        (.closing, .lost, [], []),
        (.won, .paid, [], []),
    ] as [(Stage, Stage, [(Stage, Int)], [(Stage, Int)])])
    func unchecked(from: Stage, to: Stage, ticked: [(Stage, Int)], left: [(Stage, Int)]) {
        let p = PipelineSettings.defaults
        let ticks = Set(ticked.map { ChecklistTick(stage: $0.0, item: p.checklist(of: $0.0)[$0.1]) })
        let expected = left.map { ChecklistTick(stage: $0.0, item: p.checklist(of: $0.0)[$0.1]) }
        #expect(p.unchecked(from: from, to: to, ticked: ticks) == expected)
    }

    @Test func aTickCountsOnlyForItsOwnStageAndWording() {
        var p = PipelineSettings.defaults
        p.checklist[.qualified] = ["budget known"]
        p.checklist[.needs] = ["budget known", "pain named"]
        let ticked: Set<ChecklistTick> = [
            ChecklistTick(stage: .qualified, item: "budget known"),
            ChecklistTick(stage: .needs, item: "Pain named"),             // a reworded item is a new item
        ]
        #expect(p.unchecked(from: .qualified, to: .proposal, ticked: ticked)
            == [ChecklistTick(stage: .needs, item: "budget known"), ChecklistTick(stage: .needs, item: "pain named")])
    }

    @Test func aChangedChecklistIsWhatCounts() {
        var p = PipelineSettings.defaults
        p.checklist[.lead] = ["called once"]
        p.checklist[.needs] = []
        #expect(p.unchecked(from: .lead, to: .proposal, ticked: []) == [ChecklistTick(stage: .lead, item: "called once")])
        #expect(p.unchecked(from: .needs, to: .proposal, ticked: []).isEmpty)
    }

    // MARK: - The refusal

    @Test func refusalNumbersItemsByTheirPlaceInTheListing() {
        var deal = Deal(customerID: 1, title: "ERP", amount: Money(minorUnits: 100, currency: .yuan), stage: .needs,
                        createdAt: LocalDateTime(day: RuleFixtures.today, time: ClockTime(clampingHour: 9, minute: 0)))
        deal.id = 12
        let p = PipelineSettings.defaults
        let listed = p.unchecked(from: .needs, to: .won, ticked: [])
        // Ticking 1, 3, 4 (needs) and 5–7 (proposal) and 9 (terms) leaves 2 and 8.
        let left = [ChecklistTick(stage: .needs, item: Self.needs[1]), ChecklistTick(stage: .closing, item: Self.closing[0])]
        #expect(p.uncheckedRefusal(deal, to: .won, listed: listed, left: left) == .conflict(
            "deal 12 cannot leave needs, closing for won with 2 items unticked: 2. problem understood 问题; "
            + "8. objections recorded 记录异议 — tick them with --done 2,8 or --done all, or move with --force"))
        let one = [ChecklistTick(stage: .proposal, item: Self.proposal[2])]
        #expect(p.uncheckedRefusal(deal, to: .closing, listed: listed, left: one) == .conflict(
            "deal 12 cannot leave proposal for closing with 1 item unticked: 7. value stated for each level of the buyer 讲清各层级的价值"
            + " — tick them with --done 7 or --done all, or move with --force"))
    }
}
