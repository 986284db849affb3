/// Terminal cell widths of Unicode text, computed from built-in tables so the result never depends on the locale.
///
/// Follows the conventions of `wcwidth`/`wcswidth` for Unicode 15: East Asian Wide and Fullwidth characters
/// (which include the emoji with default emoji presentation) take two cells, combining marks and invisible
/// format characters take none, and controls count as zero because removing them is `TerminalText`'s job.
public enum DisplayWidth {
    /// Returns how many terminal cells one Unicode scalar occupies: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII is by far the most common case.
        if value >= 0x20 && value < 0x7F { return 1 }
        // C0 controls, DEL and C1 controls draw nothing.
        if value < 0xA0 { return 0 }
        if value >= 0x1100 && contains(value, in: wideRanges) { return 2 }
        if contains(value, in: zeroWidthRanges) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return 0
        default:
            return 1
        }
    }

    /// Returns how many terminal cells one grapheme cluster occupies: 0, 1 or 2.
    ///
    /// A cluster is as wide as its first scalar, so a base with combining marks keeps the base's width.
    /// Emoji sequences are the exception: a ZWJ sequence, an emoji followed by U+FE0F (emoji presentation)
    /// and a regional-indicator flag pair are drawn as one two-cell picture.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = of(first)
        let rest = scalars.dropFirst()
        guard base < 2, !rest.isEmpty, first.properties.isEmoji else { return base }
        for scalar in rest {
            if scalar == "\u{FE0F}" || scalar == "\u{200D}" { return 2 }
            if isRegionalIndicator(first) && isRegionalIndicator(scalar) { return 2 }
        }
        return base
    }

    /// Sums the widths of the characters of `text`, skipping grapheme segmentation for pure ASCII.
    static func width<Text: StringProtocol>(of text: Text) -> Int {
        var width = 0
        for byte in text.utf8 {
            // Any non-ASCII byte means clusters must be measured one by one.
            guard byte < 0x80 else { return text.reduce(0) { $0 + of($1) } }
            if byte >= 0x20 && byte != 0x7F { width += 1 }
        }
        return width
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Binary search over a sorted table of disjoint ranges.
    private static func contains(_ value: UInt32, in table: [ClosedRange<UInt32>]) -> Bool {
        var low = 0
        var high = table.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < table[middle].lowerBound {
                high = middle - 1
            } else if value > table[middle].upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Invisible scalars that are not combining marks (those are found through their general category).
    static let zeroWidthRanges: [ClosedRange<UInt32>] = [
        0x1160...0x11FF,    // Hangul medial vowels and final consonants join the preceding initial
        0x200B...0x200F,    // zero-width space, non-joiner, joiner, LRM, RLM
        0x2028...0x202E,    // line and paragraph separators, bidi embeddings and overrides
        0x2060...0x206F,    // word joiner, invisible operators, bidi isolates, deprecated format controls
        0xD7B0...0xD7FF,    // Hangul Jamo Extended-B, also conjoining
        0xFE00...0xFE0F,    // variation selectors
        0xFEFF...0xFEFF,    // zero-width no-break space (byte order mark)
        0xE0000...0xE0FFF,  // tags and supplementary variation selectors
    ]

    /// East Asian Wide (W) and Fullwidth (F) scalars from Unicode 15.0 EastAsianWidth.txt, sorted.
    ///
    /// The combining marks U+302A–U+302D, U+3099–U+309A and U+16FE4 sit inside wide blocks but are left out,
    /// so that a hit here is final and CJK text needs only this one lookup.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x231A...0x231B,    // watch, hourglass
        0x2329...0x232A,    // angle brackets
        0x23E9...0x23EC,
        0x23F0...0x23F0,
        0x23F3...0x23F3,
        0x25FD...0x25FE,
        0x2614...0x2615,
        0x2648...0x2653,    // zodiac signs
        0x267F...0x267F,
        0x2693...0x2693,
        0x26A1...0x26A1,
        0x26AA...0x26AB,
        0x26BD...0x26BE,
        0x26C4...0x26C5,
        0x26CE...0x26CE,
        0x26D4...0x26D4,
        0x26EA...0x26EA,
        0x26F2...0x26F3,
        0x26F5...0x26F5,
        0x26FA...0x26FA,
        0x26FD...0x26FD,
        0x2705...0x2705,
        0x270A...0x270B,
        0x2728...0x2728,
        0x274C...0x274C,
        0x274E...0x274E,
        0x2753...0x2755,
        0x2757...0x2757,
        0x2795...0x2797,
        0x27B0...0x27B0,
        0x27BF...0x27BF,
        0x2B1B...0x2B1C,
        0x2B50...0x2B50,
        0x2B55...0x2B55,
        0x2E80...0x2E99,    // CJK radicals supplement
        0x2E9B...0x2EF3,
        0x2F00...0x2FD5,    // Kangxi radicals
        0x2FF0...0x2FFB,    // ideographic description characters
        0x3000...0x3029,    // CJK symbols and punctuation
        0x302E...0x303E,
        0x3041...0x3096,    // Hiragana
        0x309B...0x30FF,    // Hiragana marks, Katakana
        0x3105...0x312F,    // Bopomofo
        0x3131...0x318E,    // Hangul compatibility Jamo
        0x3190...0x31E3,    // Kanbun, Bopomofo extended, CJK strokes
        0x31F0...0x321E,    // Katakana extensions, enclosed CJK
        0x3220...0x3247,
        0x3250...0x4DBF,    // enclosed CJK, CJK compatibility, CJK extension A
        0x4E00...0xA48C,    // CJK unified ideographs, Yi syllables
        0xA490...0xA4C6,    // Yi radicals
        0xA960...0xA97C,    // Hangul Jamo extended-A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE52,    // CJK compatibility forms, small form variants
        0xFE54...0xFE66,
        0xFE68...0xFE6B,
        0xFF01...0xFF60,    // fullwidth ASCII variants
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE3,  // ideographic symbols
        0x16FF0...0x16FF1,
        0x17000...0x187F7,  // Tangut
        0x18800...0x18CD5,  // Tangut components, Khitan
        0x18D00...0x18D08,
        0x1AFF0...0x1AFF3,  // Kana extended-B
        0x1AFF5...0x1AFFB,
        0x1AFFD...0x1AFFE,
        0x1B000...0x1B122,  // Kana supplement, Kana extended-A
        0x1B132...0x1B132,
        0x1B150...0x1B152,  // small Kana extension
        0x1B155...0x1B155,
        0x1B164...0x1B167,
        0x1B170...0x1B2FB,  // Nushu
        0x1F004...0x1F004,  // mahjong red dragon
        0x1F0CF...0x1F0CF,  // playing card black joker
        0x1F18E...0x1F18E,
        0x1F191...0x1F19A,
        0x1F200...0x1F202,  // enclosed ideographic supplement
        0x1F210...0x1F23B,
        0x1F240...0x1F248,
        0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x1F300...0x1F320,  // miscellaneous symbols and pictographs
        0x1F32D...0x1F335,
        0x1F337...0x1F37C,
        0x1F37E...0x1F393,
        0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3,
        0x1F3E0...0x1F3F0,
        0x1F3F4...0x1F3F4,
        0x1F3F8...0x1F43E,
        0x1F440...0x1F440,
        0x1F442...0x1F4FC,
        0x1F4FF...0x1F53D,
        0x1F54B...0x1F54E,
        0x1F550...0x1F567,
        0x1F57A...0x1F57A,
        0x1F595...0x1F596,
        0x1F5A4...0x1F5A4,
        0x1F5FB...0x1F64F,  // ... through emoticons
        0x1F680...0x1F6C5,  // transport and map symbols
        0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2,
        0x1F6D5...0x1F6D7,
        0x1F6DC...0x1F6DF,
        0x1F6EB...0x1F6EC,
        0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB,  // geometric shapes extended
        0x1F7F0...0x1F7F0,
        0x1F90C...0x1F93A,  // supplemental symbols and pictographs
        0x1F93C...0x1F945,
        0x1F947...0x1F9FF,
        0x1FA70...0x1FA7C,  // symbols and pictographs extended-A
        0x1FA80...0x1FA88,
        0x1FA90...0x1FABD,
        0x1FABF...0x1FAC5,
        0x1FACE...0x1FADB,
        0x1FAE0...0x1FAE8,
        0x1FAF0...0x1FAF8,
        0x20000...0x2FFFD,  // CJK extensions B–F and compatibility supplement
        0x30000...0x3FFFD,  // CJK extensions G–H
    ]
}

extension String {
    /// The number of terminal cells this string occupies when printed.
    public var displayWidth: Int { DisplayWidth.width(of: self) }
}

extension Substring {
    /// The number of terminal cells this substring occupies when printed.
    public var displayWidth: Int { DisplayWidth.width(of: self) }
}
