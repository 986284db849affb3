import RapportBase
import RapportCore

/// The move form (`m`, `w`, `x`): the target stage, the checklist of the stages the deal
/// leaves, a note, and for a win the contract, for a loss the reason. One form for every
/// move, so the checklist is always in front of the seller when it matters.
public struct MoveForm: Sendable {
    /// One line of the form.
    public enum Row: Hashable, Sendable {
        case stage
        case item(ChecklistTick)
        case force
        case note
        case reason
        case number, amount, instalments, term
        case playbook
    }

    public var detail: DealDetail
    public var pipeline: PipelineSettings
    /// Where the deal goes; ←/→ on the stage line chooses among `targets`.
    public var target: Stage
    public var ticked: Set<ChecklistTick>
    /// Move without ticking the checklist (`--force`).
    public var force = false
    public var note = TextField()
    public var reason: LostReason = .other
    public var number = TextField()
    public var amount: TextField
    /// A count of monthly instalments, or a plan: `2026-12-01 30%, 2027-01-15 rest`.
    public var instalments = TextField("1")
    /// The contract's term in months; empty for open-ended.
    public var term = TextField("12")
    /// Whether there is an onboarding playbook to start, and whether to start it.
    public var hasPlaybook: Bool
    public var playbook: Bool
    public var selected = 0
    public var error: String?

    public init(detail: DealDetail, pipeline: PipelineSettings, target: Stage, hasPlaybook: Bool) {
        self.detail = detail
        self.pipeline = pipeline
        self.ticked = detail.ticks
        self.amount = TextField(detail.deal.amount.formatted)
        self.hasPlaybook = hasPlaybook
        self.playbook = hasPlaybook
        self.target = target
        self.target = targets.contains(target) ? target : targets.first ?? target
        selected = rows.firstIndex { if case .item = $0 { true } else { false } } ?? rows.firstIndex(of: .note) ?? 0
    }

    public var deal: Deal { detail.deal }

    /// Where the deal can go: the other open stages, won and lost; from won only paid.
    public var targets: [Stage] {
        switch deal.stage {
        case .won: [.paid]
        case .paid, .lost: []
        default: Stage.open.filter { $0 != deal.stage } + [.won, .lost]
        }
    }

    /// The checklist items the move leaves behind, ticked or not.
    public var items: [ChecklistTick] {
        StageChange.passed(from: deal.stage, to: target).flatMap { stage in
            pipeline.checklist(of: stage).map { ChecklistTick(stage: stage, item: $0) }
        }
    }

    public var unticked: [ChecklistTick] { items.filter { !ticked.contains($0) } }

    public var rows: [Row] {
        var rows: [Row] = [.stage] + items.map(Row.item)
        if !items.isEmpty || target == .paid { rows.append(.force) }
        if target == .lost { rows.append(.reason) }
        rows.append(.note)
        if target == .won {
            rows += [.number, .amount, .instalments, .term]
            if hasPlaybook { rows.append(.playbook) }
        }
        return rows
    }

    var selectedRow: Row { rows[safe: selected] ?? .stage }

    /// The text field of a row, if it has one.
    func field(_ row: Row) -> TextField? {
        switch row {
        case .note: note
        case .number: number
        case .amount: amount
        case .instalments: instalments
        case .term: term
        default: nil
        }
    }

    mutating func setField(_ row: Row, _ value: TextField) {
        switch row {
        case .note: note = value
        case .number: number = value
        case .amount: amount = value
        case .instalments: instalments = value
        case .term: term = value
        default: break
        }
    }

    /// ←/→ on the stage line picks another target; on the reason line another reason.
    mutating func cycle(_ step: Int) {
        switch selectedRow {
        case .stage:
            let all = targets
            guard let i = all.firstIndex(of: target), !all.isEmpty else { return }
            target = all[(i + step + all.count) % all.count]
            selected = 0
        case .reason:
            let all = LostReason.allCases
            let i = all.firstIndex(of: reason) ?? 0
            reason = all[(i + step + all.count) % all.count]
        default:
            break
        }
    }

    /// Space on a checklist item, the force line or the playbook line flips it.
    mutating func toggle() -> Bool {
        switch selectedRow {
        case .item(let t):
            if ticked.contains(t) { ticked.remove(t) } else { ticked.insert(t) }
        case .force: force.toggle()
        case .playbook: playbook.toggle()
        default: return false
        }
        return true
    }

    /// The move as an effect, or why not: unticked items (unless forced), a contract that
    /// does not read.
    func effect(today: Day, now: LocalDateTime) throws(RapportError) -> Effect {
        guard let id = deal.id else { throw .notFound(what: "deal", reference: "") }
        if !force, !unticked.isEmpty {
            throw .conflict("\(unticked.count) unticked: tick them with Space, or tick “skip the checklist”")
        }
        let text = try FieldLimits.within(note.text.trimmingSpaces(), field: "note", limit: FieldLimits.longText)
        let newTicks = items.filter { ticked.contains($0) && !detail.ticks.contains($0) }
        switch target {
        case .won:
            let total: Money
            do {
                total = try Money(parsing: amount.text, currency: deal.amount.currency)
            } catch { throw .money(error) }
            let count = instalments.text.trimmingSpaces()
            let plan = if let n = Int(count) {
                try PaymentPlan.even(total: total, count: n, first: today)
            } else {
                try PaymentPlan.parse(count, total: total, today: today)
            }
            let months = term.text.trimmingSpaces()
            var ends: Day?
            if !months.isEmpty {
                guard let m = Int(months), (1...600).contains(m) else {
                    throw .invalid(field: "term", value: months, expected: "a number of months, e.g. 12, or nothing for open-ended")
                }
                ends = today.adding(months: m).adding(days: -1)
            }
            let contract = Contract(customerID: deal.customerID, dealID: id, number: number.text.trimmingSpaces(), signedOn: today,
                                    startsOn: today, endsOn: ends, amount: total, instalments: plan, createdAt: now)
            return .winDeal(dealID: id, contract: contract, note: text, ticks: newTicks, force: force,
                            playbook: hasPlaybook && playbook ? "onboarding" : nil)
        case .lost:
            return .moveDeal(dealID: id, to: .lost, note: text, ticks: [], force: false, lost: reason)
        default:
            return .moveDeal(dealID: id, to: target, note: text, ticks: newTicks, force: force, lost: nil)
        }
    }
}

/// The deal form: `d` adds a deal (title, amount, expected close, starting stage); `e` on
/// a deal of the card corrects its title, amount and close (stages move with `m`).
public struct DealForm: TextForm {
    public enum Field: Int, CaseIterable, Sendable {
        case title, amount, close, stage

        public var label: String {
            switch self {
            case .title: Language.say("Title", "名称")
            case .amount: Language.say("Amount", "金额")
            case .close: Language.say("Close by", "成交日")
            case .stage: Language.say("Stage", "阶段")
            }
        }

        public var hint: String {
            switch self {
            case .title: Language.say("what the deal is for, e.g. 年度服务", "商机是什么，如 年度服务")
            case .amount: Language.say("12000, 12,000.50 or 1.2万", "12000、12,000.50 或 1.2万")
            case .close: Language.say("expected close: 月底, +3w, 2026-12-20, or empty", "预计成交：月底、+3w、2026-12-20，或留空")
            case .stage: Language.say("lead, qualified, needs, proposal or closing", "lead、qualified、needs、proposal 或 closing")
            }
        }
    }

    public var customerID: Int64
    public var customerName: String
    /// The deal being corrected; nil for a new one.
    public var original: Deal?
    public var values: [TextField]
    public var selected = 0
    public var error: String?

    public init(customerID: Int64, customerName: String) {
        self.customerID = customerID
        self.customerName = customerName
        values = Field.allCases.map { $0 == .stage ? TextField("lead") : TextField() }
    }

    init(deal: Deal, customerName: String) {
        customerID = deal.customerID
        self.customerName = customerName
        original = deal
        values = Field.allCases.map { field in
            switch field {
            case .title: TextField(TerminalText.sanitized(deal.title))
            case .amount: TextField(deal.amount.formatted)
            case .close: TextField(deal.expectedClose?.iso ?? "")
            case .stage: TextField(deal.stage.rawValue)
            }
        }
    }

    /// The fields on the form: a deal being corrected keeps its stage.
    var fields: [Field] { original == nil ? Field.allCases : [.title, .amount, .close] }

    var title: String {
        original.map { Language.say("Deal ", "商机 ") + String($0.id ?? 0) + Language.say(" of ", " · ") + TerminalText.sanitized(customerName) }
            ?? Language.say("New deal for ", "新商机 · ") + TerminalText.sanitized(customerName)
    }
    var labels: [String] { fields.map(\.label) }
    func hint(_ index: Int) -> String { fields[index].hint }
    func value(_ index: Int) -> TextField { values[fields[index].rawValue] }
    mutating func setValue(_ index: Int, _ value: TextField) { values[fields[index].rawValue] = value }

    func text(_ field: Field) -> String { values[field.rawValue].text.trimmingSpaces() }

    /// The deal the form describes, or the first field that does not read.
    func deal(pipeline: PipelineSettings, today: Day, now: LocalDateTime) throws(RapportError) -> Deal {
        let amount: Money
        do {
            amount = try Money(parsing: text(.amount), currency: original?.amount.currency ?? pipeline.currency)
        } catch { throw .money(error) }
        var deal: Deal
        if let original {
            deal = original
            deal.title = text(.title)
            deal.amount = amount
        } else {
            let stage = try Stage(parsing: text(.stage).isEmpty ? "lead" : text(.stage))
            guard stage.isOpen else { throw .invalid(field: "stage", value: text(.stage), expected: "a deal starts in lead … closing") }
            deal = Deal(customerID: customerID, title: text(.title), amount: amount, stage: stage, createdAt: now)
        }
        deal.expectedClose = nil
        if !text(.close).isEmpty {
            do {
                deal.expectedClose = try DateExpression.parse(text(.close), today: today).day
            } catch { throw .date(error) }
        }
        return try deal.validated()
    }
}

/// A choice among a customer's open deals, when a key needs one and they have several.
public struct DealPicker: Sendable {
    public var deals: [Deal]
    public var selected = 0
    /// What the chosen deal is for.
    public var purpose: DealAction

    public init(deals: [Deal], purpose: DealAction) {
        self.deals = deals
        self.purpose = purpose
    }
}

/// What a deal key asks for.
public enum DealAction: Sendable, Equatable {
    case move, win, lose

    /// The stage the move form starts on, from a deal's stage.
    func target(from stage: Stage) -> Stage {
        switch self {
        case .move: stage == .won ? .paid : stage.next ?? stage
        case .win: .won
        case .lose: .lost
        }
    }
}
