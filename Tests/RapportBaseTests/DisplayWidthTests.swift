import Testing
@testable import RapportBase

struct DisplayWidthTests {
    @Test(arguments: [
        ("A", 1),
        ("~", 1),
        ("\u{07}", 0),       // BEL: controls draw nothing
        ("\u{7F}", 0),       // DEL
        ("\u{85}", 0),       // C1 next line
        ("\u{A0}", 1),       // no-break space
        ("\u{E9}", 1),       // é precomposed
        ("\u{301}", 0),      // combining acute
        ("\u{20DD}", 0),     // combining enclosing circle (Me)
        ("\u{200B}", 0),     // zero-width space
        ("\u{200D}", 0),     // zero-width joiner
        ("\u{2060}", 0),     // word joiner
        ("\u{FEFF}", 0),     // byte order mark
        ("\u{FE0F}", 0),     // variation selector 16
        ("\u{E0100}", 0),    // variation selector 17
        ("\u{1100}", 2),     // Hangul choseong kiyeok
        ("\u{1160}", 0),     // Hangul jungseong filler joins its initial
        ("\u{2E80}", 2),     // CJK radical
        ("\u{2F00}", 2),     // Kangxi radical one
        ("\u{3000}", 2),     // ideographic space
        ("\u{3002}", 2),     // ideographic full stop
        ("\u{302A}", 0),     // ideographic level tone mark (Mn inside a wide block)
        ("\u{3041}", 2),     // Hiragana small a
        ("\u{3099}", 0),     // combining voiced sound mark
        ("\u{30A2}", 2),     // Katakana a
        ("\u{3105}", 2),     // Bopomofo b
        ("\u{3200}", 2),     // parenthesized Hangul
        ("\u{4E00}", 2),     // 一
        ("\u{9FFF}", 2),
        ("\u{AC00}", 2),     // 가
        ("\u{D7A3}", 2),     // last Hangul syllable
        ("\u{D7A4}", 1),
        ("\u{F900}", 2),     // CJK compatibility ideograph
        ("\u{FF01}", 2),     // fullwidth !
        ("\u{FF21}", 2),     // fullwidth A
        ("\u{FF60}", 2),
        ("\u{FF61}", 1),     // halfwidth ideographic full stop
        ("\u{FF71}", 1),     // halfwidth katakana a
        ("\u{FFE0}", 2),     // fullwidth cent
        ("\u{FFE6}", 2),     // fullwidth won
        ("\u{2764}", 1),     // heavy black heart: text presentation by default
        ("\u{231A}", 2),     // watch: emoji presentation
        ("\u{1F1E8}", 1),    // lone regional indicator
        ("\u{1F300}", 2),    // cyclone
        ("\u{1F44D}", 2),    // thumbs up
        ("\u{1F64F}", 2),    // folded hands
        ("\u{1F680}", 2),    // rocket
        ("\u{1F9FF}", 2),    // nazar amulet
        ("\u{1FAF8}", 2),    // rightwards pushing hand (Unicode 15)
        ("\u{20000}", 2),    // CJK extension B
        ("\u{31350}", 2),    // CJK extension H
    ] as [(Unicode.Scalar, Int)])
    func scalarWidth(scalar: Unicode.Scalar, expected: Int) {
        #expect(DisplayWidth.of(scalar) == expected)
    }

    @Test(arguments: [
        ("a", 1),
        ("王", 2),
        ("e\u{301}", 1),                                        // base plus combining mark
        ("\u{1112}\u{1161}\u{11AB}", 2),                        // 한 as conjoining jamo
        ("\u{304B}\u{3099}", 2),                                // が decomposed
        ("\u{1F44D}", 2),                                       // 👍
        ("\u{1F44D}\u{1F3FD}", 2),                              // 👍 with skin tone
        ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", 2),     // family ZWJ sequence
        ("\u{2764}", 1),                                        // ❤ as text
        ("\u{2764}\u{FE0F}", 2),                                // ❤️ as emoji
        ("\u{2764}\u{FE0F}\u{200D}\u{1F525}", 2),               // heart on fire
        ("1\u{FE0F}\u{20E3}", 2),                               // keycap 1
        ("\u{1F1E8}\u{1F1F3}", 2),                              // flag of China
        ("\u{200B}", 0),
        ("\r\n", 0),
    ] as [(Character, Int)])
    func characterWidth(character: Character, expected: Int) {
        #expect(DisplayWidth.of(character) == expected)
    }

    @Test(arguments: [
        ("", 0),
        ("hello", 5),
        ("Hello, World!", 13),
        ("a\tb", 2),                                            // controls count as nothing
        ("王建国", 6),
        ("王建国 Zo\u{EB}", 10),
        ("Zo\u{EB} M\u{FC}ller", 10),                           // precomposed ë and ü
        ("Zoe\u{308} Mu\u{308}ller", 10),                       // decomposed ë and ü
        ("caf\u{E9}", 4),
        ("cafe\u{301}", 4),
        ("\u{FF71}\u{FF72}\u{FF73}", 3),                        // ｱｲｳ half-width katakana
        ("\u{FF83}\u{FF7D}\u{FF84}", 3),                        // ﾃｽﾄ
        ("\u{FF21}", 2),                                        // Ａ
        ("\u{FF21}\u{FF22}C", 5),                               // ＡＢC
        ("안녕하세요", 10),
        ("こんにちは", 10),
        ("谈了报价，好。", 14),                                   // fullwidth comma, ideographic stop
        ("\u{1F44D}", 2),
        ("ok \u{1F44D}", 5),
        ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", 2),
        ("a\u{200B}b", 2),
    ] as [(String, Int)])
    func stringWidth(text: String, expected: Int) {
        #expect(text.displayWidth == expected)
    }

    @Test func substringWidthMatchesItsCharacters() {
        let text = "王建国ABC"
        #expect(text.dropFirst(2).displayWidth == 5)  // 国ABC
        #expect(text.prefix(4).displayWidth == 7)     // 王建国A
    }

    @Test(arguments: [
        ("wide", DisplayWidth.wideRanges),
        ("zero", DisplayWidth.zeroWidthRanges),
    ] as [(String, [ClosedRange<UInt32>])])
    func tableIsSortedAndDisjoint(name: String, table: [ClosedRange<UInt32>]) {
        for (earlier, later) in zip(table, table.dropFirst()) {
            #expect(earlier.upperBound < later.lowerBound, "\(name): \(earlier) overlaps or precedes \(later)")
        }
    }

    /// A hit in the wide table is final, so it must hold no combining marks.
    @Test func wideTableHoldsNoCombiningMarks() {
        let marks = DisplayWidth.wideRanges.joined().filter { value in
            guard let scalar = Unicode.Scalar(value) else { return false }
            let category = scalar.properties.generalCategory
            return category == .nonspacingMark || category == .enclosingMark
        }
        #expect(marks.isEmpty, "\(marks.map { String($0, radix: 16) })")
    }
}
