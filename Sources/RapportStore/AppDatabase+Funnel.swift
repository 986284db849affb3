import GRDB
import RapportCore

extension AppDatabase {
    /// The funnel's sums, each an aggregate over a covering index: the report itself is
    /// worked out in `FunnelReport` from these groups.
    public func funnelInputs(today: Day, pipeline: PipelineSettings) throws -> FunnelInputs {
        try read { db in
            var inputs = FunnelInputs()
            let windowStart = today.adding(days: -pipeline.windowDays).iso
            func groups(_ sql: String, _ arguments: StatementArguments) throws {
                try db.cachedStatement(sql: sql).forEachRow(arguments: arguments) { row in
                    guard let group = Self.dealGroup(row, from: 0) else { return }
                    inputs.deals.append(group)
                }
            }
            try groups("""
                SELECT stage, currency, probability, count(*), sum(amount) FROM deal
                WHERE stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing', 'won')
                GROUP BY stage, currency, probability
                """, [])
            try groups("""
                SELECT stage, currency, probability, count(*), sum(amount) FROM deal
                WHERE stage IN ('paid', 'lost') AND stage_entered_at >= ?
                GROUP BY stage, currency, probability
                """, [windowStart])
            try db.cachedStatement(sql: "SELECT stage, count(*), sum(days) FROM deal_stage WHERE left_at >= ? GROUP BY stage")
                .forEachRow(arguments: [windowStart]) { row in
                    guard let stage = row.text(0).flatMap(Stage.init(rawValue:)) else { return }
                    inputs.stays[stage] = (Int(row.int64(1)), Int(row.int64(2)))
                }
            try db.cachedStatement(sql: "SELECT stage, left_to, count(*) FROM deal_stage WHERE entered_at >= ? GROUP BY stage, left_to")
                .forEachRow(arguments: [windowStart]) { row in
                    guard let stage = row.text(0).flatMap(Stage.init(rawValue:)) else { return }
                    inputs.entries.append((stage, row.text(1).flatMap(Stage.init(rawValue:)), Int(row.int64(2))))
                }

            let thisMonth = Day(year: today.year, month: today.month, day: 1) ?? today
            let horizon = thisMonth.adding(months: 3)
            try db.cachedStatement(sql: """
                SELECT CASE WHEN expected_close_on < ? THEN NULL ELSE substr(expected_close_on, 1, 7) || '-01' END AS month,
                  stage, currency, probability, count(*), sum(amount)
                FROM deal
                WHERE stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing') AND expected_close_on IS NOT NULL
                  AND expected_close_on < ?
                GROUP BY month, stage, currency, probability
                """).forEachRow(arguments: [today.iso, horizon.iso]) { row in
                    guard let group = Self.dealGroup(row, from: 1) else { return }
                    inputs.forecast.append(FunnelInputs.ForecastGroup(month: row.day(0), deals: group))
                }

            func add(_ sql: String, _ arguments: StatementArguments, _ body: (inout FunnelInputs.Collections, ColumnReader) -> Void) throws {
                try db.cachedStatement(sql: sql).forEachRow(arguments: arguments) { row in
                    body(&inputs.collections[Currency(code: row.text(0) ?? ""), default: FunnelInputs.Collections()], row)
                }
            }
            try add("SELECT currency, sum(amount) FROM payment WHERE paid_on >= ? AND paid_on <= ? GROUP BY currency",
                    [thisMonth.iso, thisMonth.endOfMonth.iso]) { $0.collectedThisMonth = $1.int64(1) }
            try add("SELECT currency, sum(amount - received) FROM contract WHERE received < amount GROUP BY currency", []) {
                $0.outstanding = $1.int64(1)
            }
            try add("""
                SELECT currency, sum(CASE WHEN due_on < ? THEN amount - received ELSE 0 END),
                  sum(CASE WHEN due_on >= ? THEN amount - received ELSE 0 END)
                FROM instalment WHERE received < amount AND due_on <= ? GROUP BY currency
                """, [today.iso, today.iso, thisMonth.endOfMonth.iso]) {
                $0.overdue = $1.int64(1)
                $0.dueThisMonth = $1.int64(2)
            }
            return inputs
        }
    }

    /// stage, currency, probability, count, sum(amount) from `start`.
    private static func dealGroup(_ row: ColumnReader, from start: Int32) -> FunnelInputs.DealGroup? {
        guard let stage = row.text(start).flatMap(Stage.init(rawValue:)) else { return nil }
        return FunnelInputs.DealGroup(stage: stage, currency: Currency(code: row.text(start + 1) ?? ""),
                                      probability: row.isNull(start + 2) ? nil : Int(row.int64(start + 2)),
                                      count: Int(row.int64(start + 3)), amount: row.int64(start + 4))
    }
}
