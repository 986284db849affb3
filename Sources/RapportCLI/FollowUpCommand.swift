import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport followup add|done`
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Schedule follow-ups, plan a playbook, mark them done; list, edit, reopen or remove them.",
        subcommands: [AddFollowUp.self, PlanFollowUps.self, DoneFollowUp.self, ListFollowUps.self, EditFollowUp.self,
                      ReopenFollowUp.self, RemoveFollowUp.self]
    )
}

extension FollowUpCommand {
    /// `rapport followup add <customer> WHEN [title…]`
    struct AddFollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Promise to contact a customer again on a day.",
            discussion: HelpText.fitted("Example: rapport followup add wjg 周五 14:30 回访报价   (WHEN may be two words: next week, tomorrow 14:00)")
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The customer: #id, name, prefix, phone or pinyin.", completion: .custom(Completions.customers))
        var customer: String
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp(
            "When — 周五, tomorrow, +2w, 2026-12-01, … — then what to follow up on.", valueName: "when> <title"))
        var words: [String] = []

        func validate() throws {
            guard !(try FreeText.words(words)).isEmpty else { throw ValidationError("Missing expected argument '<when>'") }
        }

        func run() throws {
            let session = try global.session()
            let all = try FreeText.words(self.words)
            let when = all[0]
            let title = Array(all.dropFirst())
            // The date may run into the title's first words (`next week`, `周五 14:30`): the
            // longest reading that is a date wins.
            var words = title
            var expression = when
            for extra in stride(from: min(2, title.count), to: 0, by: -1) {
                let candidate = ([when] + title.prefix(extra)).joined(separator: " ")
                if (try? DateExpression.parse(candidate, today: session.today)) != nil {
                    expression = candidate
                    words = Array(title.dropFirst(extra))
                    break
                }
            }
            let due = try FollowUpCommand.due(expression, today: session.today)
            let text = try FieldLimits.within(words.joined(separator: " "), field: "title", limit: FieldLimits.shortText)
            let target = try session.database.resolveCustomer(customer)
            guard let id = target.id else { throw RapportError.customerNotFound(customer) }
            let saved = try session.database.addFollowUp(FollowUp(customerID: id, due: due, title: text, createdAt: session.now))
            Terminal.write(Language.say("Follow-up \(saved.id ?? 0) for ", "跟进 \(saved.id ?? 0)：") + "\(TerminalText.sanitized(target.name)) (#\(id))"
                + Language.say(": ", "，")
                + FollowUpCommand.due(saved, today: session.today) + "\n")
        }
    }

    /// `rapport followup plan <customer> PLAYBOOK [--from WHEN]`
    struct PlanFollowUps: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Schedule a playbook's follow-ups for a customer.",
            discussion: "Example: rapport followup plan wjg onboarding --from 2026-12-01   (see `rapport playbook`)"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer: #id, name, prefix, phone or pinyin.", completion: .custom(Completions.customers))
        var customer: String
        @Argument(help: "The playbook, e.g. onboarding.") var playbook: String
        @Option(parsing: .unconditional, help: ArgumentHelp("The start day (default today), e.g. --from 2026-12-01 or --from 下周一.", valueName: "when"))
        var from: String?

        func run() throws {
            let session = try global.session()
            let start = try from.map { try When(expression: $0, today: session.today).day } ?? session.today
            let target = try session.database.resolveCustomer(customer)
            guard let id = target.id else { throw RapportError.customerNotFound(customer) }
            let planned = try session.database.planFollowUps(customerID: id, playbook: playbook, from: start, now: session.now)
            var out = Language.say("Planned \(planned.count) follow-ups for \(TerminalText.sanitized(target.name)) (#\(id)):",
                                   "已为 \(TerminalText.sanitized(target.name)) (#\(id)) 安排 \(planned.count) 次跟进：") + "\n"
            for f in planned {
                out += "  \(f.id ?? 0)  \(RelativeDay.dated(f.due, today: session.today))  \(TerminalText.sanitized(f.title))\n"
            }
            Terminal.write(out)
        }
    }

    /// `rapport followup done <id|customer>`
    struct DoneFollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done",
            abstract: "Mark a follow-up done: by its number, or a customer's earliest open one.",
            discussion: "Examples: rapport followup done 17   rapport followup done wjg   rapport followup done '#12'"
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A follow-up number (as `rapport today` and `show` print it), or a customer (#id, name, pinyin).")
        var target: String

        func run() throws {
            let session = try global.session()
            let db = session.database
            let done: FollowUp
            if target.allSatisfy(\.isASCIIDigit), let id = Int64(target), try db.followUp(id: id) != nil {
                done = try db.completeFollowUp(id: id, at: session.now)
            } else {
                let customer = try db.resolveCustomer(target)
                guard let id = customer.id else { throw RapportError.customerNotFound(target) }
                done = try db.completeEarliestFollowUp(customerID: id, at: session.now)
            }
            let title = done.title.isEmpty ? "" : ": " + TerminalText.sanitized(done.title)
            Terminal.write(Language.say("Done: follow-up \(done.id ?? 0) (due \(done.due.iso)\(title))",
                                        "已完成：跟进 \(done.id ?? 0)（\(done.due.iso) 到期\(title)）") + "\n")
        }
    }
}
