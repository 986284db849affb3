import RapportBase
import RapportCore

/// What a cell means to the eye; the backend turns it into colours or, without colour,
/// into attributes.
public enum CellStyle: Hashable, Sendable {
    case normal, title, header, selected, dim, alert, warning, good, error, bar
}

/// One terminal cell: a grapheme and its width; the right half of a double-width
/// character is a continuation cell with no text of its own.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: Int
    public var style: CellStyle

    public static let blank = Cell(text: " ", width: 1, style: .normal)
    static let continuation = Cell(text: "", width: 0, style: .normal)
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
    /// character that would straddle the edge leaves a blank instead. Returns the x after.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .normal, maxX: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(maxX ?? width, width)
        var col = x
        for ch in TerminalText.sanitized(text) {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // A combining mark joins the cell before it.
                if col > x, col - 1 < width { cells[y * width + col - 1].text.append(ch) }
                continue
            }
            if col + w > limit {
                if w == 2, col < limit { cells[y * width + col] = Cell(text: " ", width: 1, style: style) }
                break
            }
            if col >= 0 {
                cells[y * width + col] = Cell(text: String(ch), width: w, style: style)
                if w == 2 { cells[y * width + col + 1] = .continuation }
            }
            col += w
        }
        return col
    }

    /// Paints a run of cells with a style, text unchanged (a selection bar).
    public mutating func style(x: Int, y: Int, length: Int, _ style: CellStyle) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + length) { cells[y * width + col].style = style }
    }

    /// Fills a rectangle with a character (borders, bars).
    public mutating func fill(_ character: Character, x: Int, y: Int, length: Int, style: CellStyle = .normal) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + length) {
            cells[y * width + col] = Cell(text: String(character), width: 1, style: style)
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
