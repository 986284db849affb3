import RapportCore
import Testing
@testable import RapportTUI

/// What the backend sends for a frame (`ScreenBuffer.runs`), sent to a `TerminalGrid` over
/// whatever the frame before left there: it must read as the frame, character for character
/// and cell for cell, and never cut a double-width character in two (issue 19).
struct TerminalRunTests {
    /// Sends `frames` in turn to one grid; after each, the grid must be that frame.
    static func expectEachFrameArrives(_ frames: [ScreenBuffer], _ name: String,
                                       sourceLocation: SourceLocation = #_sourceLocation) -> TerminalGrid? {
        guard let first = frames.first else { return nil }
        var grid = TerminalGrid(width: first.width, height: first.height)
        for (i, frame) in frames.enumerated() {
            grid.send(frame)
            #expect(grid.differences(from: frame) == [], "\(name), frame \(i)", sourceLocation: sourceLocation)
            #expect(grid.faults == [], "\(name), frame \(i)", sourceLocation: sourceLocation)
        }
        return grid
    }

    // MARK: - The frames of the issue, from the renderer

    /// 王建, whom `wj` and `wangjian` find first in the reporter's book.
    static let jian = CustomerSummary(id: 7, name: "王建", company: nil, grade: nil, status: .lead,
                                      addedOn: Fx.day(9, 1), lastContactOn: nil)
    static var jianCard: CustomerCard {
        var card = Fx.wangCard
        card.customer.id = 7
        card.customer.name = "王建"
        return card
    }

    /// 王江, whom `wangjiang` finds first.
    static let jiang = CustomerSummary(id: 8, name: "王江", company: nil, grade: nil, status: .lead,
                                       addedOn: Fx.day(9, 1), lastContactOn: nil)
    static var jiangCard: CustomerCard {
        var card = Fx.wangCard
        card.customer.id = 8
        card.customer.name = "王江"
        return card
    }

    @Test func filteringWjThenWjgKeepsEveryCharacterOfTheTimelineTitle() throws {
        // 100x30, typed one key at a time: every frame the loop draws, in order.
        var s = Fx.mainState(Fx.wide)
        var frames = [s.buffer]
        for key in ["/", "w", "j"] {
            s.type(key)
            frames.append(s.buffer)
        }
        s.send(.filtered(query: "wj", ids: [7, 1], rows: [Fx.row(Self.jian), Fx.rows[0]]))
        frames.append(s.buffer)
        s.send(.cardLoaded(Self.jianCard))
        frames.append(s.buffer)
        s.type("g")
        frames.append(s.buffer)
        s.send(.filtered(query: "wjg", ids: [1], rows: [Fx.rows[0]]))
        frames.append(s.buffer)
        s.send(.cardLoaded(Fx.wangCard))
        frames.append(s.buffer)

        let grid = try #require(Self.expectEachFrameArrives(frames, "wj, wjg"))
        let lines = grid.text.split(separator: "\n", omittingEmptySubsequences: false)
        // The pane titles' row: the list's, the border, the timeline's, dim with its name.
        #expect(lines[1].hasSuffix("│ Timeline · 王建国"))
        #expect(frames[5].lines[1].hasSuffix("│ Timeline · 王建"))
    }

    @Test func filteringWangjianThenWangjiangKeepsEveryCharacterOfTheTimelineTitle() throws {
        var s = Fx.mainState(Fx.wide)
        s.type("/wangjian")
        s.send(.filtered(query: "wangjian", ids: [7, 1, 8], rows: [Fx.row(Self.jian), Fx.rows[0], Fx.row(Self.jiang)]))
        s.send(.cardLoaded(Self.jianCard))
        let before = s.buffer
        s.type("g")
        let typed = s.buffer
        s.send(.filtered(query: "wangjiang", ids: [8, 1], rows: [Fx.row(Self.jiang), Fx.rows[0]]))
        s.send(.cardLoaded(Self.jiangCard))

        let grid = try #require(Self.expectEachFrameArrives([before, typed, s.buffer], "wangjian, wangjiang"))
        #expect(grid.text.split(separator: "\n")[1].hasSuffix("│ Timeline · 王江"))
    }

    @Test(arguments: [Fx.small, Fx.medium, Size(width: 61, height: 16), Fx.wide])
    func everyScreenArrivesWholeAfterTheOneBefore(size: Size) {
        let frames = RendererTests.everyScreen(size).map(\.1.buffer)
        _ = Self.expectEachFrameArrives(frames, "every screen at \(size.width)x\(size.height)")
    }

    // MARK: - Hand-made frames

    /// A frame drawn by hand, the text it must read as (worked out from the cells), and what
    /// the grid holds before it: wide characters at odd cells, so that every run of the frame
    /// lands on halves of them.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var width = 12
        var draw: @Sendable (inout ScreenBuffer) -> Void
        var text: String
        var testDescription: String { name }

        func frame() -> ScreenBuffer {
            var b = ScreenBuffer(width: width, height: 1)
            draw(&b)
            return b
        }

        func before() -> ScreenBuffer {
            var b = ScreenBuffer(width: width, height: 1)
            b.put(" " + String(repeating: "国", count: width), x: 0, y: 0, style: .selected)
            return b
        }
    }

    static let cases: [Case] = [
        Case(name: "a dim name one character longer than before (the issue's title)",
             draw: { $0.put(" T · 王建国", x: 0, y: 0, style: .dim) },
             // " T · " is 0…4, 王 5-6, 建 7-8, 国 9-10, a normal blank at 11.
             text: " T · 王建国"),
        Case(name: "wide characters side by side in three styles, then plain text",
             draw: { b in
                 b.put("王", x: 0, y: 0, style: .title)
                 b.put("建", x: 2, y: 0, style: .alert)
                 b.put("国", x: 4, y: 0, style: .good)
                 b.put("x", x: 6, y: 0)
             },
             text: "王建国x"),
        Case(name: "a run boundary right after a wide character",
             draw: { b in
                 let x = b.put("ab王", x: 0, y: 0, style: .title)
                 b.put("cd", x: x, y: 0)
             },
             text: "ab王cd"),
        Case(name: "a selection bar over a row of wide characters",
             draw: { b in
                 b.put(" 王建国 A", x: 0, y: 0)
                 b.style(x: 0, y: 0, length: 12, .selected)
             },
             text: " 王建国 A"),
        Case(name: "combining marks on a narrow and on a wide character, styled",
             draw: { $0.put("e\u{301}王\u{301}x", x: 0, y: 0, style: .title) },
             text: "e\u{301}王\u{301}x"),
        Case(name: "a zero-width character after a wide one joins it",
             draw: { $0.put("王\u{200B}建", x: 0, y: 0, style: .warning) },
             text: "王\u{200B}建"),
        Case(name: "a wide character that just fits at the right edge",
             width: 5,
             draw: { $0.put("abc王", x: 0, y: 0, style: .title) },
             text: "abc王"),
        Case(name: "a wide character one column short of room leaves a blank",
             width: 5,
             draw: { $0.put("abcd王", x: 0, y: 0, style: .title) },
             text: "abcd"),
        Case(name: "text over the right half of a wide character blanks its left half",
             draw: { b in
                 b.put("王建国", x: 0, y: 0, style: .title)
                 b.put("x", x: 1, y: 0)
             },
             // 王 at 0-1 loses its right half: a blank at 0, x at 1, 建 2-3, 国 4-5.
             text: " x建国"),
        Case(name: "text over the left half of a wide character blanks its right half",
             draw: { b in
                 b.put("王建国", x: 0, y: 0, style: .title)
                 b.put("x", x: 2, y: 0)
             },
             text: "王x 国"),
        Case(name: "a wide character over halves of two others",
             draw: { b in
                 b.put("王建", x: 0, y: 0)
                 b.put("国", x: 1, y: 0, style: .alert)
             },
             // 王 0-1 and 建 2-3 each lose a half to 国 at 1-2: blanks at 0 and 3.
             text: " 国"),
        Case(name: "a style over the right half of a wide character",
             draw: { b in
                 b.put("王建国", x: 0, y: 0)
                 b.style(x: 1, y: 0, length: 3, .selected)
             },
             // 1…3 holds 王's right half and the whole of 建: 王 becomes two blanks.
             text: "  建国"),
        Case(name: "a style over the left half of a wide character",
             draw: { b in
                 b.put("王建国", x: 0, y: 0)
                 b.style(x: 0, y: 0, length: 3, .selected)
             },
             // 0…2 holds 王 and 建's left half: 建 becomes two blanks.
             text: "王  国"),
        Case(name: "a border drawn over the right half of a wide character",
             draw: { b in
                 b.put("王建国", x: 0, y: 0)
                 b.fill("│", x: 3, y: 0, length: 1, style: .dim)
             },
             text: "王 │国"),
    ]

    @Test(arguments: cases)
    func aHandMadeFrameArrivesWhole(_ c: Case) {
        let frame = c.frame()
        #expect(frame.text == c.text)
        #expect(frame.cellModelViolations == [])
        _ = Self.expectEachFrameArrives([c.before(), frame], c.name)
    }
}

// MARK: - Cutting a row

extension TerminalRunTests {
    static func narrow(_ text: String, _ style: CellStyle = .normal) -> Cell { Cell(text: text, width: 1, style: style) }
    static func wide(_ text: String, _ style: CellStyle = .normal) -> Cell { Cell(text: text, width: 2, style: style) }
    static func rightHalf(_ style: CellStyle = .normal) -> Cell { .continuation(style) }

    /// A row of cells, some breaking the cell model as no `ScreenBuffer` call now does, and
    /// the runs the backend must send for it (row 0).
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var cells: [Cell]
        var runs: [TerminalRun]
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "a continuation in another style than its character (what put used to leave)",
            cells: [wide("王", .dim), rightHalf(), wide("建", .dim), rightHalf(), narrow(" ")],
            runs: [TerminalRun(x: 0, y: 0, style: .dim, text: "王建"), TerminalRun(x: 4, y: 0, style: .normal, text: " ")]),
        Row(name: "a run boundary right after a wide character",
            cells: [narrow("a"), wide("王", .title), rightHalf(.title), narrow("b")],
            runs: [TerminalRun(x: 0, y: 0, style: .normal, text: "a"), TerminalRun(x: 1, y: 0, style: .title, text: "王"),
                   TerminalRun(x: 3, y: 0, style: .normal, text: "b")]),
        Row(name: "combining marks stay with their characters",
            cells: [narrow("e\u{301}", .title), wide("王\u{301}", .title), rightHalf(), narrow("x", .title)],
            runs: [TerminalRun(x: 0, y: 0, style: .title, text: "e\u{301}王\u{301}x")]),
        Row(name: "an orphaned right half at the start of the row is a blank",
            cells: [rightHalf(.title), narrow("a")],
            runs: [TerminalRun(x: 0, y: 0, style: .title, text: " "), TerminalRun(x: 1, y: 0, style: .normal, text: "a")]),
        Row(name: "an orphaned right half after a whole wide character is a blank",
            cells: [wide("王"), rightHalf(), rightHalf(), narrow("a")],
            runs: [TerminalRun(x: 0, y: 0, style: .normal, text: "王 a")]),
        Row(name: "a left half without its right half is a blank",
            cells: [wide("王", .title), narrow("b"), narrow("c")],
            runs: [TerminalRun(x: 0, y: 0, style: .title, text: " "), TerminalRun(x: 1, y: 0, style: .normal, text: "bc")]),
        Row(name: "a wide character in the last column is a blank",
            cells: [narrow("a"), wide("王")],
            runs: [TerminalRun(x: 0, y: 0, style: .normal, text: "a ")]),
    ]

    @Test(arguments: rows)
    func aRowIsCutOnlyBetweenCharacters(_ row: Row) {
        #expect(TerminalRun.cut(row.cells[...], y: 0) == row.runs)
    }
}
