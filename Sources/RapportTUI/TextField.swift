import RapportBase
import RapportCore

/// A one-line text editor for prompts and form fields, measured in display cells so that
/// Chinese typed through an input method edits and scrolls correctly.
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Insertion point, in characters.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
        case .right, .ctrl("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = characters.count
        case .ctrl("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .ctrl("k"):
            characters.removeSubrange(cursor...)
        case .ctrl("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Inserts text at the cursor.
    public mutating func insert(_ text: String) {
        for c in text { _ = handle(.char(c)) }
    }

    /// The part to show in `width` cells so the cursor stays visible, and the cursor's cell
    /// within it.
    public func visible(width: Int) -> (text: String, cursor: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        // A line break shows as one blank cell on a one-line field.
        func cell(_ c: Character) -> Int { c == "\n" ? 1 : DisplayWidth.of(c) }
        func cells(_ range: Range<Int>) -> Int { range.reduce(0) { $0 + cell(characters[$1]) } }
        // Keep one cell for the cursor at the end.
        while cells(start..<cursor) > width - 1 { start += 1 }
        var end = start
        var used = 0
        while end < characters.count, used + cell(characters[end]) <= width {
            used += cell(characters[end])
            end += 1
        }
        return (String(characters[start..<end]), cells(start..<cursor))
    }
}
