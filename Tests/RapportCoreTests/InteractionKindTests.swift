import Testing
@testable import RapportCore

struct InteractionKindTests {
    @Test(arguments: [
        ("call", InteractionKind?.some(.call)),
        ("email", .email),
        ("visit", .visit),
        ("meeting", .meeting),
        ("message", .message),
        ("note", .note),
        ("CALL", .call),
        ("Email", .email),
        ("c", .call),
        ("e", .email),
        ("v", .visit),
        ("m", .meeting),
        ("s", .message),
        ("n", .note),
        ("C", .call),
        ("N", .note),
        ("phone", .call),
        ("sms", .message),
        ("wechat", .message),
        ("电话", .call),
        ("邮件", .email),
        ("拜访", .visit),
        ("会议", .meeting),
        ("见面", .meeting),
        ("短信", .message),
        ("微信", .message),
        ("备注", .note),
        ("笔记", .note),
        ("", nil),
        ("x", nil),
        ("calls", nil),
        ("fax", nil),
        ("电报", nil),
    ])
    func kind(text: String, kind: InteractionKind?) {
        #expect(InteractionKind(text: text) == kind)
    }

    @Test(arguments: [
        (InteractionKind.call, Character("c")),
        (.email, "e"),
        (.visit, "v"),
        (.meeting, "m"),
        (.message, "s"),
        (.note, "n"),
    ])
    func shortcuts(kind: InteractionKind, shortcut: Character) {
        #expect(kind.shortcut == shortcut)
        #expect(InteractionKind(text: String(shortcut)) == kind)
        #expect(InteractionKind(text: kind.rawValue) == kind)
    }

    @Test func shortcutsAreDistinct() {
        #expect(Set(InteractionKind.allCases.map(\.shortcut)).count == InteractionKind.allCases.count)
    }

    @Test(arguments: [
        (InteractionKind.call, true),
        (.email, true),
        (.visit, true),
        (.meeting, true),
        (.message, true),
        (.note, false),
    ])
    func isContact(kind: InteractionKind, contact: Bool) {
        #expect(kind.isContact == contact)
    }

    @Test(arguments: [(InteractionKind.visit, true), (.meeting, true), (.call, false), (.note, false)])
    func isFaceToFace(kind: InteractionKind, faceToFace: Bool) {
        #expect(kind.isFaceToFace == faceToFace)
    }

    @Test(arguments: [
        ("reached", Outcome?.some(.reached)),
        ("no-answer", .noAnswer),
        ("no_answer", .noAnswer),
        ("noanswer", .noAnswer),
        ("NO-ANSWER", .noAnswer),
        ("No_Answer", .noAnswer),
        ("replied", .replied),
        ("no-reply", .noReply),
        ("no_reply", .noReply),
        ("noreply", .noReply),
        ("接通", .reached),
        ("已接通", .reached),
        ("未接", .noAnswer),
        ("未接通", .noAnswer),
        ("无人接听", .noAnswer),
        ("已回复", .replied),
        ("回复", .replied),
        ("未回复", .noReply),
        ("", nil),
        ("maybe", nil),
        ("no answer", nil),
        ("answered", nil),
    ])
    func outcome(text: String, outcome: Outcome?) {
        #expect(Outcome(text: text) == outcome)
    }

    @Test(arguments: [(Outcome.reached, false), (.noAnswer, true), (.replied, false), (.noReply, true)])
    func failedAttempt(outcome: Outcome, failed: Bool) {
        #expect(outcome.isFailedAttempt == failed)
    }

    @Test func rawValues() {
        #expect(Outcome.noAnswer.rawValue == "no-answer")
        #expect(Outcome.noReply.rawValue == "no-reply")
        #expect(InteractionKind.allCases.map(\.rawValue) == ["call", "email", "visit", "meeting", "message", "note"])
    }
}
