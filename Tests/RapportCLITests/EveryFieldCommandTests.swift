import ArgumentParser
import RapportCore
import RapportFixtures
import Testing
@testable import RapportCLI

/// `EveryField`'s card through the commands: an option for each field that sets it, and
/// `rapport show` showing each.
struct EveryFieldCommandTests {
    static let stamp = LocalDateTime(text: "2026-11-02 10:00")!

    @Test func everyFieldHasAnAddOptionThatSetsIt() throws {
        // Given `rapport add` with every field's option, one for each item of a list
        let c = try EveryField.card(createdAt: Self.stamp)
        var arguments = ["add", EveryField.text(.name), "--set", "微信号=wjg88"]
        for field in CustomerField.allCases where field != .name {
            let text = EveryField.text(field)
            for value in field.columns == .ownTable ? CustomerField.list(text) : [text] {
                arguments += ["--" + field.optionName, value]
            }
        }
        // When its options are applied to a new card
        let add = try #require(try Rapport.parseAsRoot(arguments) as? Add)
        var card = Customer(name: add.name, createdAt: Self.stamp)
        try add.fields.apply(to: &card)
        // Then the card is the one with every field
        #expect(try card.validated() == c)
    }

    @Test(arguments: CustomerField.allCases)
    func theCardShowsEveryField(field: CustomerField) throws {
        var c = try EveryField.card(createdAt: Self.stamp)
        c.id = 1
        #expect(try Self.shown(c) != Self.shown(EveryField.card(c, without: field)))
    }

    static func shown(_ c: Customer) throws -> String {
        try CardText.render(CustomerCard(customer: c, contacts: [], openFollowUps: [], timeline: []),
                            today: Day(iso: "2026-11-23")!, pipeline: .defaults)
    }
}
