import Foundation
import GRDB
import RapportFixtures
import Testing
@testable import RapportCore
@testable import RapportStore

struct CustomerStoreTests {
    @Test func savesAndReadsBackEveryFieldOfTheCard() throws {
        let db = try AppDatabase.empty()
        let c = try EveryField.card(createdAt: Fixture.at("2026-03-01 10:00"))
        var expected = c
        expected.id = try db.addCustomer(c).id
        #expect(try db.customer(id: try #require(expected.id)) == expected)
    }

    @Test func theJSONExportRestoresEveryFieldOfTheCard() throws {
        // Given a book with the card, exported
        let db = try AppDatabase.empty()
        let saved = try db.addCustomer(try EveryField.card(createdAt: Fixture.at("2026-03-01 10:00")))
        var bytes: [UInt8] = []
        try db.dumpBook(now: Fixture.at("2026-11-23 09:00")) { bytes += $0 }
        // When the export is restored into an empty book
        let restored = try AppDatabase.empty()
        _ = try restored.restoreDump(Data(bytes), file: "book.json")
        // Then the card reads back as it was
        #expect(try restored.customer(id: try #require(saved.id)) == saved)
    }

    @Test func updateReplacesPhonesEmailsAndTags() throws {
        let db = try AppDatabase.empty()
        var c = try Fixture.customer(db, "Zoë Müller", phones: ["+49 30 1234567"])
        c.phones = [LabeledValue("+33 1 2345678")]
        c.tags = ["renewal"]
        try db.updateCustomer(c)
        let read = try #require(try db.customer(id: c.id!))
        #expect(read.phones == [LabeledValue("+33 1 2345678")])
        #expect(read.tags == ["renewal"])
        let oldPhoneRows = try db.reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM customer_phone WHERE number = '+49 30 1234567'") }
        #expect(oldPhoneRows == 0)
    }

    @Test func theSchemaRefusesAnEmptyNameEvenIfValidationWereSkipped() throws {
        let db = try AppDatabase.empty()
        #expect(throws: RapportError.self) { try db.addCustomer(Customer(name: "  ", createdAt: Fixture.at("2026-01-01 00:00"))) }
        #expect(try db.bookCounts().customers == 0)
    }

    @Test func resolvesReferencesByIdNamePrefixPhoneAndPinyin() throws {
        let db = try AppDatabase.empty()
        let wang = try Fixture.customer(db, "王建国", company: "华信科技", phones: ["138-0013-8000"])
        let wangJian = try Fixture.customer(db, "王建")
        let zoe = try Fixture.customer(db, "Zoë Müller", company: "Nordwind GmbH")
        #expect(try db.resolveCustomer("#\(wang.id!)").id == wang.id)
        #expect(try db.resolveCustomer("\(zoe.id!)").id == zoe.id)
        #expect(try db.resolveCustomer("王建国").id == wang.id)
        #expect(try db.resolveCustomer("王建").id == wangJian.id)  // exact beats prefix
        #expect(try db.resolveCustomer("zoe").id == zoe.id)       // folded prefix
        #expect(try db.resolveCustomer("nordwind").id == zoe.id)  // company substring
        #expect(try db.resolveCustomer("13800138000").id == wang.id)  // no such id: a phone
        #expect(try db.resolveCustomer("wjg").id == wang.id)      // initials
        #expect(try db.resolveCustomer("wangjianguo").id == wang.id)
        #expect(throws: RapportError.customerNotFound("#999")) { try db.resolveCustomer("#999") }
        #expect(throws: RapportError.customerNotFound("nobody")) { try db.resolveCustomer("nobody") }
        do {
            _ = try db.resolveCustomer("wang")
            Issue.record("expected an ambiguity")
        } catch let RapportError.ambiguousCustomer(ref, candidates) {
            #expect(ref == "wang")
            #expect(Set(candidates.map(\.id)) == [wang.id!, wangJian.id!])
        }
    }

    @Test func aLikeWildcardInAReferenceIsTakenLiterally() throws {
        let db = try AppDatabase.empty()
        try Fixture.customer(db, "Anna")
        #expect(throws: RapportError.customerNotFound("%")) { try db.resolveCustomer("%") }
        #expect(throws: RapportError.customerNotFound("_nna")) { try db.resolveCustomer("_nna") }
    }

    @Test func listsByPronunciationAndFilters() throws {
        let db = try AppDatabase.empty()
        try Fixture.customer(db, "Zoë Müller", grade: .b)
        try Fixture.customer(db, "王建国", grade: .a)
        try Fixture.customer(db, "Anna", grade: .a, status: .lead)
        try Fixture.customer(db, "李明")
        // a(nna) < li(ming) < wang(jianguo) < zoe
        #expect(try db.customers().map(\.summary.name) == ["Anna", "李明", "王建国", "Zoë Müller"])
        #expect(try db.customers(matching: CustomerFilter(grade: .grade(.a))).map(\.summary.name) == ["Anna", "王建国"])
        #expect(try db.customers(matching: CustomerFilter(grade: .ungraded)).map(\.summary.name) == ["李明"])
        #expect(try db.customers(matching: CustomerFilter(status: .lead)).map(\.summary.name) == ["Anna"])
    }

    @Test func addingAContactPersonNeedsACompany() throws {
        let db = try AppDatabase.empty()
        let person = try Fixture.customer(db, "李明")
        var c = try Fixture.customer(db, "华信科技")
        #expect(throws: RapportError.self) { try db.addContactPerson(ContactPerson(customerID: person.id!, name: "x")) }
        c.kind = .company
        try db.updateCustomer(c)
        let saved = try db.addContactPerson(ContactPerson(customerID: c.id!, name: "张伟"))
        #expect(try db.customerCard(id: c.id!)?.contacts.map(\.name) == ["张伟"])
        #expect(saved.id != nil)
    }
}
