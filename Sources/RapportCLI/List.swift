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
            Terminal.write(filter == CustomerFilter() ? Language.say("No customers yet. Add one with `rapport add NAME`, or try `rapport demo`.\n", "还没有客户。用 `rapport add 姓名` 添加，或试试 `rapport demo`。\n")
                                                      : Language.say("No customer matches these filters.\n", "没有符合这些条件的客户。\n"))
            return
        }
        var table = TextTable([
            .init(title: "ID", alignment: .right), .init(title: Language.say("Name", "姓名"), maxWidth: 24), .init(title: Language.say("Company", "公司"), maxWidth: 24),
            .init(title: Language.say("Grade", "等级")), .init(title: Language.say("Status", "状态")), .init(title: Language.say("City", "城市"), maxWidth: 12), .init(title: Language.say("Phone", "电话"), maxWidth: 18),
            .init(title: Language.say("Last contact", "上次联系"), alignment: .right), .init(title: Language.say("Next follow-up", "下次跟进")),
        ])
        for r in rows {
            let s = r.summary
            table.append([
                "#\(s.id)", s.name, s.company ?? "", s.grade?.rawValue ?? "-", s.status.said, r.city ?? "", r.phone ?? "",
                s.lastContactOn.map { RelativeDay.describe($0, today: session.today) } ?? Language.say("never", "从未"),
                r.nextFollowUp.map { $0.description } ?? "",
            ])
        }
        Terminal.write(table.render() + Language.say("\(rows.count) \(rows.count == 1 ? "customer" : "customers")", "共 \(rows.count) 位客户") + "\n")
    }
}
