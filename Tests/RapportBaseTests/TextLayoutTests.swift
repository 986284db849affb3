import Testing
@testable import RapportBase

struct TruncationTests {
    /// "王建国ABC" is 9 cells; a cut keeps 1 cell for "…", and a wide character never straddles the limit.
    @Test(arguments: [
        (-1, ""),
        (0, ""),
        (1, "…"),
        (2, "…"),          // 王 needs 2 of the 1 cell left
        (3, "王…"),
        (4, "王…"),         // 建 would need cells 3–4 but only 3 is free
        (5, "王建…"),
        (6, "王建…"),       // 王建国 is 6, so with the ellipsis it would be 7
        (7, "王建国…"),
        (8, "王建国A…"),
        (9, "王建国ABC"),   // fits exactly
        (10, "王建国ABC"),
    ])
    func chineseThenLatin(width: Int, expected: String) {
        #expect("王建国ABC".truncated(toWidth: width) == expected)
    }

    @Test(arguments: [
        ("", 0, ""),
        ("abc", 3, "abc"),
        ("abc", 2, "a…"),
        ("Hello, World", 5, "Hell…"),
        ("Zoe\u{308}ller", 4, "Zoe\u{308}…"),     // the decomposed ë stays whole
        ("Zoe\u{308}ller", 3, "Zo…"),
        ("\u{1F44D}\u{1F44D}\u{1F44D}", 4, "\u{1F44D}…"),
        ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}x", 2, "…"),
        ("\u{200B}", 0, "\u{200B}"),              // zero cells already fit in zero
    ])
    func otherTexts(text: String, width: Int, expected: String) {
        #expect(text.truncated(toWidth: width) == expected)
    }

    @Test(arguments: 0...12)
    func neverWiderThanTheLimit(width: Int) {
        for text in ["王建国ABC", "Zo\u{EB} M\u{FC}ller 王", "ab王cd建", "\u{1F44D}a\u{1F44D}b"] {
            #expect(text.truncated(toWidth: width).displayWidth <= width)
        }
    }
}

struct PaddingTests {
    @Test(arguments: [
        ("王建国", 8, TextAlignment.left, "王建国  "),
        ("王建国", 8, .right, "  王建国"),
        ("王建国", 7, .right, " 王建国"),
        ("王建国", 6, .left, "王建国"),
        ("王建国ABC", 6, .left, "王建… "),         // truncated to 5 cells, then one space
        ("王建国ABC", 6, .right, " 王建…"),
        ("Zoe\u{308}", 5, .left, "Zoe\u{308}  "),
        ("abc", 3, .left, "abc"),
        ("王", 1, .left, "…"),
        ("", 3, .left, "   "),
        ("abc", 0, .left, ""),
    ])
    func padsToTheWidth(text: String, width: Int, alignment: TextAlignment, expected: String) {
        #expect(text.padded(toWidth: width, alignment: alignment) == expected)
    }

    @Test(arguments: 0...12)
    func alwaysExactlyTheWidth(width: Int) {
        let names = ["王建国", "Zo\u{EB} M\u{FC}ller", "Zoe\u{308} Mu\u{308}ller", "李A", "ｱｲｳ", "\u{1F44D} ok", ""]
        for name in names {
            #expect(name.padded(toWidth: width).displayWidth == width)
            #expect(name.padded(toWidth: width, alignment: .right).displayWidth == width)
        }
    }
}

struct WrappingTests {
    @Test(arguments: [
        // 谈了报 fills 6 cells; "价 then" would be 7; "contract" (8) is broken hard.
        ("谈了报价 then sent the contract", 6, ["谈了报", "价", "then", "sent", "the", "contra", "ct"]),
        // 谈了报价 is 8 cells; "then sent" is 9; "the contract" would be 12.
        ("谈了报价 then sent the contract", 10, ["谈了报价", "then sent", "the", "contract"]),
        ("", 10, []),
        ("hello", 0, []),
        ("hello world", 5, ["hello", "world"]),
        ("hello world", 11, ["hello world"]),
        ("a  b", 10, ["a  b"]),                      // spaces inside a line are kept
        ("hello   ", 10, ["hello"]),                 // no trailing spaces
        ("one   two", 5, ["one", "two"]),            // spaces at a break are dropped
        ("  indented", 20, ["  indented"]),
        ("   ", 5, [""]),
        ("abcdefgh", 3, ["abc", "def", "gh"]),
        ("王建国", 5, ["王建", "国"]),
        ("王建国", 3, ["王", "建", "国"]),
        ("王建国", 1, ["…", "…", "…"]),               // a wide character cannot fit one cell
        ("word 王建国", 6, ["word", "王建国"]),
        ("hi 王建国", 5, ["hi 王", "建国"]),           // 王 still fits after "hi "
        ("a\nb", 5, ["a", "b"]),
        ("a\n\nb", 5, ["a", "", "b"]),
        ("a\r\nb", 5, ["a", "b"]),
        ("ab\n", 5, ["ab", ""]),
        ("see the contract", 7, ["see the", "contrac", "t"]),
    ])
    func wrapsAsExpected(text: String, width: Int, expected: [String]) {
        #expect(text.wrapped(toWidth: width) == expected)
    }

    @Test(arguments: 1...16)
    func linesNeverExceedTheWidthNorEndInASpace(width: Int) {
        let note = "Met 王建国 at 上海 office; 谈了报价，他说下周回复。 Follow up with Zoe\u{308} \u{1F44D}\nNext: send contract"
        for line in note.wrapped(toWidth: width) {
            #expect(line.displayWidth <= width)
            #expect(!line.hasSuffix(" "))
        }
    }
}
