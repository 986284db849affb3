import RapportCore

/// How a person's name is put together from its parts, and taken apart again, in Chinese,
/// Japanese and Korean order as well as Western.
enum PersonName {
    /// The full name from given and family names: family first with no space when either
    /// part is CJK (王 + 建国 → 王建国), else `Given Family`.
    static func joined(given: String, family: String) -> String {
        let given = given.trimmingSpaces()
        let family = family.trimmingSpaces()
        if given.isEmpty { return family }
        if family.isEmpty { return given }
        if isCJK(given) || isCJK(family) { return family + given }
        return given + " " + family
    }

    /// The family and given names of a full name: for CJK text the family name is the first
    /// character, or the first two for a compound surname (欧阳修 → 欧阳, 修); otherwise the
    /// last word is the family name.
    static func split(_ name: String) -> (family: String, given: String) {
        let name = name.trimmingSpaces()
        if isCJK(name), !name.contains(" ") {
            let length = compoundSurnames.contains(where: { name.hasPrefix($0) }) && name.count > 2 ? 2 : 1
            guard name.count > length else { return (name, "") }
            return (String(name.prefix(length)), String(name.dropFirst(length)))
        }
        guard let space = name.lastIndex(of: " ") else { return (name, "") }
        return (String(name[name.index(after: space)...]), String(name[..<space]).trimmingSpaces())
    }

    /// True when the text has a Han, kana or Hangul character.
    static func isCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            switch s.value {
            case 0x1100...0x11FF, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
                 0xF900...0xFAFF, 0x20000...0x3134F:
                true
            default:
                false
            }
        }
    }

    /// The two-character Chinese surnames common enough to matter.
    private static let compoundSurnames = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
        "令狐", "端木", "独孤", "南宫", "西门", "百里",
    ]
}
