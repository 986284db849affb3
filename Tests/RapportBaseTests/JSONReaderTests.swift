import Testing
@testable import RapportBase

/// The pull reader that restores a book's export: tokens as the grammar gives them, and a
/// failure with its byte offset for anything that is not JSON.
struct JSONReaderTests {
    typealias T = JSONReader.Token

    static func tokens(_ text: String) throws(JSONReader.Failure) -> [T] {
        var bytes = Array(text.utf8)
        var tokens: [T] = []
        try bytes.withUnsafeMutableBufferPointer { buffer throws(JSONReader.Failure) in
            var reader = JSONReader(UnsafeBufferPointer(buffer))
            while let token = try reader.next() { tokens.append(token) }
        }
        return tokens
    }

    @Test(arguments: [
        ("[]", [T.beginArray, .endArray]),
        ("{}", [.beginObject, .endObject]),
        (" [1, -2 ,null,true,false] ", [.beginArray, .value(.integer(1)), .value(.integer(-2)), .value(.null), .value(.bool(true)),
                                       .value(.bool(false)), .endArray]),
        (#"{"a":[{"b":"c"}],"d":{}}"#, [.beginObject, .key("a"), .beginArray, .beginObject, .key("b"), .value(.string("c")), .endObject,
                                        .endArray, .key("d"), .beginObject, .endObject, .endObject]),
        (#""王建国""#, [.value(.string("王建国"))]),
        (#""a\"b\\c\/d\n\t\r\b\f""#, [.value(.string("a\"b\\c/d\n\t\r\u{8}\u{C}"))]),
        (#""\u738b\u5efa\u56fd""#, [.value(.string("王建国"))]),
        (#""\ud83d\ude00""#, [.value(.string("😀"))]),          // a surrogate pair
        ("9223372036854775807", [.value(.integer(Int64.max))]),
        ("1.5", [.value(.number(1.5))]),
        ("-0.25e1", [.value(.number(-2.5))]),
        ("[[[]]]", [.beginArray, .beginArray, .beginArray, .endArray, .endArray, .endArray]),
    ])
    func reads(text: String, expected: [T]) throws {
        #expect(try Self.tokens(text) == expected)
    }

    @Test(arguments: [
        ("", 0, "a value"),
        ("[1,]", 3, "a value"),
        ("[1 2]", 3, "a comma or the end of the array"),
        (#"{"a" 1}"#, 5, "a colon after the key"),
        ("{1:2}", 1, "a key in quotes"),
        (#"["abc"#, 5, "the end of the string"),
        ("[\"a\u{1}\"]", 3, "no control character inside a string"),
        (#"["\x"]"#, 4, "an escape"),
        (#"["\u12"]"#, 6, "four hex digits"),    // the quote where the third digit should be
        ("tru", 0, "true"),
        ("[1] [2]", 4, "the end of the document"),
        ("-", 0, "a value"),
        (#"["\ud800"]"#, 8, "a whole character, not a lone surrogate"),   // a high half alone, just after its digits
        (#"["a\udc00b"]"#, 9, "a whole character, not a lone surrogate"), // a low half alone
    ])
    func failsAtTheByte(text: String, offset: Int, expected: String) {
        #expect(throws: JSONReader.Failure(offset: offset, expected: expected)) { try Self.tokens(text) }
    }

    @Test func skipsAValueOfAnySize() throws {
        var bytes = Array(#"{"skip":{"a":[1,{"b":[]}],"c":"d"},"keep":7}"#.utf8)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            var reader = JSONReader(UnsafeBufferPointer(buffer))
            #expect(try reader.next() == .beginObject)
            #expect(try reader.next() == .key("skip"))
            try reader.skipValue()
            #expect(try reader.next() == .key("keep"))
            #expect(try reader.next() == .value(.integer(7)))
            #expect(try reader.next() == .endObject)
            #expect(try reader.next() == nil)
        }
    }
}
