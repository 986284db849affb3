import Foundation
import RapportBase
import RapportCore
import RapportImport
import RapportStore

/// Carries out effects against the store and answers with events. The only part of the
/// TUI besides the curses backend that is not pure.
public final class EffectRunner {
    let database: AppDatabase
    let scanner: ReminderScanner
    let pipeline: PipelineSettings
    /// The seller's wall clock (fixed by RAPPORT_TODAY in tests), read at each write.
    let clock: () -> LocalDateTime
    /// Search keys of the whole book, loaded the first time the filter is used.
    private var corpus: SearchCorpus?
    /// The book's data version when the keys were read: another process's write makes them old.
    private var corpusVersion = 0

    public init(database: AppDatabase, settings: Settings, clock: @escaping () -> LocalDateTime) {
        self.database = database
        scanner = ReminderScanner(settings: settings.reminders)
        pipeline = settings.pipeline
        self.clock = clock
    }

    /// Loads the search keys ahead of the first `/`, while the seller reads the today view.
    public func preloadSearch() {
        _ = try? searchCorpus()
    }

    private func searchCorpus() throws -> SearchCorpus {
        let version = try database.dataVersion()
        if let corpus, version == corpusVersion { return corpus }
        let loaded = try database.searchCorpus()
        corpus = loaded
        corpusVersion = version
        return loaded
    }

    public func run(_ effect: Effect) -> [Event] {
        // The history names a change by the action that made it: its case name, `log`, `snooze`, `addDeal`.
        database.changes(by: ChangeOrigin(command: "rapport (TUI) " + String(describing: effect).prefix { $0 != "(" }, now: clock()))
        do {
            return try perform(effect)
        } catch let error as RapportError {
            return [.failed(error.description)]
        } catch {
            return [.failed("\(error)")]
        }
    }

    private func perform(_ effect: Effect) throws -> [Event] {
        switch effect {
        case .loadToday(let limit):
            let today = clock().day
            let inputs = try database.reminderInputs(for: scanner.plan(today: today, limit: limit))
            let report = scanner.report(inputs, today: today, limit: limit)
            let upcoming = report.isEmpty ? try database.upcomingFollowUps(after: today, limit: 3) : []
            let emptyBook = try report.isEmpty && upcoming.isEmpty && database.customerCount() == 0
            return [.todayLoaded(report, upcoming: upcoming, emptyBook: emptyBook)]
        case .loadCustomers(let sort, let offset, let limit):
            let order: CustomerOrder = switch sort {
            case .attention: .attention
            case .name: .name
            case .lastContact: .lastContact
            }
            return [.customersLoaded(rows: try database.customerPage(order: order, offset: offset, limit: limit),
                                     offset: offset, total: try database.customerCount())]
        case .filterCustomers(let query):
            let corpus = try searchCorpus()
            let ids = corpus.matches(query).map { corpus.ids[$0] }
            // A screenful and some: the rest loads as the seller scrolls.
            return [.filtered(query: query, ids: ids, rows: try database.customerRows(ids: Array(ids.prefix(Reducer.filterPageSize))))]
        case .findCandidates(let query):
            // `#12` is the customer numbered 12, as on the command line.
            if query.hasPrefix("#"), let id = Int64(query.dropFirst()) {
                return [.candidatesFound(query: query, rows: try database.customerRows(ids: [id]))]
            }
            let corpus = try searchCorpus()
            let ids = corpus.matches(query).prefix(Reducer.candidateCount).map { corpus.ids[$0] }
            return [.candidatesFound(query: query, rows: try database.customerRows(ids: Array(ids)))]
        case .loadFilteredRows(let ids, let offset):
            return [.customersLoaded(rows: try database.customerRows(ids: ids), offset: offset, total: nil)]
        case .loadCard(let id):
            return [.cardLoaded(try database.customerCard(id: id, timelineLimit: 200))]
        case .loadFunnel:
            let today = clock().day
            return [.funnelLoaded(try FunnelReport(try database.funnelInputs(today: today, pipeline: pipeline), today: today, pipeline: pipeline))]
        case .log(let id, let entry):
            let now = clock()
            let logged = try database.logInteraction(
                Interaction(customerID: id, kind: entry.kind, at: now, outcome: entry.outcome, note: entry.note),
                next: entry.next, keepOpen: false, now: now)
            // Named, since `L` logs for a customer typed rather than one on the screen (the frame sanitizes it).
            let name = try database.customerRows(ids: [id]).first?.summary.name
            var message = Language.say("Logged " + entry.kind.said + (name.map { " with " + $0 } ?? ""),
                                       "已记录" + (name.map { "与" + $0 + "的" } ?? "") + entry.kind.said)
                + (entry.outcome.map { ", " + $0.rawValue } ?? "")
            if logged.closed != nil { message += Language.say(" · follow-up done", " · 跟进已完成") }
            if let next = logged.created { message += Language.say(" · next ", " · 下次 ") + RelativeDay.dated(next.when, today: now.day) }
            return [.saved(message, customerID: id)]
        case .snooze(let id, let when):
            let f = try database.rescheduleFollowUp(id: id, to: when)
            return [.saved(Language.say("Snoozed to ", "已推迟到 ") + RelativeDay.dated(f.when, today: clock().day), customerID: f.customerID)]
        case .completeFollowUp(let id):
            let f = try database.completeFollowUp(id: id, at: clock())
            return [.saved(Language.say("Done: ", "已完成：") + (f.title.isEmpty ? Language.say("follow-up \(id)", "跟进 \(id)") : f.title),
                           customerID: f.customerID)]
        case .saveCustomer(let customer):
            corpus = nil
            if customer.id == nil {
                let saved = try database.addCustomer(customer)
                return [.saved(Language.say("Added ", "已添加 ") + saved.name, customerID: saved.id)]
            }
            try database.updateCustomer(customer)
            return [.saved(Language.say("Saved ", "已保存 ") + customer.name, customerID: customer.id)]
        case .loadDeal(let id, let action):
            guard let detail = try database.dealDetail(id: id) else { return [.failed("deal \(id) is gone")] }
            return [.dealLoaded(detail, action, hasPlaybook: try database.playbook(named: "onboarding") != nil)]
        case .addDeal(let deal):
            let saved = try database.addDeal(deal, now: clock())
            return [.saved("Deal \(saved.id ?? 0) added: " + deal.title + " · " + deal.amount.formatted, customerID: deal.customerID)]
        case .moveDeal(let id, let stage, let note, let ticks, let force, let lost):
            let moved = try database.moveDeal(id: id, to: stage, note: note, ticking: ticks, force: force,
                                              lost: lost.map { ($0, note.isEmpty ? nil : note) }, now: clock())
            return [.saved("Deal \(id) → " + stage.rawValue + (lost.map { " (" + $0.rawValue + ")" } ?? ""), customerID: moved.customerID)]
        case .winDeal(let id, let contract, let note, let ticks, let force, let playbook):
            let won = try database.winDeal(id: id, contract: contract, note: note, ticking: ticks, force: force, playbook: playbook,
                                           now: clock())
            return [.saved("Deal \(id) won · contract " + won.contract.number
                           + (won.followUps.isEmpty ? "" : " · \(won.followUps.count) onboarding follow-ups"), customerID: won.deal.customerID)]
        case .pay(let id, let position, let amount):
            let now = clock()
            let paid = try database.recordPayment(contractID: id, instalment: position, amount: amount, on: now.day, note: "",
                                                  allowOverpay: false, now: now)
            return [.saved("Received " + amount.formatted + " on " + paid.contract.number + " · outstanding " + paid.contract.outstanding.formatted
                           + (paid.paidDeal.map { " · deal \($0.id ?? 0) paid" } ?? ""), customerID: paid.contract.customerID)]
        case .correctInteraction(let id, let entry):
            guard var i = try database.interaction(id: id) else { return [.failed("entry \(id) is gone")] }
            i.kind = entry.kind
            i.note = entry.note
            i.outcome = entry.outcome
            _ = try database.editInteraction(i, now: clock())
            return [.saved("Corrected the " + i.kind.rawValue + " of " + i.at.text, customerID: i.customerID)]
        case .editDeal(let deal):
            try database.updateDeal(deal, now: clock())
            return [.saved("Deal \(deal.id ?? 0) corrected: " + deal.title + " · " + deal.amount.formatted, customerID: deal.customerID)]
        case .saveContact(let person):
            try database.updateContactPerson(person)
            return [.saved("Saved contact person " + person.name, customerID: person.customerID)]
        case .remove(let item):
            return [try remove(item)]
        case .mergeCustomer(let keep, let reference):
            guard let other = try database.resolveCustomer(reference).id else { return [.failed("no customer matches " + reference)] }
            corpus = nil
            let merged = try database.mergeCustomers(keep: keep, other: other, taking: [], now: clock())
            let moved = merged.moved.map { ChangeWords.counted($0.count, $0.table) }
            return [.saved("Merged #\(other) " + merged.other.name + " into this card" + (moved.isEmpty ? "" : ": " + moved.joined(separator: ", ")),
                           customerID: keep)]
        case .previewImport(let typed):
            let path = ImportPreview.path(typed: typed, home: ProcessInfo.processInfo.environment["HOME"])
            let (report, refused, notices) = try importCustomers(path, dryRun: true)
            let lines = [report.totals(dryRun: true, onConflict: .new, refused: refused.count)] + notices
                + report.rowLines(dryRun: true, refused: refused)
            return [.importPreviewed(ImportPreview(path: path, lines: lines, writes: report.created + report.updated > 0))]
        case .importFile(let path):
            corpus = nil
            let (report, refused, _) = try importCustomers(path, dryRun: false)
            // `Created 2, updated 0, …` after a colon, without its full stop.
            let totals = report.totals(dryRun: false, onConflict: .new, refused: refused.count).dropLast()
            return [.saved("Imported " + URL(fileURLWithPath: path).lastPathComponent + ": " + totals.prefix(1).lowercased() + totals.dropFirst(),
                           customerID: nil)]
        case .undo:
            corpus = nil
            let undone = try database.undo(now: clock())
            return [.undone(Language.say("Undid: ", "已撤销：") + undone.map { $0.summary + ($0.undoing.isEmpty ? "" : " — " + $0.undoing.joined(separator: ", ")) }
                .joined(separator: "; "))]
        }
    }

    /// Imports a file of customers as `rapport import FILE --skip-bad` does: its bad rows are
    /// reported and left out, for the seller has read them in the dry run first.
    private func importCustomers(_ path: String, dryRun: Bool) throws -> (ImportReport, refused: [String], notices: [String]) {
        let file = try ImportFile(path)
        guard file.format != "json" else {
            throw RapportError.invalid(field: "file", value: path,
                                       expected: "a JSON book is restored into a new book from the shell: rapport import FILE.json --db NEW.db")
        }
        var notices: [String] = []
        let outcome = try ImportPipeline(database: database, now: clock(), options: .init(dryRun: dryRun, skipBad: true)).run(file) {
            if let text = $0.text { notices.append(TerminalText.sanitized(text)) }
        }
        guard case let .customers(report, _, refused) = outcome else {
            throw RapportError.invalid(field: "file", value: path, expected: "a file of customers: .csv, .xlsx or .vcf")
        }
        return (report, refused, notices)
    }

    /// Removes an entry of the card, answering with what was done.
    private func remove(_ item: CardItem) throws -> Event {
        let now = clock()
        switch item {
        case .customer(let c):
            corpus = nil
            let trashed = try database.trashCustomer(id: c.id ?? 0)
            return .saved("Moved " + trashed.name + " to the trash (rapport trash restore \(trashed.customerID))", customerID: nil)
        case .contact(let p):
            let removed = try database.removeContactPerson(id: p.id ?? 0)
            return .saved("Removed contact person " + removed.person.name
                          + (removed.interactions == 0 ? "" : " · \(removed.interactions) entries keep their place without the person"),
                          customerID: p.customerID)
        case .deal(let d):
            let removed = try database.removeDeal(id: d.id ?? 0)
            return .saved("Removed deal \(d.id ?? 0) " + removed.deal.title, customerID: d.customerID)
        case .contract(let k):
            let cancelled = try database.cancelContract(id: k.id ?? 0, now: now)
            return .saved("Cancelled contract " + cancelled.contract.number
                          + (cancelled.reopenedDeal.map { " · deal \($0.id ?? 0) back to won" } ?? ""), customerID: k.customerID)
        case .payment(let p):
            let voided = try database.voidPayment(id: p.id ?? 0, note: "", now: now)
            return .saved("Voided the payment of " + p.amount.formatted + " · outstanding " + voided.contract.outstanding.formatted
                          + (voided.reopenedDeal.map { " · deal \($0.id ?? 0) back to won" } ?? ""), customerID: voided.contract.customerID)
        case .followUp(let f):
            let removed = try database.removeFollowUp(id: f.id ?? 0)
            return .saved("Removed the follow-up for " + RelativeDay.dated(removed.when), customerID: removed.customerID)
        case .interaction(let i):
            let removed = try database.removeInteraction(id: i.id ?? 0, now: now)
            let r = removed.interaction
            return .saved("Removed the " + r.kind.rawValue + " of " + r.at.text
                          + (removed.reopened.isEmpty ? "" : " · its follow-up open again")
                          + (removed.unscheduled.isEmpty ? "" : " · the next one it scheduled removed"), customerID: r.customerID)
        }
    }
}
