import Foundation

/// Toneless pinyin for Han text, so a seller can find 王建国 by typing `wangjianguo` or `wjg`.
public enum Pinyin {
    /// The pinyin syllables of the text's Han characters, other characters kept as words
    /// (`王建国` → `["wang", "jian", "guo"]`); nil when the text has no Han character.
    public static func syllables(_ text: String) -> [String]? {
        guard text.unicodeScalars.contains(where: isHan) else { return nil }
        guard let latin = text.applyingTransform(.mandarinToLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false)
        else { return nil }
        return latin.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The readings of a name: ICU's, and the surname reading when the first character is a
    /// surname ICU reads otherwise (单 dān → shan, 曾 céng → zeng).
    public static func readings(ofName name: String) -> [[String]] {
        guard let common = syllables(name) else { return [] }
        for (surname, reading) in surnameReadings where name.hasPrefix(surname) {
            let corrected = reading + Array(common.dropFirst(surname.count))
            return corrected == common ? [common] : [common, corrected]
        }
        return [common]
    }

    /// Surnames whose reading differs from the character's most common one.
    private static let surnameReadings: [(String, [String])] = [
        ("尉迟", ["yu", "chi"]), ("万俟", ["mo", "qi"]), ("单于", ["chan", "yu"]),
        ("单", ["shan"]), ("曾", ["zeng"]), ("解", ["xie"]), ("仇", ["qiu"]), ("区", ["ou"]),
        ("查", ["zha"]), ("朴", ["piao"]), ("盖", ["ge"]), ("乐", ["yue"]), ("覃", ["qin"]),
        ("翟", ["zhai"]), ("柏", ["bai"]), ("秘", ["bi"]), ("缪", ["miao"]), ("繁", ["po"]),
        ("种", ["chong"]), ("员", ["yun"]), ("折", ["she"]), ("句", ["gou"]), ("召", ["shao"]),
        ("冼", ["xian"]), ("尉", ["yu"]), ("黑", ["he"]), ("任", ["ren"]), ("华", ["hua"]),
    ]

    /// CJK Unified Ideographs, extension A, and the compatibility block.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}

/// Remembers pinyin already computed, for bulk work over a few thousand distinct names
/// (the transform costs tens of microseconds a call).
public final class PinyinMemo {
    private var readings: [String: [[String]]] = [:]
    private var syllables: [String: [String]?] = [:]

    public init() {}

    func readings(ofName name: String) -> [[String]] {
        if let known = readings[name] { return known }
        let value = Pinyin.readings(ofName: name)
        readings[name] = value
        return value
    }

    func syllables(_ text: String) -> [String]? {
        if let known = syllables[text] { return known }
        let value = Pinyin.syllables(text)
        syllables[text] = value
        return value
    }
}
