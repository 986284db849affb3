import GRDB
import RapportCore

extension AppDatabase {
    /// Answers the scanner's plan with indexed queries: open follow-ups due by the horizon
    /// (the partial index on open follow-ups), and per grade the customers last contacted
    /// before the cutoff (the index on grade and contact clock). No interaction is read.
    public func reminderInputs(for plan: ScanPlan) throws -> ReminderInputs {
        try read { db in
            var inputs = ReminderInputs()
            if let limit = plan.limit {
                try Self.readTops(plan, limit: limit, into: &inputs, db)
                return inputs
            }
            try db.cachedStatement(sql: Self.openFollowUpsDueSQL).forEachRow(arguments: [plan.followUpsDueBy.iso]) { row in
                inputs.openFollowUps.append(try Self.dueFollowUp(row))
            }
            for cutoff in plan.contactCutoffs {
                var arguments: StatementArguments = cutoff.grade.map { [$0.rawValue] } ?? []
                arguments += [cutoff.before.iso]
                try db.cachedStatement(sql: Self.quietCustomersSQL(graded: cutoff.grade != nil)).forEachRow(arguments: arguments) { row in
                    inputs.quietCustomers.append(Self.summary(row))
                }
            }
            return inputs
        }
    }

    /// A screenful: per rule and grade the `limit` oldest candidates, and every rule's total
    /// counted by index. No more rows are read than a first frame shows.
    private static func readTops(_ plan: ScanPlan, limit: Int, into inputs: inout ReminderInputs, _ db: Database) throws {
        // Overdue rows in the scanner's order (longest wait, then id); due-today rows by time
        // (untimed last), then id.
        for (rule, comparison, order) in [(ReminderRuleKind.overdue, "<", "f.due_on, f.id"),
                                          (.due, "=", "f.due_time IS NULL, f.due_time, f.id")] {
            // One walk in due order, stopped once every grade has `limit` rows: each grade's
            // earliest rows hold its most urgent, and no row is read twice.
            var perGrade: [Grade?: Int] = [:]
            let statement = try db.cachedStatement(sql: """
                SELECT f.id, f.due_on, f.due_time, f.title, \(summaryColumns)
                FROM follow_up f JOIN customer c ON c.id = f.customer_id
                WHERE f.status = 'open' AND f.due_on \(comparison) ?
                ORDER BY \(order)
                """)
            let rows = try Row.fetchCursor(statement, arguments: [plan.today.iso])
            let row = ColumnReader(statement: statement.sqliteStatement)
            while try rows.next() != nil {
                let grade = row.text(7).flatMap(Grade.init(rawValue:))
                guard perGrade[grade, default: 0] < limit else { continue }
                perGrade[grade, default: 0] += 1
                inputs.openFollowUps.append(try dueFollowUp(row))
                if perGrade.count == 4, perGrade.values.allSatisfy({ $0 >= limit }) { break }
            }
            inputs.totals[rule] = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM follow_up WHERE status = 'open' AND due_on \(comparison) ?"),
                arguments: [plan.today.iso]) ?? 0
        }
        var forgotten = 0
        for cutoff in plan.contactCutoffs {
            var arguments: StatementArguments = cutoff.grade.map { [$0.rawValue] } ?? []
            arguments += [cutoff.before.iso]
            let condition = quietCustomersCondition(graded: cutoff.grade != nil)
            try db.cachedStatement(sql: "SELECT \(summaryColumns) FROM customer c WHERE \(condition) ORDER BY \(contactDay), c.id LIMIT ?")
                .forEachRow(arguments: arguments + [limit]) { row in
                    inputs.quietCustomers.append(summary(row))
                }
            // Counted over the index alone: no customer row is read.
            forgotten += try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM customer c WHERE \(condition)"),
                                          arguments: arguments) ?? 0
        }
        inputs.totals[.forgotten] = forgotten
    }

    private static func dueFollowUp(_ row: ColumnReader) throws -> DueFollowUp {
        guard let day = row.day(1) else { throw StoredValueError(column: "due_on", value: row.text(1) ?? "") }
        return DueFollowUp(id: row.int64(0), customer: summary(row, from: 4),
                           due: When(day: day, time: row.text(2).flatMap { ClockTime(text: $0) }), title: row.text(3) ?? "")
    }

    /// The cadences (and later every reminder setting) as the seller set them.
    public func reminderSettings() throws -> ReminderSettings {
        try read { db in
            var settings = ReminderSettings.defaults
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'cadence.%'") {
                let key: String = row[0]
                let value: String = row[1]
                guard let days = Int(value), days > 0 else { continue }
                let grade = String(key.dropFirst("cadence.".count))
                if grade == "none" {
                    settings.cadence[nil] = days
                } else if let g = Grade(rawValue: grade) {
                    settings.cadence[g] = days
                }
            }
            return settings
        }
    }

    /// Open follow-ups due on or before a day, with their customers (the partial index on open follow-ups).
    static let openFollowUpsDueSQL = """
        SELECT f.id, f.due_on, f.due_time, f.title, \(summaryColumns)
        FROM follow_up f JOIN customer c ON c.id = f.customer_id
        WHERE f.status = 'open' AND f.due_on <= ?
        """

    /// Chased customers of one grade (or none) whose contact clock is before a day: a range
    /// of the index on grade and contact clock.
    static func quietCustomersSQL(graded: Bool) -> String {
        "SELECT \(summaryColumns) FROM customer c WHERE " + quietCustomersCondition(graded: graded)
    }

    static func quietCustomersCondition(graded: Bool) -> String {
        """
        c.status NOT IN ('lost', 'dormant') AND \(graded ? "c.grade = ?" : "c.grade IS NULL") AND \(contactDay) < ?
        """
    }

    /// The day of the last contact, or of the day added: the expression the index is on.
    static let contactDay = "substr(coalesce(c.last_contact_at, c.created_at), 1, 10)"

    /// The next open follow-ups after `day`, soonest first: what the today view shows when
    /// nothing is due.
    public func upcomingFollowUps(after day: Day, limit: Int) throws -> [DueFollowUp] {
        try read { db in
            var found: [DueFollowUp] = []
            try db.cachedStatement(sql: """
                SELECT f.id, f.due_on, f.due_time, f.title, \(Self.summaryColumns)
                FROM follow_up f JOIN customer c ON c.id = f.customer_id
                WHERE f.status = 'open' AND f.due_on > ?
                ORDER BY f.due_on, f.due_time, f.id LIMIT ?
                """).forEachRow(arguments: [day.iso, limit]) { found.append(try Self.dueFollowUp($0)) }
            return found
        }
    }
}
