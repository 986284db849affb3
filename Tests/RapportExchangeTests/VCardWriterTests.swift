import Foundation
import RapportCore
import RapportFixtures
import Testing
@testable import RapportExchange

@Suite struct VCardWriterTests {
    static let wang = Fixtures.customer("王建国") {
        $0.id = 7
        $0.company = "华信科技有限公司"
        $0.title = "采购经理"
        $0.phones = [LabeledValue("138-0013-8000", label: "mobile"), LabeledValue("010-1234")]
        $0.emails = [LabeledValue("wang@example.cn", label: "work")]
        $0.birthday = Birthday(month: 3, day: 15, year: 1980)
        $0.notes = "谈了报价, 下周回复\n第二行"
        $0.tags = ["vip", "渠道"]
        $0.address = "世纪大道 100 号"
        $0.city = "上海"
        $0.region = "上海"
    }

    static var li: ContactPerson {
        var p = ContactPerson(customerID: 7, name: "李霞")
        p.id = 3
        p.role = .decisionMaker
        p.phone = "139 0000 0000"
        p.email = "li@example.cn"
        p.birthday = Birthday(month: 5, day: 4)
        return p
    }

    @Test func writesACustomerAndItsContactPersons() {
        let expected = [
            "BEGIN:VCARD", "VERSION:4.0", "UID:urn:rapport:customer:7", "FN:王建国", "N:王;建国;;;", "ORG:华信科技有限公司",
            "TITLE:采购经理", "TEL;TYPE=cell:138-0013-8000", "TEL:010-1234", "EMAIL;TYPE=work:wang@example.cn",
            "BDAY:19800315", "NOTE:谈了报价\\, 下周回复\\n第二行", "CATEGORIES:vip,渠道", "ADR:;;世纪大道 100 号;上海;上海;;",
            "END:VCARD",
            "BEGIN:VCARD", "VERSION:4.0", "UID:urn:rapport:contact:3", "FN:李霞", "N:李;霞;;;", "ORG:华信科技有限公司",
            "ROLE:decision-maker", "TEL:139 0000 0000", "EMAIL:li@example.cn", "BDAY:--0504", "END:VCARD",
        ].map { $0 + "\r\n" }.joined()
        #expect(VCardWriter.card(Self.wang, contacts: [Self.li]) == expected)
    }

    @Test func writesACompanyAsKindOrg() {
        let acme = Fixtures.customer("Acme; Widgets, Inc.") {
            $0.id = 12
            $0.kind = .company
            $0.phones = [LabeledValue("+1 555 0100", label: "微信")]
        }
        let expected = [
            "BEGIN:VCARD", "VERSION:4.0", "UID:urn:rapport:customer:12", "KIND:org", "FN:Acme\\; Widgets\\, Inc.",
            "ORG:Acme\\; Widgets\\, Inc.", "TEL;TYPE=微信:+1 555 0100", "END:VCARD",
        ].map { $0 + "\r\n" }.joined()
        #expect(VCardWriter.card(acme, contacts: []) == expected)
    }

    @Test(arguments: [
        wang,
        Fixtures.customer("Acme; Widgets, Inc.") {
            $0.kind = .company
            $0.phones = [LabeledValue("+1 555 0100", label: "fax"), LabeledValue("+1 555 0101", label: "微信")]
            $0.emails = [LabeledValue("sales@acme.example"), LabeledValue("cfo@acme.example", label: "home")]
            $0.birthday = Birthday(month: 2, day: 29)
            $0.city = "Springfield"
        },
        Fixtures.customer("Zoë Müller") {
            $0.company = "Nordwind GmbH"
            $0.notes = String(repeating: "A long note that will be folded, with ünïcödé; and 中文. ", count: 12) + "The end."
            $0.address = "Line 1\nLine 2"
            $0.tags = ["a;b", "x\\y"]
        },
    ])
    func readingTheCardBackGivesTheSameCustomer(_ c: Customer) throws {
        let text = VCardWriter.card(c, contacts: [Self.li])
        let entries = try VCardReader.customers(Data(text.utf8), createdAt: Fixtures.stamp)
        var expected = c
        expected.id = nil
        #expect(entries.first?.customer == expected)
        #expect(entries.first?.warnings == [])
        let contact = try #require(entries.last)
        #expect(entries.count == 2)
        #expect(contact.customer.name == "李霞")
        #expect(contact.customer.phones == [LabeledValue("139 0000 0000")])
        #expect(contact.customer.emails == [LabeledValue("li@example.cn")])
        #expect(contact.customer.birthday == Birthday(month: 5, day: 4))
        #expect(contact.customer.company == (c.kind == .company ? c.name : c.company))
    }

    @Test(arguments: CustomerField.allCases)
    func aCardKeepsEveryFieldVCardHasAPropertyFor(field: CustomerField) throws {
        let c = try EveryField.card(createdAt: Fixtures.stamp)
        let text = VCardWriter.card(c, contacts: [])
        let entry = try #require(try VCardReader.customers(Data(text.utf8), createdAt: Fixtures.stamp).first)
        #expect(entry.warnings == [])
        // A field without a property comes back as a new card has it.
        let expected = field.vCardProperty == nil ? Customer(name: "", createdAt: Fixtures.stamp) : c
        #expect(field.value(of: entry.customer) == field.value(of: expected))
        if let property = field.vCardProperty { #expect(text.contains("\r\n" + property)) }
    }
}
