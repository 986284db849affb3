import GRDB
import RapportCore

// The pipeline's reminder rules as SQL, each through a partial index: instalments owed by
// due day, open deals by last activity and by expected close, contracts by end day.
extension AppDatabase {
    static let openDeal = "d.stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing')"

    static let instalmentColumns = """
        i.id, i.contract_id, k.number, k.deal_id, i.position, i.due_on, i.amount - i.received, i.currency, \(summaryColumns)
        """
    static let instalmentsOwed = """
        FROM instalment i JOIN contract k ON k.id = i.contract_id JOIN customer c ON c.id = k.customer_id
        WHERE i.received < i.amount AND i.due_on <= ?
        """

    static let dealColumns = """
        d.id, d.title, d.stage, d.amount, d.currency, d.expected_close_on, d.last_activity_at, \(summaryColumns)
        """
    // Named indexes: left to itself SQLite reads every open deal through `deal_funnel`
    // (stage first), 60 ms a rule at 100,000 customers instead of 2.
    static let stuckDeals = """
        FROM deal d INDEXED BY deal_open_by_activity JOIN customer c ON c.id = d.customer_id
        WHERE \(openDeal) AND d.last_activity_at < ?
        """
    static let closePassedDeals = """
        FROM deal d INDEXED BY deal_open_by_close JOIN customer c ON c.id = d.customer_id
        WHERE \(openDeal) AND d.expected_close_on IS NOT NULL AND d.expected_close_on < ?
        """

    static let contractColumns = "k.id, k.number, k.deal_id, k.ends_on, \(summaryColumns)"
    /// Contracts ending in the window whose customer has begun no deal since the window opened.
    static let endingContracts = """
        FROM contract k JOIN customer c ON c.id = k.customer_id
        WHERE k.ends_on IS NOT NULL AND k.ends_on >= ? AND k.ends_on <= ?
          AND NOT EXISTS (SELECT 1 FROM deal d WHERE d.customer_id = k.customer_id
                          AND d.created_at >= date(k.ends_on, '-' || ? || ' days'))
        """

    /// Every pipeline reminder's rows.
    static func readPipelineAll(_ plan: ScanPlan, into inputs: inout ReminderInputs, _ db: Database) throws {
        try db.cachedStatement(sql: "SELECT \(instalmentColumns) " + instalmentsOwed)
            .forEachRow(arguments: [plan.paymentsDueBy.iso]) { inputs.instalmentsDue.append(instalment($0)) }
        try db.cachedStatement(sql: "SELECT \(dealColumns) " + stuckDeals)
            .forEachRow(arguments: [plan.stuckCutoff.iso]) { inputs.stuckDeals.append(try dealSummary($0)) }
        try db.cachedStatement(sql: "SELECT \(dealColumns) " + closePassedDeals)
            .forEachRow(arguments: [plan.today.iso]) { inputs.closePassedDeals.append(try dealSummary($0)) }
        if let renewalBy = plan.renewalBy {
            try db.cachedStatement(sql: "SELECT \(contractColumns) " + endingContracts)
                .forEachRow(arguments: [plan.today.iso, renewalBy.iso, plan.settings.renewalDays]) { inputs.endingContracts.append(ending($0)) }
        }
    }

    /// Per rule and grade the `limit` most urgent rows, in the scanner's order, and each
    /// rule's total.
    static func readPipelineTops(_ plan: ScanPlan, limit: Int, into inputs: inout ReminderInputs, _ db: Database) throws {
        let grade: Int32 = 11
        try walkByGrade(db, limit: limit, gradeColumn: grade, sql: "SELECT \(instalmentColumns) " + instalmentsOwed + " ORDER BY i.due_on, i.id",
                        arguments: [plan.paymentsDueBy.iso]) { inputs.instalmentsDue.append(instalment($0)) }
        inputs.totals[.payment] = try count(db, "SELECT count(*) FROM instalment i WHERE i.received < i.amount AND i.due_on <= ?",
                                            [plan.paymentsDueBy.iso])
        try walkByGrade(db, limit: limit, gradeColumn: 10,
                        sql: "SELECT \(dealColumns) " + stuckDeals + " ORDER BY substr(d.last_activity_at, 1, 10), d.id",
                        arguments: [plan.stuckCutoff.iso]) { inputs.stuckDeals.append(try dealSummary($0)) }
        inputs.totals[.stuck] = try count(db, "SELECT count(*) FROM deal d INDEXED BY deal_open_by_activity WHERE \(openDeal) AND d.last_activity_at < ?",
                                          [plan.stuckCutoff.iso])
        try walkByGrade(db, limit: limit, gradeColumn: 10, sql: "SELECT \(dealColumns) " + closePassedDeals + " ORDER BY d.expected_close_on, d.id",
                        arguments: [plan.today.iso]) { inputs.closePassedDeals.append(try dealSummary($0)) }
        inputs.totals[.closePassed] = try count(db, """
            SELECT count(*) FROM deal d INDEXED BY deal_open_by_close
            WHERE \(openDeal) AND d.expected_close_on IS NOT NULL AND d.expected_close_on < ?
            """, [plan.today.iso])
        if let renewalBy = plan.renewalBy {
            let arguments: StatementArguments = [plan.today.iso, renewalBy.iso, plan.settings.renewalDays]
            try walkByGrade(db, limit: limit, gradeColumn: 7, sql: "SELECT \(contractColumns) " + endingContracts + " ORDER BY k.ends_on, k.id",
                            arguments: arguments) { inputs.endingContracts.append(ending($0)) }
            inputs.totals[.renewal] = try count(db, "SELECT count(*) " + endingContracts, arguments)
        }
    }

    // MARK: - Rows

    private static func instalment(_ row: ColumnReader) -> InstalmentDue {
        InstalmentDue(id: row.int64(0), contractID: row.int64(1), contractNumber: row.text(2) ?? "",
                      dealID: row.isNull(3) ? nil : row.int64(3), position: Int(row.int64(4)), dueOn: row.day(5) ?? Day(ordinal: 0),
                      remaining: Money(minorUnits: row.int64(6), currency: Currency(code: row.text(7) ?? "")),
                      customer: summary(row, from: 8))
    }

    private static func dealSummary(_ row: ColumnReader) throws -> DealSummary {
        let stageText = row.text(2) ?? ""
        guard let stage = Stage(rawValue: stageText) else { throw StoredValueError(column: "stage", value: stageText) }
        return DealSummary(id: row.int64(0), customer: summary(row, from: 7), title: row.text(1) ?? "", stage: stage,
                           amount: Money(minorUnits: row.int64(3), currency: Currency(code: row.text(4) ?? "")),
                           expectedClose: row.day(5), lastActivityOn: row.day(6) ?? Day(ordinal: 0))
    }

    private static func ending(_ row: ColumnReader) -> ContractEnding {
        ContractEnding(id: row.int64(0), number: row.text(1) ?? "", dealID: row.isNull(2) ? nil : row.int64(2),
                       endsOn: row.day(3) ?? Day(ordinal: 0), customer: summary(row, from: 4))
    }
}
