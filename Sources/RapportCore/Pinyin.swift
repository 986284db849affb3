import Foundation

/// Toneless pinyin for Han text, so a seller can find 王建国 by typing `wangjianguo` or `wjg`.
public enum Pinyin {
    /// The pinyin syllables of the text's Han characters, other characters kept as words
    /// (`王建国` → `["wang", "jian", "guo"]`); nil when the text has no Han character.
    public static func syllables(_ text: String) -> [String]? {
        guard text.unicodeScalars.contains(where: isHan) else { return nil }
        return latin(text).map(words)
    }

    /// `syllables` of many texts, in order. Each call to ICU has a fixed cost (two thirds of
    /// reading one name alone; the transliterator itself is built once a process), so texts
    /// go to it some at a time, a line each.
    public static func syllables(_ texts: [String]) -> [[String]?] {
        var result = [[String]?](repeating: nil, count: texts.count)
        let han = texts.indices.filter { texts[$0].unicodeScalars.contains(where: isHan) }
        for start in stride(from: 0, to: han.count, by: batch) {
            let group = han[start..<min(start + batch, han.count)]
            let lines = latin(group.map { texts[$0] }.joined(separator: "\n"))?.split(separator: "\n", omittingEmptySubsequences: false)
            if let lines, lines.count == group.count, !group.contains(where: { texts[$0].contains("\n") }) {
                for (i, line) in zip(group, lines) { result[i] = words(line) }
            } else {
                for i in group { result[i] = syllables(texts[i]) }
            }
        }
        return result
    }

    /// Builds ICU's transliterator on another thread now, so that the first name read later
    /// does not wait for it: it is built once a process and takes a tenth of a second.
    public static func warmUp() {
        DispatchQueue.global(qos: .userInitiated).async { _ = syllables("王") }
    }

    /// Texts a call to ICU reads; beyond a few dozen, longer calls save nothing more.
    private static let batch = 32

    /// The readings of a name: the surname reading first when the first character is a
    /// surname ICU reads otherwise (单 dān → shan, 曾 céng → zeng), so lists sort by it, then ICU's.
    public static func readings(ofName name: String) -> [[String]] {
        readings(ofName: name, syllables: syllables(name))
    }

    /// The readings of a name whose syllables are known.
    static func readings(ofName name: String, syllables: [String]?) -> [[String]] {
        guard let common = syllables else { return [] }
        // Most names begin with no such surname: one set lookup instead of thirty `hasPrefix`
        // (a sixth of an import's key work). A compatibility ideograph (U+F900…) can be
        // canonically equal to a surname's first character, so it goes the long way.
        guard let first = name.unicodeScalars.first, surnameFirsts.contains(first) || (0xF900...0xFAFF).contains(first.value) else {
            return [common]
        }
        for (surname, reading) in surnameReadings where name.hasPrefix(surname) {
            let corrected = reading + Array(common.dropFirst(surname.count))
            return corrected == common ? [common] : [corrected, common]
        }
        return [common]
    }

    private static func latin(_ text: String) -> String? {
        text.applyingTransform(.mandarinToLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false)
    }

    private static func words(_ latin: some StringProtocol) -> [String] {
        latin.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
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

    private static let surnameFirsts = Set(surnameReadings.compactMap { $0.0.unicodeScalars.first })

    /// Whether the text has a Chinese character: a name written in Chinese.
    static func hasHan(_ text: String) -> Bool { text.unicodeScalars.contains(where: isHan) }

    /// CJK Unified Ideographs, extension A, and the compatibility block.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}

/// Remembers pinyin already computed, for bulk work over many names (the transform costs
/// tens of microseconds a call). Threads may share one.
public final class PinyinMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var syllables: [Key: [String]?] = [:]

    /// A text by its bytes. String's own hashing normalizes Unicode as it goes, several times
    /// the cost for Han text, and a memo needs no canonical equivalence.
    private struct Key: Hashable {
        let text: String

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (a: Key, b: Key) -> Bool {
            // memcmp: the generic `elementsEqual` over two UTF-8 views was 0.38 G instructions of
            // an import of 100,000 rows.
            var (a, b) = (a.text, b.text)
            guard a.utf8.count == b.utf8.count else { return false }
            return a.withUTF8 { x in b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
        }
    }

    public init() {}

    /// A memo that already knows these texts.
    public convenience init(knowing texts: [String]) {
        self.init()
        learn(texts)
    }

    /// Reads the texts not known yet, in batches. (On more threads ICU only waits for its own lock.)
    /// An array, not any sequence: a generic walk from another module is not specialized and
    /// cost more than the memo saves.
    public func learn(_ texts: [String]) {
        let distinct = lock.withLock { Set(texts.lazy.map(Key.init).filter { self.syllables[$0] == nil }) }.map(\.text)
        let read = Pinyin.syllables(distinct)
        lock.withLock { for (text, value) in zip(distinct, read) { syllables[Key(text: text)] = value } }
    }

    func readings(ofName name: String) -> [[String]] {
        Pinyin.readings(ofName: name, syllables: syllables(name))
    }

    func syllables(_ text: String) -> [String]? {
        let key = Key(text: text)
        if let known = lock.withLock({ syllables[key] }) { return known }
        let value = Pinyin.syllables(text)
        lock.withLock { syllables[key] = value }
        return value
    }
}
