import ArgumentParser
import Foundation
import GRDB
import RapportDemo
import Testing
@testable import RapportCLI
@testable import RapportCore
@testable import RapportStore

/// Every reminder rule is whole, from its query to its help: a new kind that misses a part
/// fails here by name.
struct ReminderRuleTests {
    /// The rules that read their table instead of an index: the grade review, which runs a
    /// few days a quarter.
    static let readingTheirTable: Set<ReminderRuleKind> = [.regrade]
    /// The rules whose total reads rows besides its index: a renewal looks up the contract's
    /// customer's deals.
    static let countingRows: Set<ReminderRuleKind> = [.renewal]

    @Test func everyRuleHasItsRuleIndexDefaultsDemoAndHelp() throws {
        // Given a demo book, a fresh one and the help, on a day every rule has something
        let today = try #require(Day(iso: "2026-11-23"))
        let demo = try AppDatabase.empty()
        try demo.loadDemoBook(DemoBook(customers: 800, seed: 3, today: today))
        let scanner = ReminderScanner()
        let everything = scanner.plan(today: today, daysAhead: 7, review: true)
        let reminders = scanner.scan(try demo.reminderInputs(for: everything), today: today, daysAhead: 7)
        let screenful = scanner.plan(today: today, limit: 5, daysAhead: 7, review: true)
        let stored = try AppDatabase.empty().reader.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM setting").map { row -> (String, String) in
                (row["key"], row["value"])
            })
        }
        let help = Rapport.helpMessage(for: Today.self, columns: 200)

        for kind in ReminderRuleKind.allCases {
            // Then it has a rule
            #expect(kind.rule.kind == kind, "\(kind)")
            // And each of its queries (rows, a screenful's rows, the count) reads through its
            // index, the count through the index alone
            let queries = AppDatabase.queries(for: kind, screenful)
            #expect(!queries.isEmpty, "\(kind) asks the store nothing")
            for query in queries {
                let statements = [(query.rows, query.arguments)] + (query.count.map { [($0, query.arguments)] } ?? [])
                    + (query.screenful.map { [($0, query.arguments + ($0.hasSuffix("LIMIT ?") ? [5] : []))] } ?? [])
                for (sql, arguments) in statements {
                    let plan = try demo.reader.read { db in
                        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
                    }
                    let shown = "\(kind): \(sql)\n\(plan.joined(separator: "\n"))"
                    if let index = query.index {
                        #expect(plan.contains { $0.contains("INDEX \(index) ") || $0.hasSuffix("INDEX \(index)") }, "\(shown)")
                        #expect(!plan.contains(where: Self.isTableScan), "\(shown)")
                        if sql == query.count, !Self.countingRows.contains(kind) {
                            #expect(plan.contains { $0.contains("COVERING INDEX \(index)") }, "an index-only total: \(shown)")
                        }
                    } else {
                        #expect(Self.readingTheirTable.contains(kind), "\(kind) names no index")
                    }
                }
            }
            // And a fresh book stores its settings' Swift defaults (a setting a migration did
            // not seed reads as its default)
            for setting in kind.rule.settings {
                #expect(stored[setting.key].map { $0 == setting.text(in: .defaults) } ?? true, "\(kind): \(setting.key)")
            }
            // And the demo book raises it
            #expect(reminders.contains { $0.rule == kind }, "the demo book should exercise \(kind)")
            // And `rapport today --help` lists it with what it looks for
            #expect(help.contains("  \(kind.rawValue)  ") && help.contains(kind.rule.summary(.defaults).prefix(20)), "\(kind)")
        }
    }

    /// A plan line that reads a whole table: `SCAN c`, not `SCAN c USING … INDEX …`.
    static func isTableScan(_ detail: String) -> Bool {
        detail.hasPrefix("SCAN ") && !detail.contains(" USING ") && !detail.hasPrefix("SCAN CONSTANT ROW")
    }
}
