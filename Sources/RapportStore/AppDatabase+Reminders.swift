import GRDB
import RapportCore

extension AppDatabase {
    /// Answers the scanner's plan with indexed queries: open follow-ups due by the horizon
    /// (the partial index on open follow-ups), and per grade the customers last contacted
    /// before the cutoff (the index on grade and contact clock). No interaction is read.
    public func reminderInputs(for plan: ScanPlan) throws -> ReminderInputs {
        try read { db in
            var inputs = ReminderInputs()
            try db.cachedStatement(sql: Self.openFollowUpsDueSQL).forEachRow(arguments: [plan.followUpsDueBy.iso]) { row in
                guard let day = row.day(1) else { throw StoredValueError(column: "due_on", value: row.text(1) ?? "") }
                inputs.openFollowUps.append(DueFollowUp(
                    id: row.int64(0), customer: Self.summary(row, from: 4),
                    due: When(day: day, time: row.text(2).flatMap { ClockTime(text: $0) }), title: row.text(3) ?? ""))
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

    /// Open follow-ups due on or before a day, with their customers (the partial index on open follow-ups).
    static let openFollowUpsDueSQL = """
        SELECT f.id, f.due_on, f.due_time, f.title, \(summaryColumns)
        FROM follow_up f JOIN customer c ON c.id = f.customer_id
        WHERE f.status = 'open' AND f.due_on <= ?
        """

    /// Chased customers of one grade (or none) whose contact clock is before a day: a range
    /// of the index on grade and contact clock.
    static func quietCustomersSQL(graded: Bool) -> String {
        """
        SELECT \(summaryColumns) FROM customer c
        WHERE c.status NOT IN ('lost', 'dormant') AND \(graded ? "c.grade = ?" : "c.grade IS NULL")
          AND coalesce(c.last_contact_at, c.created_at) < ?
        """
    }

    /// The next open follow-ups after `day`, soonest first: what the today view shows when
    /// nothing is due.
    public func upcomingFollowUps(after day: Day, limit: Int) throws -> [DueFollowUp] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.id, f.due_on, f.due_time, f.title, \(Self.summaryColumns)
                FROM follow_up f JOIN customer c ON c.id = f.customer_id
                WHERE f.status = 'open' AND f.due_on > ?
                ORDER BY f.due_on, f.due_time, f.id LIMIT ?
                """, arguments: [day.iso, limit]).map { row in
                let dueText: String = row[1]
                guard let due = Day(iso: dueText) else { throw StoredValueError(column: "due_on", value: dueText) }
                return DueFollowUp(id: row[0], customer: Self.summary(row, from: 4),
                                   due: When(day: due, time: (row[2] as String?).flatMap { ClockTime(text: $0) }), title: row[3])
            }
        }
    }
}
