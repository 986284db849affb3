import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// A contact person can be corrected and removed; the interactions logged with them stay on
/// the timeline, without the person.
struct ContactCorrectionTests {
    /// A company 华信 (#1) with 李娜 (#1), and two calls and a note, the calls logged with her.
    static func book() throws -> (AppDatabase, Customer, ContactPerson) {
        let db = try AppDatabase.empty()
        var company = Customer(name: "华信", createdAt: Fixture.at("2026-11-01 09:00"))
        company.kind = .company
        let c = try db.addCustomer(company.validated())
        var li = ContactPerson(customerID: c.id!, name: "李娜")
        li.role = .decisionMaker
        li.phone = "139-0000-1111"
        li.birthday = Birthday(text: "03-15")
        let person = try db.addContactPerson(li)
        for (at, contact) in [("2026-11-10 10:00", person.id), ("2026-11-12 10:00", person.id), ("2026-11-13 10:00", nil)] {
            var i = Interaction(customerID: c.id!, kind: .call, at: Fixture.at(at), outcome: .reached, note: "n")
            i.contactID = contact
            _ = try db.logInteraction(i, next: nil, keepOpen: true, now: Fixture.at(at))
        }
        return (db, c, person)
    }

    @Test func editingRewritesTheGivenFieldsAndKeepsTheRest() throws {
        // Given 李娜, a decision maker with a phone and a birthday
        let (db, _, person) = try Self.book()
        // When she is renamed, made an influencer, given an email, and her phone cleared
        var edited = person
        edited.name = "李娜娜"
        edited.role = .influencer
        edited.email = "li@example.com"
        edited.phone = nil
        try db.updateContactPerson(edited)
        // Then that is what is stored, the birthday untouched
        let stored = try #require(try db.contactPerson(id: person.id!))
        #expect(stored == edited)
        #expect(stored.birthday == Birthday(text: "03-15"))
        var missing = edited
        missing.id = 99
        #expect(throws: RapportError.notFound(what: "contact person", reference: "99")) { try db.updateContactPerson(missing) }
    }

    @Test func removingKeepsTheInteractionsWithoutThePerson() throws {
        // Given the company's card, with 李娜 named on two calls
        let (db, c, person) = try Self.book()
        let before = try #require(try db.customerCard(id: c.id!))
        #expect(before.timeline.compactMap(\.contactID) == [person.id!, person.id!])
        // When she is removed
        let removed = try db.removeContactPerson(id: person.id!)
        // Then the two calls were counted, and they and the note are still on the timeline, without her
        #expect(removed.person == person)
        #expect(removed.customerName == "华信")
        #expect(removed.interactions == 2)
        let after = try #require(try db.customerCard(id: c.id!))
        #expect(after.contacts.isEmpty)
        #expect(after.timeline.map(\.at) == before.timeline.map(\.at))
        #expect(after.timeline.allSatisfy { $0.contactID == nil })
        // And the customer is as they were: the calls still count as contacts
        #expect(after.customer == before.customer)
        #expect(throws: RapportError.notFound(what: "contact person", reference: "1")) { try db.removeContactPerson(id: person.id!) }
    }

    @Test func theListIsTheCustomersOwnInTheOrderAdded() throws {
        let (db, c, person) = try Self.book()
        let other = try db.addContactPerson(ContactPerson(customerID: c.id!, name: "王五"))
        var anna = Customer(name: "Anna Co", createdAt: Fixture.at("2026-11-01 09:00"))
        anna.kind = .company
        let a = try db.addCustomer(anna.validated())
        _ = try db.addContactPerson(ContactPerson(customerID: a.id!, name: "Anna"))
        #expect(try db.contactPersons(customerID: c.id!).map(\.id) == [person.id, other.id])
    }
}
