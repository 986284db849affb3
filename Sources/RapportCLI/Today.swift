import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport today [--json] [--days N] [--check] [--review] [--explain <customer>]`
struct Today: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Who to call today: every reminder rule, most urgent first.",
        discussion: TodayView.rules(.defaults)
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON: {\"date\", \"items\": [{\"rule\", \"customer\", \"followup_id\", \"deal_id\", \"days\", \"urgency\", \"detail\"}]}.")
    var json = false

    @Option(help: ArgumentHelp("Also list follow-ups coming due in the next N days, e.g. --days 7.", valueName: "N"))
    var days = 0

    @Flag(help: "Print one summary line; exit 0 when nothing is overdue or forgotten, 1 otherwise (for prompts and cron).")
    var check = false

    @Flag(help: "Run the grade review now (it runs by itself in the first days of each quarter).")
    var review = false

    @Option(help: ArgumentHelp("Explain what makes up one customer's urgency today, e.g. --explain wjg.", valueName: "customer"))
    var explain: String?

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be between 0 and 366, not \(days)") }
    }

    func run() throws {
        // Scripts read the same words in any language: the scan's too, as a regrade's reason.
        if json { try Language.$bound.withValue(.en, operation: scan) } else { try scan() }
    }

    private func scan() throws {
        let session = try global.session()
        let scanner = ReminderScanner(settings: try session.database.reminderSettings())
        if check {
            // Counts only: index counts, no rows.
            let plan = scanner.plan(today: session.today, limit: 0, review: review)
            let report = scanner.report(try session.database.reminderInputs(for: plan), today: session.today, limit: 0)
            Terminal.write(TodayView.summary(report) + "\n")
            if ReminderRuleKind.allCases.contains(where: { $0.needsAttention && report.total($0) > 0 }) {
                throw CustomerCheckFailed(status: 1)
            }
            return
        }
        let plan = scanner.plan(today: session.today, daysAhead: days, review: review)
        let report = scanner.report(try session.database.reminderInputs(for: plan), today: session.today, daysAhead: days)
        let reminders = report.reminders
        if let explain {
            let customer = try session.database.resolveCustomer(explain)
            Terminal.write(TodayView.explanation(of: customer, in: reminders, today: session.today, settings: scanner.settings))
        } else if json {
            TodayView.json(reminders, today: session.today).withBytes(Terminal.write)
        } else {
            try Self.printText(report, session)
        }
    }

    /// The today view as text: `rapport today`, and `rapport` when not on a terminal.
    static func printText(_ session: Session, settings: ReminderSettings) throws {
        let scanner = ReminderScanner(settings: settings)
        try printText(scanner.report(try session.database.reminderInputs(for: scanner.plan(today: session.today)), today: session.today),
                      session)
    }

    /// A report with nothing in it is asked what comes next, and whether the book is empty.
    private static func printText(_ report: ReminderReport, _ session: Session) throws {
        let upcoming = report.isEmpty ? try session.database.upcomingFollowUps(after: session.today, limit: 3) : []
        let emptyBook = try report.isEmpty && upcoming.isEmpty && session.database.customerCount() == 0
        Terminal.write(TodayView.text(report, today: session.today, upcoming: upcoming, emptyBook: emptyBook))
    }
}

/// The today view as text and as JSON.
enum TodayView {
    /// What an empty book's today says, in one line: how a book begins.
    static var firstSteps: String {
        Language.say("Your book is empty: add a customer (rapport add NAME), bring in a spreadsheet or vCards "
                     + "(rapport import FILE --dry-run), or try a demo book (rapport demo --db /tmp/demo.db).",
                     "客户簿还是空的：添加客户（rapport add 姓名），导入表格或名片（rapport import 文件 --dry-run），"
                     + "或者先试试演示客户簿（rapport demo --db /tmp/demo.db）。")
    }

    static var nothingDue: String { Language.say("Nothing due today, and nobody forgotten.", "今天没有到期的跟进，也没有被遗忘的客户。") }

    static func json(_ reminders: [Reminder], today: Day) -> JSONWriter {
        var w = JSONWriter(capacity: 64 + reminders.count * 160)
        w.beginObject()
        w.field("date", today.iso)
        w.key("items")
        w.beginArray()
        for r in reminders {
            w.beginObject()
            w.field("rule", r.rule.rawValue)
            w.key("customer")
            w.beginObject()
            w.field("id", r.customer.id)
            w.field("name", r.customer.name)
            w.endObject()
            if let f = r.followUpID { w.field("followup_id", f) }
            if let d = r.dealID { w.field("deal_id", d) }
            if let c = r.contractID { w.field("contract_id", c) }
            if let i = r.instalmentID { w.field("instalment_id", i) }
            w.field("days", r.days)
            w.key("urgency")
            w.number(r.urgency)
            w.key("detail")
            w.string { r.reason.write(days: r.days, to: &$0) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.newline()
        return w
    }

    /// On a terminal (`width`), a reason too long for the line ends in "…" before the
    /// numbers, which stay whole; into a pipe every line is whole.
    static func text(_ report: ReminderReport, today: Day, upcoming: [DueFollowUp], emptyBook: Bool = false,
                     width: Int? = Terminal.width) -> String {
        var out = Style.bold.apply(Language.say("Today · ", "今天 · ") + RelativeDay.dated(today, today: today)) + "\n"
        if emptyBook { return out + "\n" + firstSteps + "\n" }
        guard !report.isEmpty else {
            out += "\n" + nothingDue + "\n"
            if !upcoming.isEmpty {
                out += "\n" + Language.say("Coming up:", "接下来：") + "\n"
                for f in upcoming {
                    out += "  " + RelativeDay.dated(f.due, today: today) + "  "
                        + TerminalText.sanitized(f.customer.name) + FollowUpTitleText.suffix(f.title) + "\n"
                }
            }
            return out
        }
        let groups = report.groups
        let lines = groups.flatMap(\.reminders)
        let nameWidth = min(lines.map { TerminalText.sanitized($0.customer.name).displayWidth }.max() ?? 0, 20)
        let companyWidth = min(lines.map { TerminalText.sanitized($0.customer.company ?? "").displayWidth }.max() ?? 0, 20)
        for group in groups {
            out += "\n" + (group.rule == .overdue ? Style.red : Style.bold).apply(group.rule.heading(count: group.total.grouped)) + "\n"
            for r in group.reminders {
                let ids = "#\(r.customer.id)" + (r.followUpID.map { " f\($0)" } ?? "") + (r.dealID.map { " d\($0)" } ?? "")
                let head = "  " + TerminalText.sanitized(r.customer.name).padded(toWidth: nameWidth) + "  "
                    + TerminalText.sanitized(r.customer.company ?? "").padded(toWidth: companyWidth) + "  "
                let detail = TerminalText.sanitized(r.detail)
                let room = width.map { max(10, $0 - head.displayWidth - 2 - ids.displayWidth) }
                out += head + (room.map { detail.truncated(toWidth: $0) } ?? detail) + "  " + Style.dim.apply(ids) + "\n"
            }
        }
        return out
    }
}

extension TodayView {
    /// Every rule by its JSON name, in the view's order, with what it looks for under these
    /// settings: the help's list.
    static func rules(_ settings: ReminderSettings) -> String {
        let nameWidth = ReminderRuleKind.allCases.map(\.rawValue.count).max() ?? 0
        let indent = String(repeating: " ", count: nameWidth + 4)
        let width = 78
        var out = "The rules, in the order the view lists them (each item's \"rule\" in --json), with the defaults:"
            .wrapped(toWidth: width).joined(separator: "\n") + "\n"
        for kind in ReminderRuleKind.allCases {
            let lines = kind.rule.summary(settings).wrapped(toWidth: width - indent.count)
            out += "  " + kind.rawValue.padded(toWidth: nameWidth) + "  " + lines.joined(separator: "\n" + indent) + "\n"
        }
        return out + "Lost and dormant customers are left out of the contact rules. See `rapport config` for every number."
            .wrapped(toWidth: width).joined(separator: "\n")
    }

    /// `7 overdue · 3 due · 12 forgotten`, or that nothing needs attention.
    static func summary(_ report: ReminderReport) -> String {
        let parts = report.tallies { $0.grouped }
        let urgent = ReminderRuleKind.allCases.contains { $0.needsAttention && report.total($0) > 0 }
        return (urgent ? "" : Language.say("Nothing overdue or forgotten", "没有逾期或被遗忘的")) + (parts.isEmpty ? "" : (urgent ? "" : " · ") + parts.joined(separator: " · "))
    }

    /// What makes up a customer's urgency today: each reminder with its terms, and where the
    /// customer ranks.
    static func explanation(of customer: Customer, in reminders: [Reminder], today: Day, settings: ReminderSettings) -> String {
        let id = customer.id ?? 0
        let name = TerminalText.sanitized(customer.name) + " (#\(id))"
        let mine = reminders.enumerated().filter { $0.element.customer.id == id }
        guard let first = mine.first else {
            let summary = CustomerSummary(id: id, name: customer.name, company: customer.company, grade: customer.grade,
                                          status: customer.status, addedOn: customer.createdAt.day,
                                          lastContactOn: customer.lastContactAt?.day, cadenceDays: customer.cadenceDays)
            let cadence = settings.cadence(for: summary)
            let contact = customer.lastContactAt.map { "last contact \(RelativeDay.describe($0.day, today: today))" } ?? "never contacted"
            return name + ": nothing today (" + contact + (cadence > 0 ? ", cadence \(cadence) days" : ", never chased") + ").\n"
        }
        var out = name + " · urgency \(format(first.element.urgency)) · \(ordinal(first.offset + 1)) of \(reminders.count.grouped) today\n"
        // The widest rule name (close-passed) and two spaces, whichever rules the customer has.
        let column = (ReminderRuleKind.allCases.map(\.rawValue.count).max() ?? 0) + 2
        for (_, r) in mine {
            out += "  " + r.rule.rawValue.padded(toWidth: column) + TerminalText.sanitized(r.detail) + "\n"
            let terms = r.terms.named.map { "\($0.0) \(format($0.1))" }.joined(separator: " + ")
            out += "  " + String(repeating: " ", count: column) + (terms.isEmpty ? "0" : terms) + " = \(format(r.urgency))\n"
        }
        return out
    }

    private static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
    }

    private static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
        return n.grouped + suffix
    }
}

enum FollowUpTitleText {
    /// ` · title`, sanitized, or nothing.
    static func suffix(_ title: String) -> String { title.isEmpty ? "" : " · " + TerminalText.sanitized(title) }
}
