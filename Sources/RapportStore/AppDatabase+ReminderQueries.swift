import GRDB
import RapportCore

// The store's half of every reminder rule: the SQL it is answered with. Each rule reads
// through a partial index that holds exactly its rows, so the rule is an index range and its
// total an index-only count. A condition here implies its index's WHERE clause (SQLite uses a
// partial index only then): `ReminderRuleQueryTests` checks every plan.
extension AppDatabase {
    /// The questions the store answers for a rule of this kind on `plan`; none when the rule
    /// is off or asks nothing today.
    static func queries(for kind: ReminderRuleKind, _ plan: ScanPlan) -> [RuleQuery] {
        let today = plan.today.iso
        switch kind {
        case .overdue:
            return [followUps("f.due_on < ?", [today], top: .perGrade("f.due_on, f.id"), index: "follow_up_open_on_due")]
        case .due:
            return [followUps("f.due_on = ?", [today], top: .perGrade("f.due_time IS NULL, f.due_time, f.id"), index: "follow_up_open_on_due")]
        case .upcoming:
            guard plan.daysAhead > 0 else { return [] }
            return [followUps("f.due_on > ? AND f.due_on <= ?", [today, plan.followUpsDueBy.iso],
                              top: .perGrade("f.due_on, f.due_time IS NULL, f.due_time, f.id"), index: "follow_up_open_on_due")]
        case .stale:
            // Nothing logged since: `last_activity_at` is kept by the logging transaction (the
            // interaction that made the follow-up is logged the same minute, not after).
            return [RuleQuery(Self.followUpRow, into: \.staleFollowUps, from: followUpsAndCustomers, countFrom: "follow_up f",
                              where: "f.status = 'open' AND f.last_activity_at IS NULL AND f.created_at < ?", [plan.staleCutoff.iso],
                              top: .first("f.created_at, f.id"), index: "follow_up_untouched_by_created")]
        case .forgotten:
            let graded = plan.contactCutoffs.map { cutoff in
                RuleQuery(Self.customerRow, into: \.quietCustomers, from: "customer c", where: """
                    c.status NOT IN ('lost', 'dormant') AND c.last_contact_at IS NOT NULL AND c.silent_since IS NULL \
                    AND c.cadence_days IS NULL AND \(cutoff.grade == nil ? "c.grade IS NULL" : "c.grade = ?") \
                    AND substr(c.last_contact_at, 1, 10) < ?
                    """, StatementArguments(cutoff.grade.map { [$0.rawValue, cutoff.before.iso] } ?? [cutoff.before.iso]),
                          top: .first("substr(c.last_contact_at, 1, 10), c.id"), index: "customer_forgotten_by_day")
            }
            // Customers on a cadence of their own are few: read whole.
            let own = RuleQuery(Self.customerRow, into: \.quietCustomers, from: "customer c", where: """
                c.cadence_days > 0 AND c.status NOT IN ('lost', 'dormant') AND c.last_contact_at IS NOT NULL \
                AND c.silent_since IS NULL AND substr(c.last_contact_at, 1, 10) < date(?, '-' || c.cadence_days || ' days')
                """, [today], top: .all, index: "customer_own_cadence")
            return graded + [own]
        case .visit:
            guard let cutoff = plan.visitCutoff else { return [] }
            let day = "substr(coalesce(c.last_visit_at, c.created_at), 1, 10)"
            return [RuleQuery(Self.customerRow, into: \.unvisited, from: "customer c",
                              where: "c.grade = 'A' AND \(chasedAtAll) AND \(day) < ?", [cutoff.iso],
                              top: .first("\(day), c.id"), index: "customer_visit_by_day")]
        case .uncontacted:
            // Named: the planner would take the last-contact index and read every row to check the rest.
            let day = "substr(c.created_at, 1, 10)"
            return [RuleQuery(Self.customerRow, into: \.uncontacted, from: "customer c INDEXED BY customer_uncontacted_by_day",
                              where: "c.last_contact_at IS NULL AND \(chasedAtAll) AND \(day) < ?", [plan.uncontactedCutoff.iso],
                              top: .perGrade("\(day), c.id"), index: "customer_uncontacted_by_day")]
        case .silent:
            let day = "substr(c.silent_since, 1, 10)"
            return [RuleQuery(Self.customerRow, into: \.silent, from: "customer c",
                              where: "c.silent_since IS NOT NULL AND \(chasedAtAll) AND \(day) < ?", [plan.silentCutoff.iso],
                              top: .perGrade("\(day), c.id"), index: "customer_silent_by_day")]
        case .birthday:
            // A week of birthdays is few rows: read whole, the customers' and their contact persons'.
            let days = plan.birthdayMonthDays
            let list = days.map { _ in "?" }.joined(separator: ", ")
            return [
                RuleQuery(Self.customerBirthdayRow, into: \.birthdays, from: "customer c",
                          where: "c.birthday IS NOT NULL AND \(chased) AND substr(c.birthday, -5) IN (\(list))",
                          StatementArguments(days), top: .all, index: "customer_birthday"),
                RuleQuery(Self.contactBirthdayRow, into: \.birthdays, from: "contact_person p JOIN customer c ON c.id = p.customer_id",
                          where: "p.birthday IS NOT NULL AND substr(p.birthday, -5) IN (\(list)) AND \(chased)",
                          StatementArguments(days), top: .all, index: "contact_person_birthday"),
            ]
        case .regrade:
            // Only when the review runs, a few days a quarter: through the customer table, its
            // candidates read whole. A busy C's interactions in the window are counted through
            // the (customer, time) index.
            guard let review = plan.review else { return [] }
            let recent = "(SELECT count(*) FROM interaction i WHERE i.customer_id = c.id AND i.occurred_at >= ?)"
            let busy = ReminderRow(columns: "\(summaryColumns), \(recent)", summaryAt: 0) {
                RegradeCandidate(customer: summary($0), interactions: Int($0.int64(10)), hasOpportunity: true)
            }
            let quiet = ReminderRow(columns: summaryColumns, summaryAt: 0) {
                RegradeCandidate(customer: summary($0), interactions: 0, hasOpportunity: false)
            }
            return [
                RuleQuery(busy, into: \.regradeCandidates, from: "customer c", where: """
                    c.grade = 'C' AND \(chased) AND EXISTS (SELECT 1 FROM follow_up f WHERE f.customer_id = c.id AND f.status = 'open') \
                    AND \(recent) >= ?
                    """, [review.windowStart.iso, review.windowStart.iso, review.minInteractions], top: .all, index: nil),
                RuleQuery(quiet, into: \.regradeCandidates, from: "customer c",
                          where: "c.grade = 'A' AND \(chased) AND substr(coalesce(c.last_contact_at, c.created_at), 1, 10) < ?",
                          [review.quietCutoff.iso], top: .all, index: nil),
            ]
        case .payment:
            return [RuleQuery(Self.instalmentRow, into: \.instalmentsDue, from: """
                instalment i JOIN contract k ON k.id = i.contract_id JOIN customer c ON c.id = k.customer_id
                """, countFrom: "instalment i", where: "i.received < i.amount AND i.due_on <= ?", [plan.paymentsDueBy.iso],
                              top: .perGrade("i.due_on, i.id"), index: "instalment_owing_by_due")]
        case .stuck:
            // Named indexes: left to itself SQLite reads every open deal through `deal_funnel`
            // (stage first), 60 ms a rule at 100,000 customers instead of 2.
            let deals = "deal d INDEXED BY deal_open_by_activity"
            return [RuleQuery(Self.dealRow, into: \.stuckDeals, from: deals + " JOIN customer c ON c.id = d.customer_id", countFrom: deals,
                              where: "\(openDeal) AND d.last_activity_at < ?", [plan.stuckCutoff.iso],
                              top: .perGrade("substr(d.last_activity_at, 1, 10), d.id"), index: "deal_open_by_activity")]
        case .closePassed:
            let deals = "deal d INDEXED BY deal_open_by_close"
            return [RuleQuery(Self.dealRow, into: \.closePassedDeals, from: deals + " JOIN customer c ON c.id = d.customer_id", countFrom: deals,
                              where: "\(openDeal) AND d.expected_close_on IS NOT NULL AND d.expected_close_on < ?", [today],
                              top: .perGrade("d.expected_close_on, d.id"), index: "deal_open_by_close")]
        case .renewal:
            // Contracts ending in the window whose customer has begun no deal since the window opened.
            guard let by = plan.renewalBy else { return [] }
            return [RuleQuery(Self.contractRow, into: \.endingContracts, from: "contract k JOIN customer c ON c.id = k.customer_id", where: """
                k.ends_on IS NOT NULL AND k.ends_on >= ? AND k.ends_on <= ?
                  AND NOT EXISTS (SELECT 1 FROM deal d WHERE d.customer_id = k.customer_id
                                  AND d.created_at >= date(k.ends_on, '-' || ? || ' days'))
                """, [today, by.iso, plan.settings.renewalDays], top: .perGrade("k.ends_on, k.id"), index: "contract_by_end")]
        }
    }

    // MARK: - Conditions the rules share, as their indexes' WHERE clauses say them

    static let chased = "c.status NOT IN ('lost', 'dormant')"
    static let chasedAtAll = "c.status NOT IN ('lost', 'dormant') AND (c.cadence_days IS NULL OR c.cadence_days > 0)"
    static let openDeal = "d.stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing')"
    static let followUpsAndCustomers = "follow_up f JOIN customer c ON c.id = f.customer_id"

    /// Open follow-ups through the partial index on them; counted without their customers.
    private static func followUps(_ condition: String, _ arguments: StatementArguments, top: RuleQuery.Top, index: String) -> RuleQuery {
        RuleQuery(followUpRow, into: \.openFollowUps, from: followUpsAndCustomers, countFrom: "follow_up f",
                  where: "f.status = 'open' AND " + condition, arguments, top: top, index: index)
    }

    // MARK: - Rows

    static let customerRow = ReminderRow(columns: summaryColumns, summaryAt: 0) { summary($0) }

    static let followUpRow = ReminderRow(columns: "f.id, f.due_on, f.due_time, f.title, f.created_at, \(summaryColumns)", summaryAt: 5,
                                         dueFollowUp)

    static let customerBirthdayRow = ReminderRow(columns: "\(summaryColumns), c.birthday", summaryAt: 0) { row in
        row.text(10).flatMap(Birthday.init(text:)).map { BirthdayEntry(customer: summary(row), birthday: $0) }
    }

    static let contactBirthdayRow = ReminderRow(columns: "\(summaryColumns), p.birthday, p.id, p.name", summaryAt: 0) { row in
        row.text(10).flatMap(Birthday.init(text:)).map {
            BirthdayEntry(customer: summary(row), contactID: row.int64(11), contactName: row.text(12), birthday: $0)
        }
    }

    static let instalmentRow = ReminderRow(columns: """
        i.id, i.contract_id, k.number, k.deal_id, i.position, i.due_on, i.amount - i.received, i.currency, \(summaryColumns)
        """, summaryAt: 8) { row in
        InstalmentDue(id: row.int64(0), contractID: row.int64(1), contractNumber: row.text(2) ?? "",
                      dealID: row.isNull(3) ? nil : row.int64(3), position: Int(row.int64(4)), dueOn: row.day(5) ?? Day(ordinal: 0),
                      remaining: Money(minorUnits: row.int64(6), currency: Currency(code: row.text(7) ?? "")),
                      customer: summary(row, from: 8))
    }

    static let dealRow = ReminderRow(columns: """
        d.id, d.title, d.stage, d.amount, d.currency, d.expected_close_on, d.last_activity_at, \(summaryColumns)
        """, summaryAt: 7) { row in
        let stageText = row.text(2) ?? ""
        guard let stage = Stage(rawValue: stageText) else { throw StoredValueError(column: "stage", value: stageText) }
        return DealSummary(id: row.int64(0), customer: summary(row, from: 7), title: row.text(1) ?? "", stage: stage,
                           amount: Money(minorUnits: row.int64(3), currency: Currency(code: row.text(4) ?? "")),
                           expectedClose: row.day(5), lastActivityOn: row.day(6) ?? Day(ordinal: 0))
    }

    static let contractRow = ReminderRow(columns: "k.id, k.number, k.deal_id, k.ends_on, \(summaryColumns)", summaryAt: 4) { row in
        ContractEnding(id: row.int64(0), number: row.text(1) ?? "", dealID: row.isNull(2) ? nil : row.int64(2),
                       endsOn: row.day(3) ?? Day(ordinal: 0), customer: summary(row, from: 4))
    }

    static func dueFollowUp(_ row: ColumnReader) throws -> DueFollowUp {
        guard let day = row.day(1) else { throw StoredValueError(column: "due_on", value: row.text(1) ?? "") }
        return DueFollowUp(id: row.int64(0), customer: summary(row, from: 5),
                           due: When(day: day, time: row.text(2).flatMap { ClockTime(text: $0) }), title: row.text(3) ?? "",
                           createdOn: row.day(4))
    }
}

/// The columns a rule's rows are read from, where their customer's `summaryColumns` begin,
/// and how a row becomes what the rule is given (nil: a row the rule cannot use).
struct ReminderRow<Value>: Sendable {
    let columns: String
    let summaryAt: Int32
    let read: @Sendable (ColumnReader) throws -> Value?

    init(columns: String, summaryAt: Int32, _ read: @escaping @Sendable (ColumnReader) throws -> Value?) {
        self.columns = columns
        self.summaryAt = summaryAt
        self.read = read
    }

    /// The customer's grade: the fourth of `summaryColumns`.
    var gradeColumn: Int32 { summaryAt + 3 }
}

/// One question of a rule to the store: the rows it reads, in the scanner's order for a
/// screenful, how they are counted, and the index they go through.
struct RuleQuery {
    /// How a screenful reads the rows.
    enum Top {
        /// Rows of every grade: each grade's first `limit` in this order (the scanner's, in
        /// which a grade's urgency only falls), so that their union holds the rule's top.
        case perGrade(String)
        /// The first `limit` rows in this order: the rows are of one grade, or the grade adds
        /// nothing to their urgency.
        case first(String)
        /// Few rows, read whole; they are their own count.
        case all
    }

    /// The partial index the rows and their count go through; nil for a rule that reads its
    /// table (the grade review, which runs a few days a quarter).
    let index: String?
    /// The rows' statement, in no order: everything, or rows read whole.
    let rows: String
    /// A screenful's statement, in the scanner's order (`LIMIT ?` after the arguments for
    /// `first`); nil when the rows are read whole.
    let screenful: String?
    /// The rows' count, for a screenful; nil when the rows are read whole.
    let count: String?
    let arguments: StatementArguments
    /// Reads the rows into the inputs (a screenful when given a limit), and returns how many
    /// there are in all.
    let read: (Database, Int?, inout ReminderInputs) throws -> Int

    init<Value>(_ row: ReminderRow<Value>, into path: WritableKeyPath<ReminderInputs, [Value]>, from: String, countFrom: String? = nil,
                where condition: String, _ arguments: StatementArguments, top: Top, index: String?) {
        let rows = "SELECT \(row.columns) FROM \(from) WHERE \(condition)"
        let screenful: String? = switch top {
        case .perGrade(let order): rows + " ORDER BY " + order
        case .first(let order): rows + " ORDER BY " + order + " LIMIT ?"
        case .all: nil
        }
        let count = screenful == nil ? nil : "SELECT count(*) FROM \(countFrom ?? from) WHERE \(condition)"
        self.index = index
        self.rows = rows
        self.screenful = screenful
        self.count = count
        self.arguments = arguments
        self.read = { db, limit, inputs in
            var found: [Value] = []
            let keep: (ColumnReader) throws -> Void = { if let value = try row.read($0) { found.append(value) } }
            var total: Int?
            switch (limit, top, screenful, count) {
            case (let limit?, .perGrade, let sql?, let count?):
                try AppDatabase.walkByGrade(db, limit: limit, gradeColumn: row.gradeColumn, sql: sql, arguments: arguments, keep)
                total = try AppDatabase.count(db, count, arguments)
            case (let limit?, .first, let sql?, let count?):
                try db.cachedStatement(sql: sql).forEachRow(arguments: arguments + [limit], keep)
                total = try AppDatabase.count(db, count, arguments)
            default:
                try db.cachedStatement(sql: rows).forEachRow(arguments: arguments, keep)
            }
            if inputs[keyPath: path].isEmpty { inputs[keyPath: path] = found } else { inputs[keyPath: path] += found }
            return total ?? found.count
        }
    }
}
