import RapportBase
import RapportCore
import Testing
@testable import RapportTUI

/// The one-line editor. The sample "c 谈了报价 next 明天" has 14 characters and 20 cells:
///   index  0 c  1 ␠  2 谈  3 了  4 报  5 价  6 ␠  7 n  8 e  9 x  10 t  11 ␠  12 明  13 天
///   cells  1    1    2     2     2     2     1    1    1    1    1     1     2      2
struct TextFieldTests {
    static let sample = "c 谈了报价 next 明天"

    @Test func aNewFieldHasItsCursorAtTheEnd() {
        let f = TextField(Self.sample)
        #expect(f.text == Self.sample)
        #expect(f.cursor == 14)
        #expect(TextField().cursor == 0)
        #expect(TextField().text == "")
    }

    @Test(arguments: [
        ([Key.backspace], "c 谈了报价 next 明", 13),
        ([.left, .left, .backspace], "c 谈了报价 next明天", 11),
        ([.home, .delete], " 谈了报价 next 明天", 0),
        ([.home, .backspace], "c 谈了报价 next 明天", 0),
        ([.delete], "c 谈了报价 next 明天", 14),
        ([.right], "c 谈了报价 next 明天", 14),
        ([.home, .left], "c 谈了报价 next 明天", 0),
        ([.home, .end], "c 谈了报价 next 明天", 14),
        ([.ctrl("a"), .ctrl("f"), .ctrl("f")], "c 谈了报价 next 明天", 2),
        ([.ctrl("a"), .ctrl("e")], "c 谈了报价 next 明天", 14),
        ([.ctrl("b"), .ctrl("h")], "c 谈了报价 next 天", 12),
        ([.ctrl("d")], "c 谈了报价 next 明天", 14),
        ([.home, .ctrl("d")], " 谈了报价 next 明天", 0),
        ([.left, .left, .left, .char("后")], "c 谈了报价 next后 明天", 12),
        ([.home, .right, .right, .char("王")], "c 王谈了报价 next 明天", 3),
        ([.ctrl("u")], "", 0),
        ([.left, .left, .ctrl("u")], "明天", 0),
        ([.home, .ctrl("u")], "c 谈了报价 next 明天", 0),
        ([.home, .right, .right, .ctrl("k")], "c ", 2),
        ([.ctrl("k")], "c 谈了报价 next 明天", 14),
        ([.ctrl("w")], "c 谈了报价 next ", 12),
        ([.ctrl("w"), .ctrl("w")], "c 谈了报价 ", 7),
        ([.ctrl("w"), .ctrl("w"), .ctrl("w")], "c ", 2),
        ([.ctrl("w"), .ctrl("w"), .ctrl("w"), .ctrl("w")], "", 0),
        ([.left, .left, .ctrl("w")], "c 谈了报价 明天", 7),
        ([.home, .ctrl("w")], "c 谈了报价 next 明天", 0),
    ])
    func editingKeys(keys: [Key], text: String, cursor: Int) {
        var f = TextField(Self.sample)
        for key in keys {
            let handled = f.handle(key)
            #expect(handled, "\(key.name) is an editing key")
        }
        #expect(f.text == text)
        #expect(f.cursor == cursor)
    }

    @Test(arguments: [Key.up, .down, .tab, .backTab, .enter, .escape, .pageUp, .pageDown, .ctrl("x"), .resize])
    func otherKeysAreNotEditingKeys(key: Key) {
        var f = TextField(Self.sample)
        let handled = f.handle(key)
        #expect(!handled)
        #expect(f.text == Self.sample)
        #expect(f.cursor == 14)
    }

    @Test func aCharacterIsAGraphemeNotAScalar() {
        // ë written as e + U+0308, and a ZWJ emoji: each one character, removed whole.
        var f = TextField("Zoe\u{0308}")
        #expect(f.cursor == 3)
        _ = f.handle(.backspace)
        #expect(f.text == "Zo")
        var g = TextField("Amy 👩‍💼")
        #expect(g.cursor == 5)
        _ = g.handle(.backspace)
        #expect(g.text == "Amy ")
    }

    @Test func insertTypesAtTheCursor() {
        var f = TextField("谈了")
        _ = f.handle(.home)
        f.insert("c ")
        #expect(f.text == "c 谈了")
        #expect(f.cursor == 2)
    }

    // MARK: - visible(width:)

    @Test(arguments: [
        // Everything fits (20 cells in 25; 8 in 10).
        (sample, [Key](), 25, "c 谈了报价 next 明天", 20),
        ("谈了报价", [], 10, "谈了报价", 8),
        // Cursor at the end of 20 cells in 10: drop from the left until at most 9 cells are
        // before the cursor: without "c 谈了报价 " (11 cells) 9 remain.
        (sample, [], 10, "next 明天", 9),
        // In 9, 8 cells before the cursor: also without "n".
        (sample, [], 9, "ext 明天", 8),
        // Cursor at the start: as much as fits from the left; 价 ends at 10, the space would be 11.
        (sample, [.home], 10, "c 谈了报价", 0),
        // Cursor after 了 (index 4, 6 cells in).
        (sample, [.home, .right, .right, .right, .right], 10, "c 谈了报价", 6),
        // 8 cells in 5: at most 4 before the cursor: 报价.
        ("谈了报价", [], 5, "报价", 4),
        // From the start in 5: 谈了 is 4 cells; 报 would end at 6.
        ("谈了报价", [.home], 5, "谈了", 0),
        // Cursor between 了 and 报 in 5: 谈了 is 4 cells, ≤ 4, so it stays; 报 does not fit after.
        ("谈了报价", [.left, .left], 5, "谈了", 4),
        // Too narrow to show anything.
        (sample, [], 1, "", 0),
        (sample, [], 0, "", 0),
        ("", [], 10, "", 0),
    ])
    func visibleKeepsTheCursorInView(text: String, keys: [Key], width: Int, shown: String, cursor: Int) {
        var f = TextField(text)
        for key in keys { _ = f.handle(key) }
        let v = f.visible(width: width)
        #expect(v.text == shown)
        #expect(v.cursor == cursor)
    }

    @Test func visibleNeverOverflowsAndTheCursorIsAfterWhatPrecedesIt() {
        let texts = [Self.sample, "王建国华信科技有限公司", "Zoë Müller · Nordwind GmbH", "ab谈c了d报", "Amy 🌸 👩‍💼 x"]
        for text in texts {
            let all = Array(text)
            for width in 2...24 {
                for position in 0...all.count {
                    var f = TextField(text)
                    _ = f.handle(.home)
                    for _ in 0..<position { _ = f.handle(.right) }
                    let v = f.visible(width: width)
                    #expect(v.text.displayWidth <= width, "\(text) w\(width) p\(position)")
                    #expect(v.cursor <= width - 1, "\(text) w\(width) p\(position)")
                    // The shown text is a run of the text ending at or after the cursor, and the
                    // cursor's cell offset is the width of what is shown before it.
                    let shown = Array(v.text)
                    guard let start = (0...position).first(where: { s in
                        s + shown.count <= all.count && Array(all[s..<(s + shown.count)]) == shown && s + shown.count >= position
                    }) else {
                        Issue.record("\(v.text) is not a run around the cursor of \(text) w\(width) p\(position)")
                        continue
                    }
                    #expect(v.cursor == String(all[start..<position]).displayWidth, "\(text) w\(width) p\(position)")
                }
            }
        }
    }
}
