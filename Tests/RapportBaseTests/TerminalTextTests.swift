import Testing
@testable import RapportBase

struct TerminalTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("王建国", "王建国"),
        ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} family", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} family"),
        ("Zoe\u{308}", "Zoe\u{308}"),
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("\u{1B}[1;38;5;196mbold\u{1B}[m!", "bold!"),
        ("\u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{07}", "link"),          // OSC 8 hyperlink ended by BEL
        ("\u{1B}]0;title\u{1B}\\after", "after"),                           // OSC ended by ESC \
        ("\u{1B}Pq#0;2;0;0;0\u{1B}\\x", "x"),                               // DCS (sixel)
        ("\u{1B}Xsos\u{1B}\\a\u{1B}^pm\u{1B}\\b\u{1B}_apc\u{1B}\\c", "abc"), // SOS, PM, APC
        ("\u{1B}_bell\u{07}still hidden\u{1B}\\ok", "ok"),                   // BEL does not end APC
        ("\u{1B}7saved\u{1B}8", "saved"),                                   // two-byte ESC 7 / ESC 8
        ("\u{1B}(Babc", "abc"),                                             // ESC ( B: intermediate then final
        ("\u{1B}\u{1B}[31mx", "x"),
        ("a\u{1B}\nb", "a b"),                                              // ESC before a control is just dropped
        ("a\u{9B}31mb", "ab"),                                              // 8-bit CSI
        ("\u{9D}0;title\u{07}x", "x"),                                      // 8-bit OSC
        ("\u{90}data\u{9C}x", "x"),                                         // 8-bit DCS ended by 8-bit ST
        ("a\u{85}b\u{9C}c", "abc"),                                         // stray C1 controls
        ("a\u{7F}b", "ab"),
        ("a\u{0}b\u{8}c\u{7}d", "abcd"),
        ("line1\nline2", "line1 line2"),
        ("a\r\nb", "a b"),
        ("a\rb", "a b"),
        ("a\tb", "a b"),
        ("a\n\nb", "a  b"),
        ("\u{202E}evil\u{202C}", "evil"),                                   // bidi override
        ("a\u{2066}b\u{2069}c", "abc"),                                     // bidi isolate
        ("abc\u{1B}[12", "abc"),                                            // unterminated CSI
        ("abc\u{1B}]8;;http://x", "abc"),                                   // unterminated OSC
        ("abc\u{1B}", "abc"),
    ])
    func sanitized(input: String, expected: String) {
        #expect(TerminalText.sanitized(input) == expected)
    }

    @Test(arguments: [
        ("王建国", "王建国"),
        ("line1\nline2", "line1\nline2"),
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\r\nb", "a\n\nb"),
        ("\r\n\r\n", "\n\n"),
        ("a\tb", "a b"),
        ("\u{1B}[1mbold\u{1B}[0m\nnext", "bold\nnext"),
        ("a\u{9B}31mb\u{202E}c", "abc"),
    ])
    func sanitizedKeepingNewlines(input: String, expected: String) {
        #expect(TerminalText.sanitizedKeepingNewlines(input) == expected)
    }

    static let nastyInputs = [
        "\u{1B}[2J\u{1B}[H",
        "\u{1B}]52;c;ZXZpbA==\u{07}",                       // clipboard write
        "\u{1B}P$q\"p\u{1B}\\",                              // DECRQSS
        "\u{1B}[?1049h\u{1B}[?25l",
        "\u{9B}6n\u{9D}2;x\u{9C}\u{8F}\u{80}\u{9F}",
        "\u{1B}]8;;\u{1B}[31m\u{1B}\\",
        "\r\n\t\u{0}\u{1}\u{1F}\u{7F}",
        "\u{1B}\u{1B}\u{1B}",
        "\u{1B}[\u{1B}]\u{1B}P\u{1B}(",
        "ok\u{1B}[31;\u{0}\nm王\u{1B}[0m",
        "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}",
        "\u{1B}\u{85}x\u{9B}\u{1B}[0m",
    ]

    @Test(arguments: nastyInputs)
    func neverEmitsControls(input: String) {
        let bidi: ClosedRange<UInt32> = 0x202A...0x202E
        let isolates: ClosedRange<UInt32> = 0x2066...0x2069
        let oneLine = TerminalText.sanitized(input).unicodeScalars.map(\.value)
        #expect(!oneLine.contains { $0 < 0x20 || (0x7F...0x9F).contains($0) || bidi.contains($0) || isolates.contains($0) })
        let multiLine = TerminalText.sanitizedKeepingNewlines(input).unicodeScalars.map(\.value)
        #expect(!multiLine.contains { ($0 < 0x20 && $0 != 0x0A) || (0x7F...0x9F).contains($0) || bidi.contains($0) })
    }

    /// Clean text comes back as the very same storage, so the common case costs no allocation.
    @Test(arguments: [
        "Meeting with 王建国 about the 2025 contract renewal",
        "Zoe\u{308} Mu\u{308}ller \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} and a long enough tail",
    ])
    func cleanTextIsReturnedAsIs(input: String) {
        #expect(TerminalText.sanitized(input) == input)
        #expect(TerminalText.sanitizedKeepingNewlines(input + "\n") == input + "\n")
        let before = input.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        let after = TerminalText.sanitized(input).utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        #expect(before != nil && before == after)
    }
}
