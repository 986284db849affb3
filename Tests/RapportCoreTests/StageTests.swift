import Testing
@testable import RapportCore

/// The stages of a deal: reading them as typed, which moves are allowed, and which
/// checklists a move leaves behind.
struct StageTests {
    // MARK: - Reading a stage

    @Test(arguments: [
        // Names, any case, spaces around.
        ("lead", Stage.lead), ("qualified", .qualified), ("needs", .needs), ("proposal", .proposal),
        ("closing", .closing), ("won", .won), ("paid", .paid), ("lost", .lost),
        ("LEAD", .lead), ("Proposal", .proposal), ("  won  ", .won), ("\u{3000}paid", .paid),
        // Unique prefixes.
        ("q", .qualified), ("n", .needs), ("c", .closing), ("w", .won),
        ("le", .lead), ("lo", .lost), ("pr", .proposal), ("pa", .paid), ("prop", .proposal), ("Qual", .qualified),
        // The guides' Chinese names.
        ("线索", .lead), ("验证", .qualified), ("需求", .needs), ("方案", .proposal), ("谈判", .closing),
        ("赢单", .won), ("回款", .paid), ("输单", .lost),
        // Aliases.
        ("成交", .closing), ("签约", .won), ("合同", .won), ("丢单", .lost), ("需求分析", .needs),
        ("线索验证", .qualified), ("方案演示", .proposal), ("商务谈判", .closing), (" 签约 ", .won),
    ])
    func parsesStage(text: String, stage: Stage) throws {
        #expect(try Stage(parsing: text) == stage)
    }

    @Test(arguments: [
        "",            // nothing typed
        "   ",
        "l",           // lead or lost
        "p",           // proposal or paid
        "x",
        "leads",       // longer than any name
        "open",
        "won!",
        "线",           // a prefix of a Chinese name is not read
        "签",
        "赢",
    ])
    func refusesStageNamingTheValue(text: String) {
        do {
            let stage = try Stage(parsing: text)
            Issue.record("\(text.debugDescription) read as \(stage)")
        } catch {
            #expect(error == .invalid(field: "stage", value: text,
                                      expected: "use one of lead, qualified, needs, proposal, closing, won, paid, lost"))
        }
    }

    @Test(arguments: [
        (Stage.lead, Optional(0), Optional(Stage.qualified), true, "lead 线索"),
        (.qualified, 1, .needs, true, "qualified 验证"),
        (.needs, 2, .proposal, true, "needs 需求"),
        (.proposal, 3, .closing, true, "proposal 方案"),
        (.closing, 4, .won, true, "closing 谈判"),
        (.won, 5, .paid, false, "won 赢单"),
        (.paid, 6, nil, false, "paid 回款"),
        (.lost, nil, nil, false, "lost 输单"),
    ])
    func placeOnThePath(stage: Stage, rank: Int?, next: Stage?, isOpen: Bool, label: String) {
        #expect(stage.rank == rank)
        #expect(stage.next == next)
        #expect(stage.isOpen == isOpen)
        #expect(stage.label == label)
    }

    @Test func funnelAndOpenOrder() {
        #expect(Stage.open == [.lead, .qualified, .needs, .proposal, .closing])
        #expect(Stage.funnel == [.lead, .qualified, .needs, .proposal, .closing, .won, .paid])
    }

    // MARK: - Moves

    /// What a move should come to; the refusals with the message each gives for deal 7.
    enum Move: Sendable, Equatable {
        case change(StageChange)
        case same, lostCannotMove, paidCannotMove, wonOnlyToPaid, notWonYet

        static let f = Move.change(.forward), b = Move.change(.back), w = Move.change(.win), l = Move.change(.lose)
        static let c = Move.change(.collect)
        static let s = Move.same, xl = Move.lostCannotMove, xp = Move.paidCannotMove, xw = Move.wonOnlyToPaid
        static let xn = Move.notWonYet

        func message(from: Stage) -> String? {
            switch self {
            case .change: nil
            case .same: "deal 7 is already in \(from.rawValue)"
            case .lostCannotMove: "deal 7 is lost; a lost deal cannot move (add a new deal instead)"
            case .paidCannotMove: "deal 7 is paid; it is finished and cannot move"
            case .wonOnlyToPaid: "deal 7 is won; a won deal can only move to paid (its contract stays signed)"
            case .notWonYet: "deal 7 is not won yet; win it first (rapport deal won)"
            }
        }
    }

    /// Every (from, to) pair, written out by hand: rows are `from`, columns `to`, both in the
    /// order lead, qualified, needs, proposal, closing, won, paid, lost.
    static let moves: [Stage: [Move]] = [
        //                lead qual needs prop clos won  paid  lost
        .lead:           [.s,  .f,  .f,   .f,  .f,  .w,  .xn,  .l],
        .qualified:      [.b,  .s,  .f,   .f,  .f,  .w,  .xn,  .l],
        .needs:          [.b,  .b,  .s,   .f,  .f,  .w,  .xn,  .l],
        .proposal:       [.b,  .b,  .b,   .s,  .f,  .w,  .xn,  .l],
        .closing:        [.b,  .b,  .b,   .b,  .s,  .w,  .xn,  .l],
        .won:            [.xw, .xw, .xw,  .xw, .xw, .s,  .c,   .xw],
        .paid:           [.xp, .xp, .xp,  .xp, .xp, .xp, .s,   .xp],
        .lost:           [.xl, .xl, .xl,  .xl, .xl, .xl, .xl,  .s],
    ]

    @Test func theMoveTableCoversEveryPair() {
        #expect(Set(Self.moves.keys) == Set(Stage.allCases))
        #expect(Self.moves.values.allSatisfy { $0.count == Stage.allCases.count })
        #expect(Stage.allCases == [.lead, .qualified, .needs, .proposal, .closing, .won, .paid, .lost])
    }

    @Test(arguments: Stage.allCases, Stage.allCases)
    func move(from: Stage, to: Stage) throws {
        let row = try #require(Self.moves[from])
        let column = try #require(Stage.allCases.firstIndex(of: to))
        let expected = row[column]
        do {
            let change = try StageChange.between(from, to, deal: "deal 7")
            #expect(Move.change(change) == expected, "\(from) → \(to)")
        } catch {
            #expect(expected.message(from: from).map { RapportError.conflict($0) } == error, "\(from) → \(to)")
        }
    }

    // MARK: - Checklists left behind

    @Test(arguments: [
        // Forward one stage: the stage left.
        (Stage.lead, Stage.qualified, [Stage.lead]),
        (.needs, .proposal, [.needs]),
        (.closing, .won, [.closing]),
        // Skipping: every stage passed, the one left included.
        (.lead, .proposal, [.lead, .qualified, .needs]),
        (.lead, .closing, [.lead, .qualified, .needs, .proposal]),
        (.needs, .won, [.needs, .proposal, .closing]),
        (.qualified, .won, [.qualified, .needs, .proposal, .closing]),
        (.lead, .won, [.lead, .qualified, .needs, .proposal, .closing]),
        // Back moves, losing, collecting and standing still pass nothing.
        (.proposal, .lead, []),
        (.closing, .needs, []),
        (.qualified, .lead, []),
        (.needs, .lost, []),
        (.lead, .lost, []),
        (.closing, .lost, []),
        (.won, .paid, []),
        (.needs, .needs, []),
        (.lost, .lead, []),
        (.paid, .won, []),
    ])
    func passed(from: Stage, to: Stage, stages: [Stage]) {
        #expect(StageChange.passed(from: from, to: to) == stages)
    }

    // MARK: - Lost reasons

    @Test(arguments: [
        ("price", LostReason.price), ("competitor", .competitor), ("no-budget", .noBudget), ("no-decision", .noDecision),
        ("timing", .timing), ("other", .other),
        // Spaces or nothing for the hyphen, any case.
        ("no budget", .noBudget), ("No Budget", .noBudget), ("nobudget", .noBudget), ("NOBUDGET", .noBudget),
        ("no  decision", .noDecision), ("nodecision", .noDecision), (" no decision ", .noDecision),
        // Unique prefixes.
        ("comp", .competitor), ("c", .competitor), ("pr", .price), ("p", .price), ("t", .timing), ("o", .other),
        ("no-b", .noBudget), ("no b", .noBudget), ("no-d", .noDecision),
        // Chinese.
        ("价格", .price), ("竞争对手", .competitor), ("没有预算", .noBudget), ("没有决策", .noDecision), ("时机", .timing),
        ("其他", .other),
    ])
    func parsesLostReason(text: String, reason: LostReason) throws {
        #expect(try LostReason(parsing: text) == reason)
    }

    @Test(arguments: ["", "  ", "n", "no", "no-", "budget", "cheap", "价", "prices", "other reason"])
    func refusesLostReasonNamingTheValue(text: String) {
        do {
            let reason = try LostReason(parsing: text)
            Issue.record("\(text.debugDescription) read as \(reason)")
        } catch {
            #expect(error == .invalid(field: "lost reason", value: text,
                                      expected: "use one of price, competitor, no-budget, no-decision, timing, other"))
        }
    }
}
