import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// Every write is one change of the history; undo takes it back exactly (the whole book, as
/// its JSON export shows it, is what it was before), redo does it again, and an undo that a
/// later change depends on is refused with the book untouched.
struct HistoryTests {
    static let now = Fixture.at("2026-11-23 15:00")

    /// The whole book as `rapport export --format json` writes it, without the id counters
    /// (ids are never handed out twice, so an undo leaves them where they got to).
    static func book(_ db: AppDatabase) throws -> String {
        var bytes: [UInt8] = []
        try db.dumpBook(now: now) { bytes += $0 }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "\"sequences\":{"), let end = text[start.upperBound...].firstIndex(of: "}") else { return text }
        return String(text[..<start.lowerBound] + text[text.index(after: end)...])
    }

    static func summaries(_ db: AppDatabase) throws -> [String] {
        try db.history().map { "\($0.state.rawValue): \($0.summary)" }
    }

    /// A customer with a due follow-up, as a seller has them before a call.
    static func book() throws -> (AppDatabase, Customer) {
        let db = try AppDatabase.empty()
        let c = try Fixture.customer(db, "王建国", grade: .a, added: "2026-11-01 09:00", phones: ["13800138000"])
        _ = try db.addFollowUp(FollowUp(customerID: c.id!, due: When(day: Fixture.day("2026-11-23")), title: "回访",
                                        createdAt: Fixture.at("2026-11-18 10:00")))
        return (db, c)
    }

    static func log(_ db: AppDatabase, _ c: Customer, next: String? = "2026-11-27") throws -> LoggedInteraction {
        try db.logInteraction(Interaction(customerID: c.id!, kind: .call, at: Fixture.at("2026-11-23 14:02"), outcome: .reached, note: "谈了报价"),
                              next: next.map { When(day: Fixture.day($0)) }, keepOpen: false, now: now)
    }

    @Test func aLogIsOneChangeToldInTheSellersWords() throws {
        let (db, c) = try Self.book()
        _ = try Self.log(db, c)
        #expect(try Self.summaries(db) == [
            "done: logged call with 王建国 (#1) at 2026-11-23 14:02, follow-up 1 done, follow-up 2 added for 2026-11-27",
            "done: follow-up 1 added for 2026-11-23",
            "done: added 王建国 (#1)",
        ])
        #expect(try db.history(customer: c.id!).count == 3)
        #expect(try db.history(customer: 99).isEmpty)
    }

    @Test func undoingALogPutsTheWholeBookBackAndRedoDoesItAgain() throws {
        // Given a book before a call
        let (db, c) = try Self.book()
        let before = try Self.book(db)
        // When the call is logged (closing follow-up 1, scheduling 2), then undone
        _ = try Self.log(db, c)
        let after = try Self.book(db)
        #expect(after != before)
        let undone = try db.undo(now: Self.now)
        // Then the book is exactly as before, attention day and contact clock included
        // Told by what it was and what became of the follow-ups
        #expect(undone.map(\.summary) == ["logged call with 王建国 (#1) at 2026-11-23 14:02"])
        #expect(undone.map(\.undoing) == [["follow-up 1 reopened", "follow-up 2 removed"]])
        #expect(try Self.book(db) == before)
        // And redo brings the call back as it was
        _ = try db.redo(now: Self.now)
        #expect(try Self.book(db) == after)
        // And it can be undone again
        _ = try db.undo(now: Self.now)
        #expect(try Self.book(db) == before)
    }

    @Test func undoingSeveralChangesGoesBackThroughEachInOneStep() throws {
        let db = try AppDatabase.empty()
        let empty = try Self.book(db)
        let c = try Fixture.customer(db, "王建国", grade: .a, phones: ["13800138000"])
        _ = try Self.log(db, c)
        var edited = c
        edited.city = "上海"
        edited.phones.append(LabeledValue("021-5555-0101"))
        _ = try db.updateCustomer(edited.validated())
        #expect(try Self.summaries(db).first == "done: edited 王建国 (#1): city, phones")
        let undone = try db.undo(3, now: Self.now)
        #expect(undone.count == 3)
        #expect(try Self.book(db) == empty)
        #expect(throws: RapportError.conflict("there is nothing to undo")) { try db.undo(now: Self.now) }
    }

    @Test func askingToUndoMoreThanThereIsUndoesNothing() throws {
        let (db, _) = try Self.book()
        let before = try Self.book(db)
        #expect(throws: RapportError.conflict("only 2 changes can be undone; nothing was undone")) { try db.undo(3, now: Self.now) }
        #expect(try Self.book(db) == before)
    }

    @Test func aNewChangeEndsWhatCouldBeRedone() throws {
        let (db, c) = try Self.book()
        _ = try Self.log(db, c)
        _ = try db.undo(now: Self.now)
        _ = try db.addFollowUp(FollowUp(customerID: c.id!, due: When(day: Fixture.day("2026-12-01")), title: "", createdAt: Self.now))
        #expect(throws: RapportError.self) { try db.redo(now: Self.now) }
    }

    @Test func undoingAChangeALaterOneDependsOnIsRefusedAndChangesNothing() throws {
        // Given a won deal with its contract, and a payment recorded on it afterwards
        let (db, c) = try Self.book()
        let yuan = { (n: Int64) in Money(minorUnits: n, currency: .yuan) }
        var deal = try db.addDeal(Deal(customerID: c.id!, title: "年度服务", amount: yuan(1_200_000), stage: .closing, createdAt: Self.now),
                                  now: Self.now)
        let contract = Contract(customerID: c.id!, number: "HT-001", signedOn: Fixture.today, startsOn: Fixture.today, endsOn: nil,
                                amount: yuan(1_200_000), instalments: try PaymentPlan.even(total: yuan(1_200_000), count: 2, first: Fixture.today),
                                createdAt: Self.now)
        let won = try db.winDeal(id: deal.id!, contract: contract, note: "", force: true, now: Self.now)
        let contractChange = try db.history().first!.id
        _ = try db.recordPayment(contractID: won.contract.id!, instalment: nil, amount: yuan(600_000), on: Fixture.today, note: "",
                                 allowOverpay: false, now: Self.now)
        let before = try Self.book(db)
        // When the win (and its contract) alone is undone
        // (the payment added to what the contract received, so its row is not as the win left it)
        #expect(throws: RapportError.conflict("change \(contractChange) cannot be taken back: a later change altered the same contract; "
                                              + "undo that one first")) { try db.undo(change: contractChange, now: Self.now) }
        // Then nothing moved; undoing newest first works
        #expect(try Self.book(db) == before)
        deal = try db.deal(id: deal.id!)!
        #expect(deal.stage == .won)
        _ = try db.undo(2, now: Self.now)
        #expect(try db.deal(id: deal.id!)?.stage == .closing)
    }

    @Test func undoingAContactPersonACallWasLoggedWithIsRefused() throws {
        // Given a company's contact person, and a call logged with them afterwards
        let db = try AppDatabase.empty()
        var c = Customer(name: "华信科技", createdAt: Self.now)
        c.kind = .company
        let company = try db.addCustomer(c.validated())
        let person = try db.addContactPerson(ContactPerson(customerID: company.id!, name: "李娜"))
        let added = try db.history().first!.id
        var call = Interaction(customerID: company.id!, kind: .call, at: Self.now, note: "谈了报价")
        call.contactID = person.id
        let logged = try db.logInteraction(call, next: nil, keepOpen: true, now: Self.now)
        let before = try Self.book(db)
        // When the contact alone is taken back, the call would lose its person: refused, nothing moved
        #expect(throws: RapportError.conflict("change \(added) cannot be taken back alone: a later change depends on it "
                                              + "(interaction \(logged.interaction.id!)); undo that one first")) {
            try db.undo(change: added, now: Self.now)
        }
        #expect(try Self.book(db) == before)
    }

    @Test func removingACustomerPutsEverythingInTheTrashAndRestoreBringsItBackWhole() throws {
        let (db, c) = try Self.book()
        _ = try Self.log(db, c)
        let other = try Fixture.customer(db, "周敏")
        let before = try Self.book(db)
        let trashed = try db.trashCustomer(id: c.id!)
        #expect(trashed.name == "王建国")
        #expect(trashed.sweptAlong == "1 interaction, 2 follow-ups")
        #expect(try db.customer(id: c.id!) == nil)
        #expect(try db.trash().map(\.customerID) == [c.id!])
        // A change after the removal does not stand in the way of the restore
        _ = try db.addFollowUp(FollowUp(customerID: other.id!, due: When(day: Fixture.day("2026-12-01")), title: "", createdAt: Self.now))
        _ = try db.restoreFromTrash(customer: c.id!, now: Self.now)
        _ = try db.undo(now: Self.now)   // the follow-up for 周敏 (the restore is not a change of its own)
        #expect(try Self.book(db) == before)
        #expect(try db.trash().isEmpty)
    }

    @Test func emptyingTheTrashForgetsTheCustomerEverywhereInTheHistory() throws {
        let (db, c) = try Self.book()
        let other = try Fixture.customer(db, "周敏")
        _ = try db.trashCustomer(id: c.id!)
        #expect(try db.emptyTrash(before: nil) == 1)
        #expect(try db.trash().isEmpty)
        // Only 周敏's change is left: nothing holds 王建国's rows any more
        #expect(try db.history().map(\.customers) == [[other.id!]])
        #expect(throws: RapportError.self) { try db.restoreFromTrash(customer: c.id!, now: Self.now) }
    }

    @Test func anImportIsOneChangeAndUndoTakesItBack() throws {
        let (db, _) = try Self.book()
        let before = try Self.book(db)
        var wang = Customer(name: "王建国", createdAt: Self.now)
        wang.city = "深圳"
        let rows = [(line: 1, customer: wang)] + (1...30).map { n in (line: n + 1, customer: Customer(name: "客户\(n)", createdAt: Self.now)) }
        let report = try db.importCustomers(rows, onDuplicate: .update, dryRun: false, now: Self.now)
        #expect(report.created == 30)
        #expect(try db.history().first?.summary == "added 30 customers (#2–#31), edited 王建国 (#1): city")
        #expect(try db.history(customer: 17).count == 1)
        let imported = try Self.book(db)
        // Twice round: a redone import is the import again, and undoes as one
        for _ in 1...2 {
            _ = try db.undo(now: Self.now)
            #expect(try Self.book(db) == before)
            _ = try db.redo(now: Self.now)
            #expect(try Self.book(db) == imported)
            #expect(try db.customer(id: 1)?.city == "深圳")
            // Kept as the import was (its range of ids), the undo's record of the rows let go
            #expect(try db.history(customer: 17).first?.state == .done)
            #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM history WHERE bulk_first = 2 AND bulk_last = 31 AND reverse IS NULL") } == 1)
        }
    }

    @Test func changesOlderThanTheHistoryKeepsAreLetGoButTheTrashStays() throws {
        let db = try AppDatabase.empty()
        db.changes(by: ChangeOrigin(command: "rapport add", now: Fixture.at("2026-01-01 09:00")))
        let old = try Fixture.customer(db, "王建国")
        _ = try db.trashCustomer(id: old.id!)
        _ = try Fixture.customer(db, "李娜")
        db.changes(by: ChangeOrigin(command: "rapport add", now: Fixture.at("2026-06-01 09:00")))
        _ = try Fixture.customer(db, "周敏")
        // The January add is past 90 days; the January removal is the trash and stays
        #expect(try db.history().map(\.summary) == ["added 周敏 (#3)", "removed 王建国 (#1)"])
    }

    @Test func historyDaysSaysHowLongChangesAreKept() throws {
        let db = try AppDatabase.empty()
        db.changes(by: ChangeOrigin(command: "rapport config", now: Fixture.at("2026-01-01 09:00")))
        try db.setSetting("history.days", to: "300")
        _ = try Fixture.customer(db, "王建国")
        db.changes(by: ChangeOrigin(command: "rapport add", now: Fixture.at("2026-06-01 09:00")))
        _ = try Fixture.customer(db, "周敏")
        // 151 days later, within 300: all three changes are kept
        #expect(try db.history().map(\.summary) == ["added 周敏 (#2)", "added 王建国 (#1)", "set history.days to 300"])
    }

    @Test func theCommandIsKeptSanitized() throws {
        let db = try AppDatabase.empty()
        db.changes(by: ChangeOrigin(command: "rapport add \u{1B}[2J王", now: Self.now))
        _ = try Fixture.customer(db, "王建国")
        #expect(try db.history().first?.command.contains("\u{1B}") == false)
    }
}
