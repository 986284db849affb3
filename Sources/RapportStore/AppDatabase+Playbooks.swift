import GRDB
import RapportCore

extension AppDatabase {
    /// Every playbook, by name.
    public func playbooks() throws -> [Playbook] {
        try read { db in
            let names = try String.fetchAll(db, sql: "SELECT name FROM playbook ORDER BY name")
            return try names.map { try Self.playbook($0, db) }
        }
    }

    /// A playbook by name, or nil.
    public func playbook(named name: String) throws -> Playbook? {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM playbook WHERE name = ?", arguments: [name]) == true else { return nil }
            return try Self.playbook(name, db)
        }
    }

    private static func playbook(_ name: String, _ db: Database) throws -> Playbook {
        Playbook(name: name, steps: try Row.fetchAll(db, sql: """
            SELECT offset_days, title FROM playbook_step WHERE playbook = ? ORDER BY position
            """, arguments: [name]).map { PlaybookStep(offsetDays: $0[0], title: $0[1]) })
    }

    /// Creates or replaces a playbook's steps, in one transaction.
    public func savePlaybook(_ playbook: Playbook) throws {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO playbook (name) VALUES (?)", arguments: [playbook.name])
            try db.execute(sql: "DELETE FROM playbook_step WHERE playbook = ?", arguments: [playbook.name])
            for (i, step) in playbook.steps.enumerated() {
                try db.execute(sql: "INSERT INTO playbook_step (playbook, position, offset_days, title) VALUES (?, ?, ?, ?)",
                               arguments: [playbook.name, i + 1, step.offsetDays, step.title])
            }
        }
    }

    /// Schedules a playbook's follow-ups for a customer from a start day, all or none.
    public func planFollowUps(customerID: Int64, playbook name: String, from start: Day, now: LocalDateTime) throws -> [FollowUp] {
        try write { db in try Self.planFollowUps(customerID: customerID, playbook: name, from: start, now: now, db) }
    }

    static func planFollowUps(customerID: Int64, playbook name: String, from start: Day, now: LocalDateTime,
                              _ db: Database) throws -> [FollowUp] {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [customerID]) == true else {
            throw RapportError.notFound(what: "customer", reference: "#\(customerID)")
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM playbook WHERE name = ?", arguments: [name]) == true else {
            throw RapportError.notFound(what: "playbook", reference: name)
        }
        return try Self.playbook(name, db).followUps(customerID: customerID, from: start, createdAt: now, workdays: try Self.settings(db).workdays)
            .map { try RecordWriter.insert($0, db) }
    }
}
