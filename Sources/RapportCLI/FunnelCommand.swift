import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport funnel [--json]`
struct FunnelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funnel",
        abstract: "Where the money stands: deals per stage, conversion, the forecast, and payments collected against outstanding.",
        discussion: """
            Per stage: how many deals, their amount and weighted amount (amount × probability), the average days
            deals spent in it and the share that moved on, both over the last `funnel.window` days (90); open and won
            deals all, paid and lost ones from that window. Then the weighted forecast by expected-close month for
            this month and the next two, and this month's payments against what is outstanding.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let session = try global.session()
        let db = session.database
        let pipeline = try db.settings().pipeline
        let report = try FunnelReport(try db.funnelInputs(today: session.today, pipeline: pipeline), today: session.today, pipeline: pipeline)
        if json {
            var w = JSONWriter(capacity: 8192)
            w.funnel(report)
            w.newline()
            Terminal.write(w.bytes)
        } else {
            Terminal.write(FunnelText.render(report))
        }
    }
}

/// The funnel as text.
enum FunnelText {
    static func render(_ report: FunnelReport) -> String {
        var out = Style.bold.apply("Funnel · \(RelativeDay.dated(report.today))") + Style.dim.apply("  (moves since \(report.windowStart.iso))") + "\n\n"
        var table = TextTable([.init(title: "Stage"), .init(title: "Deals", alignment: .right), .init(title: "Amount", alignment: .right),
                               .init(title: "Weighted", alignment: .right), .init(title: "Avg days", alignment: .right),
                               .init(title: "→ next", alignment: .right)])
        for line in report.stages {
            let first = line.totals.first
            let windowed = line.stage == .paid || line.stage == .lost
            table.append([line.stage.label + (windowed ? " *" : ""), line.count.grouped, first.map(amount) ?? "0",
                          line.stage == .lost ? "" : first.map { amount($0.weighted) } ?? "0",
                          line.averageDays.map { format($0, digits: 1) } ?? "",
                          line.conversion.map { format($0 * 100, digits: 0) + "%" } ?? ""])
            for extra in line.totals.dropFirst() {
                table.append(["", "", amount(extra), line.stage == .lost ? "" : amount(extra.weighted), "", ""])
            }
        }
        out += table.render() + Style.dim.apply("* since \(report.windowStart.iso)") + "\n"

        out += "\n" + Style.bold.apply("Forecast by expected close") + "\n"
        var forecast = TextTable([.init(title: "Month"), .init(title: "Deals", alignment: .right), .init(title: "Amount", alignment: .right),
                                  .init(title: "Weighted", alignment: .right)])
        for line in [report.pastDue] + report.forecast {
            let label = line.month.map { String($0.iso.prefix(7)) } ?? "past due"
            let first = line.totals.first
            forecast.append([label, line.count.grouped, first.map(amount) ?? "0", first.map { amount($0.weighted) } ?? "0"],
                            style: line.month == nil && line.count > 0 ? .red : nil)
            for extra in line.totals.dropFirst() { forecast.append(["", "", amount(extra), amount(extra.weighted)]) }
        }
        out += forecast.render()

        out += "\n" + Style.bold.apply("Payments (回款) this month") + "\n"
        if report.collections.isEmpty { out += "  no contracts yet\n" }
        for c in report.collections {
            let code = " " + c.currency.code
            out += "  collected    " + c.collectedThisMonth.formatted.padded(toWidth: 16, alignment: .right) + code + "\n"
            out += "  due          " + c.dueThisMonth.formatted.padded(toWidth: 16, alignment: .right) + code + "  (rest of the month)\n"
            let overdue = "  overdue      " + c.overdue.formatted.padded(toWidth: 16, alignment: .right) + code + "\n"
            out += c.overdue.minorUnits > 0 ? Style.red.apply(overdue) : overdue
            out += "  outstanding  " + c.outstanding.formatted.padded(toWidth: 16, alignment: .right) + code + "  (all contracts)\n"
        }
        return out
    }

    private static func amount(_ total: FunnelReport.Total) -> String { amount(total.amount) }

    private static func amount(_ money: Money) -> String { money.formatted + " " + money.currency.code }

    /// `12.5` (one digit) or `45` (none).
    private static func format(_ value: Double, digits: Int) -> String {
        guard digits > 0 else { return String(Int(value.rounded())) }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
