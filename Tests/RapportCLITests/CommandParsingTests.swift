import Foundation
import ArgumentParser
import RapportCore
import Testing
@testable import RapportCLI

struct CommandParsingTests {
    @Test func aCallIsOneLine() throws {
        let command = try Rapport.parseAsRoot(["log", "wjg", "call", "谈了报价", "下周", "--next", "周五", "--outcome", "reached"])
        let log = try #require(command as? Log.Record)
        #expect(log.customer == "wjg")
        #expect(log.kind == "call")
        #expect(log.line.note == ["谈了报价", "下周"])
        #expect(log.line.next == "周五")
        #expect(log.line.outcome == "reached")
        #expect(log.line.keepOpen == false)
    }

    @Test func optionsMayComeBeforeTheNote() throws {
        let log = try #require(try Rapport.parseAsRoot(["log", "--next", "+2w", "#12", "v", "met", "the", "CFO"]) as? Log.Record)
        #expect(log.customer == "#12")
        #expect(log.kind == "v")
        #expect(log.line.note == ["met", "the", "CFO"])
        #expect(log.line.next == "+2w")
    }

    /// The kind may be left out (a call), and each contact kind is a command with its shortcut.
    @Test func theKindIsAWordOrTheCommand() throws {
        let bare = try #require(try Rapport.parseAsRoot(["log", "wjg"]) as? Log.Record)
        #expect(bare.kind == nil)
        #expect(bare.line.note.isEmpty)
        let call = try #require(try Rapport.parseAsRoot(["c", "wjg", "note", "about", "price", "--next", "周五"]) as? KindLog<CallKind>)
        #expect(call.customer == "wjg")
        #expect(call.line.note == ["note", "about", "price"])
        #expect(call.line.next == "周五")
        #expect(try Rapport.parseAsRoot(["visit", "wjg"]) is KindLog<VisitKind>)
        #expect(try Rapport.parseAsRoot(["s", "wjg"]) is KindLog<MessageKind>)
    }

    @Test func noSubcommandOpensTheInterface() throws {
        #expect(try Rapport.parseAsRoot([]) is Open)
        let snapshot = try #require(try Rapport.parseAsRoot(["--snapshot", "100x30", "--keys", "/wjg"]) as? Open)
        #expect(snapshot.snapshot == "100x30")
        #expect(snapshot.keys == "/wjg")
    }

    @Test(arguments: [["frobnicate"], ["add"], ["call"], ["add", "x", "--kind", "robot"], ["demo", "--customers", "0"], ["--snapshot", "100"], ["--snapshot", "0x30"]])
    func badCommandLinesAreRefused(arguments: [String]) {
        #expect(throws: (any Error).self) { try Rapport.parseAsRoot(arguments) }
    }

    @Test func customerFieldsApplyToACard() throws {
        let add = try #require(try Rapport.parseAsRoot([
            "add", "王建国", "--company", "华信", "--phone", "mobile:138-0013-8000", "--phone", "010-1234", "--tag", "vip",
            "--grade", "a", "--birthday", "3月15日", "--credit-limit", "5万", "--set", "资质=ISO9001",
        ]) as? Add)
        var card = RapportCoreCustomer.blank(name: add.name)
        try add.fields.apply(to: &card)
        #expect(card.company == "华信")
        #expect(card.phones.map(\.description) == ["mobile:138-0013-8000", "010-1234"])
        #expect(card.tags == ["vip"])
        #expect(card.grade?.rawValue == "A")
        #expect(card.birthday?.description == "--03-15")
        #expect(card.creditLimit?.minorUnits == 5_000_000)
        #expect(card.customFields == ["资质": "ISO9001"])
    }

    /// An iCalendar's DTSTAMP is UTC whatever the seller's zone: 10^9 seconds after the epoch
    /// was 2001-09-09 01:46:40 UTC.
    @Test(arguments: [(time_t(0), "1970-01-01 00:00"), (time_t(1_000_000_000), "2001-09-09 01:46")])
    func utcClockReadsTheEpochSeconds(seconds: time_t, expected: String) {
        #expect(Session.utcClock(real: seconds).text == expected)
    }
}
