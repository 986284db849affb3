import ArgumentParser
import RapportCore
import RapportStore

/// `rapport today [--json]`: who to call today, and who has been forgotten.
struct Today: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Who to call today: overdue and due follow-ups, and forgotten customers.",
        discussion: """
            Forgotten: not contacted within the grade's cadence (A 14 days, B 14, C 30, ungraded 60);
            lost and dormant customers are left out. Most urgent first.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON: {\"date\", \"items\": [{\"rule\", \"customer\", \"followup_id\", \"days\", \"urgency\", \"detail\"}]}.")
    var json = false

    func run() throws {
        let session = try global.session()
        let settings = try session.database.reminderSettings()
        if json {
            let scanner = ReminderScanner(settings: settings)
            let inputs = try session.database.reminderInputs(for: scanner.plan(today: session.today))
            TodayView.json(scanner.scan(inputs, today: session.today), today: session.today).withBytes(Terminal.write)
        } else {
            try Self.printText(session, settings: settings)
        }
    }

    /// The today view as text: `rapport today`, and `rapport` when not on a terminal.
    static func printText(_ session: Session, settings: ReminderSettings) throws {
        let scanner = ReminderScanner(settings: settings)
        let reminders = scanner.scan(try session.database.reminderInputs(for: scanner.plan(today: session.today)), today: session.today)
        let upcoming = reminders.isEmpty ? try session.database.upcomingFollowUps(after: session.today, limit: 3) : []
        Terminal.write(TodayView.text(reminders, today: session.today, upcoming: upcoming))
    }
}

/// The today view as text and as JSON.
enum TodayView {
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

    static func text(_ reminders: [Reminder], today: Day, upcoming: [DueFollowUp]) -> String {
        var out = Style.bold.apply("Today · \(RelativeDay.dated(today))") + "\n"
        guard !reminders.isEmpty else {
            out += "\nNothing due today, and nobody forgotten.\n"
            if !upcoming.isEmpty {
                out += "\nComing up:\n"
                for f in upcoming {
                    out += "  " + RelativeDay.dated(f.due.day) + (f.due.time.map { " \($0)" } ?? "") + "  "
                        + TerminalText.sanitized(f.customer.name) + FollowUpTitleText.suffix(f.title) + "\n"
                }
            }
            return out
        }
        let names = reminders.map { TerminalText.sanitized($0.customer.name) }
        let companies = reminders.map { TerminalText.sanitized($0.customer.company ?? "") }
        let nameWidth = min(names.map(\.displayWidth).max() ?? 0, 20)
        let companyWidth = min(companies.map(\.displayWidth).max() ?? 0, 20)
        for kind in ReminderRuleKind.allCases {
            let group = reminders.indices.filter { reminders[$0].rule == kind }
            guard !group.isEmpty else { continue }
            let heading = "\(kind.heading) (\(group.count))"
            out += "\n" + (kind == .overdue ? Style.red : Style.bold).apply(heading) + "\n"
            for i in group {
                let r = reminders[i]
                let id = "#\(r.customer.id)"
                out += "  " + names[i].padded(toWidth: nameWidth) + "  " + companies[i].padded(toWidth: companyWidth) + "  "
                    + TerminalText.sanitized(r.detail) + "  " + Style.dim.apply(id + (r.followUpID.map { " f\($0)" } ?? "")) + "\n"
            }
        }
        return out
    }
}

enum FollowUpTitleText {
    /// ` · title`, sanitized, or nothing.
    static func suffix(_ title: String) -> String { title.isEmpty ? "" : " · " + TerminalText.sanitized(title) }
}
