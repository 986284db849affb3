import RapportBase
import RapportCore

/// What a cell means to the eye; the backend turns it into colours or, without colour,
/// into attributes.
public enum CellStyle: Hashable, Sendable {
    case normal, title, header, selected, dim, alert, warning, good, error, bar
}

/// One terminal cell: a grapheme and its width; the right half of a double-width
/// character is a continuation cell with no text of its own and the character's style.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: Int
    public var style: CellStyle

    public static let blank = Cell(text: " ", width: 1, style: .normal)
    static func blank(_ style: CellStyle) -> Cell { Cell(text: " ", width: 1, style: style) }
    static func continuation(_ style: CellStyle) -> Cell { Cell(text: "", width: 0, style: style) }
}

/// A frame: a grid of cells the renderer fills and the backend copies to the screen.
public struct ScreenBuffer: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (a prompt's insertion point), or nil to hide it.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes text at (x, y), clipped at `maxX` (exclusive; the screen's right edge by
    /// default). User text is sanitized here, the one door into the frame; a double-width
    /// character that would straddle the edge leaves a blank instead, and one written over
    /// loses its other half to a blank. Returns the x after.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .normal, maxX: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(maxX ?? width, width)
        var col = x
        // Where the last character written starts: a zero-width one joins it.
        var previous: Int?
        for ch in TerminalText.sanitized(text) {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                if let previous { cells[y * width + previous].text.append(ch) }
                continue
            }
            if col + w > limit {
                if w == 2, (0..<limit).contains(col) { blank(col, y, style) }
                break
            }
            if col >= 0 {
                release(col, y)
                if w == 2 { release(col + 1, y) }
                cells[y * width + col] = Cell(text: String(ch), width: w, style: style)
                if w == 2 { cells[y * width + col + 1] = .continuation(style) }
                previous = col
            }
            col += w
        }
        return col
    }

    /// Paints a run of cells with a style, text unchanged (a selection bar). A wide
    /// character the run covers only half of becomes blanks, since a terminal shows it in one style.
    public mutating func style(x: Int, y: Int, length: Int, _ style: CellStyle) {
        guard y >= 0, y < height else { return }
        let range = max(0, x)..<min(width, x + length)
        guard let first = range.first, let last = range.last else { return }
        if self[first, y].width == 0 { blank(first, y, self[first, y].style) }
        if self[last, y].width == 2 { blank(last, y, self[last, y].style) }
        for col in range { cells[y * width + col].style = style }
    }

    /// Fills a rectangle with a character (borders, bars).
    public mutating func fill(_ character: Character, x: Int, y: Int, length: Int, style: CellStyle = .normal) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + length) {
            release(col, y)
            cells[y * width + col] = Cell(text: String(character), width: 1, style: style)
        }
    }

    /// Makes (x, y) a blank in `style`, the other half of a wide character there too.
    private mutating func blank(_ x: Int, _ y: Int, _ style: CellStyle) {
        release(x, y)
        cells[y * width + x] = .blank(style)
    }

    /// Before (x, y) is overwritten: when it is half of a wide character, the other half
    /// becomes a blank in the character's style, so that no half is left alone.
    private mutating func release(_ x: Int, _ y: Int) {
        let i = y * width + x
        switch cells[i].width {
        case 0 where x > 0: cells[i - 1] = .blank(cells[i - 1].style)
        case 2 where x + 1 < width: cells[i + 1] = .blank(cells[i + 1].style)
        default: break
        }
    }

    /// The frame as plain text, one line per row, trailing spaces trimmed: what snapshot
    /// tests compare and `rapport --snapshot` prints.
    public var text: String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
