import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

struct CustomerStoreTests {
    @Test func savesAndReadsBackEveryFieldOfTheCard() throws {
        let db = try AppDatabase.empty()
        var c = Customer(name: "王建国", createdAt: Fixture.at("2026-03-01 10:00"))
        c.company = "华信科技有限公司"
        c.title = "采购经理"
        c.kind = .company
        c.phones = [LabeledValue("138-0013-8000", label: "mobile"), LabeledValue("010-12345678", label: "work")]
        c.emails = [LabeledValue("wang@example.cn", label: "work")]
        c.address = "浦东新区世纪大道 100 号"
        c.city = "上海"
        c.region = "华东"
        c.route = "浦东线"
        c.industry = "manufacturing"
        c.source = "trade-show"
        c.tags = ["vip", "渠道"]
        c.grade = .a
        c.status = .prospect
        c.birthday = Birthday(month: 3, day: 15)
        c.preferredChannel = .wechat
        c.creditLevel = "AA"
        c.creditLimit = Money(minorUnits: 5_000_000, currency: .yuan)
        c.needs = "降低仓储成本"
        c.concerns = "担心售后服务"
        c.notes = "line one\nline two"
        c.customFields = ["行业资质": "ISO9001", "fax": "010-1"]
        let saved = try db.addCustomer(c.validated())
        let read = try #require(try db.customer(id: saved.id!))
        var expected = c
        expected.id = saved.id
        expected.tags = ["vip", "渠道"]
        #expect(read == expected)
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
