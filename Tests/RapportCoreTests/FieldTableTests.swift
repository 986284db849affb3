import RapportBase
import Testing
import RapportFixtures
@testable import RapportCore

/// The paths inside the core that walk the field table: the limits, an import's merge and the
/// JSON card, each held to every field of `EveryField`'s card.
struct FieldTableTests {
    static let stamp = LocalDateTime(text: "2026-11-02 10:00")!

    @Test(arguments: CustomerField.allCases.filter { $0.lengthLimit != nil })
    func aTextFieldIsRefusedOneCharacterOverItsLimit(field: CustomerField) throws {
        let limit = try #require(field.lengthLimit)
        var c = try EveryField.card(createdAt: Self.stamp)
        field.set(.text(String(repeating: "字", count: limit)), on: &c)
        #expect(try c.validated() == c)
        field.set(.text(String(repeating: "字", count: limit + 1)), on: &c)
        #expect(throws: RapportError.tooLong(field: field.label, value: String(repeating: "字", count: limit + 1),
                                             length: limit + 1, limit: limit)) { try c.validated() }
    }

    @Test(arguments: CustomerField.allCases)
    func anImportFillsEveryFieldButTheName(field: CustomerField) throws {
        // Given a card with nothing but its name, and an import row with every field
        let saved = Customer(name: "Wang Jianguo", createdAt: Self.stamp)
        let row = try EveryField.card(createdAt: Self.stamp)
        // When the card is updated from the row
        let merged = saved.updated(from: row, now: Self.stamp)
        // Then it has the row's value, but for the name, which an import never changes
        #expect(field.value(of: merged) == field.value(of: field == .name ? saved : row))
    }

    @Test func aRowsEmptyFieldsLeaveTheCardAsItWas() throws {
        let saved = try EveryField.card(createdAt: Self.stamp)
        let row = Customer(name: "王建国", createdAt: Self.stamp)
        #expect(saved.updated(from: row, now: Self.stamp) == saved)
    }

    @Test(arguments: CustomerField.allCases)
    func theJSONCardWritesEveryFieldUnderItsKey(field: CustomerField) throws {
        let c = try EveryField.card(createdAt: Self.stamp)
        let json = Self.json(c)
        #expect(json.contains("\"\(field.jsonKey)\":"))
        #expect(json != Self.json(EveryField.card(c, without: field)))
    }

    static func json(_ c: Customer) -> String {
        var w = JSONWriter()
        w.customer(c)
        return w.text
    }
}
