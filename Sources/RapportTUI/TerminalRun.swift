/// A piece of a frame the backend sends in one call: text in one style from (x, y).
public struct TerminalRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var style: CellStyle
    public var text: String

    /// Cuts row `y` into runs of one style, covering every cell. A run never starts inside a
    /// wide character, drawn in its first cell's style: a terminal erases the whole character
    /// when its right half is written. A half without its other half goes as a blank.
    static func cut(_ row: ArraySlice<Cell>, y: Int) -> [TerminalRun] {
        var out: [TerminalRun] = []
        var x = row.startIndex
        while x < row.endIndex {
            let cell = row[x]
            let whole = cell.width == 2 && x + 1 < row.endIndex && row[x + 1].width == 0
            let text = whole || cell.width == 1 ? cell.text : " "
            let column = x - row.startIndex
            if let last = out.last, last.style == cell.style {
                out[out.count - 1].text += text
            } else {
                out.append(TerminalRun(x: column, y: y, style: cell.style, text: text))
            }
            x += whole ? 2 : 1
        }
        return out
    }
}

extension ScreenBuffer {
    /// The frame as the backend sends it: each row's runs, top to bottom.
    public var runs: [TerminalRun] {
        (0..<height).flatMap { y in TerminalRun.cut(cells[y * width..<(y + 1) * width], y: y) }
    }
}
