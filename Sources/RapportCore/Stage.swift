import RapportBase

/// Where a deal stands in the sales process of the guides: a lead is found, qualified by a
/// first contact, its needs analysed, a proposal made, the terms negotiated; then the
/// contract is won and the money collected — or the deal is lost from any open stage.
public enum Stage: String, CaseIterable, Sendable, Codable {
    case lead, qualified, needs, proposal, closing, won, paid, lost

    /// The stages a deal is worked in, in order.
    public static let open: [Stage] = [.lead, .qualified, .needs, .proposal, .closing]

    /// The funnel's rows, in order: the open stages, then won and paid.
    public static let funnel: [Stage] = open + [.won, .paid]

    /// Still being worked: not won, paid or lost.
    public var isOpen: Bool { Stage.open.contains(self) }

    /// The position in the process (lead 0 … paid 6); nil for lost, which is off the path.
    public var rank: Int? { Stage.funnel.firstIndex(of: self) }

    /// The stage after this one on the path; nil for paid and lost.
    public var next: Stage? {
        guard let rank, rank + 1 < Stage.funnel.count else { return nil }
        return Stage.funnel[rank + 1]
    }

    /// The guides' name for the stage.
    public var chinese: String {
        switch self {
        case .lead: "线索"
        case .qualified: "验证"
        case .needs: "需求"
        case .proposal: "方案"
        case .closing: "谈判"
        case .won: "赢单"
        case .paid: "回款"
        case .lost: "输单"
        }
    }

    /// `proposal 方案`.
    public var label: String { rawValue + " " + chinese }

    /// The stage in the interface's words: `proposal`, or `方案`.
    public var said: String { Language.say(rawValue, chinese) }

    /// Reads a stage as typed: its name, a unique prefix of it (`prop`), or its Chinese name.
    public init(parsing text: String) throws(RapportError) {
        let t = text.trimmingSpaces().lowercased()
        let aliases: [String: Stage] = ["成交": .closing, "签约": .won, "合同": .won, "丢单": .lost, "需求分析": .needs,
                                        "线索验证": .qualified, "方案演示": .proposal, "商务谈判": .closing]
        if let exact = Stage(rawValue: t) ?? Stage.allCases.first(where: { $0.chinese == t }) ?? aliases[t] {
            self = exact
            return
        }
        let prefixed = t.isEmpty ? [] : Stage.allCases.filter { $0.rawValue.hasPrefix(t) }
        guard prefixed.count == 1, let only = prefixed.first else {
            throw .invalid(field: "stage", value: text, expected: "use one of " + Stage.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = only
    }
}

/// What moving a deal from one stage to another is, once it is known to be allowed.
public enum StageChange: Hashable, Sendable {
    /// On to a later open stage (skipping is allowed: the passed stages' checklists count).
    case forward
    /// Back to an earlier open stage: the seller learned something; no checklist.
    case back
    /// The contract is signed.
    case win
    /// Lost, from any open stage.
    case lose
    /// The contract's money is in: won → paid.
    case collect

    /// Whether `from` → `to` is allowed, and what it is; the error says why not.
    public static func between(_ from: Stage, _ to: Stage, deal: String) throws(RapportError) -> StageChange {
        guard from != to else { throw .conflict("\(deal) is already in \(from.rawValue)") }
        switch from {
        case .lost:
            throw .conflict("\(deal) is lost; a lost deal cannot move (add a new deal instead)")
        case .paid:
            throw .conflict("\(deal) is paid; it is finished and cannot move")
        case .won:
            guard to == .paid else {
                throw .conflict("\(deal) is won; a won deal can only move to paid (its contract stays signed)")
            }
            return .collect
        case .lead, .qualified, .needs, .proposal, .closing:
            switch to {
            case .won: return .win
            case .lost: return .lose
            case .paid: throw .conflict("\(deal) is not won yet; win it first (rapport deal won)")
            default:
                guard let a = from.rank, let b = to.rank else { throw .conflict("\(deal) cannot move to \(to.rawValue)") }
                return b > a ? .forward : .back
            }
        }
    }

    /// The open stages a deal leaves behind going from `from` to `to`: their checklists must
    /// be ticked. Nothing when going back, losing, or collecting.
    public static func passed(from: Stage, to: Stage) -> [Stage] {
        guard from.isOpen, let a = from.rank, let b = (to == .won ? Stage.open.count : to.rank), b > a, to != .lost else { return [] }
        return Array(Stage.open[a..<min(b, Stage.open.count)])
    }
}

/// Why a deal was lost, as the reports count it.
public enum LostReason: String, CaseIterable, Sendable, Codable {
    case price, competitor, noBudget = "no-budget", noDecision = "no-decision", timing, other

    /// The reason in the interface's words.
    public var said: String { Language.say(rawValue, chinese) }

    public var chinese: String {
        switch self {
        case .price: "价格"
        case .competitor: "竞争对手"
        case .noBudget: "没有预算"
        case .noDecision: "没有决策"
        case .timing: "时机"
        case .other: "其他"
        }
    }

    /// Reads a reason by name (`no-budget`, `no budget`, `nobudget`), prefix or Chinese name.
    public init(parsing text: String) throws(RapportError) {
        let t = text.trimmingSpaces().lowercased().split(separator: " ").joined(separator: "-")
        let all = LostReason.allCases
        if let exact = all.first(where: { $0.rawValue == t || $0.rawValue.filter { $0 != "-" } == t || $0.chinese == t }) {
            self = exact
            return
        }
        let prefixed = t.isEmpty ? [] : all.filter { $0.rawValue.hasPrefix(t) }
        guard prefixed.count == 1, let only = prefixed.first else {
            throw .invalid(field: "lost reason", value: text, expected: "use one of " + all.map(\.rawValue).joined(separator: ", "))
        }
        self = only
    }
}
