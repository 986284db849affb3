import Foundation
import Testing
@testable import RapportExchange

@Suite struct ContentLineTests {
    @Test(arguments: [
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("l1\nl2\r\nl3\rl4", "l1\\nl2\\nl3\\nl4"),
        ("tab\there", "tab\there"),
        ("bell\u{07} esc\u{1B}[2J del\u{7F}", "bell esc[2J del"),
        ("王建国: 谈了报价", "王建国: 谈了报价"),
        ("", ""),
    ])
    func escapesText(_ text: String, expected: String) {
        #expect(ContentLine.escaped(text) == expected)
    }

    @Test(arguments: [
        ("work", "work"),
        ("微信", "微信"),
        ("a,b", "\"a,b\""),
        ("x\"y:z", "\"xy:z\""),
    ])
    func writesParameterValues(_ value: String, expected: String) {
        #expect(ContentLine.parameter(value) == expected)
    }

    @Test(arguments: [
        ("FN:short", "FN:short\r\n"),
        // 75 octets exactly stay on one line.
        ("X:" + String(repeating: "a", count: 73), "X:" + String(repeating: "a", count: 73) + "\r\n"),
        // 202 octets: 75, then 74 after each continuation's space, then the 53 left.
        ("X:" + String(repeating: "a", count: 200),
         "X:" + String(repeating: "a", count: 73) + "\r\n " + String(repeating: "a", count: 74) + "\r\n "
            + String(repeating: "a", count: 53) + "\r\n"),
        // 王 is 3 octets: 5 + 23 × 3 = 74 fit, the 24th would split at octet 75, so it moves on.
        ("NOTE:" + String(repeating: "王", count: 30),
         "NOTE:" + String(repeating: "王", count: 23) + "\r\n " + String(repeating: "王", count: 7) + "\r\n"),
    ])
    func foldsAt75Octets(_ line: String, expected: String) {
        #expect(ContentLine.folded(line) == expected)
    }

    @Test(arguments: [
        "NOTE:" + String(repeating: "谈了报价，", count: 40),
        "FN:" + String(repeating: "Zoë Müller 👩‍💼 ", count: 20),
        "X:" + String(repeating: "é", count: 100),
    ])
    func foldedLinesAreShortValidAndUnfoldBack(_ line: String) {
        let folded = ContentLine.folded(line)
        let physical = Array(folded.utf8).split(separator: 0x0A, omittingEmptySubsequences: true)
        for bytes in physical {
            #expect(bytes.count <= 76, "75 octets plus the CR")
            #expect(String(validating: bytes, as: UTF8.self) != nil, "no line ends inside a character")
        }
        // "\r\n" is one Character, so the ending is cut as bytes.
        let unfolded = String(decoding: Array(folded.utf8).dropLast(2), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(folded.hasSuffix("\r\n"))
        #expect(unfolded == line)
    }
}
