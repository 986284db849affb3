/// A piece of a frame the backend sends in one call: text in one style from (x, y).
public struct TerminalRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var style: CellStyle
    public var text: String
}

extension ScreenBuffer {
    /// The frame cut into runs of same-style cells, row by row, covering every cell.
    public var runs: [TerminalRun] {
        var out: [TerminalRun] = []
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                if let last = out.last, last.y == y, last.style == cell.style {
                    out[out.count - 1].text += cell.text
                } else {
                    out.append(TerminalRun(x: x, y: y, style: cell.style, text: cell.text))
                }
            }
        }
        return out
    }
}
