import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// What `rapport log` and the kind commands (`rapport call` …) take after the customer and
/// the kind: the note in the quick-log grammar, and the options. One struct, so that every
/// way of logging from the shell takes the same options and logs the same way.
struct LogLine: ParsableArguments {
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(
        "What was said, the rest of the line; next WHEN and outcome X in it work as --next and --outcome (words such as -10% are text, a quoted note is all text).",
        valueName: "note"))
    var note: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Schedule the next follow-up, e.g. --next 周五, --next +2w, --next \"tomorrow 14:00\".", valueName: "when"))
    var next: String?
    @Option(help: "How it ended: reached, no-answer, replied or no-reply.") var outcome: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("When it happened, if not now, e.g. --at \"2026-11-20 15:30\" (a day alone: at the time now).", valueName: "when"))
    var at: String?
    @Option(help: ArgumentHelp("The contact person spoken to: #id or name.", valueName: "person")) var contact: String?
    @Flag(name: .customLong("keep-open"), help: "Do not close the open follow-up this contact would fulfil.") var keepOpen = false

    func validate() throws {
        _ = try FreeText.words(note)
    }

    /// Logs the line with `customer`: of the `kind` a command names, else of the kind its
    /// first word names (`kindWord` when the command takes one), else a call.
    func log(customer: String, kind: InteractionKind?, kindWord: String? = nil, global: GlobalOptions) throws {
        let session = try global.session()
        let today = session.today
        let words = [kindWord].compactMap { $0 } + (try FreeText.words(note))
        let entry: QuickLog
        do {
            entry = try QuickLog.parse(words: words, kind: kind, today: today)
        } catch {
            throw RapportError.logLine(error)
        }
        if let said = entry.next, next != nil {
            throw RapportError.conflict("both `next \(said)` in the note and --next give the next follow-up; keep one")
        }
        if let said = entry.outcome, outcome != nil {
            throw RapportError.conflict("both `outcome \(said.rawValue)` in the note and --outcome say how it ended; keep one")
        }
        let outcomeValue = try outcome.flatMap(Log.outcome) ?? entry.outcome
        let text = try Log.note(entry.note)
        // A day without a time is logged at the time now, and the output says so.
        let moment = try at.map { try Log.moment($0, session, defaultTime: session.now.time) }
        let when = moment?.at ?? session.now
        let nextWhen = try next.map { try When(expression: $0, today: today) } ?? entry.next
        if let nextWhen, nextWhen.day < today {
            throw RapportError.invalid(field: next == nil ? "next" : "--next", value: next ?? nextWhen.description,
                                       expected: "the next follow-up cannot be in the past")
        }
        let target = try session.database.resolveCustomer(customer)
        guard let customerID = target.id else { throw RapportError.customerNotFound(customer) }
        var interaction = Interaction(customerID: customerID, kind: entry.kind, at: when, outcome: outcomeValue, note: text)
        if let contact {
            interaction.contactID = try ContactCommand.resolvePerson(contact, of: customerID, in: session.database)
        }
        let logged = try session.database.logInteraction(interaction, next: nextWhen, keepOpen: keepOpen, now: session.now)

        let who = "\(TerminalText.sanitized(target.name)) (#\(customerID))"
        var out = Language.say("Logged \(entry.kind.rawValue) \(logged.interaction.id ?? 0) with \(who) at \(when.text)",
                               "已记录\(entry.kind.said) \(logged.interaction.id ?? 0)：\(who)，\(when.text)")
        out += (moment?.timed == false ? Language.say(" (no time given: the time now)", "（没写时间：记为现在）") : "")
            + (outcomeValue.map { Language.say(", \($0.rawValue)", "，\($0.said)") } ?? "") + "\n"
        if let closed = logged.closed {
            let title = closed.title.isEmpty ? "" : ": " + TerminalText.sanitized(closed.title)
            out += Language.say("Closed follow-up \(closed.id ?? 0) (due \(closed.due.iso)\(title))",
                                "已完成跟进 \(closed.id ?? 0)（\(RelativeDay.chinese(closed.due, today: today))到期\(title)）") + "\n"
        }
        if let created = logged.created {
            out += Language.say("Next follow-up \(created.id ?? 0): ", "下次跟进 \(created.id ?? 0)：")
                + "\(RelativeDay.dated(created.due, today: today))\(created.time.map { " \($0)" } ?? "")"
                + Language.say(" (\(RelativeDay.describe(created.due, today: today)))", "（\(RelativeDay.describe(created.due, today: today))）") + "\n"
        }
        Terminal.write(out)
    }
}
