import RapportCore
import Testing
@testable import RapportTUI

/// The customer form. Its fields are `CustomerField.allCases`, 22 of them, in this order:
///   0 name  1 company  2 title  3 kind  4 phones  5 emails  6 address  7 city  8 region
///   9 route  10 industry  11 source  12 tags  13 grade  14 status  15 birthday  16 channel
///   17 credit level  18 credit limit  19 needs  20 concerns  21 notes
struct FormTests {
    static let grade = 13

    /// A new form (from the list) with `name` typed into the name field.
    static func newForm(name: String = "") -> AppState {
        var s = Fx.mainState()
        s.press(.char("a"))
        s.type(name)
        return s
    }

    @Test func theFieldsAreTheCardsFieldsInOrder() {
        let s = Self.newForm()
        #expect(s.form?.fields.map { $0.field } == [
            .name, .company, .title, .kind, .phones, .emails, .address, .city, .region, .route, .industry, .source,
            .tags, .grade, .status, .cadence, .birthday, .channel, .creditLevel, .creditLimit, .needs, .concerns, .notes,
        ])
    }

    @Test(arguments: [
        ([Key.tab], 1), ([.down], 1), ([.tab, .tab, .down], 3), ([.backTab], 22), ([.up], 22),
        ([.up, .up], 21), ([.tab, .backTab], 0), ([.down, .up, .up], 22),
        (Array(repeating: Key.tab, count: 23), 0), (Array(repeating: Key.down, count: 24), 1),
    ])
    func tabAndArrowsMoveBetweenFieldsAndWrap(keys: [Key], expected: Int) {
        var s = Self.newForm()
        for key in keys { #expect(s.press(key) == []) }
        #expect(s.form?.selected == expected)
    }

    @Test func typingEditsOnlyTheSelectedField() {
        var s = Self.newForm(name: "王建国")
        s.press(.tab)
        s.type("华信科技")
        s.press(.backspace)
        s.type("有限公司")
        #expect(s.form?.fields[0].value.text == "王建国")
        #expect(s.form?.fields[1].value.text == "华信科有限公司")
        #expect(s.form?.fields[2].value.text == "")
        #expect(s.form?.fields[3].value.text == "person")
    }

    @Test func keysBoundElsewhereAreTextInTheForm() {
        let s = Self.newForm(name: "q?t/jo")
        #expect(!s.quitting)
        #expect(s.screen == .main)
        #expect(s.prompt == nil)
        #expect(s.form?.fields[0].value.text == "q?t/jo")
    }

    @Test func anEmptyNameIsRefused() {
        var s = Self.newForm(name: "   ")
        #expect(s.press(.enter) == [])
        #expect(s.form?.error == "name must not be empty")
        #expect(s.form != nil)
        // Typing clears the message.
        s.type("x")
        #expect(s.form?.error == nil)
    }

    @Test(arguments: [
        (grade, "D", "invalid grade \"D\"; use A, B, C or none"),
        (3, "robot", "invalid kind \"robot\"; use person or company"),
        (14, "vip", "invalid status \"vip\"; use lead, prospect, customer, dormant, lost"),
        (15, "weekly", "invalid cadence \"weekly\"; use whole days from 1 to 3650, none, or grade"),
        (16, "2月30日", "invalid birthday \"2月30日\"; write 1980-03-15, 03-15 or 3月15日"),
        (17, "fax", "invalid channel \"fax\"; use phone, email, message, wechat, visit"),
        (5, "li at example", "invalid email \"li at example\"; write it as name@example.com"),
        (19, "12,00", "unreadable amount \"12,00\"; write 12000, 12,000.50, 1.2万 or ¥12,000"),
    ])
    func aBadValueIsNamedAndNothingIsSaved(field: Int, typed: String, message: String) {
        var s = Self.newForm(name: "Li Ming")
        for _ in 0..<field { s.press(.tab) }
        s.press(.ctrl("u"))
        s.type(typed)
        #expect(s.press(.enter) == [])
        #expect(s.form?.error == message)
        #expect(s.form?.fields[field].value.text == typed)
    }

    @Test func aValidFormSavesTheParsedCard() {
        var s = Self.newForm(name: " 王建国 ")
        for _ in 0..<12 { s.press(.tab) }
        s.type("vip, 渠道")
        s.press(.down)
        s.type("a")
        var expected = Customer(name: "王建国", createdAt: Fx.now)
        expected.tags = ["vip", "渠道"]
        expected.grade = .a
        #expect(s.press(.enter) == [.saveCustomer(expected)])
        #expect(s.form?.error == nil)
        // The store's answer closes the form and reloads.
        let reloads = s.send(.saved("Added 王建国", customerID: 7))
        #expect(s.form == nil)
        #expect(s.message == StatusMessage(text: "Added 王建国 · u undoes it", isError: false))
        #expect(reloads == [.loadToday(limit: 50), .loadCustomers(sort: .attention, offset: 0, limit: 200),
                            .loadFunnel, .loadCard(customerID: 7)])
    }

    @Test func escClosesWithNothingSaved() {
        var s = Self.newForm(name: "王建国")
        #expect(s.press(.escape) == [])
        #expect(s.form == nil)
        #expect(s.message == StatusMessage(text: "nothing saved", isError: false))
        #expect(s.screen == .main)
    }

    @Test func editingAndSavingUnchangedGivesBackTheSameCard() {
        var s = Fx.mainState()
        s.press(.char("j"))
        s.send(.cardLoaded(Fx.ouyangCard))
        s.press(.char("e"))
        // Every field read back from its text; only the update time changes.
        var expected = Fx.ouyangCustomer
        expected.updatedAt = Fx.now
        #expect(s.press(.enter) == [.saveCustomer(expected)])
    }

    @Test func editingOneFieldChangesOnlyThatField() {
        var s = Fx.mainState()
        s.press(.char("j"))
        s.send(.cardLoaded(Fx.ouyangCard))
        s.press(.char("e"))
        for _ in 0..<7 { s.press(.tab) }  // city
        #expect(s.form?.fields[7].value.text == "上海")
        s.press(.ctrl("u"))
        s.type("北京")
        var expected = Fx.ouyangCustomer
        expected.city = "北京"
        expected.updatedAt = Fx.now
        #expect(s.press(.enter) == [.saveCustomer(expected)])
    }

    @Test func aFailedSaveIsShownOnTheForm() {
        var s = Self.newForm(name: "王建国")
        s.press(.enter)
        #expect(s.send(.failed("a customer named 王建国 exists")) == [])
        #expect(s.form?.error == "a customer named 王建国 exists")
        #expect(s.message == nil)
    }

    @Test func theFormDrawsLabelsValuesAndTheCursor() {
        // 80x24. Labels are padded to the widest, "credit level"/"credit limit" (12 cells):
        // a row is " " + label + padding + "  " + value, so values start at x = 15.
        var s = Self.newForm(name: "王建国")
        var lines = s.buffer.lines
        #expect(lines[1] == " New customer")
        #expect(lines[2] == " name" + sp(8) + "  " + "王建国")
        #expect(lines[3] == " company")
        #expect(lines[5] == " kind" + sp(8) + "  " + "person")
        #expect(lines[23] == "Enter save · Esc cancel · Tab/↓ next field · S-Tab/↑ previous")
        // The cursor is after 王建国: 15 + 6 cells.
        #expect(s.buffer.cursor?.x == 21)
        #expect(s.buffer.cursor?.y == 2)

        // On the grade (field 13) the 19 visible rows scroll: top = min(13 - 19/2, 23 - 19) = 4,
        // so the grade is on row 2 + 13 - 4 = 11 and its hint on the hint row.
        for _ in 0..<Self.grade { s.press(.tab) }
        s.type("D")
        lines = s.buffer.lines
        #expect(lines[2] == " phones")  // field 4 is the first shown, empty
        #expect(lines[11] == " grade" + sp(7) + "  " + "D")
        #expect(lines[22] == "A, B, C or empty")
        #expect(s.buffer.cursor?.x == 16)
        #expect(s.buffer.cursor?.y == 11)
        s.press(.enter)
        #expect(s.buffer.lines[22] == "✗ invalid grade \"D\"; use A, B, C or none")
    }

    @Test func theEditFormIsTitledWithTheName() {
        var s = Fx.mainState()
        s.press(.char("j"))
        s.send(.cardLoaded(Fx.ouyangCard))
        s.press(.char("e"))
        let lines = s.buffer.lines
        #expect(lines[1] == " Edit 欧阳子涵")
        #expect(lines[2] == " name" + sp(8) + "  " + "欧阳子涵")
        #expect(lines[6] == " phones" + sp(6) + "  " + "mobile:138-0013-8000, work:010-1234")
    }

    @Test func theCursorStaysAfterTheShownTextWhenAFieldHoldsAnEscapeSequence() {
        // A name imported with an escape sequence: the frame shows "EvilRed" (7 cells) from x = 15.
        var s = Fx.mainState()
        var evil = Fx.wangCard
        evil.customer.name = "Evil\u{1B}[31mRed"
        s.send(.cardLoaded(evil))
        s.press(.char("e"))
        let b = s.buffer
        #expect(b.lines[2] == " name" + sp(8) + "  " + "EvilRed")
        #expect(b.cursor?.x == 22)
    }
}
