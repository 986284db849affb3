import GRDB
import RapportCore

// Every rule's question as SQL over a partial index that holds exactly its customers, so a
// rule is an index range and its total an index-only count. Conditions below repeat the
// indexes' WHERE clauses word for word: SQLite uses a partial index only when the query
// implies its condition.
extension AppDatabase {
    static let chased = "c.status NOT IN ('lost', 'dormant')"
    static let chasedAtAll = "c.status NOT IN ('lost', 'dormant') AND (c.cadence_days IS NULL OR c.cadence_days > 0)"

    /// Open follow-ups due on or before a day, with their customers (the partial index on open follow-ups).
    static let openFollowUpsDueSQL = """
        SELECT f.id, f.due_on, f.due_time, f.title, f.created_at, \(summaryColumns)
        FROM follow_up f JOIN customer c ON c.id = f.customer_id
        WHERE f.status = 'open' AND f.due_on <= ?
        """

    /// Contacted, chased, not silent customers of one grade (or none) on the grade's cadence
    /// whose last contact is before a day.
    static func quietCustomersCondition(graded: Bool) -> String {
        """
        c.status NOT IN ('lost', 'dormant') AND c.last_contact_at IS NOT NULL AND c.silent_since IS NULL \
        AND c.cadence_days IS NULL AND \(graded ? "c.grade = ?" : "c.grade IS NULL") AND \(contactDay) < ?
        """
    }

    static func quietCustomersSQL(graded: Bool) -> String {
        "SELECT \(summaryColumns) FROM customer c WHERE " + quietCustomersCondition(graded: graded)
    }

    /// The day of the last contact: the expression the forgotten index is on.
    static let contactDay = "substr(c.last_contact_at, 1, 10)"

    /// Customers on a cadence of their own (few): the rule decides who is past it.
    static let ownCadenceSQL = """
        SELECT \(summaryColumns) FROM customer c
        WHERE c.cadence_days > 0 AND c.status NOT IN ('lost', 'dormant') AND c.last_contact_at IS NOT NULL \
        AND c.silent_since IS NULL
        """

    static let visitDay = "substr(coalesce(c.last_visit_at, c.created_at), 1, 10)"
    static let visitCondition = "c.grade = 'A' AND \(chasedAtAll) AND \(visitDay) < ?"
    static let uncontactedDay = "substr(c.created_at, 1, 10)"
    static let uncontactedCondition = "c.last_contact_at IS NULL AND \(chasedAtAll) AND \(uncontactedDay) < ?"
    /// The planner would take the last-contact index and read every row to check the rest.
    static let uncontactedTable = "customer c INDEXED BY customer_uncontacted_by_day"
    static let silentDay = "substr(c.silent_since, 1, 10)"
    static let silentCondition = "c.silent_since IS NOT NULL AND \(chasedAtAll) AND \(silentDay) < ?"

    /// Open follow-ups made before a day with nothing logged on the customer after they
    /// were made (the interaction that made one is logged the same minute, not after):
    /// `last_activity_at` is kept by the logging transaction.
    static let staleFrom = """
        FROM follow_up f JOIN customer c ON c.id = f.customer_id
        WHERE f.status = 'open' AND f.last_activity_at IS NULL AND f.created_at < ?
        """
    static let staleCount = "SELECT count(*) FROM follow_up f WHERE f.status = 'open' AND f.last_activity_at IS NULL AND f.created_at < ?"

    /// Answers the scanner's plan with indexed queries; no interaction is read but through
    /// the index on (customer, time), a customer at a time.
    public func reminderInputs(for plan: ScanPlan) throws -> ReminderInputs {
        try read { db in
            var inputs = ReminderInputs()
            if let limit = plan.limit {
                try Self.readTops(plan, limit: limit, into: &inputs, db)
                try Self.readPipelineTops(plan, limit: limit, into: &inputs, db)
            } else {
                try Self.readAll(plan, into: &inputs, db)
                try Self.readPipelineAll(plan, into: &inputs, db)
            }
            try Self.readBirthdays(plan, into: &inputs, db)
            if let review = plan.review { try Self.readRegradeCandidates(review, into: &inputs, db) }
            return inputs
        }
    }

    private static func readAll(_ plan: ScanPlan, into inputs: inout ReminderInputs, _ db: Database) throws {
        try db.cachedStatement(sql: openFollowUpsDueSQL).forEachRow(arguments: [plan.followUpsDueBy.iso]) { row in
            inputs.openFollowUps.append(try dueFollowUp(row))
        }
        for cutoff in plan.contactCutoffs {
            try db.cachedStatement(sql: quietCustomersSQL(graded: cutoff.grade != nil))
                .forEachRow(arguments: gradeArguments(cutoff.grade, cutoff.before)) { inputs.quietCustomers.append(summary($0)) }
        }
        try db.cachedStatement(sql: ownCadenceSQL).forEachRow(arguments: []) { inputs.quietCustomers.append(summary($0)) }
        if let visit = plan.visitCutoff {
            try db.cachedStatement(sql: "SELECT \(summaryColumns) FROM customer c WHERE \(visitCondition)")
                .forEachRow(arguments: [visit.iso]) { inputs.unvisited.append(summary($0)) }
        }
        try db.cachedStatement(sql: "SELECT \(summaryColumns) FROM \(uncontactedTable) WHERE \(uncontactedCondition)")
            .forEachRow(arguments: [plan.uncontactedCutoff.iso]) { inputs.uncontacted.append(summary($0)) }
        try db.cachedStatement(sql: "SELECT \(summaryColumns) FROM customer c WHERE \(silentCondition)")
            .forEachRow(arguments: [plan.silentCutoff.iso]) { inputs.silent.append(summary($0)) }
        try db.cachedStatement(sql: "SELECT f.id, f.due_on, f.due_time, f.title, f.created_at, \(summaryColumns) " + staleFrom)
            .forEachRow(arguments: [plan.staleCutoff.iso]) { inputs.staleFollowUps.append(try dueFollowUp($0)) }
    }

    /// A screenful: per rule and grade the `limit` longest-waiting candidates, in the
    /// scanner's own order, and every rule's total counted by index.
    private static func readTops(_ plan: ScanPlan, limit: Int, into inputs: inout ReminderInputs, _ db: Database) throws {
        // Overdue rows in the scanner's order (longest wait, then id); due-today rows by time
        // (untimed last), then id.
        for (rule, comparison, order) in [(ReminderRuleKind.overdue, "<", "f.due_on, f.id"),
                                          (.due, "=", "f.due_time IS NULL, f.due_time, f.id")] {
            try walkByGrade(db, limit: limit, gradeColumn: 8, sql: """
                SELECT f.id, f.due_on, f.due_time, f.title, f.created_at, \(summaryColumns)
                FROM follow_up f JOIN customer c ON c.id = f.customer_id
                WHERE f.status = 'open' AND f.due_on \(comparison) ? ORDER BY \(order)
                """, arguments: [plan.today.iso]) { inputs.openFollowUps.append(try dueFollowUp($0)) }
            inputs.totals[rule] = try count(db, "SELECT count(*) FROM follow_up WHERE status = 'open' AND due_on \(comparison) ?",
                                            [plan.today.iso])
        }
        if plan.followUpsDueBy > plan.today {
            try walkByGrade(db, limit: limit, gradeColumn: 8, sql: """
                SELECT f.id, f.due_on, f.due_time, f.title, f.created_at, \(summaryColumns)
                FROM follow_up f JOIN customer c ON c.id = f.customer_id
                WHERE f.status = 'open' AND f.due_on > ? AND f.due_on <= ? ORDER BY f.due_on, f.due_time IS NULL, f.due_time, f.id
                """, arguments: [plan.today.iso, plan.followUpsDueBy.iso]) { inputs.openFollowUps.append(try dueFollowUp($0)) }
            inputs.totals[.upcoming] = try count(db, "SELECT count(*) FROM follow_up WHERE status = 'open' AND due_on > ? AND due_on <= ?",
                                                 [plan.today.iso, plan.followUpsDueBy.iso])
        }

        var forgotten = 0
        for cutoff in plan.contactCutoffs {
            let condition = quietCustomersCondition(graded: cutoff.grade != nil)
            let arguments = gradeArguments(cutoff.grade, cutoff.before)
            try db.cachedStatement(sql: "SELECT \(summaryColumns) FROM customer c WHERE \(condition) ORDER BY \(contactDay), c.id LIMIT ?")
                .forEachRow(arguments: arguments + [limit]) { inputs.quietCustomers.append(summary($0)) }
            forgotten += try count(db, "SELECT count(*) FROM customer c WHERE \(condition)", arguments)
        }
        // Customers on their own cadence are few: all are read, and the rule counts them.
        var own: [CustomerSummary] = []
        try db.cachedStatement(sql: ownCadenceSQL).forEachRow(arguments: []) { own.append(summary($0)) }
        inputs.quietCustomers += own
        let ownInputs = ReminderInputs(quietCustomers: own)
        forgotten += ForgottenCustomerRule().reminders(from: ownInputs, context: ScanContext(today: plan.today, settings: plan.settings)).count
        inputs.totals[.forgotten] = forgotten

        if let visit = plan.visitCutoff {
            try db.cachedStatement(sql: "SELECT \(summaryColumns) FROM customer c WHERE \(visitCondition) ORDER BY \(visitDay), c.id LIMIT ?")
                .forEachRow(arguments: [visit.iso, limit]) { inputs.unvisited.append(summary($0)) }
            inputs.totals[.visit] = try count(db, "SELECT count(*) FROM customer c WHERE \(visitCondition)", [visit.iso])
        }
        for (rule, table, condition, day, cutoff) in [
            (ReminderRuleKind.uncontacted, uncontactedTable, uncontactedCondition, uncontactedDay, plan.uncontactedCutoff),
            (.silent, "customer c", silentCondition, silentDay, plan.silentCutoff),
        ] {
            try walkByGrade(db, limit: limit, gradeColumn: 3,
                            sql: "SELECT \(summaryColumns) FROM \(table) WHERE \(condition) ORDER BY \(day), c.id",
                            arguments: [cutoff.iso]) { row in
                if rule == .uncontacted { inputs.uncontacted.append(summary(row)) } else { inputs.silent.append(summary(row)) }
            }
            inputs.totals[rule] = try count(db, "SELECT count(*) FROM \(table) WHERE \(condition)", [cutoff.iso])
        }
        try db.cachedStatement(sql: "SELECT f.id, f.due_on, f.due_time, f.title, f.created_at, \(summaryColumns) "
                               + staleFrom + " ORDER BY f.created_at, f.id LIMIT ?")
            .forEachRow(arguments: [plan.staleCutoff.iso, limit]) { inputs.staleFollowUps.append(try dueFollowUp($0)) }
        inputs.totals[.stale] = try count(db, staleCount, [plan.staleCutoff.iso])
    }

    /// Birthdays of customers and contact persons on the plan's month-days, through the
    /// birthday indexes. With a limit, the week is walked a day at a time — each day read
    /// whole, in the scanner's tie-break order — until every grade has its quota; the total
    /// is counted.
    private static func readBirthdays(_ plan: ScanPlan, into inputs: inout ReminderInputs, _ db: Database) throws {
        guard !plan.birthdayMonthDays.isEmpty else { return }
        guard let limit = plan.limit else {
            inputs.birthdays = try birthdays(on: plan.birthdayMonthDays, db)
            return
        }
        var perGrade: [Grade?: Int] = [:]
        walk: for offset in 0...plan.settings.birthdayDays {
            let day = BirthdayRule.monthDays(from: plan.today.adding(days: offset), days: 0)
            let entries = try birthdays(on: day, db).sorted { ($0.customer.id, $0.contactID ?? 0) < ($1.customer.id, $1.contactID ?? 0) }
            for entry in entries where perGrade[entry.customer.grade, default: 0] < limit {
                perGrade[entry.customer.grade, default: 0] += 1
                inputs.birthdays.append(entry)
            }
            if perGrade.count == 4, perGrade.values.allSatisfy({ $0 >= limit }) { break walk }
        }
        let days = plan.birthdayMonthDays.map { _ in "?" }.joined(separator: ", ")
        let arguments = StatementArguments(plan.birthdayMonthDays)
        inputs.totals[.birthday] = try count(db, """
            SELECT (SELECT count(*) FROM customer c WHERE c.birthday IS NOT NULL AND \(chased) AND substr(c.birthday, -5) IN (\(days)))
                 + (SELECT count(*) FROM contact_person p JOIN customer c ON c.id = p.customer_id
                    WHERE p.birthday IS NOT NULL AND substr(p.birthday, -5) IN (\(days)) AND \(chased))
            """, arguments + arguments)
    }

    /// Every customer's and contact person's birthday on these month-days (`MM-DD`).
    private static func birthdays(on monthDays: [String], _ db: Database) throws -> [BirthdayEntry] {
        let days = monthDays.map { _ in "?" }.joined(separator: ", ")
        let arguments = StatementArguments(monthDays)
        var found: [BirthdayEntry] = []
        try db.cachedStatement(sql: """
            SELECT \(summaryColumns), c.birthday FROM customer c
            WHERE c.birthday IS NOT NULL AND \(chased) AND substr(c.birthday, -5) IN (\(days))
            """).forEachRow(arguments: arguments) { row in
            if let b = row.text(10).flatMap(Birthday.init(text:)) { found.append(BirthdayEntry(customer: summary(row), birthday: b)) }
        }
        try db.cachedStatement(sql: """
            SELECT \(summaryColumns), p.birthday, p.id, p.name FROM contact_person p JOIN customer c ON c.id = p.customer_id
            WHERE p.birthday IS NOT NULL AND substr(p.birthday, -5) IN (\(days)) AND \(chased)
            """).forEachRow(arguments: arguments) { row in
            if let b = row.text(10).flatMap(Birthday.init(text:)) {
                found.append(BirthdayEntry(customer: summary(row), contactID: row.int64(11), contactName: row.text(12), birthday: b))
            }
        }
        return found
    }

    /// The grade review's candidates: grade C customers with an open follow-up, with their
    /// interactions in the window counted through the (customer, time) index; and grade A
    /// customers not contacted since the quiet cutoff. Runs only when the review does.
    private static func readRegradeCandidates(_ review: ReviewPlan, into inputs: inout ReminderInputs, _ db: Database) throws {
        try db.cachedStatement(sql: """
            SELECT \(summaryColumns),
              (SELECT count(*) FROM interaction i WHERE i.customer_id = c.id AND i.occurred_at >= ?) AS recent
            FROM customer c
            WHERE c.grade = 'C' AND \(chased)
              AND EXISTS (SELECT 1 FROM follow_up f WHERE f.customer_id = c.id AND f.status = 'open')
              AND (SELECT count(*) FROM interaction i WHERE i.customer_id = c.id AND i.occurred_at >= ?) >= ?
            """).forEachRow(arguments: [review.windowStart.iso, review.windowStart.iso, review.minInteractions]) { row in
            inputs.regradeCandidates.append(RegradeCandidate(customer: summary(row), interactions: Int(row.int64(10)), hasOpportunity: true))
        }
        try db.cachedStatement(sql: """
            SELECT \(summaryColumns) FROM customer c
            WHERE c.grade = 'A' AND \(chased) AND substr(coalesce(c.last_contact_at, c.created_at), 1, 10) < ?
            """).forEachRow(arguments: [review.quietCutoff.iso]) { row in
            inputs.regradeCandidates.append(RegradeCandidate(customer: summary(row), interactions: 0, hasOpportunity: false))
        }
        inputs.totals[.regrade] = inputs.regradeCandidates.count
    }

    // MARK: - Helpers

    /// Walks a query in the scanner's order and keeps, per grade, the first `limit` rows:
    /// each grade's longest-waiting rows hold its most urgent, and no row is read twice.
    static func walkByGrade(_ db: Database, limit: Int, gradeColumn: Int32, sql: String, arguments: StatementArguments,
                                    _ body: (ColumnReader) throws -> Void) throws {
        guard limit > 0 else { return }
        var perGrade: [Grade?: Int] = [:]
        let statement = try db.cachedStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let row = ColumnReader(statement: statement.sqliteStatement)
        while try rows.next() != nil {
            let grade = row.text(gradeColumn).flatMap(Grade.init(rawValue:))
            guard perGrade[grade, default: 0] < limit else { continue }
            perGrade[grade, default: 0] += 1
            try body(row)
            if perGrade.count == 4, perGrade.values.allSatisfy({ $0 >= limit }) { break }
        }
    }

    static func count(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) ?? 0
    }

    private static func gradeArguments(_ grade: Grade?, _ before: Day) -> StatementArguments {
        var arguments: StatementArguments = grade.map { [$0.rawValue] } ?? []
        arguments += [before.iso]
        return arguments
    }

    private static func dueFollowUp(_ row: ColumnReader) throws -> DueFollowUp {
        guard let day = row.day(1) else { throw StoredValueError(column: "due_on", value: row.text(1) ?? "") }
        return DueFollowUp(id: row.int64(0), customer: summary(row, from: 5),
                           due: When(day: day, time: row.text(2).flatMap { ClockTime(text: $0) }), title: row.text(3) ?? "",
                           createdOn: row.day(4))
    }

    /// Every setting as the seller set it.
    public func settings() throws -> Settings {
        try read { db in try Self.settings(db) }
    }

    static func settings(_ db: Database) throws -> Settings {
        Settings(stored: Dictionary(try Row.fetchAll(db, sql: "SELECT key, value FROM setting").map { ($0[0], $0[1]) },
                                    uniquingKeysWith: { a, _ in a }))
    }

    /// The reminder settings as the seller set them.
    public func reminderSettings() throws -> ReminderSettings {
        try settings().reminders
    }

    /// Changes one setting (validated by the caller through `Setting.parse`), re-dating every
    /// customer's attention when a cadence changes, in one transaction.
    public func setSetting(_ key: String, to value: String) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
            if key == "silent.attempts" {
                // Who is silent depends on how many attempts it takes: every customer again.
                try db.execute(sql: "UPDATE customer SET silent_since = \(Self.silentSince(customer: "customer.id"))")
            }
            if key.hasPrefix("cadence.") || key.hasPrefix("silent.") { try Self.refreshAllAttention(db) }
        }
    }

    /// The next open follow-ups after `day`, soonest first: what the today view shows when
    /// nothing is due.
    public func upcomingFollowUps(after day: Day, limit: Int) throws -> [DueFollowUp] {
        try openFollowUps(where: "f.due_on > ?", limit: limit, [day.iso])
    }

    /// Every open follow-up, soonest first: what the calendar export holds.
    public func openFollowUps() throws -> [DueFollowUp] {
        try openFollowUps(where: "1", limit: -1, [])
    }

    /// Open follow-ups that `condition` selects, soonest first; a negative limit is none.
    private func openFollowUps(where condition: String, limit: Int, _ arguments: StatementArguments) throws -> [DueFollowUp] {
        try read { db in
            var found: [DueFollowUp] = []
            try db.cachedStatement(sql: """
                SELECT f.id, f.due_on, f.due_time, f.title, f.created_at, \(Self.summaryColumns)
                FROM follow_up f JOIN customer c ON c.id = f.customer_id
                WHERE f.status = 'open' AND \(condition)
                ORDER BY f.due_on, f.due_time, f.id LIMIT ?
                """).forEachRow(arguments: arguments + [limit]) { found.append(try Self.dueFollowUp($0)) }
            return found
        }
    }
}
