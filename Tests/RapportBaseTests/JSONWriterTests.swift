import Foundation
import Testing
@testable import RapportBase

struct JSONWriterTests {
    static func written(_ build: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        build(&w)
        return w.text
    }

    // MARK: - Structure

    @Test func nestedDocument() {
        let text = Self.written { w in
            w.beginObject()
            w.field("id", 12)
            w.field("name", "王建国")
            w.key("tags")
            w.beginArray()
            w.string("vip")
            w.string("重点")
            w.endArray()
            w.key("empty")
            w.beginObject()
            w.endObject()
            w.key("none")
            w.beginArray()
            w.endArray()
            w.key("nested")
            w.beginArray()
            w.beginObject()
            w.field("a", true)
            w.key("b")
            w.null()
            w.endObject()
            w.beginObject()
            w.endObject()
            w.int(3)
            w.beginArray()
            w.beginArray()
            w.endArray()
            w.endArray()
            w.endArray()
            w.field("company", nil as String?)
            w.field("count", nil as Int64?)
            w.key("score")
            w.number(8.8)
            w.endObject()
        }
        #expect(text == #"{"id":12,"name":"王建国","tags":["vip","重点"],"empty":{},"none":[],"nested":[{"a":true,"b":null},{},3,[[]]],"company":null,"count":null,"score":8.8}"#)
    }

    @Test(arguments: [
        (0, "[]"),
        (1, "[0]"),
        (3, "[0,1,2]"),
    ])
    func arrayCommas(count: Int, expected: String) {
        let text = Self.written { w in
            w.beginArray()
            for i in 0..<count { w.int(i) }
            w.endArray()
        }
        #expect(text == expected)
    }

    @Test func arrayOfObjects() {
        let text = Self.written { w in
            w.beginArray()
            for i in 1...3 {
                w.beginObject()
                w.field("i", i)
                w.field("odd", i % 2 == 1)
                w.endObject()
            }
            w.endArray()
            w.newline()
        }
        #expect(text == "[{\"i\":1,\"odd\":true},{\"i\":2,\"odd\":false},{\"i\":3,\"odd\":true}]\n")
    }

    @Test func intValues() {
        let text = Self.written { w in
            w.beginArray()
            w.int(Int64.max)
            w.int(Int64.min + 1)
            w.int(0)
            w.int(-7)
            w.int(nil as Int64?)
            w.endArray()
        }
        #expect(text == "[9223372036854775807,-9223372036854775807,0,-7,null]")
    }

    // MARK: - Escaping

    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("a\\b", #""a\\b""#),
        ("line1\nline2", #""line1\nline2""#),
        ("a\tb", #""a\tb""#),
        ("a\rb", #""a\rb""#),
        ("\u{1B}[31mred", #""\u001b[31mred""#),
        ("del\u{7F}", #""del\u007f""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("王建国", "\"王建国\""),
        ("王\n建", #""王\n建""#),
        ("Zoë 👍", "\"Zoë 👍\""),
        ("/", #""/""#),
        ("", #""""#),
        // C1 controls and bidi overrides are escaped too; their neighbours are not
        ("a\u{9B}31mb", #""a\u009b31mb""#),
        ("\u{80}\u{9F}\u{A0}·", "\"\\u0080\\u009f\u{A0}·\""),
        ("x\u{202E}txt.exe", #""x\u202etxt.exe""#),
        ("\u{202A}\u{202D}\u{2066}\u{2069}", #""\u202a\u202d\u2066\u2069""#),
        ("—…\u{2029}\u{2065}\u{206A}", "\"—…\u{2029}\u{2065}\u{206A}\""),
        ("end\u{C2}", "\"end\u{C2}\""),
    ])
    func escaping(value: String, expected: String) {
        let text = Self.written { $0.string(value) }
        #expect(text == expected)
    }

    @Test func cjkPassesThroughAsUTF8() {
        var w = JSONWriter()
        w.string("王建国")
        // 王 U+738B is E7 8E 8B in UTF-8; no \u escapes.
        #expect(Array(w.bytes.prefix(4)) == [0x22, 0xE7, 0x8E, 0x8B])
        #expect(w.bytes.count == 2 + 9)
    }

    @Test func keyFromDataIsEscaped() {
        let text = Self.written { w in
            w.beginObject()
            w.key(text: "size \"L\"")
            w.string("x")
            w.key(text: "尺寸")
            w.string("大")
            w.endObject()
        }
        #expect(text == #"{"size \"L\"":"x","尺寸":"大"}"#)
    }

    @Test func stringBuilding() {
        let text = Self.written { w in
            w.beginArray()
            w.string { sink in sink.append("due "); sink.append("2026-11-23") }
            w.string { sink in sink.append("tab\there \"q\"") }
            w.string { _ in }
            w.endArray()
        }
        #expect(text == #"["due 2026-11-23","tab\there \"q\"",""]"#)
    }

    @Test func stringBuildingReusesNothingBetweenCalls() {
        let text = Self.written { w in
            w.beginArray()
            w.string { $0.append("long value") }
            w.string { $0.append("x") }
            w.endArray()
        }
        #expect(text == #"["long value","x"]"#)
    }

    // MARK: - Numbers

    @Test(arguments: [
        (1.005, 2, "1"),          // the double nearest 1.005 is 1.00499999999999989…, so it rounds down
        (3.0, 2, "3"),
        (8.8, 2, "8.8"),
        (0.125, 2, "0.13"),       // exact in binary; half rounds away from zero
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (1.23456, 3, "1.235"),
        (0.1 + 0.2, 2, "0.3"),
        (9.257142857, 2, "9.26"),
        (100.0, 2, "100"),
        (-1.5, 1, "-1.5"),
        (0.0, 2, "0"),
        (0.000000001, 2, "0"),
        (11.0, 0, "11"),
    ])
    func number(value: Double, digits: Int, expected: String) {
        let text = Self.written { $0.number(value, digits: digits) }
        #expect(text == expected)
    }

    @Test func numberDefaultsToTwoDigits() {
        #expect(Self.written { $0.number(2.0 / 3.0) } == "0.67")
    }

    @Test func largeAndNonFiniteNumbersStayValidJSON() throws {
        // Whole values beyond Int64 are written as a double; NaN and infinity have no JSON form.
        var w = JSONWriter()
        w.beginArray()
        w.number(1e20)
        w.number(-4e30)
        w.number(.nan)
        w.number(.infinity)
        w.endArray()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [Any])
        #expect((parsed[0] as? NSNumber)?.doubleValue == 1e20)
        #expect((parsed[1] as? NSNumber)?.doubleValue == -4e30)
        #expect(parsed[2] is NSNull)
        #expect(parsed[3] is NSNull)
    }

    // MARK: - Round trip through Foundation

    @Test func parsesWithJSONSerialization() throws {
        var w = JSONWriter()
        w.beginObject()
        w.field("id", 7 as Int64?)
        w.field("name", "王建国 \"Jim\"\n\u{1B}[1m")
        w.key("phones")
        w.beginArray()
        w.beginObject()
        w.field("value", "+86 138-0013-8000")
        w.field("label", nil as String?)
        w.endObject()
        w.endArray()
        w.key("urgency")
        w.number(11.171428, digits: 2)
        w.field("chased", false)
        w.endObject()
        w.newline()

        let object = try JSONSerialization.jsonObject(with: Data(w.bytes))
        let dict = try #require(object as? [String: Any])
        #expect(dict.count == 5)
        #expect((dict["id"] as? NSNumber)?.int64Value == 7)
        #expect(dict["name"] as? String == "王建国 \"Jim\"\n\u{1B}[1m")
        let phones = try #require(dict["phones"] as? [[String: Any]])
        #expect(phones.count == 1)
        #expect(phones.first?["value"] as? String == "+86 138-0013-8000")
        #expect(phones.first?["label"] is NSNull)
        #expect((dict["urgency"] as? NSNumber)?.doubleValue == 11.17)
        #expect((dict["chased"] as? NSNumber)?.boolValue == false)
    }
}
