import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport log <customer> <kind> [note…] [--next WHEN] [--outcome O] [--at WHEN]`, and the
/// corrections `log edit` and `log rm`.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a call, email, visit, meeting, message or note; or correct one.",
        discussion: """
            rapport log wjg call 谈了报价 --next 周五 --outcome reached   (see `rapport log add --help`)
            A logged entry's number is in `rapport show`: rapport log edit 12 --note 谈了价格   rapport log rm 12
            """,
        subcommands: [Record.self, EditInteraction.self, RemoveInteraction.self],
        defaultSubcommand: Record.self
    )
}

extension Log {
    /// `rapport log [add] <customer> <kind> [note…]`
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Log a call, email, visit, meeting, message or note (the default of `rapport log`).",
            discussion: """
                Logging closes the customer's earliest open follow-up due by then (unless --keep-open),
                and --next schedules the next one. Kinds: call, email, visit, meeting, message, note
                (or c e v m s n, or 电话 邮件 拜访 会议 短信 备注).
                Example: rapport log wjg call 谈了报价 --next 周五 --outcome reached
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The customer: #id, name, prefix, phone or pinyin.") var customer: String
        @Argument(help: "What kind of contact: call, email, visit, meeting, message or note.") var kind: String
        @Argument(parsing: .allUnrecognized, help: "What was said; the rest of the line (words such as -10% are text).")
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

        func run() throws {
            let kind = try Log.kind(kind)
            let outcomeValue = try outcome.flatMap(Log.outcome)
            let text = try Log.note(try FreeText.words(note).joined(separator: " "))
            let session = try global.session()
            let today = session.today
            // A day without a time is logged at the time now, and the output says so.
            let moment = try at.map { try Log.moment($0, session, defaultTime: session.now.time) }
            let when = moment?.at ?? session.now
            let nextWhen = try next.map { try When(expression: $0, today: today) }
            if let nextWhen, nextWhen.day < today {
                throw RapportError.invalid(field: "--next", value: next ?? "", expected: "the next follow-up cannot be in the past")
            }
            let target = try session.database.resolveCustomer(customer)
            guard let customerID = target.id else { throw RapportError.customerNotFound(customer) }
            var interaction = Interaction(customerID: customerID, kind: kind, at: when, outcome: outcomeValue, note: text)
            if let contact {
                interaction.contactID = try ContactCommand.resolvePerson(contact, of: customerID, in: session.database)
            }
            let logged = try session.database.logInteraction(interaction, next: nextWhen, keepOpen: keepOpen, now: session.now)

            var out = "Logged \(kind.rawValue) \(logged.interaction.id ?? 0) with \(TerminalText.sanitized(target.name)) (#\(customerID)) at \(when.text)"
            out += (moment?.timed == false ? " (no time given: the time now)" : "") + (outcomeValue.map { ", \($0.rawValue)" } ?? "") + "\n"
            if let closed = logged.closed {
                out += "Closed follow-up \(closed.id ?? 0) (due \(closed.due.iso)\(closed.title.isEmpty ? "" : ": " + TerminalText.sanitized(closed.title)))\n"
            }
            if let created = logged.created {
                out += "Next follow-up \(created.id ?? 0): \(RelativeDay.dated(created.due))\(created.time.map { " \($0)" } ?? "")"
                    + " (\(RelativeDay.describe(created.due, today: today)))\n"
            }
            Terminal.write(out)
        }
    }
}

// What `log`, `log edit` and the TUI's log read from the seller's words, checked the same way.
extension Log {
    static func kind(_ text: String) throws -> InteractionKind {
        guard let kind = InteractionKind(text: text) else {
            throw RapportError.invalid(field: "kind", value: text, expected: "use " + InteractionKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return kind
    }

    /// An outcome, or nil for `none`.
    static func outcome(_ text: String) throws -> Outcome? {
        guard text.lowercased() != "none" else { return nil }
        guard let o = Outcome(text: text) else {
            throw RapportError.invalid(field: "outcome", value: text,
                                       expected: "use " + Outcome.allCases.map(\.rawValue).joined(separator: ", ") + " or none")
        }
        return o
    }

    static func note(_ text: String) throws -> String {
        try FieldLimits.within(text, field: "note", limit: FieldLimits.longText)
    }

    /// When an interaction happened, from `--at`: never in the future. A day without a time
    /// of day takes `defaultTime`; `timed` says whether the expression had one.
    static func moment(_ expression: String, _ session: Session, defaultTime: ClockTime) throws -> (at: LocalDateTime, timed: Bool) {
        let when = try LocalDateTime(expression: expression, today: session.today, defaultTime: defaultTime)
        guard when.day <= session.today else {
            throw RapportError.invalid(field: "--at", value: expression, expected: "an interaction cannot be logged in the future")
        }
        return (when, try When(expression: expression, today: session.today).time != nil)
    }
}

extension When {
    /// Parses a date expression, turning its error into Rapport's.
    init(expression: String, today: Day) throws {
        do {
            self = try DateExpression.parse(expression, today: today)
        } catch {
            throw RapportError.date(error)
        }
    }
}

extension LocalDateTime {
    /// A moment from a date expression; without a time, `defaultTime` on that day.
    init(expression: String, today: Day, defaultTime: ClockTime) throws {
        let when = try When(expression: expression, today: today)
        self.init(day: when.day, time: when.time ?? defaultTime)
    }
}
