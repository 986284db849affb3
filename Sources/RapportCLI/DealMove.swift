import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

extension DealCommand {
    /// `rapport deal move <deal> <stage> [--note] [--done 1,2|all] [--force]`
    struct MoveDeal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Move a deal to another stage, ticking the checklist of the stages it leaves.",
            discussion: """
                Moving forward needs the checklists of the stages left behind ticked (see `rapport deal show`):
                tick them with --done, or skip the check with --force. Back to an earlier stage needs no ticks.
                To won: `rapport deal won`, or here with the same options; to lost: `rapport deal lost`, or here with --reason.
                Example: rapport deal move 12 proposal --done all --note 需求确认完毕
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The deal: its number, or a customer with one open deal.") var deal: String
        @Argument(help: "The stage: lead, qualified, needs, proposal, closing, won, paid or lost (or 需求, 方案 …).",
                  completion: Completions.stages) var stage: String
        @Option(help: ArgumentHelp("A one-line note on the move (asked for at a terminal).", valueName: "text")) var note: String?
        @Option(help: ArgumentHelp("Tick these items first: numbers as `deal show` and the refusal list them, or all.", valueName: "items"))
        var done: String?
        @Flag(help: "Move without ticking the checklist (or, to paid, with money still outstanding).") var force = false
        @Option(help: ArgumentHelp("Moving to lost: why (price, competitor, no-budget, no-decision, timing, other).", valueName: "reason"))
        var reason: String?
        @OptionGroup(title: "To won") var win: WinOptions

        func run() throws {
            let session = try global.session()
            let target = try Stage(parsing: stage)
            guard target == .won || win.isEmpty else {
                throw ValidationError("the contract options (--instalments, --term, --amount, --playbook, …) are for a move to won")
            }
            let found = try PipelineInput.deal(deal, in: session.database, openOnly: target != .paid)
            switch target {
            case .won:
                try WinDeal.win(found, win, note: note, done: done, force: force, session: session)
            case .lost:
                try LoseDeal.lose(found, reason: reason, note: note, session: session)
            default:
                try Self.move(found, to: target, note: note, done: done, force: force, session: session)
            }
        }

        static func move(_ deal: Deal, to stage: Stage, note: String?, done: String?, force: Bool, session: Session) throws {
            let db = session.database
            let pipeline = try db.settings().pipeline
            _ = try StageChange.between(deal.stage, stage, deal: deal.reference)
            let ticks = try Self.ticks(deal, to: stage, done: done, force: force, pipeline: pipeline, db: db)
            let text = try PipelineInput.stageNote(note, to: stage)
            guard let id = deal.id else { return }
            let moved = try db.moveDeal(id: id, to: stage, note: text, ticking: ticks, force: force, now: session.now)
            Terminal.write("Deal \(id): \(deal.stage.rawValue) → \(moved.stage.rawValue) (\(moved.probability(pipeline))%)"
                           + (ticks.isEmpty ? "" : ", \(ticks.count) item\(ticks.count == 1 ? "" : "s") ticked") + "\n")
        }

        /// The items to tick on the way: those `--done` names; at a terminal, when some would
        /// stay unticked, the seller is shown them and asked to tick them all. Otherwise the
        /// store refuses the move, naming them.
        static func ticks(_ deal: Deal, to stage: Stage, done: String?, force: Bool, pipeline: PipelineSettings,
                          db: AppDatabase) throws -> [ChecklistTick] {
            guard let id = deal.id, let detail = try db.dealDetail(id: id) else { return [] }
            // Numbered as `deal check` and `deal show` number them, the ticked ones too.
            let items = pipeline.items(from: deal.stage, to: stage)
            var ticks = try PipelineInput.ticks(done, among: items).filter { !detail.ticks.contains($0) }
            let left = items.filter { !ticks.contains($0) && !detail.ticks.contains($0) }
            if !left.isEmpty, !force, PipelineInput.isInteractive {
                Terminal.write("Unticked on the way to \(stage.rawValue):\n"
                               + left.map { "  [ ] \($0.stage.rawValue): \(TerminalText.sanitized($0.item))\n" }.joined())
                if PipelineInput.confirm("Tick all \(left.count) and move?") { ticks += left }
            }
            return ticks
        }
    }

    /// `rapport deal check <deal> [N…|all] [--stage S] [--undo]`
    struct CheckDeal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Show or tick a deal's stage checklist.",
            discussion: "Example: rapport deal check 12 1 3   (tick items 1 and 3 of its stage)   rapport deal check 12 all --stage proposal"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The deal: its number, or a customer with one open deal.") var deal: String
        @Argument(help: "Item numbers to tick (as listed), or all; none to just list.") var items: [String] = []
        @Option(help: ArgumentHelp("The stage whose checklist (default the deal's stage).", valueName: "stage")) var stage: String?
        @Flag(help: "Untick the items instead.") var undo = false

        func run() throws {
            let session = try global.session()
            let db = session.database
            let found = try PipelineInput.deal(deal, in: db, openOnly: true)
            let which = try stage.map { try Stage(parsing: $0) } ?? found.stage
            let checklist = try db.settings().pipeline.checklist(of: which)
            guard let id = found.id else { return }
            guard !checklist.isEmpty else {
                Terminal.write("\(which.rawValue) has no checklist (set one with `rapport config set checklist.\(which.rawValue) \"a | b\"`).\n")
                return
            }
            let all = checklist.map { ChecklistTick(stage: which, item: $0) }
            if !items.isEmpty {
                let picked = items.count == 1 && items[0].lowercased() == "all"
                    ? all : try items.flatMap { try PipelineInput.ticks($0, among: all) }
                try db.tick(dealID: id, picked, undo: undo, now: session.now)
            }
            let ticked = try db.dealDetail(id: id)?.ticks ?? []
            var out = "Deal \(id) · \(which.label) checklist:\n"
            for (i, t) in all.enumerated() {
                out += "  \(i + 1). [\(ticked.contains(t) ? "x" : " ")] \(TerminalText.sanitized(t.item))\n"
            }
            Terminal.write(out)
        }
    }

    /// `rapport deal won <deal> [contract options] [--playbook onboarding]`
    struct WinDeal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "won",
            abstract: "Win a deal: record its contract and payment plan; start the onboarding playbook if asked.",
            discussion: """
                Examples: rapport deal won 12 --instalments 3 --term 12 --playbook onboarding
                          rapport deal won wjg --number HT-0451 --plan "2026-12-01 30%, 2027-01-15 rest"
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The deal: its number, or a customer with one open deal.") var deal: String
        @OptionGroup var win: WinOptions
        @Option(help: ArgumentHelp("A one-line note on the win (asked for at a terminal).", valueName: "text")) var note: String?
        @Option(help: ArgumentHelp("Tick these unticked items first: numbers, or all.", valueName: "items")) var done: String?
        @Flag(help: "Win without ticking the checklist.") var force = false

        func run() throws {
            let session = try global.session()
            let found = try PipelineInput.deal(deal, in: session.database, openOnly: true)
            try Self.win(found, win, note: note, done: done, force: force, session: session)
        }

        static func win(_ deal: Deal, _ win: WinOptions, note: String?, done: String?, force: Bool, session: Session) throws {
            let (options, amount, playbook, noPlaybook) = (win.contract, win.amount, win.playbook, win.noPlaybook)
            let db = session.database
            let pipeline = try db.settings().pipeline
            _ = try StageChange.between(deal.stage, .won, deal: deal.reference)
            guard let id = deal.id else { return }
            let total = try amount.map { try PipelineInput.money($0, currency: deal.amount.currency) } ?? deal.amount
            let draft = try options.contract(customerID: deal.customerID, dealID: id, amount: total, today: session.today, now: session.now)
            let ticks = try MoveDeal.ticks(deal, to: .won, done: done, force: force, pipeline: pipeline, db: db)
            let text = try PipelineInput.stageNote(note, to: .won)
            var chosen = playbook
            if chosen == nil, !noPlaybook, try db.playbook(named: "onboarding") != nil,
               PipelineInput.confirm("Start the onboarding playbook for this customer?") {
                chosen = "onboarding"
            }
            let won = try db.winDeal(id: id, contract: draft, note: text, ticking: ticks, force: force, playbook: chosen, now: session.now)
            var out = "Deal \(id) won: contract \(TerminalText.sanitized(won.contract.number)), \(won.contract.amount.formatted) "
                + "\(won.contract.amount.currency.code)" + (won.contract.endsOn.map { ", \(won.contract.startsOn.iso) to \($0.iso)" } ?? "") + "\n"
            out += ContractText.plan(won.contract, today: session.today)
            if !won.followUps.isEmpty {
                out += "Planned \(won.followUps.count) follow-ups (\(TerminalText.sanitized(chosen ?? ""))): "
                    + won.followUps.map { RelativeDay.dated($0.due) }.joined(separator: ", ") + "\n"
            }
            Terminal.write(out)
        }
    }

    /// `rapport deal lost <deal> --reason R [--note]`
    struct LoseDeal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lost",
            abstract: "Mark a deal lost, with the reason.",
            discussion: "Example: rapport deal lost 12 --reason competitor --note 选了友商，价格低15%"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The deal: its number, or a customer with one open deal.") var deal: String
        @Option(help: ArgumentHelp("Why: price, competitor, no-budget, no-decision, timing or other.", valueName: "reason"))
        var reason: String?
        @Option(help: ArgumentHelp("What happened, in a line.", valueName: "text")) var note: String?

        func run() throws {
            let session = try global.session()
            try Self.lose(try PipelineInput.deal(deal, in: session.database, openOnly: true), reason: reason, note: note, session: session)
        }

        static func lose(_ deal: Deal, reason: String?, note: String?, session: Session) throws {
            _ = try StageChange.between(deal.stage, .lost, deal: deal.reference)
            guard let reason else {
                throw RapportError.invalid(field: "lost reason", value: "",
                                           expected: "say why with --reason " + LostReason.allCases.map(\.rawValue).joined(separator: "|"))
            }
            let why = try LostReason(parsing: reason)
            let text = try FieldLimits.optional(note, field: "note", limit: FieldLimits.longText)
            guard let id = deal.id else { return }
            _ = try session.database.moveDeal(id: id, to: .lost, note: text ?? "", lost: (why, text), now: session.now)
            Terminal.write("Deal \(id) lost (\(why.rawValue))\(text.map { ": " + TerminalText.sanitized($0) } ?? "")\n")
        }
    }
}
