import Foundation
import GRDB
@testable import RapportCore
@testable import RapportStore

/// Builders for hand-made books with fixed dates.
enum Fixture {
    static let today = Day(year: 2026, month: 11, day: 23)!

    static func at(_ text: String) -> LocalDateTime {
        LocalDateTime(text: text)!
    }

    static func day(_ text: String) -> Day {
        Day(iso: text)!
    }

    /// A customer added on `added`, saved.
    @discardableResult
    static func customer(_ db: AppDatabase, _ name: String, grade: Grade? = nil, status: CustomerStatus = .customer,
                         added: String = "2026-01-01 09:00", company: String? = nil, phones: [String] = []) throws -> Customer {
        var c = Customer(name: name, createdAt: at(added))
        c.grade = grade
        c.status = status
        c.company = company
        c.phones = phones.map { LabeledValue($0) }
        return try db.addCustomer(c.validated())
    }

    /// Logs a call at `when` (no next follow-up, follow-ups left open).
    @discardableResult
    static func call(_ db: AppDatabase, _ customer: Customer, at when: String, kind: InteractionKind = .call,
                     outcome: Outcome? = nil) throws -> LoggedInteraction {
        try db.logInteraction(Interaction(customerID: customer.id!, kind: kind, at: at(when), outcome: outcome, note: "n"),
                              next: nil, keepOpen: true, now: at(when))
    }

    /// Runs `body` in a fresh temporary directory and removes it afterwards.
    static func inTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let url = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    /// The bytes of a file, to prove a refused operation left it as it was.
    static func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// A fresh directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
