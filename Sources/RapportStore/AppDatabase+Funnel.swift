import GRDB
import RapportCore

extension AppDatabase {
    /// The funnel's sums, read from the rollups of migration v9 and the owing indexes: the
    /// report itself is worked out in `FunnelReport` from these groups.
    public func funnelInputs(today: Day, pipeline: PipelineSettings) throws -> FunnelInputs {
        try read { db in
            var inputs = FunnelInputs()
            let windowStart = today.adding(days: -pipeline.windowDays).iso
            let thisMonth = Day(year: today.year, month: today.month, day: 1) ?? today
            let horizon = thisMonth.adding(months: 3)

            try db.cachedStatement(sql: """
                SELECT stage, currency, probability, deals, amount FROM deal_totals
                WHERE stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing', 'won')
                UNION ALL
                SELECT stage, currency, probability, sum(deals), sum(amount) FROM deal_closed_days
                WHERE day >= ? GROUP BY stage, currency, probability
                """).forEachRow(arguments: [windowStart]) { row in
                    if let group = Self.dealGroup(row, from: 0) { inputs.deals.append(group) }
                }
            try db.cachedStatement(sql: "SELECT stage, sum(stays), sum(days) FROM stage_exits WHERE day >= ? GROUP BY stage")
                .forEachRow(arguments: [windowStart]) { row in
                    guard let stage = row.text(0).flatMap(Stage.init(rawValue:)) else { return }
                    inputs.stays[stage] = (Int(row.int64(1)), Int(row.int64(2)))
                }
            try db.cachedStatement(sql: "SELECT stage, left_to, sum(stays) FROM stage_entries WHERE day >= ? GROUP BY stage, left_to")
                .forEachRow(arguments: [windowStart]) { row in
                    guard let stage = row.text(0).flatMap(Stage.init(rawValue:)) else { return }
                    inputs.entries.append((stage, Stage(rawValue: row.text(1) ?? ""), Int(row.int64(2))))
                }
            // By day in the rollup's order; the months are folded here.
            try db.cachedStatement(sql: "SELECT day, stage, currency, probability, deals, amount FROM deal_close_days WHERE day < ?")
                .forEachRow(arguments: [horizon.iso]) { row in
                    guard let day = row.day(0), let group = Self.dealGroup(row, from: 1) else { return }
                    let month = day < today ? nil : Day(year: day.year, month: day.month, day: 1)
                    inputs.forecast.append(FunnelInputs.ForecastGroup(month: month, deals: group))
                }

            func add(_ sql: String, _ arguments: StatementArguments, _ body: (inout FunnelInputs.Collections, ColumnReader) -> Void) throws {
                try db.cachedStatement(sql: sql).forEachRow(arguments: arguments) { row in
                    body(&inputs.collections[Currency(code: row.text(0) ?? ""), default: FunnelInputs.Collections()], row)
                }
            }
            // Grouped by day first, in the index's order, so that SQLite does not sort; the
            // index holds only the payments that stand.
            try add("SELECT currency, sum(amount) FROM payment WHERE paid_on >= ? AND paid_on <= ? AND voided_at IS NULL GROUP BY paid_on, currency",
                    [thisMonth.iso, thisMonth.endOfMonth.iso]) { $0.collectedThisMonth += $1.int64(1) }
            try add("SELECT currency, sum(amount - received) FROM contract WHERE received < amount GROUP BY currency", []) {
                $0.outstanding = $1.int64(1)
            }
            try add("""
                SELECT currency, sum(amount - received), due_on < ? FROM instalment
                WHERE received < amount AND due_on <= ? GROUP BY due_on, currency
                """, [today.iso, thisMonth.endOfMonth.iso]) {
                if $1.int64(2) != 0 { $0.overdue += $1.int64(1) } else { $0.dueThisMonth += $1.int64(1) }
            }
            return inputs
        }
    }

    /// stage, currency, probability (-1: the stage's default), count, sum(amount) from `start`.
    private static func dealGroup(_ row: ColumnReader, from start: Int32) -> FunnelInputs.DealGroup? {
        guard let stage = row.text(start).flatMap(Stage.init(rawValue:)) else { return nil }
        return FunnelInputs.DealGroup(stage: stage, currency: Currency(code: row.text(start + 1) ?? ""),
                                      probability: row.int64(start + 2) < 0 ? nil : Int(row.int64(start + 2)),
                                      count: Int(row.int64(start + 3)), amount: row.int64(start + 4))
    }
}
