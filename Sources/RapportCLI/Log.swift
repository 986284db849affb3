import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport log <customer> [kind] [note…] [next WHEN] [outcome O] [--at WHEN]`, and the
/// corrections `log edit` and `log rm`.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a call, email, visit, meeting, message or note; or correct one.",
        discussion: """
            rapport log wjg call 谈了报价 next 周五 outcome reached   (see `rapport log add --help`)
            A logged entry's number is in `rapport show`:
              rapport log edit 12 --note 谈了价格
              rapport log rm 12
            """,
        subcommands: [Record.self, EditInteraction.self, RemoveInteraction.self],
        defaultSubcommand: Record.self
    )
}

extension Log {
    /// `rapport log [add] <customer> [kind] [note…]`
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Log a call, email, visit, meeting, message or note (the default of `rapport log`).",
            discussion: """
                Logging closes the customer's earliest open follow-up due by then (unless
                --keep-open), and next WHEN (or --next) schedules the next one. Kinds: call
                (when none is given), email, visit, meeting, message, note (or c e v m s n,
                or 电话 邮件 拜访 会议 短信 备注); `rapport call`, `visit` … log one kind each.
                Example: rapport log wjg call 谈了报价 next 周五 outcome reached
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The customer: #id, name, prefix, phone or pinyin.", completion: .custom(Completions.customers))
        var customer: String
        @Argument(help: "What kind of contact: call, email, visit, meeting, message or note; without one, a call.",
                  completion: Completions.kinds) var kind: String?
        @OptionGroup var line: LogLine

        func run() throws {
            try line.log(customer: customer, kind: nil, kindWord: kind, global: global)
        }
    }
}

// What the log commands and `log edit` read from the seller's words, checked the same way.
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
