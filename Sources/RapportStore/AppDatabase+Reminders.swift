import GRDB
import RapportBase
import RapportCore

extension AppDatabase {
    /// Answers the scanner's plan: each rule's questions (`queries(for:)`), a screenful of
    /// each and its total when the plan has a limit. No interaction is read but through the
    /// index on (customer, time), a customer at a time.
    public func reminderInputs(for plan: ScanPlan) throws -> ReminderInputs {
        try read { db in
            var inputs = ReminderInputs()
            for kind in ReminderRuleKind.allCases {
                for query in Self.queries(for: kind, plan) {
                    let total = try query.read(db, plan.limit, &inputs)
                    if plan.limit != nil { inputs.totals[kind, default: 0] += total }
                }
            }
            return inputs
        }
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

    /// Every setting as the seller set it.
    public func settings() throws -> Settings {
        try read { db in try Self.settings(db) }
    }

    static func settings(_ db: Database) throws -> Settings {
        Settings(stored: Dictionary(try Row.fetchAll(db, sql: "SELECT key, value FROM setting").map { ($0[0], $0[1]) },
                                    uniquingKeysWith: { a, _ in a }))
    }

    /// The book's `ui.language`, nil for auto: the one row every command reads as it starts,
    /// read as the setting table reads it.
    public func languageSetting() throws -> Language? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'ui.language'")
                .flatMap { Settings(stored: ["ui.language": $0]).language }
        }
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
                SELECT \(Self.followUpRow.columns) FROM \(Self.followUpsAndCustomers)
                WHERE f.status = 'open' AND \(condition)
                ORDER BY f.due_on, f.due_time, f.id LIMIT ?
                """).forEachRow(arguments: arguments + [limit]) { found.append(try Self.dueFollowUp($0)) }
            return found
        }
    }
}
