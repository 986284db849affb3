import GRDB

extension AppDatabase {
    /// A payment can be voided: a reversal that keeps the row, so what was once recorded
    /// stays listed. A voided payment counts nowhere: `payment_by_day` (this month's
    /// collections) becomes partial on the payments that stand, which the funnel's query
    /// repeats word for word. Frozen once shipped, as every migration is.
    static func paymentVoidMigration(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE payment ADD COLUMN voided_at TEXT;
            ALTER TABLE payment ADD COLUMN void_note TEXT NOT NULL DEFAULT '';
            DROP INDEX payment_by_day;
            CREATE INDEX payment_by_day ON payment(paid_on, currency, amount) WHERE voided_at IS NULL;
            """)
    }
}
