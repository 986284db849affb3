import Foundation
import Testing

/// Correcting contact persons from the shell: list, edit, rm (today is Mon 2026-11-23).
struct ContactCommandTests {
    @Test func aContactPersonIsListedEditedAndRemoved() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--kind", "company"])
        try r.ok(["contact", "add", "wjg", "李娜", "--role", "decision-maker", "--phone", "139-0000-1111", "--birthday", "03-15"])
        try r.ok(["contact", "add", "wjg", "Bob", "--email", "bob@example.com", "--notes", "采购"])
        try r.ok(["log", "wjg", "call", "报价", "--contact", "李娜"])
        try r.ok(["log", "wjg", "visit", "送样品", "--contact", "李娜"])
        // Listed in display cells: 李娜 is four cells wide, as wide as "Name"; a birthday without a year is MM-DD, as typed and on the card
        #expect(try r.ok(["contact", "list", "wjg"]).stdout == """
            ID  Name  Role            Phone          Email            Birthday  Notes
             1  李娜  decision-maker  139-0000-1111                   03-15
             2  Bob                                  bob@example.com            采购

            """)
        let json = try #require(try r.json(["contact", "list", "wjg", "--json"]) as? [[String: Any]])
        #expect(json.map { $0["name"] as? String } == ["李娜", "Bob"])
        #expect(json.first?["role"] as? String == "decision-maker")
        // Edited: a new role and email; an empty value clears the phone and the birthday
        #expect(try r.ok(["contact", "edit", "1", "--role", "influencer", "--email", "li@example.com", "--phone", "", "--birthday", ""]).stdout
                == "Updated contact person 1 李娜\n")
        let edited = try #require(try r.json(["contact", "list", "wjg", "--json"]) as? [[String: Any]]).first
        #expect(edited?["role"] as? String == "influencer")
        #expect(edited?["email"] as? String == "li@example.com")
        #expect(edited?["phone"] is NSNull)
        #expect(edited?["birthday"] is NSNull)
        // Removed: the two interactions logged with her stay on the timeline without her
        #expect(try r.ok(["contact", "rm", "1"]).stdout
                == "Removed contact 1 李娜 of 王建国 (#1); 2 logged interactions keep their entry without the contact\n")
        let show = try r.ok(["show", "wjg"]).stdout
        #expect(show.contains("报价") && show.contains("送样品") && !show.contains("李娜"))
        #expect(try r.ok(["contact", "rm", "2"]).stdout == "Removed contact 2 Bob of 王建国 (#1)\n")
        #expect(try r.ok(["contact", "list", "wjg"]).stdout == "No contact persons for 王建国 (#1).\n")
    }

    @Test(arguments: [
        (["contact", "edit", "99", "--phone", "1"], 2, "rapport: no contact person \"99\"\n"),
        (["contact", "rm", "99"], 2, "rapport: no contact person \"99\"\n"),
        (["contact", "edit", "1", "--role", "boss"], 2,
         "rapport: invalid role \"boss\"; use decision-maker, influencer, user, gatekeeper\n"),
        (["contact", "edit", "1", "--birthday", "soon"], 2, "rapport: invalid birthday \"soon\"; write 1980-03-15, 03-15 or 3月15日\n"),
        (["contact", "edit", "1", "--name", " "], 2, "rapport: name must not be empty\n"),
        (["contact", "list", "nobody"], 2,
         "rapport: no customer matches \"nobody\"; try `rapport list` to see your customers\n"),
    ] as [([String], Int32, String)])
    func aBadCorrectionIsRefusedNamingTheValueAndChangesNothing(arguments: [String], status: Int32, message: String) throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--kind", "company"])
        try r.ok(["contact", "add", "wjg", "李娜"])
        let before = try r.snapshot()
        let result = try r.run(arguments)
        #expect(result.status == status)
        #expect(result.stderr == message)
        #expect(try r.snapshot() == before)
    }

    @Test func anEditWithNothingToChangeIsAnArgumentError() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--kind", "company"])
        try r.ok(["contact", "add", "wjg", "李娜"])
        #expect(try r.run(["contact", "edit", "1"]).status == 64)
    }
}
