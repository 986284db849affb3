import Foundation
import GRDB
import RapportCore

// The domain types stay plain values; reading them from rows lives here, writing them in
// RecordWriter.swift (explicit cached statements, one path for single saves and bulk loads).

extension Customer: FetchableRecord {
    static let databaseTableName = "customer"

    /// Reads the row's own columns, the card's fields as `CustomerField.columns` keeps them;
    /// phones, emails and tags are filled in by `loadChannels`.
    public init(row: Row) throws {
        self.init(name: row["name"], createdAt: try row.localDateTime("created_at"))
        id = row["id"]
        for field in CustomerField.allCases {
            switch field.columns {
            case .text(let column): field.set(.text(row[column]), on: &self)
            case .integer(let column): field.set(.number(row[column]), on: &self)
            case .money(let amount, let currency):
                if (row[amount] as Int64?) != nil { field.set(.money(try row.money(amount, currency: currency)), on: &self) }
            case .ownTable: break
            }
        }
        customFields = Self.decodeCustomFields(row["custom_fields"])
        updatedAt = try row.localDateTime("updated_at")
        lastContactAt = try row.optionalLocalDateTime("last_contact_at")
        lastVisitAt = try row.optionalLocalDateTime("last_visit_at")
        silentSince = try row.optionalLocalDateTime("silent_since")
    }

    /// Custom fields as a JSON object with sorted keys, so the stored text is stable.
    static func encodeCustomFields(_ fields: [String: String]) -> String {
        guard !fields.isEmpty,
              let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]),
              let text = String(data: data, encoding: .utf8)
        else { return "{}" }
        return text
    }

    static func decodeCustomFields(_ text: String?) -> [String: String] {
        guard let data = text?.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return [:] }
        return object
    }
}

extension ContactPerson: FetchableRecord {
    static let databaseTableName = "contact_person"

    public init(row: Row) {
        self.init(customerID: row["customer_id"], name: row["name"])
        id = row["id"]
        role = (row["role"] as String?).flatMap(DecisionRole.init(rawValue:))
        phone = row["phone"]
        email = row["email"]
        birthday = (row["birthday"] as String?).flatMap(Birthday.init(text:))
        notes = row["notes"]
    }
}

extension Interaction: FetchableRecord {
    static let databaseTableName = "interaction"

    public init(row: Row) throws {
        self.init(customerID: row["customer_id"], kind: InteractionKind(rawValue: row["kind"]) ?? .note,
                  at: try row.localDateTime("occurred_at"),
                  outcome: (row["outcome"] as String?).flatMap(Outcome.init(rawValue:)), note: row["note"])
        id = row["id"]
        contactID = row["contact_id"]
    }
}

extension FollowUp: FetchableRecord {
    static let databaseTableName = "follow_up"

    public init(row: Row) throws {
        let day: String = row["due_on"]
        guard let due = Day(iso: day) else { throw StoredValueError(column: "due_on", value: day, expected: StoredValueError.day) }
        let time = (row["due_time"] as String?).flatMap { ClockTime(text: $0) }
        self.init(customerID: row["customer_id"], due: When(day: due, time: time), title: row["title"],
                  createdAt: try row.localDateTime("created_at"))
        id = row["id"]
        status = FollowUpStatus(rawValue: row["status"]) ?? .open
        doneAt = try row.optionalLocalDateTime("done_at")
    }
}

/// A stored value the schema allowed but Rapport cannot read: someone edited the file by hand.
struct StoredValueError: Error, CustomStringConvertible {
    var column: String
    var value: String
    /// What the column holds instead, when that helps find the mistake.
    var expected: String?

    init(column: String, value: String, expected: String? = nil) {
        self.column = column
        self.value = value
        self.expected = expected
    }

    var description: String { "unreadable \(column) \(value.quotedForMessage) in the database" + (expected.map { "; expected " + $0 } ?? "") }

    /// The value and what it should be, for a report that names the row itself.
    var problem: String { "\(column) \(value.quotedForMessage) is not \(expected ?? "a value Rapport reads")" }

    static let dateTime = "a date and time like 2026-11-23 14:30"
    static let day = "a day like 2026-11-23"
    static let birthday = "a birthday like 03-15 or 1980-03-15"
}

extension Row {
    func localDateTime(_ column: String) throws -> LocalDateTime {
        let text: String = self[column]
        guard let value = LocalDateTime(text: text) else { throw StoredValueError(column: column, value: text, expected: StoredValueError.dateTime) }
        return value
    }

    func day(_ column: String) throws -> Day {
        let text: String = self[column]
        guard let value = Day(iso: text) else { throw StoredValueError(column: column, value: text, expected: StoredValueError.day) }
        return value
    }

    func optionalDay(_ column: String) throws -> Day? {
        guard let text: String = self[column] else { return nil }
        guard let value = Day(iso: text) else { throw StoredValueError(column: column, value: text, expected: StoredValueError.day) }
        return value
    }

    /// An amount no larger than Rapport keeps (`Money.maximumMinorUnits`): a larger one came
    /// from outside the commands, and sums of it could pass Int64. What was received is a
    /// sum of payments, which overpayments may take past the bound: `bounded: false`.
    func money(_ column: String, currency: String = "currency", bounded: Bool = true) throws -> Money {
        let minorUnits: Int64 = self[column]
        guard !bounded || Money.isWithinBound(minorUnits) else {
            throw StoredValueError(column: column, value: String(minorUnits), expected: "an amount Rapport keeps (at most \(Money.maximumMinorUnits) minor units)")
        }
        return Money(minorUnits: minorUnits, currency: Currency(code: self[currency]))
    }

    func optionalLocalDateTime(_ column: String) throws -> LocalDateTime? {
        guard let text: String = self[column] else { return nil }
        guard let value = LocalDateTime(text: text) else { throw StoredValueError(column: column, value: text, expected: StoredValueError.dateTime) }
        return value
    }
}
