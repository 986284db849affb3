import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport list [--grade --tag --city --status] [--json]`
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List customers, sorted by name (Chinese names by pinyin).",
        discussion: "Example: rapport list --grade A --city 上海"
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only this grade: A, B, C or none.") var grade: String?
    @Option(help: "Only customers with this tag.") var tag: String?
    @Option(help: "Only customers in this city.") var city: String?
    @Option(help: "Only this status: lead, prospect, customer, dormant or lost.") var status: CustomerStatus?
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        var filter = CustomerFilter(tag: tag, city: city, status: status)
        if let grade {
            if grade.lowercased() == "none" {
                filter.grade = .ungraded
            } else if let g = Grade(text: grade) {
                filter.grade = .grade(g)
            } else {
                throw RapportError.invalid(field: "grade", value: grade, expected: "use A, B, C or none")
            }
        }
        let session = try global.session()
        let rows = try session.database.customers(matching: filter)
        if json {
            var w = JSONWriter(capacity: rows.count * 200)
            w.beginArray()
            for r in rows {
                w.beginObject()
                w.field("id", r.summary.id)
                w.field("name", r.summary.name)
                w.field("company", r.summary.company)
                w.field("grade", r.summary.grade?.rawValue)
                w.field("status", r.summary.status.rawValue)
                w.field("city", r.city)
                w.field("phone", r.phone)
                w.field("last_contact_on", r.summary.lastContactOn?.iso)
                w.field("days_since_contact", r.summary.lastContactOn.map { Int64($0.days(until: session.today)) })
                w.field("next_follow_up", r.nextFollowUp?.description)
                w.endObject()
            }
            w.endArray()
            w.newline()
            Terminal.write(w.bytes)
            return
        }
        guard !rows.isEmpty else {
            Terminal.write(filter == CustomerFilter() ? "No customers yet. Add one with `rapport add NAME`, or try `rapport demo`.\n"
                                                      : "No customer matches these filters.\n")
            return
        }
        var table = TextTable([
            .init(title: "ID", alignment: .right), .init(title: "Name", maxWidth: 24), .init(title: "Company", maxWidth: 24),
            .init(title: "Grade"), .init(title: "Status"), .init(title: "City", maxWidth: 12), .init(title: "Phone", maxWidth: 18),
            .init(title: "Last contact", alignment: .right), .init(title: "Next follow-up"),
        ])
        for r in rows {
            let s = r.summary
            table.append([
                "#\(s.id)", s.name, s.company ?? "", s.grade?.rawValue ?? "-", s.status.rawValue, r.city ?? "", r.phone ?? "",
                s.lastContactOn.map { RelativeDay.describe($0, today: session.today) } ?? "never",
                r.nextFollowUp.map { $0.description } ?? "",
            ])
        }
        Terminal.write(table.render() + "\(rows.count) \(rows.count == 1 ? "customer" : "customers")\n")
    }
}
