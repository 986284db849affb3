import Testing
@testable import RapportBase

struct NearestWordTests {
    static let commands = ["open", "today", "add", "edit", "list", "show", "log", "call", "visit", "deal", "undo", "redo"]

    @Test(arguments: [
        ("tody", "today"),      // a letter dropped
        ("todday", "today"),    // one added
        ("tdoay", "today"),     // two swapped
        ("shwo", "show"),
        ("lst", "list"),
        ("Today", "today"),     // case does not count
        ("ad", "add"),
        ("todya", "today"),
    ])
    func aTypoFindsTheWordMeant(typed: String, expected: String) {
        #expect(NearestWord.to(typed, among: Self.commands) == expected)
    }

    @Test(arguments: ["teleport", "xyz", "tdya", "", "funnels-of-gold"])
    func aWordTooFarFromEveryOneFindsNone(typed: String) {
        #expect(NearestWord.to(typed, among: Self.commands) == nil)
    }

    @Test(arguments: [
        ("", "", 0), ("a", "", 1), ("", "ab", 2), ("kitten", "sitting", 3), ("ab", "ba", 1), ("abc", "ca", 3), ("today", "today", 0),
    ])
    func distances(a: String, b: String, expected: Int) {
        #expect(NearestWord.distance(Array(a), Array(b)) == expected)
        #expect(NearestWord.distance(Array(b), Array(a)) == expected)
    }

    @Test func aTieGoesToTheEarlierWord() {
        // "lo" is one edit from "log" and from "lot".
        #expect(NearestWord.to("lo", among: ["log", "lot"]) == "log")
        #expect(NearestWord.to("lo", among: ["lot", "log"]) == "lot")
    }
}
