import ArgumentParser
import Foundation
import RapportBase
import RapportCore
import RapportStore

/// How the pipeline's commands read what the seller typed: deals, amounts, checklist
/// numbers, contract terms; and how they ask on a terminal.
enum PipelineInput {
    /// A deal by number (`12`), or a customer (#id, name, pinyin …) with exactly one deal
    /// (one open deal, when `openOnly`).
    static func deal(_ reference: String, in db: AppDatabase, openOnly: Bool) throws -> Deal {
        let trimmed = reference.trimmingSpaces()
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit), let id = Int64(trimmed) {
            guard let deal = try db.deal(id: id) else { throw RapportError.notFound(what: "deal", reference: trimmed) }
            return deal
        }
        let customer = try db.resolveCustomer(trimmed)
        guard let customerID = customer.id else { throw RapportError.customerNotFound(reference) }
        let deals = try db.deals(customerID: customerID).filter { !openOnly || $0.stage.isOpen }
        let name = TerminalText.sanitized(customer.name)
        switch deals.count {
        case 1: return deals[0]
        case 0: throw RapportError.conflict("\(name) has no \(openOnly ? "open " : "")deal; add one with `rapport deal add`")
        default:
            let listed = deals.prefix(5).map { "\($0.id ?? 0) \(TerminalText.sanitized($0.title))" }.joined(separator: ", ")
            throw RapportError.conflict("\(name) has \(deals.count) \(openOnly ? "open " : "")deals (\(listed)); name one by number")
        }
    }

    /// An amount in a currency: `12000`, `12,000.50`, `1.2万`.
    static func money(_ text: String, currency: Currency) throws -> Money {
        do {
            return try Money(parsing: text, currency: currency)
        } catch {
            throw RapportError.money(error)
        }
    }

    /// `30` or `30%`, 0 to 100; `default` for none.
    static func probability(_ text: String) throws -> Int? {
        let t = text.trimmingSpaces().lowercased()
        if t == "default" || t == "none" { return nil }
        let digits = t.hasSuffix("%") ? String(t.dropLast()) : t
        guard let p = Int(digits), (0...100).contains(p) else {
            throw RapportError.invalid(field: "probability", value: text, expected: "use a whole percentage from 0 to 100, or default")
        }
        return p
    }

    /// The items `--done` names among `items` (numbered from 1 as `deal show` and the
    /// refusal list them), or all of them.
    static func ticks(_ done: String?, among items: [ChecklistTick]) throws -> [ChecklistTick] {
        guard let done else { return [] }
        if done.trimmingSpaces().lowercased() == "all" { return items }
        var picked: [ChecklistTick] = []
        for part in done.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" }) {
            guard let n = Int(part), (1...max(1, items.count)).contains(n), n <= items.count else {
                throw RapportError.invalid(field: "--done", value: String(part),
                                           expected: items.isEmpty ? "there is no checklist to tick"
                                               : "use numbers from 1 to \(items.count), or all")
            }
            picked.append(items[n - 1])
        }
        return picked
    }

    /// Whether a person is at the terminal to answer questions.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// A line typed at the terminal in answer to `question`; nil when not on a terminal.
    static func ask(_ question: String) -> String? {
        guard isInteractive else { return nil }
        Terminal.write(question)
        return readLine(strippingNewline: true)
    }

    /// Yes to a question asked at the terminal; false when not on a terminal.
    static func confirm(_ question: String) -> Bool {
        guard let answer = ask(question + " [y/N] ") else { return false }
        return ["y", "yes", "是", "好"].contains(answer.trimmingSpaces().lowercased())
    }

    /// The note of a stage move: `--note`, else asked for at a terminal (Enter for none).
    static func stageNote(_ note: String?, to stage: Stage) throws -> String {
        let text = note ?? ask("Note for the move to \(stage.rawValue) (Enter for none): ") ?? ""
        return try FieldLimits.within(text.trimmingSpaces(), field: "note", limit: FieldLimits.longText)
    }
}

/// The contract options shared by `deal won` and `contract add`.
/// What winning a deal takes beside its contract, shared by `deal won` and `deal move … won`.
struct WinOptions: ParsableArguments {
    @OptionGroup var contract: ContractOptions
    @Option(parsing: .unconditional, help: ArgumentHelp("The contract amount (default the deal's).", valueName: "amount")) var amount: String?
    @Option(help: ArgumentHelp("Schedule this playbook's follow-ups from the contract's start, e.g. --playbook onboarding.",
                               valueName: "name"))
    var playbook: String?
    @Flag(name: .customLong("no-playbook"), help: "Do not ask about the onboarding playbook.") var noPlaybook = false

    /// Whether any option is given.
    var isEmpty: Bool { contract.isEmpty && amount == nil && playbook == nil && !noPlaybook }
}

struct ContractOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The contract number (default: the year's next, e.g. 2026-007).", valueName: "number"))
    var number: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The day it was signed (default today), e.g. --signed yesterday.", valueName: "when"))
    var signed: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The day it starts (default the day signed).", valueName: "when"))
    var start: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The day it ends, e.g. --end 2027-11-30.", valueName: "when"))
    var end: String?
    @Option(help: ArgumentHelp("Or its term in months, e.g. --term 12 (ends the day before the same date a year on).",
                               valueName: "months"))
    var term: Int?
    @Option(help: ArgumentHelp("Pay in N equal monthly instalments (default 1), e.g. --instalments 3.", valueName: "N"))
    var instalments: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("The first instalment's due day (default the start).", valueName: "when"))
    var first: String?
    @Option(help: ArgumentHelp("Or the plan itself, e.g. --plan \"2026-12-01 30%, 2027-01-15 rest\" (amounts, % or rest).",
                               valueName: "plan"))
    var plan: String?

    /// Whether any option is given.
    var isEmpty: Bool { [number, signed, start, end, plan, first].allSatisfy { $0 == nil } && term == nil && instalments == nil }

    func validate() throws {
        if end != nil, term != nil { throw ValidationError("give --end or --term, not both") }
        if plan != nil, instalments != nil || first != nil { throw ValidationError("give --plan, or --instalments and --first, not both") }
        if let term, !(1...600).contains(term) { throw ValidationError("--term must be between 1 and 600 months, not \(term)") }
    }

    /// The contract these options describe for `amount`; the number is empty when the store is to choose it.
    func contract(customerID: Int64, dealID: Int64?, amount: Money, today: Day, now: LocalDateTime) throws -> Contract {
        let signedOn = try signed.map { try When(expression: $0, today: today).day } ?? today
        let startsOn = try start.map { try When(expression: $0, today: today).day } ?? signedOn
        let endsOn = try end.map { try When(expression: $0, today: today).day } ?? term.map { startsOn.adding(months: $0).adding(days: -1) }
        let schedule: [Instalment]
        if let plan {
            schedule = try PaymentPlan.parse(plan, total: amount, today: today)
        } else {
            let firstDue = try first.map { try When(expression: $0, today: today).day } ?? startsOn
            schedule = try PaymentPlan.even(total: amount, count: instalments ?? 1, first: firstDue)
        }
        // The store checks the whole contract (and numbers it when no number is given) in the
        // transaction that writes it.
        return Contract(customerID: customerID, dealID: dealID, number: number?.trimmingSpaces() ?? "", signedOn: signedOn,
                        startsOn: startsOn, endsOn: endsOn, amount: amount, instalments: schedule, createdAt: now)
    }
}
