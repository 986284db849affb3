import Foundation

/// The forms of a customer a seller may type to find them: folded name and company,
/// pinyin in full and as initials, phone digits.
///
/// The store keeps them in one text column, so narrowing a search is one `LIKE` over one
/// column, and the pinyin transform (tens of microseconds a name) runs once per write.
public struct SearchKeys: Hashable, Sendable {
    public var name: String
    public var company: String
    /// Full pinyin of name and company (`wangjianguo`), every reading.
    public var pinyin: [String]
    /// Pinyin initials of name and company (`wjg`), every reading.
    public var initials: [String]
    public var phones: [String]
    /// What lists sort by: the name's pinyin when it has Han characters, so 王建国 sorts
    /// under W beside Wagner, as phone contact lists in China do.
    public var sortKey: String

    /// Computes the keys of a customer; a memo saves the pinyin of names seen before.
    public init(name: String, company: String?, phones: [String], memo: PinyinMemo? = nil) {
        self.name = SearchKeys.fold(name)
        self.company = SearchKeys.fold(company ?? "")
        let nameReadings = memo?.readings(ofName: name) ?? Pinyin.readings(ofName: name)
        let companyReading = company.flatMap { memo?.syllables($0) ?? Pinyin.syllables($0) }
        let readings = nameReadings + (companyReading.map { [$0] } ?? [])
        pinyin = readings.map { $0.joined() }
        initials = readings.map { String($0.compactMap { $0.first }) }  // a key path here is a dynamic call per syllable
        self.phones = phones.map(PhoneNumber.normalized).filter { !$0.isEmpty }
        sortKey = nameReadings.first?.joined(separator: " ") ?? self.name
    }

    /// The readings of the name, or of the company: the company's is the last one, there
    /// when the company has Han characters to read.
    public func readings(ofCompany: Bool) -> (pinyin: ArraySlice<String>, initials: ArraySlice<String>) {
        let own = company.unicodeScalars.contains(where: Pinyin.isHan) ? 1 : 0
        return ofCompany ? (pinyin.suffix(own), initials.suffix(own)) : (pinyin.dropLast(own), initials.dropLast(own))
    }

    /// Case, accents and full-width forms folded away: `Zoë` → `zoe`, `ＡＢＣ` → `abc`.
    public static func fold(_ text: String) -> String {
        // ASCII and the common ideographs have no accents or width forms, and Foundation's
        // folding costs thousands of instructions a call. Without an ASCII capital they are
        // returned as they are: lowercasing Han text still walks Unicode's tables.
        if text.utf8.allSatisfy({ $0 < 0x80 }) || text.unicodeScalars.allSatisfy(isPlain) {
            return text.utf8.contains { $0 &- UInt8(ascii: "A") < 26 } ? text.lowercased() : text
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
        default: false
        }
    }

    // MARK: - Stored form

    /// One line per key kind; a search for folded text is a substring search of this.
    public var stored: String {
        // Appended into one string of the right size: joining each list and then the lines
        // allocated a string for each.
        let lists = [pinyin, initials, phones]
        var text = ""
        text.reserveCapacity(name.utf8.count + company.utf8.count + lists.reduce(8) { $0 + $1.reduce(0) { $0 + $1.utf8.count + 1 } })
        text += name
        text += "\n"
        text += company
        for list in lists {
            text += "\n"
            for (i, item) in list.enumerated() {
                if i > 0 { text += " " }
                text += item
            }
        }
        return text
    }

    /// Reads the stored form back (the sort key is kept in a column of its own; here it is the name).
    public init(stored: String) {
        let lines = stored.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(_ i: Int) -> String { i < lines.count ? lines[i] : "" }
        name = line(0)
        company = line(1)
        pinyin = line(2).split(separator: " ").map(String.init)
        initials = line(3).split(separator: " ").map(String.init)
        phones = line(4).split(separator: " ").map(String.init)
        sortKey = name
    }
}
